package org.melodist.harmony;

/** Chords for a melody on the beat grid. */
public interface Harmonizer {

    /** A short name for reports ("HMM", "BiLSTM"). */
    String name();

    Harmonization harmonize(BeatGrid grid);
}
