package org.melodist.perform;

/** What a take does to the notes already in the recorded range. */
public enum RecordMode {
    /** The take's notes are added to what is there. */
    OVERDUB,
    /** The notes that start in the take's range are replaced by the take's. */
    REPLACE
}
