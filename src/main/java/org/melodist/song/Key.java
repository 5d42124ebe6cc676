package org.melodist.song;

import java.util.Locale;

/**
 * A musical key: a tonic pitch class (0 = C) and a mode. Converts to and from the MIDI key-signature
 * meta event (sharps/flats count and major/minor flag) and spells itself as a musician would ("Eb major").
 */
public record Key(int tonic, Mode mode) {

    public enum Mode { MAJOR, MINOR }

    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR_SCALE = {0, 2, 3, 5, 7, 8, 10};
    /** Spelling of major keys by sharps/flats count, index sf + 7. */
    private static final String[] MAJOR_NAMES =
            {"Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"};
    private static final String[] MINOR_NAMES =
            {"Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#"};

    public Key {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic pitch class " + tonic + " is outside 0-11");
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode is missing");
        }
    }

    /** From a MIDI key signature: {@code sharpsFlats} in -7..7, {@code minor} the mode flag. */
    public static Key fromMidi(int sharpsFlats, boolean minor) {
        if (sharpsFlats < -7 || sharpsFlats > 7) {
            throw new IllegalArgumentException("key signature " + sharpsFlats + " is outside -7..7");
        }
        int majorTonic = Math.floorMod(sharpsFlats * 7, 12);
        return minor ? new Key(Math.floorMod(majorTonic + 9, 12), Mode.MINOR) : new Key(majorTonic, Mode.MAJOR);
    }

    /** The sharps (positive) or flats (negative) of this key's signature, choosing the fewer accidentals. */
    public int sharpsFlats() {
        int best = 0;
        int bestAbs = Integer.MAX_VALUE;
        for (int sf = -7; sf <= 7; sf++) {
            if (fromMidi(sf, mode == Mode.MINOR).tonic == tonic && Math.abs(sf) < bestAbs) {
                best = sf;
                bestAbs = Math.abs(sf);
            }
        }
        return best;
    }

    /** Parses "G major", "F# minor", "Bb", "a minor", "Ebm". */
    public static Key parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("key is empty");
        }
        String lower = t.toLowerCase(Locale.ROOT);
        Mode mode = Mode.MAJOR;
        String root;
        if (lower.endsWith("minor")) {
            mode = Mode.MINOR;
            root = t.substring(0, t.length() - 5).trim();
        } else if (lower.endsWith("major")) {
            root = t.substring(0, t.length() - 5).trim();
        } else if (lower.endsWith("m") && t.length() > 1) {
            mode = Mode.MINOR;
            root = t.substring(0, t.length() - 1).trim();
        } else {
            root = t;
        }
        return new Key(PitchNames.pitchClass(root), mode);
    }

    /** True when the pitch (any octave) is one of the seven notes of this key's scale (natural minor for minor keys). */
    public boolean contains(int pitch) {
        int pc = Math.floorMod(pitch - tonic, 12);
        for (int step : mode == Mode.MAJOR ? MAJOR_SCALE : MINOR_SCALE) {
            if (step == pc) return true;
        }
        return false;
    }

    public String tonicName() {
        int sf = sharpsFlats();
        return (mode == Mode.MAJOR ? MAJOR_NAMES : MINOR_NAMES)[sf + 7];
    }

    @Override
    public String toString() {
        return tonicName() + (mode == Mode.MAJOR ? " major" : " minor");
    }
}
