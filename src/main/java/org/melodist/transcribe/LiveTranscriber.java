package org.melodist.transcribe;

import java.util.Arrays;
import java.util.OptionalDouble;

import org.melodist.song.PitchNames;

/**
 * Transcription while a performer sings into an input: blocks of samples are added as they come. Each block
 * gives a live {@link Reading} (the block's level, and the pitch of the 46 ms YIN frame that ends with the
 * block, so the display follows the voice within about 35 ms: {@code LiveTranscriberTest}), and {@link #transcribe} turns what was recorded so far into
 * notes with the same {@link MelodyTranscriber} as a file, fast enough (about a hundred times real time) to be
 * redone every half second while singing. Recording stops growing at {@link #MAX_SECONDS}.
 */
public final class LiveTranscriber {

    /** Longest recording kept: a seed is a few bars, and the notes are re-transcribed from the whole of it. */
    public static final double MAX_SECONDS = 120;
    /** Samples looked at for the live pitch: one YIN frame (46 ms) and the decimation filters' reach. */
    private static final double WINDOW_SEC = 0.06;
    private static final double SILENT_DB = -120;

    /** What is being sung now: when (seconds into the recording), how loud (dBFS), which pitch (Hz, NaN for none). */
    public record Reading(double timeSec, double levelDb, double pitchHz, double confidence) {
        public boolean isPitched() {
            return !Double.isNaN(pitchHz);
        }

        /** MIDI pitch as a real number; NaN when unpitched. */
        public double midi() {
            return isPitched() ? 69 + 12 * Math.log(pitchHz / 440.0) / Math.log(2) : Double.NaN;
        }

        /** "A4 −12 c", or "–" when unpitched. */
        public String pitchText() {
            if (!isPitched()) return "–";
            double m = midi();
            long nearest = Math.round(m);
            long cents = Math.round((m - nearest) * 100);
            return PitchNames.name((int) nearest) + " " + (cents >= 0 ? "+" : "−") + Math.abs(cents) + " c";
        }
    }

    private final int rate;
    private final PitchTracker tracker = new PitchTracker();
    private final MelodyTranscriber transcriber = new MelodyTranscriber();
    private float[] recorded;
    private int length;

    public LiveTranscriber(int sampleRate) {
        if (sampleRate < 4000) throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is too low");
        rate = sampleRate;
        recorded = new float[sampleRate * 10];
    }

    public int sampleRate() {
        return rate;
    }

    /** Seconds recorded so far. */
    public double seconds() {
        return length / (double) rate;
    }

    /** True once {@link #MAX_SECONDS} are recorded: later samples are not kept. */
    public boolean isFull() {
        return length >= (int) (MAX_SECONDS * rate);
    }

    /** Adds {@code count} samples from {@code block} and reads the level and pitch at the end of them. */
    public Reading add(float[] block, int count) {
        int keep = Math.max(0, Math.min(count, (int) (MAX_SECONDS * rate) - length));
        if (length + keep > recorded.length) recorded = Arrays.copyOf(recorded, Math.max(length + keep, recorded.length * 2));
        System.arraycopy(block, 0, recorded, length, keep);
        length += keep;
        double energy = 0;
        for (int i = 0; i < count; i++) energy += block[i] * block[i];
        double rms = count == 0 ? 0 : Math.sqrt(energy / count);
        double levelDb = rms > 0 ? Math.max(SILENT_DB, 20 * Math.log10(rms)) : SILENT_DB;

        int window = Math.min(length, (int) Math.round(WINDOW_SEC * rate));
        double[] pitch = tracker.newestPitch(Arrays.copyOfRange(recorded, length - window, length), rate);
        double hz = pitch[0];
        double confidence = pitch[1];
        return new Reading(seconds(), levelDb, hz, confidence);
    }

    /** The samples recorded so far. */
    public float[] recording() {
        return Arrays.copyOf(recorded, length);
    }

    /** The notes of what was recorded so far (see {@link MelodyTranscriber#transcribe(float[], int, OptionalDouble)}). */
    public Transcription transcribe(OptionalDouble tempoBpm) {
        return transcriber.transcribe(recording(), rate, tempoBpm);
    }
}
