package org.melodist.studio.pianoroll;

/** The snap grid of the piano roll, from whole notes to 1/32 notes, straight or in triplets. */
public enum GridDivision {
    WHOLE(1, false),
    HALF(2, false),
    HALF_TRIPLET(2, true),
    QUARTER(4, false),
    QUARTER_TRIPLET(4, true),
    EIGHTH(8, false),
    EIGHTH_TRIPLET(8, true),
    SIXTEENTH(16, false),
    SIXTEENTH_TRIPLET(16, true),
    THIRTY_SECOND(32, false),
    THIRTY_SECOND_TRIPLET(32, true);

    private final int denominator;
    private final boolean triplet;

    GridDivision(int denominator, boolean triplet) {
        this.denominator = denominator;
        this.triplet = triplet;
    }

    /** Length of one grid step in ticks; triplets fit three steps where two straight ones go. */
    public long ticks(int ppq) {
        long straight = Math.max(1, (long) ppq * 4 / denominator);
        return triplet ? Math.max(1, straight * 2 / 3) : straight;
    }

    /** The tick nearest to {@code tick} on this grid, never negative. */
    public long snap(long tick, int ppq) {
        long step = ticks(ppq);
        return Math.max(0, Math.floorDiv(tick + step / 2, step) * step);
    }

    /** The grid line at or before {@code tick}: where a click inside a cell draws its note. */
    public long floor(long tick, int ppq) {
        long step = ticks(ppq);
        return Math.max(0, Math.floorDiv(tick, step) * step);
    }

    /** "1/8", "1/8T". */
    public String label() {
        return "1/" + denominator + (triplet ? "T" : "");
    }

    /** The division with this label, e.g. from saved preferences; null if none matches. */
    public static GridDivision fromLabel(String label) {
        for (GridDivision g : values()) {
            if (g.label().equals(label)) return g;
        }
        return null;
    }

    @Override
    public String toString() {
        return label();
    }
}
