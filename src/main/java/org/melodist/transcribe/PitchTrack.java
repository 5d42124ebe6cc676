package org.melodist.transcribe;

/**
 * Frame-wise pitch of a recording: for frame {@code i}, centred at {@code i * hopSeconds}, the detected
 * fundamental in Hz ({@code NaN} where the detector found none), the detector's confidence in 0..1 (one
 * minus YIN's aperiodicity), and the level in dBFS of the frame's middle 12 ms; with the (decimated) signal the track was made from.
 */
public record PitchTrack(double hopSeconds, float[] hz, float[] probability, float[] levelDb, float[] signal,
                         int signalRate) {

    public PitchTrack {
        if (!(hopSeconds > 0) || hz.length != probability.length || hz.length != levelDb.length) {
            throw new IllegalArgumentException("a pitch track needs a positive hop and equally long series");
        }
    }

    public int frames() {
        return hz.length;
    }

    public double time(int frame) {
        return frame * hopSeconds;
    }

    public double durationSeconds() {
        return hz.length * hopSeconds;
    }

    /** MIDI pitch (A4 = 69 at 440 Hz) as a real number, {@code NaN} where unpitched. */
    public double midi(int frame) {
        float f = hz[frame];
        return Float.isNaN(f) ? Double.NaN : 69 + 12 * Math.log(f / 440.0) / Math.log(2);
    }
}
