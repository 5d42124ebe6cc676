package org.melodist.harmony;

/** One chord held from beat {@code startBeat} (inclusive) to {@code endBeat} (exclusive), quarter-note beats from the start of the song. */
public record ChordSpan(int startBeat, int endBeat, Chord chord) {

    public ChordSpan {
        if (startBeat < 0 || endBeat <= startBeat) {
            throw new IllegalArgumentException("chord span " + startBeat + "-" + endBeat + " is empty or negative");
        }
    }

    public int beats() {
        return endBeat - startBeat;
    }
}
