package org.melodist.perform;

import java.util.List;
import java.util.Optional;

import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;

/**
 * The MIDI inputs of the machine. {@link #list()} asks the system again every time (Java has no plug-in
 * event, so callers refresh by listing again); {@link #connect} sends what a device plays to a receiver,
 * with timestamp -1, so that the receiver places it on its own clock.
 */
public interface MidiInputs {

    /** A device's messages flowing into a receiver until closed. */
    interface Connection extends AutoCloseable {
        MidiInputInfo device();

        @Override
        void close();
    }

    List<MidiInputInfo> list();

    Connection connect(MidiInputInfo device, Receiver to) throws MidiUnavailableException;

    /** The input remembered by its label, if it is plugged in now. */
    static Optional<MidiInputInfo> find(List<MidiInputInfo> inputs, String label) {
        if (label == null || label.isBlank()) return Optional.empty();
        return inputs.stream().filter(i -> i.label().equals(label)).findFirst();
    }
}
