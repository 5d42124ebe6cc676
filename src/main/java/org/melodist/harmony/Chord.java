package org.melodist.harmony;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.melodist.song.Key;
import org.melodist.song.PitchNames;

/**
 * A chord as root pitch class (0 = C) and quality, or {@link #NONE} ("N": nothing sounds). Each chord has
 * a dense index 0..{@link #VOCABULARY}-1 (0 is N) used by the models.
 */
public record Chord(int root, ChordQuality quality) {

    /** No chord: root -1, no quality. */
    public static final Chord NONE = new Chord(-1, null);
    /** N plus 12 roots x 11 qualities. */
    public static final int VOCABULARY = 1 + 12 * ChordQuality.count();
    /** N plus 12 major and 12 minor triads. */
    public static final int MAJMIN_VOCABULARY = 25;

    private static final Pattern SYMBOL = Pattern.compile("([A-Ga-g])([#b\u266f\u266d]?)(.*)");
    private static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    private static final String[] FLAT_NAMES = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};

    public Chord {
        if (quality == null ? root != -1 : root < 0 || root > 11) {
            throw new IllegalArgumentException("chord root " + root + " is outside 0-11");
        }
    }

    public static Chord of(int root, ChordQuality quality) {
        return new Chord(Math.floorMod(root, 12), quality);
    }

    public boolean isNone() {
        return quality == null;
    }

    public int index() {
        return isNone() ? 0 : 1 + root * ChordQuality.count() + quality.ordinal();
    }

    public static Chord ofIndex(int index) {
        if (index < 0 || index >= VOCABULARY) {
            throw new IllegalArgumentException("chord index " + index + " is outside 0-" + (VOCABULARY - 1));
        }
        if (index == 0) {
            return NONE;
        }
        int i = index - 1;
        return new Chord(i / ChordQuality.count(), ChordQuality.of(i % ChordQuality.count()));
    }

    /** The same chord {@code semitones} higher (N stays N). */
    public Chord transpose(int semitones) {
        return isNone() ? this : of(root + semitones, quality);
    }

    /** Index into the majmin vocabulary: 0 = N, 1 + root for major triads, 13 + root for minor ones. */
    public int majminIndex() {
        return isNone() ? 0 : (quality.majmin() == ChordQuality.MAJ ? 1 : 13) + root;
    }

    /** True when the pitch (any octave) is one of this chord's notes. */
    public boolean contains(int pitch) {
        if (isNone()) {
            return false;
        }
        int iv = Math.floorMod(pitch - root, 12);
        for (int i = 0; i < quality.size(); i++) {
            if (quality.interval(i) == iv) return true;
        }
        return false;
    }

    /** The chord's pitch classes, root first. */
    public int[] pitchClasses() {
        if (isNone()) {
            return new int[0];
        }
        int[] pcs = new int[quality.size()];
        for (int i = 0; i < pcs.length; i++) {
            pcs[i] = (root + quality.interval(i)) % 12;
        }
        return pcs;
    }

    /** The chord symbol spelled for {@code key} ("F#m" in D major, "Gbm" hardly ever); sharps when key is null. */
    public String symbol(Key key) {
        if (isNone()) {
            return "N";
        }
        boolean flats = key != null && key.sharpsFlats() < 0;
        return (flats ? FLAT_NAMES : SHARP_NAMES)[root] + quality.suffix();
    }

    /** Parses a chord symbol such as "G", "Em", "D7", "Bbmaj7", "F#dim", "Asus4", "N". */
    public static Chord parse(String symbol) {
        String s = symbol == null ? "" : symbol.trim();
        if (s.equals("N") || s.equalsIgnoreCase("N.C.") || s.equalsIgnoreCase("NC")) {
            return NONE;
        }
        Matcher m = SYMBOL.matcher(s);
        if (s.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("'" + s + "' is not a chord symbol (try G, Em, D7, Bbmaj7, F#dim, Asus4)");
        }
        String acc = m.group(2).replace('\u266f', '#').replace('\u266d', 'b');
        int root = PitchNames.pitchClass(m.group(1).toUpperCase() + acc);
        try {
            return of(root, ChordQuality.fromName(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + s + "' is not a chord symbol: " + e.getMessage()
                    + " (qualities: m, dim, aug, 7, maj7, m7, sus2, sus4, 6, m6)", e);
        }
    }

    @Override
    public String toString() {
        return symbol(null);
    }
}
