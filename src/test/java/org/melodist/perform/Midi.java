package org.melodist.perform;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

/** Short messages for tests. */
final class Midi {
    private Midi() {
    }

    static ShortMessage on(int pitch, int velocity) {
        return msg(ShortMessage.NOTE_ON, pitch, velocity);
    }

    static ShortMessage off(int pitch) {
        return msg(ShortMessage.NOTE_OFF, pitch, 0);
    }

    /** A note-on with velocity 0, which keyboards send as note-off. */
    static ShortMessage onZero(int pitch) {
        return msg(ShortMessage.NOTE_ON, pitch, 0);
    }

    private static ShortMessage msg(int command, int pitch, int velocity) {
        try {
            return new ShortMessage(command, 0, pitch, velocity);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
