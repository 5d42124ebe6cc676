package org.melodist.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sampling settings the musician keeps: judgements grouped by (temperature, top-p), each group's acceptance
 * smoothed toward the overall rate (a Beta prior worth {@link #PRIOR} judgements), and the best group proposed. With no
 * settings in the log, or no group judged at least {@link #MIN_JUDGEMENTS} times, it proposes the defaults (1.0, 1.0).
 */
public final class SamplingPreferences {

    static final double PRIOR = 4;
    static final int MIN_JUDGEMENTS = 5;

    /** One (temperature, top-p) pair and how its variations fared. */
    public record Group(double temperature, double topP, int judged, int accepted, double smoothedRate) {
    }

    /** The proposal and the table it came from (best first). */
    public record Proposal(double temperature, double topP, boolean fromLog, List<Group> groups) {
        public String describe() {
            if (!fromLog) {
                return "temperature 1.0, top-p 1.0 (the log holds too few judgements per setting to propose others)";
            }
            Group g = groups.get(0);
            return String.format(Locale.ROOT, "temperature %.2f, top-p %.2f (%d of %d kept there)", temperature, topP, g.accepted(), g.judged());
        }
    }

    private SamplingPreferences() {
    }

    public static Proposal propose(List<FeedbackEntry> entries) {
        Map<List<Double>, int[]> counts = new TreeMap<>(Comparator.<List<Double>>comparingDouble(k -> k.get(0)).thenComparingDouble(k -> k.get(1)));
        int total = 0;
        int kept = 0;
        for (FeedbackEntry e : entries) {
            if (e.settings() == null) continue;
            List<Double> key = List.of(round(e.settings().temperature()), round(e.settings().topP()));
            int[] c = counts.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            total++;
            if (e.accepted()) {
                c[1]++;
                kept++;
            }
        }
        double overall = total == 0 ? 0.5 : (kept + 1.0) / (total + 2.0);
        List<Group> groups = new ArrayList<>();
        counts.forEach((k, c) -> groups.add(new Group(k.get(0), k.get(1), c[0], c[1], (c[1] + PRIOR * overall) / (c[0] + PRIOR))));
        groups.sort(Comparator.comparingDouble(Group::smoothedRate).reversed().thenComparing(Comparator.comparingInt(Group::judged).reversed()));
        List<Group> eligible = groups.stream().filter(g -> g.judged() >= MIN_JUDGEMENTS).toList();
        if (eligible.isEmpty()) {
            return new Proposal(1.0, 1.0, false, groups);
        }
        Group best = eligible.get(0);
        List<Group> ordered = new ArrayList<>(eligible);
        groups.stream().filter(g -> g.judged() < MIN_JUDGEMENTS).forEach(ordered::add);
        return new Proposal(best.temperature(), best.topP(), true, ordered);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
