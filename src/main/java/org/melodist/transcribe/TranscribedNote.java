package org.melodist.transcribe;

/**
 * One note heard in a recording. {@code pitch} is the MIDI note chosen after allowing for the performer's
 * overall tuning; {@code cents} is how far what was played lies from {@code pitch} at A4 = 440 Hz, so
 * {@code pitch + cents / 100} is the pitch actually heard. Times are seconds of the input.
 */
public record TranscribedNote(int pitch, double startSec, double endSec, double cents, double confidence) {

    public TranscribedNote {
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("pitch " + pitch + " is outside the MIDI range 0-127");
        }
        if (!(startSec >= 0) || !(endSec > startSec)) {
            throw new IllegalArgumentException("a note needs 0 <= start < end, not " + startSec + ".." + endSec);
        }
    }

    /** The pitch heard, as a real MIDI number at A4 = 440 Hz. */
    public double heardPitch() {
        return pitch + cents / 100.0;
    }

    public double durationSec() {
        return endSec - startSec;
    }
}
