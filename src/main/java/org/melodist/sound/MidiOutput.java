package org.melodist.sound;

import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;

/**
 * Where live MIDI goes: normally Gervill playing to the sound card ({@link GervillLiveOutput}). Opening
 * fails with a {@link MidiUnavailableException} when there is no usable audio device.
 */
public interface MidiOutput extends AutoCloseable {

    /** Opens the output (idempotent) and returns the receiver to send messages to. */
    Receiver open() throws MidiUnavailableException;

    /** A short description for the status bar, e.g. the soundbank in use. */
    String description();

    @Override
    void close();
}
