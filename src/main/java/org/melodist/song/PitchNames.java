package org.melodist.song;

/** Scientific pitch notation: MIDI 60 is "C4", 69 is "A4". */
public final class PitchNames {

    private static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    private static final int[] LETTER_PITCH = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G

    private PitchNames() {
    }

    /** The sharp name of a pitch class: 0 "C", 1 "C#", ... 11 "B". */
    public static String pitchClassName(int pitchClass) {
        return SHARP_NAMES[Math.floorMod(pitchClass, 12)];
    }

    public static String name(int pitch) {
        return SHARP_NAMES[Math.floorMod(pitch, 12)] + (Math.floorDiv(pitch, 12) - 1);
    }

    /** Pitch class of a note letter with optional accidentals: "C" 0, "F#" 6, "Bb" 10, "Cb" 11. */
    public static int pitchClass(String root) {
        String r = root.trim();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("note name is empty");
        }
        char letter = Character.toUpperCase(r.charAt(0));
        if (letter < 'A' || letter > 'G') {
            throw new IllegalArgumentException("'" + root + "' is not a note name (A-G with # or b)");
        }
        int pc = LETTER_PITCH[letter - 'A'];
        for (int i = 1; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '#' || c == '♯') pc++;
            else if (c == 'b' || c == '♭') pc--;
            else throw new IllegalArgumentException("'" + root + "' is not a note name (A-G with # or b)");
        }
        return Math.floorMod(pc, 12);
    }

    /** Parses "C4", "F#3", "Bb-1", "c5" into a MIDI pitch. */
    public static int parse(String text) {
        String t = text.trim();
        int i = 1;
        while (i < t.length() && (t.charAt(i) == '#' || t.charAt(i) == 'b' || t.charAt(i) == '♯' || t.charAt(i) == '♭')) {
            i++;
        }
        if (t.isEmpty() || i >= t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a note such as C4 or F#3");
        }
        int pc;
        int octave;
        try {
            pc = pitchClass(t.substring(0, i));
            octave = Integer.parseInt(t.substring(i));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a note such as C4 or F#3");
        }
        // the octave of the letter (Cb4 is B3, B#3 is C4) follows the letter, not the pitch class
        int letterPc = LETTER_PITCH[Character.toUpperCase(t.charAt(0)) - 'A'];
        int accidental = pc - letterPc;
        if (accidental > 6) accidental -= 12;
        if (accidental < -6) accidental += 12;
        int pitch = (octave + 1) * 12 + letterPc + accidental;
        if (pitch < Note.MIN_PITCH || pitch > Note.MAX_PITCH) {
            throw new IllegalArgumentException("'" + text + "' is outside the MIDI range C-1..G9");
        }
        return pitch;
    }
}
