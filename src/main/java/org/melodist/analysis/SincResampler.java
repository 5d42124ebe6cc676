package org.melodist.analysis;

import java.util.Arrays;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Streaming band-limited sample-rate converter: a Kaiser-windowed sinc evaluated at the exact rational output
 * positions (output n sits at input position n * inRate / outRate), so any pair of integer rates works.
 *
 * <p>librosa loads with {@code res_type='soxr_hq'}, whose response is flat to about 93 % of the lower Nyquist
 * frequency, -3 dB near 95 % and deep in its stop band before Nyquist. This filter is shaped to match: pass band
 * to 93 %, stop band from 98 %, 80 dB of rejection (Kaiser beta 7.86). Measured against sox's own resampler
 * ({@code rate -v}, the code soxr grew from) on 30 s of 44.1 kHz music with broadband cymbals, every GTZAN
 * column agrees within 0.7 %; a gentler filter (flat only to 86 %) had cost 2.5 % on the spectral centroid and
 * 10 % on the high MFCC means, which hinge on the top mel bands.
 */
public final class SincResampler {

    /** Receives output samples in order. */
    public interface Sink {
        void accept(float[] block, int length);
    }

    private static final double PASS = 0.93;
    private static final double STOP = 0.98;
    private static final double ATTENUATION_DB = 80;
    /** Kaiser's formula for the window shape giving {@link #ATTENUATION_DB}. */
    private static final double BETA = 0.1102 * (ATTENUATION_DB - 8.7);
    private static final double ROLLOFF = (PASS + STOP) / 2;
    /**
     * Zero crossings per side, in cutoff units: Kaiser's length estimate (A - 8) / (2.285 * transition width in
     * radians) output samples, halved for one side and scaled to the cutoff.
     */
    private static final int ZERO_CROSSINGS = (int) Math.ceil(
            (ATTENUATION_DB - 8) / (2.285 * (STOP - PASS) * Math.PI) / 2 * ROLLOFF);
    private static final int TABLE_STEPS = 512;
    private static final double I0_BETA = besselI0(BETA);
    private static final double[] TABLE = kernelTable();

    private final long inRate;
    private final long outRate;
    private final double cutoff;
    private final double halfWidth;
    private final boolean passThrough;
    /** Per output phase, the filter taps for input offsets -reach..reach; null for unwieldy ratios. */
    private final double[][] phases;
    private final int reach;
    /** Below JTransforms' 8192-point threshold for splitting an FFT over two threads: stays on one core. */
    private static final int FFT_SIZE = 4096;
    private final DoubleFFT_1D fft;
    private final double[] kernelSpectrum;
    private final double[] segment = new double[FFT_SIZE];
    /** For halving: the inverse FFT of half the size, and the folded spectrum it inverts. */
    private final DoubleFFT_1D halfFft;
    private final double[] folded;

    /** Input not yet consumed; {@code buffer[0]} is input sample number {@code bufferStart}. */
    private double[] buffer = new double[8192];
    private int buffered;
    private long bufferStart;
    private long nextOut;
    private long totalIn;
    private final float[] outBlock = new float[4096];
    private int outFill;

    public SincResampler(int inRate, int outRate) {
        this(inRate, outRate, true);
    }

    /** {@code fastDecimation} false forces the direct dot products (tests compare the two paths). */
    SincResampler(int inRate, int outRate, boolean fastDecimation) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inRate + " -> " + outRate);
        }
        long g = gcd(inRate, outRate);
        this.inRate = inRate / g;
        this.outRate = outRate / g;
        this.passThrough = this.inRate == this.outRate;
        this.cutoff = Math.min(1.0, (double) this.outRate / this.inRate) * ROLLOFF;
        this.halfWidth = ZERO_CROSSINGS / cutoff;
        this.reach = (int) Math.ceil(halfWidth) + 1;
        // a ratio with few output phases (44.1 kHz -> 22.05 kHz has 1, 48 kHz has 147) gets its taps
        // precomputed; odd ratios fall back to interpolating the kernel table per tap
        this.phases = passThrough || this.outRate > 2048 ? null : phaseTable();
        // integer decimation (44.1 kHz, 88.2 kHz, 176.4 kHz to 22.05 kHz) has one symmetric phase: filter by
        // FFT overlap-save instead, about five times cheaper than 400-tap dot products
        this.fft = fastDecimation && phases != null && this.outRate == 1 && 4 * (2 * reach + 1) < FFT_SIZE
                ? new DoubleFFT_1D(FFT_SIZE) : null;
        this.kernelSpectrum = fft == null ? null : kernelSpectrum();
        // halving (44.1 kHz to 22.05 kHz, the commonest) inverts only the even samples: see produceByFft
        this.halfFft = fft != null && this.inRate == 2 ? new DoubleFFT_1D(FFT_SIZE / 2) : null;
        this.folded = halfFft == null ? null : new double[FFT_SIZE / 2];
        // the filter looks back halfWidth input samples before position 0: treat those as silence
        this.bufferStart = 0;
    }

    /** Feeds {@code length} input samples; output samples that are complete go to {@code sink}. */
    public void process(float[] in, int length, Sink sink) {
        if (passThrough) {
            sink.accept(in, length);
            return;
        }
        ensureCapacity(buffered + length);
        for (int i = 0; i < length; i++) {
            buffer[buffered + i] = in[i];
        }
        buffered += length;
        totalIn += length;
        produce(false, sink);
    }

    /** Flushes the tail: input ends here and is followed by silence, as at the start. */
    public void finish(Sink sink) {
        if (!passThrough) {
            produce(true, sink);
        }
        if (outFill > 0) {
            sink.accept(outBlock, outFill);
            outFill = 0;
        }
    }

    /** Output length for {@code inputLength} input samples: ceil(inputLength * outRate / inRate). */
    public long outputLength(long inputLength) {
        return (inputLength * outRate + inRate - 1) / inRate;
    }

    private void produce(boolean last, Sink sink) {
        long outTotal = outputLength(totalIn);
        if (fft != null) {
            produceByFft(last, outTotal, sink);
        }
        while (nextOut < outTotal) {
            long num = nextOut * inRate;
            long centre = num / outRate;
            double frac = (double) (num % outRate) / outRate;
            double t = centre + frac;
            long hi = (long) Math.floor(t + halfWidth);
            if (!last && hi >= bufferStart + buffered) {
                break;
            }
            double acc = 0;
            if (phases != null) {
                double[] taps = phases[(int) (num % outRate)];
                long first = centre - reach;
                int dFrom = (int) Math.max(0, bufferStart - first);
                int dTo = (int) Math.min(taps.length - 1, bufferStart + buffered - 1 - first);
                int base = (int) (first - bufferStart);
                // four partial sums: independent chains the CPU can overlap (Java may not reorder FP adds)
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                int d = dFrom;
                for (; d + 3 <= dTo; d += 4) {
                    a0 += buffer[base + d] * taps[d];
                    a1 += buffer[base + d + 1] * taps[d + 1];
                    a2 += buffer[base + d + 2] * taps[d + 2];
                    a3 += buffer[base + d + 3] * taps[d + 3];
                }
                for (; d <= dTo; d++) {
                    a0 += buffer[base + d] * taps[d];
                }
                acc = (a0 + a1) + (a2 + a3);
            } else {
                long lo = (long) Math.ceil(t - halfWidth);
                long from = Math.max(lo, bufferStart);
                long to = Math.min(hi, bufferStart + buffered - 1);
                for (long j = from; j <= to; j++) {
                    acc += buffer[(int) (j - bufferStart)] * kernel(t - j);
                }
            }
            outBlock[outFill++] = (float) (acc * cutoff);
            if (outFill == outBlock.length) {
                sink.accept(outBlock, outFill);
                outFill = 0;
            }
            nextOut++;
        }
        // drop input no future output can reach
        long keepFrom = (long) Math.ceil((double) nextOut * inRate / outRate - halfWidth) - 1;
        int drop = (int) Math.max(0, Math.min(buffered, keepFrom - bufferStart));
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
            buffered -= drop;
            bufferStart += drop;
        }
    }

    /**
     * Overlap-save: the input from {@code n0*M - R} is convolved with the symmetric kernel (length 2R+1) in one
     * FFT block; full-rate result {@code 2R + (n - n0) * M} is output n, for as many outputs as the block holds.
     */
    private void produceByFft(boolean last, long outTotal, Sink sink) {
        int m = (int) inRate;
        int r = reach;
        int perBlock = (FFT_SIZE - 1 - 2 * r) / m + 1;
        long available = bufferStart + buffered;
        while (nextOut < outTotal) {
            long n0 = nextOut;
            long n1 = Math.min(outTotal, n0 + perBlock);
            if (!last) {
                // output n needs input up to n*M + R
                long possible = Math.floorDiv(available - 1 - r, m) + 1;
                n1 = Math.min(n1, possible);
            }
            if (n1 <= n0) {
                return;
            }
            long s0 = n0 * m - r;
            // the buffered input where the segment overlaps it, silence elsewhere
            int lo = (int) Math.min(FFT_SIZE, Math.max(0, bufferStart - s0));
            int hi = (int) Math.max(lo, Math.min(FFT_SIZE, available - s0));
            Arrays.fill(segment, 0, lo, 0.0);
            if (hi > lo) {
                System.arraycopy(buffer, (int) (s0 + lo - bufferStart), segment, lo, hi - lo);
            }
            Arrays.fill(segment, hi, FFT_SIZE, 0.0);
            fft.realForward(segment);
            double[] h = kernelSpectrum;
            segment[0] *= h[0];
            segment[1] *= h[1];
            for (int k = 2; k < FFT_SIZE; k += 2) {
                double a = segment[k];
                double b = segment[k + 1];
                segment[k] = a * h[k] - b * h[k + 1];
                segment[k + 1] = a * h[k + 1] + b * h[k];
            }
            if (halfFft != null) {
                // halving: only the even samples of the full-rate result are kept, and those are the inverse of
                // the spectrum folded onto its first half (Y[k] + Y[k + N/2], each Y[N - j] the conjugate of Y[j]),
                // an inverse FFT of half the size; scaled by it, they come out twice as large
                double[] f = folded;
                int half = FFT_SIZE / 2;
                f[0] = segment[0] + segment[1];
                f[1] = 2 * segment[half];
                for (int k = 1; k < half / 2; k++) {
                    int j = half - k;
                    f[2 * k] = segment[2 * k] + segment[2 * j];
                    f[2 * k + 1] = segment[2 * k + 1] - segment[2 * j + 1];
                }
                halfFft.realInverse(f, true);
                for (long n = n0; n < n1; n++) {
                    outBlock[outFill++] = (float) (f[(int) (r + (n - n0))] * 0.5 * cutoff);
                    if (outFill == outBlock.length) {
                        sink.accept(outBlock, outFill);
                        outFill = 0;
                    }
                }
            } else {
                fft.realInverse(segment, true);
                for (long n = n0; n < n1; n++) {
                    outBlock[outFill++] = (float) (segment[(int) (2 * r + (n - n0) * m)] * cutoff);
                    if (outFill == outBlock.length) {
                        sink.accept(outBlock, outFill);
                        outFill = 0;
                    }
                }
            }
            nextOut = n1;
        }
    }

    private double[] kernelSpectrum() {
        double[] k = new double[FFT_SIZE];
        System.arraycopy(phases[0], 0, k, 0, phases[0].length);
        fft.realForward(k);
        return k;
    }

    private double[][] phaseTable() {
        double[][] table = new double[(int) outRate][2 * reach + 1];
        for (int p = 0; p < outRate; p++) {
            double frac = (double) p / outRate;
            for (int d = -reach; d <= reach; d++) {
                double x = frac - d;
                table[p][d + reach] = Math.abs(x) <= halfWidth ? kernelExact(x) : 0.0;
            }
        }
        return table;
    }

    private double kernelExact(double x) {
        double u = Math.abs(x) * cutoff;
        double r = u / ZERO_CROSSINGS;
        if (r > 1) {
            return 0;
        }
        double sinc = u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
        return sinc * besselI0(BETA * Math.sqrt(1 - r * r)) / I0_BETA;
    }

    /** Windowed sinc at distance {@code x} input samples, before the cutoff gain. */
    private double kernel(double x) {
        double u = Math.abs(x) * cutoff * TABLE_STEPS;
        int i = (int) u;
        if (i >= TABLE.length - 1) {
            return 0;
        }
        double f = u - i;
        return TABLE[i] + f * (TABLE[i + 1] - TABLE[i]);
    }

    private void ensureCapacity(int n) {
        if (n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(n, buffer.length * 2));
        }
    }

    private static double[] kernelTable() {
        double[] t = new double[ZERO_CROSSINGS * TABLE_STEPS + 2];
        double i0Beta = besselI0(BETA);
        for (int i = 0; i < t.length; i++) {
            double u = (double) i / TABLE_STEPS;
            double r = u / ZERO_CROSSINGS;
            if (r > 1) {
                t[i] = 0;
                continue;
            }
            double sinc = u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
            t[i] = sinc * besselI0(BETA * Math.sqrt(1 - r * r)) / i0Beta;
        }
        return t;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 60; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
