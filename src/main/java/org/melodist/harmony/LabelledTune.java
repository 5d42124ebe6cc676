package org.melodist.harmony;

import org.melodist.song.Key;

/**
 * A tune for training or evaluation: its melody on the beat grid and the chord of each beat (absolute
 * chord indices, see {@link Chord#index()}).
 */
public record LabelledTune(String name, BeatGrid grid, int[] labels) {

    public LabelledTune {
        if (labels.length != grid.beats()) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + grid.beats() + " beats");
        }
    }

    public Key key() {
        return grid.key();
    }

    public int beats() {
        return grid.beats();
    }

    /** The label of beat {@code b} relative to the key's tonic (the models' vocabulary). */
    public int relativeLabel(int b) {
        return Chord.ofIndex(labels[b]).transpose(-key().tonic()).index();
    }
}
