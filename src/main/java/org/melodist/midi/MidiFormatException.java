package org.melodist.midi;

/** A file that is not a Standard MIDI File Melodist can read; the message is one line for the user. */
public class MidiFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public MidiFormatException(String message) {
        super(message);
    }

    public MidiFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
