package org.melodist.originality;

import java.util.Locale;

/** What the check says about a melody, against thresholds set on how much the corpus's own tunes share. */
public enum Verdict {
    ORIGINAL, BORROWS, COPY;

    /** The word used in JSON and on badges: original, borrows, copy. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
