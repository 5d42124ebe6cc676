package org.melodist.analysis;

import org.melodist.song.Key;

/**
 * The MIREX key-detection score of one estimate against the true key: 1 for the same key, 0.5 for a key whose
 * tonic is a fifth above or below in the same mode, 0.3 for the relative key (C major and A minor), 0.2 for the
 * parallel key (C major and C minor), 0 otherwise.
 */
public enum KeyScore {
    SAME(1.0), FIFTH(0.5), RELATIVE(0.3), PARALLEL(0.2), OTHER(0.0);

    private final double weight;

    KeyScore(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    public static KeyScore of(Key truth, Key guess) {
        int up = Math.floorMod(guess.tonic() - truth.tonic(), 12);
        if (truth.mode() == guess.mode()) {
            if (up == 0) {
                return SAME;
            }
            return up == 7 || up == 5 ? FIFTH : OTHER;
        }
        if (up == 0) {
            return PARALLEL;
        }
        // the relative minor lies a minor third below the major tonic, the relative major a minor third above
        boolean relative = truth.mode() == Key.Mode.MAJOR ? up == 9 : up == 3;
        return relative ? RELATIVE : OTHER;
    }
}
