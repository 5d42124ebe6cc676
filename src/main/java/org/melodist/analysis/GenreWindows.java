package org.melodist.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.melodist.analysis.genre.GenreClassifier;
import org.melodist.analysis.genre.WindowedGenrePrediction;

/**
 * Genre over time: the recording cut into successive 30-second windows (the length of a GTZAN clip), each
 * summarised like a GTZAN row and classified; the windows' probabilities averaged give the whole recording's
 * genre. A recording of 30 s or less is one window, the whole file. A last window shorter than 10 s joins the
 * window before it, since so short a stretch says little about a genre.
 */
public final class GenreWindows {

    public static final double WINDOW_SECONDS = 30.0;
    private static final double MIN_LAST_SECONDS = 10.0;

    /** One window: where it lies and its summary vector. */
    public record Window(double startSec, double endSec, LinkedHashMap<String, Double> features) {
    }

    /** A window's place and the classifier's verdict on it. */
    public record Result(List<Window> windows, WindowedGenrePrediction prediction) {
    }

    private GenreWindows() {
    }

    public static List<Window> windows(AudioAnalysis a) {
        return windows(a, Parallel.DEFAULT_THREADS);
    }

    /**
     * As {@link #windows(AudioAnalysis)}, summarising the windows on {@code threads} threads (each window's
     * summary, its tempo included, is independent of the others, so the result is the same for any count).
     */
    public static List<Window> windows(AudioAnalysis a, int threads) {
        FrameFeatures f = a.frames();
        int sr = f.sampleRate();
        int len = f.length();
        List<Window> out = new ArrayList<>();
        List<int[]> spans = spans(len, sr);
        if (spans.isEmpty()) {
            out.add(new Window(0, len / (double) sr, a.features()));
            return out;
        }
        // the analysis estimated the windows' tempos with its own (sharing most of the tempogram); else here
        double[] tempos = a.windowTempos() != null && a.windowTempos().length == spans.size() ? a.windowTempos()
                : null;
        Window[] summarised = new Window[spans.size()];
        Parallel.forRanges(threads, spans.size(), (part, from, to) -> {
            for (int i = from; i < to; i++) {
                int[] span = spans.get(i);
                summarised[i] = new Window(span[0] / (double) sr, span[1] / (double) sr, tempos != null
                        ? GtzanSummary.ofStretch(f, span[0], span[1], tempos[i])
                        : GtzanSummary.ofStretch(f, span[0], span[1]));
            }
        });
        out.addAll(java.util.Arrays.asList(summarised));
        return out;
    }

    /**
     * The windows' sample spans {from, to} for a recording of {@code len} samples at {@code sr}; empty when it
     * is one window, the whole file (30 s or less).
     */
    static List<int[]> spans(int len, int sr) {
        int w = (int) Math.round(WINDOW_SECONDS * sr);
        List<int[]> spans = new ArrayList<>();
        if (len <= w) {
            return spans;
        }
        for (int s = 0; s < len; s += w) {
            spans.add(new int[] {s, Math.min(len, s + w)});
        }
        int[] last = spans.get(spans.size() - 1);
        if (spans.size() > 1 && last[1] - last[0] < MIN_LAST_SECONDS * sr) {
            spans.remove(spans.size() - 1);
            spans.get(spans.size() - 1)[1] = last[1];
        }
        return spans;
    }

    public static Result classify(AudioAnalysis a, GenreClassifier classifier) {
        return classify(a, classifier, Parallel.DEFAULT_THREADS);
    }

    /** As {@link #classify(AudioAnalysis, GenreClassifier)}, summarising the windows on {@code threads} threads. */
    public static Result classify(AudioAnalysis a, GenreClassifier classifier, int threads) {
        List<Window> windows = windows(a, threads);
        List<java.util.Map<String, Double>> vectors = new ArrayList<>();
        for (Window win : windows) {
            vectors.add(win.features());
        }
        return new Result(windows, classifier.predictWindows(vectors));
    }
}
