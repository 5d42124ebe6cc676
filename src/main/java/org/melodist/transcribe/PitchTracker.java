package org.melodist.transcribe;

import be.tarsos.dsp.pitch.FastYin;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.PitchDetector;

/**
 * Runs TarsosDSP's YIN (the FFT form, {@link FastYin}) over centred frames of a mono signal and measures each
 * frame's level. The signal is first halved in rate (a windowed-sinc low-pass, then every second sample) down
 * to no less than {@link #ANALYSIS_RATE}: melodies have their fundamentals far below 5 kHz, and YIN's cost falls
 * with the square of the frame. At 11,025 Hz a frame is 512 samples (46 ms, reaching down to 43 Hz) and the hop
 * 128 samples (11.6 ms).
 */
public final class PitchTracker {

    /** The lowest rate the signal is decimated to. */
    public static final int ANALYSIS_RATE = 11_025;
    /** Fundamentals outside this range are treated as unpitched (a low hum, a whistle's harmonics). */
    public static final double MIN_HZ = 50;
    public static final double MAX_HZ = 2100;
    private static final double FRAME_SEC = 0.046;
    private static final double HOP_SEC = 0.0116;
    /** YIN's absolute threshold: dips of the normalised difference below it count as periods. */
    private static final double YIN_THRESHOLD = 0.25;
    private static final double SILENT_DB = -120;
    private static final float[] HALF_BAND = halfBand(31);

    public PitchTrack track(float[] samples, int sampleRate) {
        if (sampleRate < 4000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is too low for pitch tracking");
        }
        Decimated d = Decimated.of(samples, sampleRate);
        float[] x = d.samples();
        int rate = d.rate();
        int frame = d.frame();
        int hop = Math.max(1, (int) Math.round(rate * HOP_SEC));
        int frames = x.length == 0 ? 0 : 1 + (x.length - 1) / hop;
        float[] hz = new float[frames];
        float[] prob = new float[frames];
        float[] db = new float[frames];
        PitchDetector yin = new FastYin(rate, frame, YIN_THRESHOLD);
        float[] buf = new float[frame];
        int half = frame / 2;
        int quarter = frame / 8;
        for (int i = 0; i < frames; i++) {
            int start = i * hop - half;
            double energy = 0;
            for (int k = 0; k < frame; k++) {
                int j = start + k;
                float s = j >= 0 && j < x.length ? x[j] : 0f;
                buf[k] = s;
                energy += s * s;
            }
            // the level over the middle quarter of the frame (12 ms): sharp enough to see re-articulations
            double shortEnergy = 0;
            for (int k = half - quarter; k < half + quarter; k++) {
                shortEnergy += buf[k] * buf[k];
            }
            double shortRms = Math.sqrt(shortEnergy / (2 * quarter));
            db[i] = (float) (shortRms > 0 ? Math.max(SILENT_DB, 20 * Math.log10(shortRms)) : SILENT_DB);
            hz[i] = Float.NaN;
            if (energy <= 0) {
                continue;
            }
            PitchDetectionResult r = yin.getPitch(buf);
            float f = r.getPitch();
            if (r.isPitched() && f >= MIN_HZ && f <= MAX_HZ) {
                hz[i] = f;
                prob[i] = Math.max(0f, Math.min(1f, r.getProbability()));
            }
        }
        return new PitchTrack(hop / (double) rate, hz, prob, db, x, rate);
    }

    /**
     * The pitch of the newest frame of {@code samples}: one YIN frame (46 ms) ending at the last sample, after the
     * same decimation as {@link #track}. For a live display, where the frame grid of {@link #track} would add up to
     * a hop of delay. Returns {Hz, confidence}; Hz is NaN when unpitched or when there are fewer samples than a frame.
     */
    public double[] newestPitch(float[] samples, int sampleRate) {
        Decimated d = Decimated.of(samples, sampleRate);
        float[] x = d.samples();
        int rate = d.rate();
        int frame = d.frame();
        if (x.length < frame) {
            return new double[] {Double.NaN, 0};
        }
        float[] buf = java.util.Arrays.copyOfRange(x, x.length - frame, x.length);
        PitchDetectionResult r = new FastYin(rate, frame, YIN_THRESHOLD).getPitch(buf);
        float f = r.getPitch();
        if (r.isPitched() && f >= MIN_HZ && f <= MAX_HZ) {
            return new double[] {f, Math.max(0f, Math.min(1f, r.getProbability()))};
        }
        return new double[] {Double.NaN, 0};
    }

    /**
     * The signal halved in rate down to {@link #ANALYSIS_RATE} (while the rate stays whole), and the YIN frame length
     * at that rate: a power of two of about {@link #FRAME_SEC}. {@link #track} and {@link #newestPitch} share it so
     * that the live pitch is measured exactly as the transcription's.
     */
    private record Decimated(float[] samples, int rate, int frame) {
        static Decimated of(float[] samples, int sampleRate) {
            float[] x = samples;
            int rate = sampleRate;
            while (rate / 2 >= ANALYSIS_RATE && rate % 2 == 0) {
                x = decimate(x);
                rate /= 2;
            }
            return new Decimated(x, rate, Integer.highestOneBit((int) Math.ceil(rate * FRAME_SEC) - 1) << 1);
        }
    }

    /** Low-pass at a quarter of the rate, then every second sample. */
    static float[] decimate(float[] x) {
        int taps = HALF_BAND.length;
        int mid = taps / 2;
        float[] y = new float[(x.length + 1) / 2];
        for (int i = 0; i < y.length; i++) {
            int c = 2 * i;
            double acc = 0;
            for (int k = 0; k < taps; k++) {
                int j = c + k - mid;
                if (j >= 0 && j < x.length) {
                    acc += HALF_BAND[k] * x[j];
                }
            }
            y[i] = (float) acc;
        }
        return y;
    }

    /** A Blackman-windowed sinc with its cut-off at a quarter of the sample rate, unity gain at DC. */
    private static float[] halfBand(int taps) {
        float[] h = new float[taps];
        int mid = taps / 2;
        double sum = 0;
        double[] v = new double[taps];
        for (int k = 0; k < taps; k++) {
            int n = k - mid;
            double sinc = n == 0 ? 0.5 : Math.sin(Math.PI * n / 2) / (Math.PI * n);
            double w = 0.42 - 0.5 * Math.cos(2 * Math.PI * k / (taps - 1)) + 0.08 * Math.cos(4 * Math.PI * k / (taps - 1));
            v[k] = sinc * w;
            sum += v[k];
        }
        for (int k = 0; k < taps; k++) {
            h[k] = (float) (v[k] / sum);
        }
        return h;
    }
}
