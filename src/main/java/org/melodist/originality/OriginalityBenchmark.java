package org.melodist.originality;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.melodist.analysis.CpuClock;
import org.melodist.generate.MelodyCorpus;

/**
 * Speed and memory of the originality check: reading and indexing the real training tunes, one 8-bar query
 * against them, and the same against a synthetic corpus made by transposing and editing the real tunes
 * (100,000 by default). Times are CPU time of the benchmark's thread (all the work runs on it), so that a
 * busy shared machine does not inflate them; wall time is printed beside where it differs.
 */
public final class OriginalityBenchmark {

    /** An 8-bar query: the notes of the first 32 quarter notes (eight 4/4 bars) of a tune. */
    public static final int QUERY_BEATS = 32;

    private final PrintStream out;

    public OriginalityBenchmark(PrintStream out) {
        this.out = out;
    }

    /** Timing of many queries, in milliseconds. */
    public record QueryTimes(int queries, double mean, double p95, double max) {
    }

    public void run(Path corpusDir, int synthetic, int queries) throws IOException {
        long t0 = CpuClock.nanos();
        long w0 = System.nanoTime();
        CorpusFolders.Loaded train = CorpusFolders.read(List.of(corpusDir), n -> !MelodyCorpus.isValidation(n), CorpusFolders.Progress.NONE);
        double readMs = ms(t0);
        t0 = CpuClock.nanos();
        TuneCorpus corpus = TuneCorpus.of(train.melodies());
        OriginalityIndex index = OriginalityIndex.of(corpus, new Thresholds(9, 15, 205, 0.8));
        double indexMs = ms(t0);
        double wallMs = (System.nanoTime() - w0) / 1e6;
        out.printf(Locale.ROOT, "real corpus: %d training tunes (%d files, %d notes): read %.0f ms + index %.0f ms CPU = %.2f s per 1,000 files "
                        + "(wall %.2f s per 1,000 on this machine now); index %.1f MB (target <= 5 s per 1,000 files)%n", corpus.size(),
                train.files(), corpus.totalNotes(), readMs, indexMs, (readMs + indexMs) / train.files(), wallMs / train.files(),
                mb(corpus.memoryBytes() + index.grams().memoryBytes()));

        List<Melody> qs = queries(corpusDir);
        QueryTimes real = time(index, qs, queries);
        out.printf(Locale.ROOT, "8-bar query, CPU time (%.1f notes on average, %d validation tunes) vs %d tunes: mean %.2f ms, 95th %.2f ms, max %.2f ms "
                + "over %d queries (target <= 20 ms)%n", qs.stream().mapToInt(Melody::size).average().orElse(0), qs.size(),
                corpus.size(), real.mean(), real.p95(), real.max(), real.queries());

        if (synthetic <= 0) {
            return;
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        t0 = CpuClock.nanos();
        TuneCorpus big = synthetic(train.melodies(), synthetic, new Random(42));
        double makeMs = ms(t0);
        t0 = CpuClock.nanos();
        OriginalityIndex bigIndex = OriginalityIndex.of(big, index.thresholds());
        double bigIndexMs = ms(t0);
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        out.printf(Locale.ROOT, "synthetic corpus: %,d melodies (%,d notes; transposed, 1 edit per 20 notes) made in %.1f s; "
                        + "index built in %.1f s (%.3f s per 1,000 melodies; target <= 5 s per 1,000 files)%n",
                big.size(), big.totalNotes(), makeMs / 1000, bigIndexMs / 1000, bigIndexMs / big.size());
        out.printf(Locale.ROOT, "synthetic index: %.1f MB by its arrays (tunes %.1f MB + n-grams %.1f MB), heap grew by %.1f MB "
                        + "(target <= 300 MB)%n", mb(big.memoryBytes() + bigIndex.grams().memoryBytes()), mb(big.memoryBytes()),
                mb(bigIndex.grams().memoryBytes()), mb(heapAfter - heapBefore));
        QueryTimes bigTimes = time(bigIndex, qs, queries);
        out.printf(Locale.ROOT, "8-bar query, CPU time, vs %,d melodies: mean %.2f ms, 95th %.2f ms, max %.2f ms over %d queries (target <= 200 ms)%n",
                big.size(), bigTimes.mean(), bigTimes.p95(), bigTimes.max(), bigTimes.queries());
    }

    /** The first 32 beats of each validation tune: tunes the index does not hold. */
    static List<Melody> queries(Path corpusDir) throws IOException {
        CorpusFolders.Loaded val = CorpusFolders.read(List.of(corpusDir), MelodyCorpus::isValidation, CorpusFolders.Progress.NONE);
        List<Melody> out = new ArrayList<>();
        for (Melody m : val.melodies()) {
            int end = 0;
            int limit = m.onset(0) + QUERY_BEATS * Melody.UNITS_PER_BEAT;
            while (end < m.size() && m.onset(end) < limit) {
                end++;
            }
            out.add(m.slice(0, end));
        }
        return out;
    }

    static QueryTimes time(OriginalityIndex index, List<Melody> qs, int queries) {
        for (int i = 0; i < Math.min(100, queries); i++) {
            index.check(qs.get(i % qs.size()));
        }
        double[] t = new double[queries];
        for (int i = 0; i < queries; i++) {
            long s = CpuClock.nanos();
            index.check(qs.get(i % qs.size()));
            t[i] = ms(s);
        }
        Arrays.sort(t);
        return new QueryTimes(queries, Arrays.stream(t).average().orElse(0), t[(int) Math.min(t.length - 1, Math.ceil(0.95 * t.length) - 1)],
                t[t.length - 1]);
    }

    /** {@code count} melodies cycling through {@code real}, each transposed and edited at random. */
    public static TuneCorpus synthetic(List<Melody> real, int count, Random rng) {
        TuneCorpus.Builder b = new TuneCorpus.Builder();
        for (int k = 0; k < count; k++) {
            Melody base = real.get(k % real.size());
            Melody m = MelodyMutations.edit(MelodyMutations.transpose(base, rng.nextInt(12) - 6), 1 + base.size() / 20, rng);
            b.add(m.withName("synthetic" + k + "-" + base.name()));
        }
        return b.build();
    }

    /** CPU milliseconds since {@code t0} from {@link CpuClock#nanos()}. */
    private static double ms(long t0) {
        return (CpuClock.nanos() - t0) / 1e6;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
