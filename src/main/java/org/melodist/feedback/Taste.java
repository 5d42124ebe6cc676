package org.melodist.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.melodist.harmony.HarmonyInputs;
import org.melodist.song.Key;
import org.melodist.song.Note;

/**
 * A simulated musician's taste: a rule that keeps or drops a continuation of a seed. The built-in ones measure one
 * property of the continuation against a threshold; the thresholds are set so that the shipped folk model pleases each
 * taste with roughly one variation in five (see {@code evaluate-feedback}), leaving room to show learning.
 */
public interface Taste {

    String name();

    /** One line for people: what this musician keeps. */
    String description();

    /** True when the musician keeps {@code candidate} as a continuation of {@code seed}; {@code key} may be null. */
    boolean likes(List<Note> seed, List<Note> candidate, int ppq, Key key);

    /** The built-in tastes, by name. */
    static List<Taste> builtIn() {
        return List.of(
                rule("stepwise", "moves by step: at least 80 % of the intervals (from the seed's last note on) are 1-2 semitones",
                        (s, c, ppq, k) -> stepShare(s, c) >= 0.80),
                rule("high", "climbs: the continuation's mean pitch is at least 5 semitones above the seed's",
                        (s, c, ppq, k) -> meanPitch(c) >= meanPitch(s) + 5),
                rule("tonic-ending", "ends on the tonic of the key, on a note of a quarter or longer",
                        (s, c, ppq, k) -> endsOnTonic(s, c, ppq, k)),
                rule("low", "descends: the continuation's mean pitch is at least 4 semitones below the seed's",
                        (s, c, ppq, k) -> meanPitch(c) <= meanPitch(s) - 4),
                rule("long-notes", "likes space: the continuation's notes last a quarter note or more on average",
                        (s, c, ppq, k) -> c.stream().mapToLong(Note::duration).average().orElse(0) >= ppq));
    }

    /** The built-in taste of that name; the message lists the names. */
    static Taste named(String name) {
        for (Taste t : builtIn()) {
            if (t.name().equalsIgnoreCase(name.trim())) return t;
        }
        List<String> names = new ArrayList<>();
        builtIn().forEach(t -> names.add(t.name()));
        throw new IllegalArgumentException("unknown taste '" + name + "'; known: " + String.join(", ", names));
    }

    /** The rule's shape. */
    @FunctionalInterface
    interface Rule {
        boolean likes(List<Note> seed, List<Note> candidate, int ppq, Key key);
    }

    static Taste rule(String name, String description, Rule rule) {
        return new Taste() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public boolean likes(List<Note> seed, List<Note> candidate, int ppq, Key key) {
                return !candidate.isEmpty() && rule.likes(seed, candidate, ppq, key);
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%s (%s)", name, description);
            }
        };
    }

    static double meanPitch(List<Note> notes) {
        return notes.stream().mapToInt(Note::pitch).average().orElse(60);
    }

    /** Share of the melodic intervals, from the seed's last note through the continuation, that are steps of 1-2 semitones. */
    static double stepShare(List<Note> seed, List<Note> candidate) {
        List<Note> line = new ArrayList<>();
        if (!seed.isEmpty()) line.add(seed.get(seed.size() - 1));
        line.addAll(candidate);
        int steps = 0;
        int intervals = 0;
        for (int i = 1; i < line.size(); i++) {
            int d = Math.abs(line.get(i).pitch() - line.get(i - 1).pitch());
            intervals++;
            if (d >= 1 && d <= 2) steps++;
        }
        return intervals == 0 ? 0 : steps / (double) intervals;
    }

    static boolean endsOnTonic(List<Note> seed, List<Note> candidate, int ppq, Key key) {
        Key k = key;
        if (k == null) {
            List<Note> all = new ArrayList<>(seed);
            all.addAll(candidate);
            k = HarmonyInputs.estimateKey(all);
        }
        Note last = candidate.get(candidate.size() - 1);
        return Math.floorMod(last.pitch() - k.tonic(), 12) == 0 && last.duration() >= ppq;
    }
}
