package org.melodist.sound;

import java.util.Objects;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import org.melodist.ErrorMessages;

/**
 * What a MIDI keyboard plays, heard at once: notes, pedal, bends and controllers go to their own
 * synthesizer output (normally {@link GervillLiveOutput#forMonitoring}, with a small buffer) on the
 * selected track's channel with the track's instrument, whatever channel the keyboard sends on. Without
 * an audio device it stays silent and {@link #unavailableReason()} says why; it never throws at the player.
 */
public final class LiveMonitor implements Receiver {

    private static final System.Logger LOG = System.getLogger(LiveMonitor.class.getName());

    private final MidiOutput output;
    private Receiver receiver;
    private String unavailable = "";
    private int channel;
    private int program = -1;
    private volatile boolean enabled = true;

    public LiveMonitor(MidiOutput output) {
        this.output = Objects.requireNonNull(output, "output");
    }

    /** Opens the output (idempotent); false, with the reason kept, when there is no audio device. */
    public synchronized boolean open() {
        if (receiver != null) return true;
        try {
            receiver = output.open();
            unavailable = "";
            return true;
        } catch (MidiUnavailableException | RuntimeException e) {
            unavailable = "Monitoring unavailable: " + ErrorMessages.oneLine(e);
            LOG.log(System.Logger.Level.DEBUG, unavailable, e);
            return false;
        }
    }

    /** Empty while monitoring works; else one line saying why it does not. */
    public synchronized String unavailableReason() {
        return unavailable;
    }

    public String description() {
        return output.description();
    }

    public void setEnabled(boolean on) {
        enabled = on;
        if (!on) allNotesOff();
    }

    /** Plays what comes in on {@code newChannel} with GM {@code newProgram} (the selected track's). */
    public synchronized void setInstrument(int newChannel, int newProgram) {
        if (newChannel < 0 || newChannel > 15 || newProgram < 0 || newProgram > 127) {
            throw new IllegalArgumentException("channel " + newChannel + " / program " + newProgram + " is out of MIDI range");
        }
        if (newChannel != channel) allNotesOff();
        channel = newChannel;
        if (newProgram != program && receiver != null) {
            forward(ShortMessage.CONTROL_CHANGE, 0, 0);
            forward(ShortMessage.CONTROL_CHANGE, 32, 0);
            forward(ShortMessage.PROGRAM_CHANGE, newProgram, 0);
        }
        program = newProgram;
    }

    @Override
    public synchronized void send(MidiMessage message, long timeStamp) {
        if (!enabled || receiver == null || !(message instanceof ShortMessage m)) return;
        int command = m.getCommand();
        switch (command) {
            case ShortMessage.NOTE_ON, ShortMessage.NOTE_OFF, ShortMessage.CONTROL_CHANGE, ShortMessage.PITCH_BEND,
                 ShortMessage.CHANNEL_PRESSURE, ShortMessage.POLY_PRESSURE -> forward(command, m.getData1(), m.getData2());
            default -> {
                // program changes from the keyboard would fight the track's instrument; clock and sysex are not sound
            }
        }
    }

    private void forward(int command, int d1, int d2) {
        try {
            receiver.send(new ShortMessage(command, channel, d1, d2), -1);
        } catch (InvalidMidiDataException e) {
            LOG.log(System.Logger.Level.DEBUG, "dropped a malformed MIDI message", e);
        }
    }

    /** A metronome click for the count-in (GM woodblocks on the drum channel), now. */
    public synchronized void click(boolean accent) {
        if (receiver == null) return;
        try {
            int pitch = accent ? 76 : 77;
            receiver.send(new ShortMessage(ShortMessage.NOTE_ON, 9, pitch, accent ? 120 : 95), -1);
            receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, 9, pitch, 0), -1);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Silences every note (a key held while the track or device changes). */
    public synchronized void allNotesOff() {
        if (receiver == null) return;
        forward(ShortMessage.CONTROL_CHANGE, 64, 0);
        forward(ShortMessage.CONTROL_CHANGE, 123, 0);
    }

    @Override
    public synchronized void close() {
        allNotesOff();
        output.close();
        receiver = null;
    }
}
