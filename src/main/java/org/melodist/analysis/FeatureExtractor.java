package org.melodist.analysis;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.DoubleConsumer;

/**
 * Computes librosa 0.10.1's frame-wise features with its defaults on 22,050 Hz mono audio. The conventions
 * matched, feature by feature:
 * <ul>
 * <li>STFT: see {@link Stft} (n_fft 2048, hop 512, periodic Hann, centred, zero padding).</li>
 * <li>spectral centroid: on the magnitude |STFT| (power 1), each frame normalised to sum 1 (a silent frame
 * stays all zero, giving 0 Hz), frequencies {@code k * sr / n_fft}.</li>
 * <li>spectral bandwidth: same normalised magnitude, p = 2, deviation from that frame's centroid.</li>
 * <li>rolloff: on the magnitude, the lowest bin frequency whose cumulative sum reaches 85 % of the frame's
 * total (a silent frame gives 0 Hz).</li>
 * <li>zero-crossing rate: frames of 2048 samples, centred with {@code np.pad(mode='edge')} (not zeros),
 * |x| &lt;= 1e-10 counts as 0, 0 counts as positive, crossings divided by 2048.</li>
 * <li>RMS: frames of 2048 samples of the raw signal (no window), centred with zero padding.</li>
 * <li>MFCC: mel power spectrogram from |STFT|^2 with {@link MelFilterBank} (Slaney scale and area
 * normalisation), {@code power_to_db(ref=1, amin=1e-10, top_db=80)} where the 80 dB floor is relative to the
 * maximum over the whole file, then an orthonormal DCT-II over the 128 bands, first 20 kept, no liftering.</li>
 * <li>chroma: |STFT|^2 through {@link ChromaFilterBank} tuned by {@link TuningEstimator}, each frame divided by
 * its maximum ({@code norm=inf}; an all-zero frame stays zero).</li>
 * <li>onset strength: the same dB mel spectrogram, positive first difference (lag 1), median over the 128
 * bands, shifted right by lag + n_fft/(2 hop) = 3 frames with zeros and cut to the frame count.</li>
 * <li>harmony / perceptr: {@link Hpss}; mean and variance accumulated in double precision, ddof 0.</li>
 * </ul>
 */
public final class FeatureExtractor {

    public static final int N_MFCC = 20;
    private static final double AMIN = 1e-10;
    private static final double TOP_DB = 80.0;
    private static final double ZCR_THRESHOLD = 1e-10;

    private final int sampleRate;
    private final MelFilterBank mel;
    private final double[][] dct;
    /** The DCT basis bin-major ({@code dctByBand[m][c] = dct[c][m]}), for the MFCC loop. */
    private final double[][] dctByBand;

    /** Progress is reported when the frame index has these low bits clear (every 256 frames, ~6 s of audio). */
    private static final int PROGRESS_EVERY = 255;
    /** Share of the work done when HPSS (with the STFT's features) is: about nine tenths, by bench-analyze. */
    private static final double HPSS_SHARE = 0.9;
    /**
     * Frames whose float32 power spectra are kept for chroma (4 KB each) at most: 2^15, about 12.7 minutes at
     * 22,050 Hz (134 MB). A longer file's spectra are computed again for chroma instead (the same values).
     */
    static final int MAX_STORED_FRAMES = 1 << 15;
    /** Frames whose spectra are computed again at a time, for chroma, in a file too long to keep them. */
    private static final int RECOMPUTED_RUN = 64;

    private final int threads;
    private final int maxStoredFrames;

    /** An extractor using the machine's cores (results do not depend on the thread count). */
    public FeatureExtractor(int sampleRate) {
        this(sampleRate, Parallel.DEFAULT_THREADS);
    }

    /** An extractor using {@code threads} threads; every result is bit-for-bit the same for any count. */
    public FeatureExtractor(int sampleRate, int threads) {
        this(sampleRate, threads, MAX_STORED_FRAMES);
    }

    /** As {@link #FeatureExtractor(int, int)}, keeping power spectra for chroma for files of up to that many frames. */
    FeatureExtractor(int sampleRate, int threads, int maxStoredFrames) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.maxStoredFrames = maxStoredFrames;
        this.sampleRate = sampleRate;
        this.mel = new MelFilterBank(sampleRate);
        this.dct = orthoDct(N_MFCC, MelFilterBank.N_MELS);
        this.dctByBand = new double[MelFilterBank.N_MELS][N_MFCC];
        for (int c = 0; c < N_MFCC; c++) {
            for (int m = 0; m < MelFilterBank.N_MELS; m++) {
                dctByBand[m][c] = dct[c][m];
            }
        }
    }

    /**
     * CPU time spent in each stage of the last {@link #extract} call by the calling thread, in nanoseconds: the
     * spectral shape and tuning peaks ({@code stftNanos}; the one STFT is HPSS's and counts there), the mel bands
     * with MFCC and onset strength, HPSS with chroma and the waveform moments, ZCR and RMS.
     */
    public record StageTimes(long stftNanos, long melNanos, long hpssNanos, long otherNanos) {
    }

    private StageTimes lastTimes = new StageTimes(0, 0, 0, 0);
    private KeyEstimator.Evidence lastKeyEvidence;

    /** The key evidence of the last {@link #extract} call (harmonic, tuned treble and bass chroma per frame). */
    public KeyEstimator.Evidence lastKeyEvidence() {
        return lastKeyEvidence;
    }

    public StageTimes lastStageTimes() {
        return lastTimes;
    }

    public FrameFeatures extract(float[] y) {
        return extract(y, fraction -> { });
    }

    /**
     * As {@link #extract(float[])}, reporting the fraction done (0..1) every few hundred frames. The
     * listener may throw (a {@link java.util.concurrent.CancellationException}, say) to abandon the work:
     * HPSS alone takes minutes' worth of frames, so a UI needs a way out between them.
     */
    public FrameFeatures extract(float[] y, DoubleConsumer progress) {
        return extract(y, progress, Hpss.Arrival.ALL);
    }

    /**
     * As {@link #extract(float[], DoubleConsumer)} on samples that may still be arriving (a file being decoded into
     * {@code y}): HPSS reads them in order as they arrive (see {@link Hpss.Arrival}); everything after it needs
     * them all.
     */
    FrameFeatures extract(float[] y, DoubleConsumer progress, Hpss.Arrival arrival) {
        int n = Stft.frameCount(y.length);
        long t0 = CpuClock.nanos();
        Thread caller = Thread.currentThread();
        double[] freq = Stft.binFrequencies(sampleRate);
        double[] centroid = new double[n];
        double[] bandwidth = new double[n];
        double[] rolloff = new double[n];
        float[][] melPower = new float[MelFilterBank.N_MELS][n];
        // chroma needs the tuning, which needs every frame's peaks: the power spectra wait for it in float32 (as
        // librosa's own are), unless the file is so long that computing them again costs less than their memory
        // (one array: a young collection then has no thousands of small ones to copy)
        float[] powers = n <= maxStoredFrames ? new float[n * Stft.BINS] : null;
        // each run of frames collects its own tuning peaks; merged in frame order afterwards (the same peaks in the
        // same order as one pass)
        ConcurrentSkipListMap<Integer, TuningEstimator> tunings = new ConcurrentSkipListMap<>();
        // the caller's CPU in the consumer below (spectral shape, tuning peaks, mel) and the mel share's wall time
        long[] callerNanos = new long[3];
        KeyChroma keyChroma = new KeyChroma(sampleRate, n);
        // HPSS's STFT is the only one: each run of frames' spectra (on HPSS's worker threads, runs in no particular
        // order) give their power's spectral shape, tuning peaks and mel bands here
        Hpss.SpectrumConsumer frameFeatures = (first, re, im, magnitudes, from, to) -> {
            boolean timed = Thread.currentThread() == caller;
            long c0 = timed ? CpuClock.nanos() : 0;
            long w0 = timed ? System.nanoTime() : 0;
            long melWall = 0;
            TuningEstimator tuning = new TuningEstimator(sampleRate);
            double[] power = new double[Stft.BINS];
            double[] melFrame = new double[MelFilterBank.N_MELS];
            spectralShapes(magnitudes, from, to, first, freq, centroid, bandwidth, rolloff);
            for (int row = from; row < to; row++) {
                int t = first + row - from;
                double[] fr = re[row];
                double[] fi = im[row];
                for (int k = 0; k < Stft.BINS; k++) {
                    power[k] = fr[k] * fr[k] + fi[k] * fi[k];
                }
                tuning.add(power);
                if (powers != null) {
                    int at = t * Stft.BINS;
                    for (int k = 0; k < Stft.BINS; k++) {
                        powers[at + k] = (float) power[k];
                    }
                }
                long m0 = timed ? System.nanoTime() : 0;
                mel.apply(power, melFrame);
                for (int m = 0; m < melFrame.length; m++) {
                    melPower[m][t] = (float) melFrame[m];
                }
                melWall += timed ? System.nanoTime() - m0 : 0;
            }
            tunings.put(first, tuning);
            if (timed) {
                callerNanos[0] += CpuClock.nanos() - c0;
                callerNanos[1] += System.nanoTime() - w0;
                callerNanos[2] += melWall;
            }
        };
        float[] harmonic = new Hpss(threads).harmonic(y, frameFeatures, keyChroma::accumulate,
                done -> progress.accept(HPSS_SHARE * done / n), arrival);
        long t1 = CpuClock.nanos();
        TuningEstimator tuning = new TuningEstimator(sampleRate);
        for (TuningEstimator part : tunings.values()) {
            tuning.addAll(part);
        }
        double tune = tuning.estimate();
        lastKeyEvidence = keyChroma.evidence(tune, (double) Stft.HOP / sampleRate);
        double[][] chroma = chroma(y, powers, n, new ChromaFilterBank(sampleRate, tune));
        // the moments of the harmonic and percussive waveforms (whole and per hop), two independent passes
        // (percussive = y - harmonic, see Hpss.separate; kept implicit to save a waveform of memory)
        double[][] stats = new double[2][2];
        BlockMoments[] blocks = new BlockMoments[2];
        Parallel.forRanges(threads, 2, (part, from, to) -> {
            for (int task = from; task < to; task++) {
                blocks[task] = task == 0 ? new BlockMoments(harmonic, null, Stft.HOP, stats[0])
                        : new BlockMoments(y, harmonic, Stft.HOP, stats[1]);
            }
        });
        long t2 = CpuClock.nanos();
        double[][] mfcc = mfccAndDb(melPower, n);
        double[] onset = onsetStrength(melPower, n);
        long t3 = CpuClock.nanos();
        progress.accept(0.95);
        double[] zcr = new double[n];
        double[] rms = new double[n];
        Parallel.forRanges(threads, n, (part, from, to) -> {
            zeroCrossingRate(y, from, to, zcr);
            rms(y, from, to, rms);
        });
        long t4 = CpuClock.nanos();
        progress.accept(1.0);
        // the consumer's mel share, measured in wall time per frame (cheap), applied to its CPU time
        long melCpu = (long) (callerNanos[0] * (callerNanos[2] / (double) Math.max(1, callerNanos[1])));
        long spectral = callerNanos[0] - melCpu;
        lastTimes = new StageTimes(spectral, melCpu + (t3 - t2), (t1 - t0 - callerNanos[0]) + (t2 - t1), t4 - t3);
        return new FrameFeatures(sampleRate, y.length, Stft.HOP, centroid, bandwidth, rolloff, zcr, rms, mfcc, chroma,
                onset, tune, stats[0][0], stats[0][1], stats[1][0], stats[1][1], blocks[0], blocks[1]);
    }

    /**
     * Chroma of every frame from its power spectrum in float32 (frame t's at {@code powers[t * bins]}; null for a
     * file too long to keep them, when each frame's spectrum is computed again and rounded the same way), each
     * frame divided by its maximum; frames split over the cores.
     */
    private double[][] chroma(float[] y, float[] powers, int n, ChromaFilterBank bank) {
        double[][] chroma = new double[ChromaFilterBank.N_CHROMA][n];
        Parallel.forRanges(threads, n, (part, from, to) -> {
            if (powers != null) {
                bank.applyFrames(powers, from, to, chroma, from);
            } else {
                Stft stft = new Stft();
                double[] power = new double[Stft.BINS];
                int runFrames = Math.min(RECOMPUTED_RUN, to - from);
                float[] run = new float[runFrames * Stft.BINS];
                for (int t0 = from; t0 < to; t0 += runFrames) {
                    int count = Math.min(runFrames, to - t0);
                    for (int i = 0; i < count; i++) {
                        stft.power(y, t0 + i, power);
                        for (int k = 0; k < Stft.BINS; k++) {
                            run[i * Stft.BINS + k] = (float) power[k];
                        }
                    }
                    bank.applyFrames(run, 0, count, chroma, t0);
                }
            }
            for (int t = from; t < to; t++) {
                double max = 0;
                for (int c = 0; c < ChromaFilterBank.N_CHROMA; c++) {
                    max = Math.max(max, Math.abs(chroma[c][t]));
                }
                double scale = max < Float.MIN_NORMAL ? 1.0 : max;
                for (int c = 0; c < ChromaFilterBank.N_CHROMA; c++) {
                    chroma[c][t] = chroma[c][t] / scale;
                }
            }
        });
        return chroma;
    }

    /**
     * {@link #spectralShape} of the magnitudes in rows {@code from .. to-1} (frame {@code first + row - from}),
     * four frames side by side: each frame's sums are the same additions in the same order, but four independent
     * chains of them keep the CPU busy where one waits on every addition.
     */
    private static void spectralShapes(double[][] mag, int from, int to, int first, double[] freq, double[] centroid,
            double[] bandwidth, double[] rolloff) {
        int row = from;
        for (; row + 3 < to; row += 4) {
            double[] s0 = mag[row];
            double[] s1 = mag[row + 1];
            double[] s2 = mag[row + 2];
            double[] s3 = mag[row + 3];
            double total0 = 0;
            double total1 = 0;
            double total2 = 0;
            double total3 = 0;
            double c0 = 0;
            double c1 = 0;
            double c2 = 0;
            double c3 = 0;
            for (int k = 0; k < s0.length; k++) {
                double f = freq[k];
                total0 += s0[k];
                c0 += f * s0[k];
                total1 += s1[k];
                c1 += f * s1[k];
                total2 += s2[k];
                c2 += f * s2[k];
                total3 += s3[k];
                c3 += f * s3[k];
            }
            if (total0 < Float.MIN_NORMAL || total1 < Float.MIN_NORMAL || total2 < Float.MIN_NORMAL
                    || total3 < Float.MIN_NORMAL) {
                // a silent frame among them (rare): one at a time
                for (int r = row; r < row + 4; r++) {
                    spectralShape(mag[r], freq, first + r - from, centroid, bandwidth, rolloff);
                }
                continue;
            }
            c0 /= total0;
            c1 /= total1;
            c2 /= total2;
            c3 /= total3;
            double bw0 = 0;
            double bw1 = 0;
            double bw2 = 0;
            double bw3 = 0;
            double threshold0 = 0.85 * total0;
            double threshold1 = 0.85 * total1;
            double threshold2 = 0.85 * total2;
            double threshold3 = 0.85 * total3;
            double cum0 = 0;
            double cum1 = 0;
            double cum2 = 0;
            double cum3 = 0;
            int roll0 = -1;
            int roll1 = -1;
            int roll2 = -1;
            int roll3 = -1;
            for (int k = 0; k < s0.length; k++) {
                double f = freq[k];
                double d0 = f - c0;
                double d1 = f - c1;
                double d2 = f - c2;
                double d3 = f - c3;
                bw0 += s0[k] / total0 * d0 * d0;
                bw1 += s1[k] / total1 * d1 * d1;
                bw2 += s2[k] / total2 * d2 * d2;
                bw3 += s3[k] / total3 * d3 * d3;
                cum0 += s0[k];
                cum1 += s1[k];
                cum2 += s2[k];
                cum3 += s3[k];
                if (roll0 < 0 && cum0 >= threshold0) {
                    roll0 = k;
                }
                if (roll1 < 0 && cum1 >= threshold1) {
                    roll1 = k;
                }
                if (roll2 < 0 && cum2 >= threshold2) {
                    roll2 = k;
                }
                if (roll3 < 0 && cum3 >= threshold3) {
                    roll3 = k;
                }
            }
            int t = first + row - from;
            int last = s0.length - 1;
            centroid[t] = c0;
            centroid[t + 1] = c1;
            centroid[t + 2] = c2;
            centroid[t + 3] = c3;
            bandwidth[t] = Math.sqrt(bw0);
            bandwidth[t + 1] = Math.sqrt(bw1);
            bandwidth[t + 2] = Math.sqrt(bw2);
            bandwidth[t + 3] = Math.sqrt(bw3);
            rolloff[t] = freq[roll0 < 0 ? last : roll0];
            rolloff[t + 1] = freq[roll1 < 0 ? last : roll1];
            rolloff[t + 2] = freq[roll2 < 0 ? last : roll2];
            rolloff[t + 3] = freq[roll3 < 0 ? last : roll3];
        }
        for (; row < to; row++) {
            spectralShape(mag[row], freq, first + row - from, centroid, bandwidth, rolloff);
        }
    }

    private static void spectralShape(double[] s, double[] freq, int t, double[] centroid, double[] bandwidth,
            double[] rolloff) {
        // the total and the centroid's sum side by side (each in bin order, as two loops would add them)
        double total = 0;
        double c = 0;
        for (int k = 0; k < s.length; k++) {
            total += s[k];
            c += freq[k] * s[k];
        }
        if (total < Float.MIN_NORMAL) {
            // util.normalize leaves a silent frame unscaled (all zero), so every moment is 0
            centroid[t] = 0;
            bandwidth[t] = 0;
            rolloff[t] = 0;
            return;
        }
        c /= total;
        // bandwidth and rolloff in one pass (two independent sums, each in bin order as before)
        double bw = 0;
        double threshold = 0.85 * total;
        double cumulative = 0;
        int rollBin = -1;
        for (int k = 0; k < s.length; k++) {
            double d = freq[k] - c;
            bw += s[k] / total * d * d;
            cumulative += s[k];
            if (rollBin < 0 && cumulative >= threshold) {
                rollBin = k;
            }
        }
        double roll = freq[rollBin < 0 ? s.length - 1 : rollBin];
        centroid[t] = c;
        bandwidth[t] = Math.sqrt(bw);
        rolloff[t] = roll;
    }

    /** Converts melPower in place to dB (80 dB below the file's maximum at most) and returns the MFCCs. */
    private double[][] mfccAndDb(float[][] melPower, int n) {
        int bands = melPower.length;
        // bands split over the cores; the maximum is exact whatever the order it is taken in
        double[] maxOf = new double[Math.max(1, Math.min(threads, bands))];
        Parallel.forRanges(threads, bands, (part, from, to) -> {
            double max = Double.NEGATIVE_INFINITY;
            for (int m = from; m < to; m++) {
                float[] row = melPower[m];
                for (int t = 0; t < n; t++) {
                    double db = 10.0 * Math.log10(Math.max(AMIN, row[t]));
                    row[t] = (float) db;
                    max = Math.max(max, db);
                }
            }
            maxOf[part] = max;
        });
        double max = Double.NEGATIVE_INFINITY;
        for (double m : maxOf) {
            max = Math.max(max, m);
        }
        double floor = max - TOP_DB;
        double[][] out = new double[N_MFCC][n];
        Parallel.forRanges(threads, bands, (part, from, to) -> {
            for (int m = from; m < to; m++) {
                float[] row = melPower[m];
                for (int t = 0; t < n; t++) {
                    if (row[t] < floor) {
                        row[t] = (float) floor;
                    }
                }
            }
        });
        // the twenty sums side by side, band after band: each still adds its terms in band order (the values of
        // twenty separate dot products) without waiting on the previous addition
        Parallel.forRanges(threads, n, (part, from, to) -> {
            double[] acc = new double[N_MFCC];
            for (int t = from; t < to; t++) {
                java.util.Arrays.fill(acc, 0.0);
                for (int m = 0; m < bands; m++) {
                    double v = melPower[m][t];
                    double[] basis = dctByBand[m];
                    for (int c = 0; c < N_MFCC; c++) {
                        acc[c] += basis[c] * v;
                    }
                }
                for (int c = 0; c < N_MFCC; c++) {
                    out[c][t] = acc[c];
                }
            }
        });
        return out;
    }

    /** librosa.onset.onset_strength(y, sr) on the dB mel spectrogram (already converted in place). */
    private double[] onsetStrength(float[][] melDb, int n) {
        int lag = 1;
        int shift = lag + Stft.N_FFT / (2 * Stft.HOP);
        double[] env = new double[n];
        int bands = melDb.length;
        // frame t's value needs frames t and t - lag only: frames split over the cores
        int count = Math.max(0, Math.min(n, n + shift - lag) - shift);
        Parallel.forRanges(threads, count, (part, from, to) -> {
            double[] rises = new double[bands];
            for (int i = shift + from; i < shift + to; i++) {
                int t = i - shift + lag; // difference of frame t and t - lag
                // the median of the rectified differences: the zeros (often most bands) lead the sorted list, so
                // only the rises need sorting
                int r = 0;
                for (int m = 0; m < bands; m++) {
                    double d = Math.max(0.0, (double) melDb[m][t] - melDb[m][t - lag]);
                    if (d > 0) {
                        rises[r++] = d;
                    }
                }
                env[i] = medianAfterZeros(rises, r, bands);
            }
        });
        return env;
    }

    /**
     * The median (numpy's: the mean of the middle two for an even count) of {@code total} values of which all
     * but the {@code count} positive ones in {@code rises[0 .. count)} are zero; sorts those in place.
     */
    static double medianAfterZeros(double[] rises, int count, int total) {
        java.util.Arrays.sort(rises, 0, count);
        int zeros = total - count;
        int hi = total / 2;
        double upper = hi < zeros ? 0.0 : rises[hi - zeros];
        if (total % 2 == 1) {
            return upper;
        }
        double lower = hi - 1 < zeros ? 0.0 : rises[hi - 1 - zeros];
        return 0.5 * (lower + upper);
    }

    private static void zeroCrossingRate(float[] y, int from, int to, double[] out) {
        int frame = Stft.N_FFT;
        int half = frame / 2;
        int hop = Stft.HOP;
        // Frame t counts sign changes between samples i-1 and i for i in t*hop - half + 1 .. t*hop + half - 1.
        // Away from the ends that is the changes of the four hop-long stretches starting at t*hop - half + 1,
        // t*hop - half + 1 + hop, ..., minus the last position of the fourth: counts per stretch, added up (exact
        // integers, the same count as frame by frame).
        int first = from;
        while (first < to && first * hop - half < 0) {
            first++;
        }
        int last = first;
        while (last < to && last * hop + half <= y.length) {
            last++;
        }
        // frames first .. last-1 lie inside the signal: stretches q = first .. last + 2
        int stretches = last > first ? last - first + 3 : 0;
        int[] changes = new int[stretches];
        for (int q = 0; q < stretches; q++) {
            int lo = (first + q) * hop - half + 1;
            if (lo > y.length) {
                break; // past the end (the last frame ends on the last sample): no changes there
            }
            int hi = Math.min(lo + hop, y.length);
            int count = 0;
            boolean prev = negative(y[lo - 1]);
            for (int i = lo; i < hi; i++) {
                boolean cur = negative(y[i]);
                count += cur != prev ? 1 : 0;
                prev = cur;
            }
            changes[q] = count;
        }
        for (int t = from; t < to; t++) {
            if (t >= first && t < last) {
                int q = t - first;
                int end = t * hop + half; // the fourth stretch's last position, outside frame t
                int crossings = changes[q] + changes[q + 1] + changes[q + 2] + changes[q + 3]
                        - (end < y.length && negative(y[end]) != negative(y[end - 1]) ? 1 : 0);
                out[t] = (double) crossings / frame;
                continue;
            }
            int start = t * hop - half;
            int crossings = 0;
            boolean prev = negative(edge(y, start));
            for (int i = 1; i < frame; i++) {
                boolean cur = negative(edge(y, start + i));
                if (cur != prev) {
                    crossings++;
                }
                prev = cur;
            }
            out[t] = (double) crossings / frame;
        }
    }

    /** np.pad(mode='edge'): the first or last sample repeated outside the signal. */
    private static float edge(float[] y, int i) {
        return y[Math.max(0, Math.min(y.length - 1, i))];
    }

    /** np.signbit after values with |x| &lt;= threshold were set to +0. */
    private static boolean negative(float v) {
        return Math.abs(v) > ZCR_THRESHOLD && v < 0;
    }

    private static void rms(float[] y, int from0, int to0, double[] out) {
        int frame = Stft.N_FFT;
        int t = from0;
        while (t < to0 && t * Stft.HOP - frame / 2 < 0) {
            out[t] = rmsOfFrame(y, t);
            t++;
        }
        // frames wholly inside the signal four at a time: four sums side by side, each in sample order
        while (t + 3 < to0 && (t + 3) * Stft.HOP + frame / 2 <= y.length) {
            int a = t * Stft.HOP - frame / 2;
            int b = a + Stft.HOP;
            int c = b + Stft.HOP;
            int d = c + Stft.HOP;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < frame; i++) {
                s0 += (double) y[a + i] * y[a + i];
                s1 += (double) y[b + i] * y[b + i];
                s2 += (double) y[c + i] * y[c + i];
                s3 += (double) y[d + i] * y[d + i];
            }
            out[t] = Math.sqrt(s0 / frame);
            out[t + 1] = Math.sqrt(s1 / frame);
            out[t + 2] = Math.sqrt(s2 / frame);
            out[t + 3] = Math.sqrt(s3 / frame);
            t += 4;
        }
        for (; t < to0; t++) {
            out[t] = rmsOfFrame(y, t);
        }
    }

    /** RMS of frame {@code t}, zero-padded at the ends of the signal. */
    private static double rmsOfFrame(float[] y, int t) {
        int frame = Stft.N_FFT;
        int start = t * Stft.HOP - frame / 2;
        double sum = 0;
        int from = Math.max(0, start);
        int to = Math.min(y.length, start + frame);
        for (int i = from; i < to; i++) {
            sum += (double) y[i] * y[i];
        }
        return Math.sqrt(sum / frame);
    }

    /** scipy.fftpack.dct(type=2, norm='ortho') as a matrix: rows are coefficients. */
    private static double[][] orthoDct(int coefficients, int size) {
        double[][] m = new double[coefficients][size];
        for (int k = 0; k < coefficients; k++) {
            double scale = k == 0 ? Math.sqrt(1.0 / size) : Math.sqrt(2.0 / size);
            for (int i = 0; i < size; i++) {
                m[k][i] = scale * Math.cos(Math.PI * k * (2 * i + 1) / (2.0 * size));
            }
        }
        return m;
    }
}
