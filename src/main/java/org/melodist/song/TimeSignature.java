package org.melodist.song;

/** A metre such as 4/4 or 6/8; the denominator is a power of two. */
public record TimeSignature(int numerator, int denominator) {

    public static final TimeSignature FOUR_FOUR = new TimeSignature(4, 4);

    public TimeSignature {
        if (numerator < 1 || numerator > 64) {
            throw new IllegalArgumentException("time signature numerator " + numerator + " is outside 1-64");
        }
        if (denominator < 1 || denominator > 64 || Integer.bitCount(denominator) != 1) {
            throw new IllegalArgumentException("time signature denominator " + denominator + " is not a power of two up to 64");
        }
    }

    /** Parses "3/4". */
    public static TimeSignature parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("time signature '" + text + "' is not of the form N/D");
        }
        try {
            return new TimeSignature(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time signature '" + text + "' is not of the form N/D", e);
        }
    }

    public long ticksPerBeat(int ppq) {
        return (long) ppq * 4 / denominator;
    }

    public long ticksPerBar(int ppq) {
        return ticksPerBeat(ppq) * numerator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
