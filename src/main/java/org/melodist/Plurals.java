package org.melodist;

/** Counted nouns for messages and edit names: "1 note", "3 notes". English plurals with an "s" only. */
public final class Plurals {

    private Plurals() {
    }

    /** {@code n} and the noun, with an "s" unless {@code n} is 1. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
