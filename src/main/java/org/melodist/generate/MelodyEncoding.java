package org.melodist.generate;

import java.util.ArrayList;
import java.util.List;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/**
 * The token language the melody model reads and writes: a 16th-note grid with one token per step.
 * A step holds a note-on of one pitch in {@code [minPitch, maxPitch]}, HOLD (the sounding note goes on) or
 * REST. START exists only as the first input of a sequence. Beside each token the model gets the position
 * of the step within its bar, so it can learn metre.
 */
public record MelodyEncoding(int minPitch, int maxPitch, int stepsPerQuarter, int maxBarPositions) {

    public static final int REST = 0;
    public static final int HOLD = 1;
    public static final int START = 2;
    private static final int FIRST_NOTE = 3;

    /** The encoding the shipped model uses: MIDI 48 (C3) to 96 (C7), sixteenth notes, bars up to 32 steps. */
    public static final MelodyEncoding DEFAULT = new MelodyEncoding(48, 96, 4, 32);

    public MelodyEncoding {
        if (minPitch < 0 || maxPitch > 127 || maxPitch - minPitch < 12) {
            throw new IllegalArgumentException("pitch range " + minPitch + "-" + maxPitch + " must span at least an octave within 0-127");
        }
        if (stepsPerQuarter < 1 || stepsPerQuarter > 48) {
            throw new IllegalArgumentException("steps per quarter " + stepsPerQuarter + " is outside 1-48");
        }
        if (maxBarPositions < 1) {
            throw new IllegalArgumentException("bar positions must be at least 1");
        }
    }

    public int vocabularySize() {
        return FIRST_NOTE + maxPitch - minPitch + 1;
    }

    public int noteOn(int pitch) {
        if (pitch < minPitch || pitch > maxPitch) {
            throw new IllegalArgumentException("pitch " + pitch + " is outside the model's range " + minPitch + "-" + maxPitch);
        }
        return FIRST_NOTE + pitch - minPitch;
    }

    public static boolean isNoteOn(int token) {
        return token >= FIRST_NOTE;
    }

    public int pitchOf(int token) {
        if (!isNoteOn(token) || token >= vocabularySize()) {
            throw new IllegalArgumentException("token " + token + " is not a note-on");
        }
        return minPitch + token - FIRST_NOTE;
    }

    /** Human-readable token, for logs and tests. */
    public String describe(int token) {
        return switch (token) {
            case REST -> "REST";
            case HOLD -> "HOLD";
            case START -> "START";
            default -> "ON(" + pitchOf(token) + ")";
        };
    }

    /** Grid steps in one bar of the metre (4/4 -> 16, 6/8 -> 12), at least 1. */
    public int stepsPerBar(TimeSignature ts) {
        return Math.max(1, ts.numerator() * stepsPerQuarter * 4 / ts.denominator());
    }

    /** The bar-position input for a step: its index within the bar, capped for very long bars. */
    public int barPosition(long step, int stepsPerBar) {
        return (int) Math.min(Math.floorMod(step, (long) stepsPerBar), maxBarPositions - 1);
    }

    public double ticksPerStep(int ppq) {
        return (double) ppq / stepsPerQuarter;
    }

    /** The grid step nearest to a tick. */
    public long stepAt(long tick, int ppq) {
        return Math.round(tick / ticksPerStep(ppq));
    }

    /** The first tick of a step (rounded when the resolution is not a multiple of the grid). */
    public long tickOf(long step, int ppq) {
        return Math.round(step * ticksPerStep(ppq));
    }

    /** Moves a pitch by octaves into the model's range (a seed's high or low note is kept, not dropped). */
    public int fold(int pitch) {
        int p = pitch;
        while (p < minPitch) p += 12;
        while (p > maxPitch) p -= 12;
        return p;
    }

    /**
     * Encodes a monophonic line (notes in start order) onto the grid from {@code firstStep} (inclusive) to
     * {@code endStep} (exclusive). Out-of-range pitches are octave-folded; a note whose onset lands on the
     * step of an earlier one replaces it; a note is cut where the next one starts.
     */
    public int[] encode(List<Note> notes, int ppq, long firstStep, long endStep) {
        int length = (int) Math.max(0, endStep - firstStep);
        int[] tokens = new int[length];
        for (Note n : notes) {
            long on = stepAt(n.start(), ppq);
            long off = Math.max(on + 1, stepAt(n.end(), ppq));
            int i = (int) (on - firstStep);
            if (i < 0 || i >= length) {
                continue;
            }
            tokens[i] = noteOn(fold(n.pitch()));
            for (long s = on + 1; s < off && s - firstStep < length; s++) {
                tokens[(int) (s - firstStep)] = HOLD;
            }
            // a later note overwrites holds; clear holds beyond this note's end left by an earlier, longer note
            for (long s = off; s - firstStep < length && tokens[(int) (s - firstStep)] == HOLD; s++) {
                tokens[(int) (s - firstStep)] = REST;
            }
        }
        return tokens;
    }

    /**
     * Turns tokens starting at grid step {@code firstStep} back into notes. HOLD after a rest (or at the
     * start) sounds nothing; START is ignored as a rest.
     */
    public List<Note> decode(int[] tokens, long firstStep, int ppq, int velocity) {
        List<Note> notes = new ArrayList<>();
        int pitch = -1;
        long onStep = 0;
        for (int i = 0; i <= tokens.length; i++) {
            int t = i < tokens.length ? tokens[i] : REST;
            if (t == HOLD && pitch >= 0) {
                continue;
            }
            if (pitch >= 0) {
                long start = tickOf(firstStep + onStep, ppq);
                long end = tickOf(firstStep + i, ppq);
                notes.add(new Note(pitch, velocity, start, end - start));
                pitch = -1;
            }
            if (isNoteOn(t)) {
                pitch = pitchOf(t);
                onStep = i;
            }
        }
        return notes;
    }

    /** Shifts every note-on of a token sequence by {@code semitones}; the caller checks that it fits. */
    public int[] transpose(int[] tokens, int semitones) {
        int[] out = tokens.clone();
        for (int i = 0; i < out.length; i++) {
            if (isNoteOn(out[i])) {
                out[i] = noteOn(pitchOf(out[i]) + semitones);
            }
        }
        return out;
    }

    /** Lowest and highest pitch among the note-ons, or null when there is none. */
    public int[] pitchSpan(int[] tokens) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int t : tokens) {
            if (isNoteOn(t)) {
                int p = pitchOf(t);
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
        }
        return lo > hi ? null : new int[] {lo, hi};
    }
}
