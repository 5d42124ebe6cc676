package org.melodist.harmony;

import java.util.Locale;

/**
 * The chord qualities Melodist names: intervals above the root, the suffix of the chord symbol, and the
 * triad the quality folds to for the majmin vocabulary (24 triads + N, as in MIREX chord evaluation).
 */
public enum ChordQuality {
    MAJ("maj", "", new int[] {0, 4, 7}, true),
    MIN("min", "m", new int[] {0, 3, 7}, false),
    DIM("dim", "dim", new int[] {0, 3, 6}, false),
    AUG("aug", "aug", new int[] {0, 4, 8}, true),
    DOM7("7", "7", new int[] {0, 4, 7, 10}, true),
    MAJ7("maj7", "maj7", new int[] {0, 4, 7, 11}, true),
    MIN7("m7", "m7", new int[] {0, 3, 7, 10}, false),
    SUS2("sus2", "sus2", new int[] {0, 2, 7}, true),
    SUS4("sus4", "sus4", new int[] {0, 5, 7}, true),
    SIX("6", "6", new int[] {0, 4, 7, 9}, true),
    MIN6("m6", "m6", new int[] {0, 3, 7, 9}, false);

    private static final ChordQuality[] ALL = values();

    private final String jsonName;
    private final String suffix;
    private final int[] intervals;
    private final boolean foldsToMajor;

    ChordQuality(String jsonName, String suffix, int[] intervals, boolean foldsToMajor) {
        this.jsonName = jsonName;
        this.suffix = suffix;
        this.intervals = intervals;
        this.foldsToMajor = foldsToMajor;
    }

    /** The name other tools read: maj, min, dim, aug, 7, maj7, m7, sus2, sus4, 6, m6. */
    public String jsonName() {
        return jsonName;
    }

    /** What follows the root in a chord symbol: "" for major, "m" for minor, "7", "maj7"... */
    public String suffix() {
        return suffix;
    }

    /** Semitones above the root, root first. */
    public int[] intervals() {
        return intervals.clone();
    }

    int interval(int i) {
        return intervals[i];
    }

    int size() {
        return intervals.length;
    }

    /**
     * The majmin triad: sevenths and sixths fold to their triad, dim to minor and aug to major (by their
     * third); sus2/sus4 have no third and count as major, as a folk guitarist would play them.
     */
    public ChordQuality majmin() {
        return foldsToMajor ? MAJ : MIN;
    }

    /** Parses a JSON name ("maj", "m7") or a symbol suffix ("", "m", "min"). */
    public static ChordQuality fromName(String name) {
        String n = name.trim();
        for (ChordQuality q : ALL) {
            if (q.jsonName.equals(n) || q.suffix.equals(n)) {
                return q;
            }
        }
        if (n.equals("M")) {
            return MAJ;
        }
        return switch (n.toLowerCase(Locale.ROOT)) {
            case "major" -> MAJ;
            case "minor", "-" -> MIN;
            case "dom7" -> DOM7;
            case "min7", "-7" -> MIN7;
            case "min6" -> MIN6;
            case "sus" -> SUS4;
            case "+" -> AUG;
            case "o", "\u00b0" -> DIM;
            default -> throw new IllegalArgumentException("unknown chord quality '" + name + "'");
        };
    }

    static ChordQuality of(int ordinal) {
        return ALL[ordinal];
    }

    static int count() {
        return ALL.length;
    }
}
