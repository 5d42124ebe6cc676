package org.melodist.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;

/**
 * Decodes a file and computes its features, tempo, beats and key: the analysis pipeline in one call. Keeps the
 * last run's stage timings, so use one instance per thread.
 */
public final class AudioAnalyzer {

    /** CPU nanoseconds per stage of the last analysis (see {@link CpuClock}), for benchmarks. */
    public record Timings(long decode, long stft, long mel, long hpss, long other, long tempo) {
        public long total() {
            return decode + stft + mel + hpss + other + tempo;
        }
    }

    private final AudioDecoder decoder;
    private final int threads;
    private Timings lastTimings = new Timings(0, 0, 0, 0, 0, 0);

    public AudioAnalyzer() {
        this(new AudioDecoder());
    }

    public AudioAnalyzer(AudioDecoder decoder) {
        this(decoder, Parallel.DEFAULT_THREADS);
    }

    /**
     * An analyser whose feature extraction runs on {@code threads} threads (1 = the single-core path); results
     * are bit-for-bit the same for any count.
     */
    public AudioAnalyzer(AudioDecoder decoder, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.decoder = decoder;
        this.threads = threads;
    }

    /** Threads used when none is given: the machine's cores, at most four. */
    public static int defaultThreads() {
        return Parallel.DEFAULT_THREADS;
    }

    /**
     * Decodes and analyses {@code file}. On several threads the features start while the file is still being
     * decoded, on the samples decoded so far, when the file declares its length (WAV, AIFF, FLAC, an MP3 with a
     * LAME header): a codec decodes on one core, so the analysis takes the other meanwhile. The result is the same
     * bit for bit (every sample is read only once it is final); if the file turns out shorter or longer than it
     * said, the features are computed again on what decoded.
     */
    public AudioAnalysis analyze(Path file) throws AudioDecodeException {
        return analyzeFile(file, fraction -> { }).analysis();
    }

    /** A file's decoded samples and their analysis. */
    public record FileAnalysis(DecodedAudio audio, AudioAnalysis analysis) {
    }

    /**
     * As {@link #analyze(Path)}, also giving the decoded samples and reporting the fraction done (0..1) as the
     * features are extracted; the listener may throw (a {@link CancellationException}) to stop both the analysis and
     * the decoding.
     */
    public FileAnalysis analyzeFile(Path file, DoubleConsumer progress) throws AudioDecodeException {
        if (threads == 1) {
            long t0 = CpuClock.nanos();
            DecodedAudio audio = decoder.decode(file, threads);
            long decodeNanos = CpuClock.nanos() - t0;
            AudioAnalysis a = analyze(audio, progress);
            Timings t = lastTimings;
            lastTimings = new Timings(decodeNanos, t.stft(), t.mel(), t.hpss(), t.other(), t.tempo());
            return new FileAnalysis(audio, a);
        }
        SampleGate gate = new SampleGate();
        // the decoding thread's CPU (as the caller's in the one-thread path), read after the decoding is joined
        long[] decodeNanos = new long[1];
        Future<DecodedAudio> decoding = Parallel.submit(() -> {
            long c0 = CpuClock.nanos();
            try {
                return decoder.decode(file, threads, gate);
            } finally {
                decodeNanos[0] = CpuClock.nanos() - c0;
                gate.finish();
            }
        });
        // the decoder's rate: the analysis starts before the decoded audio exists to say it
        FeatureExtractor extractor = new FeatureExtractor(decoder.targetRate(), threads);
        FrameFeatures early = null;
        float[] target = gate.awaitTarget();
        try {
            if (target != null) {
                early = extractor.extract(target, fraction -> progress.accept(0.97 * fraction), gate);
            }
        } catch (SampleGate.Incomplete e) {
            // decoding ended short of the declared length (or failed): its result decides below
            early = null;
        } catch (RuntimeException | Error e) {
            decoding.cancel(true);
            throw e;
        }
        DecodedAudio audio = join(decoding);
        if (early != null && audio.samples() != target) {
            early = null;
        }
        AudioAnalysis a = early == null ? analyze(audio, progress) : analyze(audio, extractor, early, progress);
        Timings t = lastTimings;
        lastTimings = new Timings(decodeNanos[0], t.stft(), t.mel(), t.hpss(), t.other(), t.tempo());
        return new FileAnalysis(audio, a);
    }

    private static DecodedAudio join(Future<DecodedAudio> decoding) throws AudioDecodeException {
        try {
            return decoding.get();
        } catch (InterruptedException e) {
            decoding.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("analysis interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof AudioDecodeException d) {
                throw d;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    public AudioAnalysis analyze(DecodedAudio audio) {
        return analyze(audio, fraction -> { });
    }

    /**
     * Analyses decoded audio, reporting the fraction done (0..1) as the features are extracted; the
     * listener may throw (e.g. {@link java.util.concurrent.CancellationException}) to stop the analysis.
     */
    public AudioAnalysis analyze(DecodedAudio audio, DoubleConsumer progress) {
        FeatureExtractor extractor = new FeatureExtractor(audio.sampleRate(), threads);
        // tempo, beats and key take a few per cent of the time: the extractor's 0..1 maps to 0..0.97
        FrameFeatures f = extractor.extract(audio.samples(), fraction -> progress.accept(0.97 * fraction));
        return analyze(audio, extractor, f, progress);
    }

    /** Tempo, beats, key and the summary, from the frame features {@code extractor} computed of {@code audio}. */
    private AudioAnalysis analyze(DecodedAudio audio, FeatureExtractor extractor, FrameFeatures f,
            DoubleConsumer progress) {
        long t0 = CpuClock.nanos();
        // the tempo needs the onset envelope (its tempogram's frames split over the cores; the genre windows'
        // tempos share most of them), then the beats need the tempo and the key the chroma: independent, so side
        // by side
        List<int[]> spans = GenreWindows.spans(f.length(), f.sampleRate());
        int[] firstFrame = new int[spans.size()];
        int[] endFrame = new int[spans.size()];
        for (int w = 0; w < spans.size(); w++) {
            int[] frames = GtzanSummary.frameRange(f, spans.get(w)[0], spans.get(w)[1]);
            firstFrame[w] = frames[0];
            endFrame[w] = frames[1];
        }
        double[] tempos = new TempoEstimator(audio.sampleRate(), f.hop())
                .tempos(f.onsetStrength(), firstFrame, endFrame, threads);
        double tempo = tempos[0];
        double[] windowTempos = java.util.Arrays.copyOfRange(tempos, 1, tempos.length);
        double[][] beatsOf = new double[1][];
        KeyEstimator.KeyEstimate[] keyOf = new KeyEstimator.KeyEstimate[1];
        Parallel.forRanges(threads, 2, (part, from, to) -> {
            for (int task = from; task < to; task++) {
                if (task == 0) {
                    int[] beatFrames = new BeatTracker().track(f.onsetStrength(), tempo, 1.0 / f.hopSeconds());
                    double[] beatTimes = new double[beatFrames.length];
                    for (int i = 0; i < beatFrames.length; i++) {
                        beatTimes[i] = beatFrames[i] * f.hopSeconds();
                    }
                    beatsOf[0] = beatTimes;
                } else {
                    keyOf[0] = new KeyEstimator().estimate(f.chroma(), extractor.lastKeyEvidence());
                }
            }
        });
        double[] beatTimes = beatsOf[0];
        KeyEstimator.KeyEstimate key = keyOf[0];
        long tempoNanos = CpuClock.nanos() - t0;
        progress.accept(1.0);
        FeatureExtractor.StageTimes s = extractor.lastStageTimes();
        lastTimings = new Timings(0, s.stftNanos(), s.melNanos(), s.hpssNanos(), s.otherNanos(), tempoNanos);
        return new AudioAnalysis(audio.durationSeconds(), audio.sourceRate(), audio.sourceChannels(),
                audio.sourceFormat(), tempo, beatTimes, key, GtzanSummary.of(f, tempo), f, audio.damage(), windowTempos);
    }

    public Timings lastTimings() {
        return lastTimings;
    }
}
