package org.melodist.generate;

import java.util.List;
import org.melodist.song.Note;

/**
 * What quantising to the 16th grid changes in a melody, counted so the training report can say how much
 * of the corpus the encoding cannot represent. Not thread-safe: one instance per loading pass.
 */
public final class GridLosses {

    private long notes;
    private long offGridOnsets;
    private long tripletOnsets;
    private long shorterThanStep;
    private long collided;
    private long octaveFolded;
    private long octaveShifted;
    private int lowest = Integer.MAX_VALUE;
    private int highest = Integer.MIN_VALUE;

    /** Notes the source files have, before any octave shift: their pitch range, for the summary. */
    void countRange(List<Note> line) {
        for (Note n : line) {
            lowest = Math.min(lowest, n.pitch());
            highest = Math.max(highest, n.pitch());
        }
    }

    /** A whole line of {@code noteCount} notes was moved by octaves into the model's range. */
    void countOctaveShift(int noteCount) {
        octaveShifted += noteCount;
    }

    /** Notes moved with their whole line by octaves into the model's range (intervals kept). */
    public long octaveShifted() {
        return octaveShifted;
    }

    /** Lowest and highest source pitch seen, or null when none. */
    public int[] pitchRange() {
        return lowest > highest ? null : new int[] {lowest, highest};
    }

    /** "notes: 12,345, range C4-A5 (in the model's range C3-C7)". */
    public String rangeSummary() {
        if (lowest > highest) {
            return "notes: none";
        }
        return String.format(java.util.Locale.ROOT, "notes: %,d, range %s-%s; %,d moved by whole octaves into the model's range, %,d folded one by one",
                notes, org.melodist.song.PitchNames.name(lowest), org.melodist.song.PitchNames.name(highest), octaveShifted, octaveFolded);
    }

    /** Counts the losses of encoding {@code line} (start order) at {@code ppq}. */
    public void count(List<Note> line, int ppq, MelodyEncoding enc) {
        double stepTicks = enc.ticksPerStep(ppq);
        double tolerance = Math.max(1.0, stepTicks / 20);
        long previousOnStep = Long.MIN_VALUE;
        for (Note n : line) {
            notes++;
            long step = enc.stepAt(n.start(), ppq);
            if (Math.abs(n.start() - step * stepTicks) > tolerance) {
                offGridOnsets++;
                if (onTripletGrid(n.start(), ppq, tolerance)) {
                    tripletOnsets++;
                }
            }
            if (n.duration() < stepTicks / 2) {
                shorterThanStep++;
            }
            if (step == previousOnStep) {
                collided++;
            }
            if (n.pitch() < enc.minPitch() || n.pitch() > enc.maxPitch()) {
                octaveFolded++;
            }
            previousOnStep = step;
        }
    }

    private static boolean onTripletGrid(long tick, int ppq, double tolerance) {
        // eighth and sixteenth triplets: thirds and sixths of a quarter
        double sixth = ppq / 6.0;
        double nearest = Math.round(tick / sixth) * sixth;
        return Math.abs(tick - nearest) <= tolerance;
    }

    public long notes() {
        return notes;
    }

    public long offGridOnsets() {
        return offGridOnsets;
    }

    public long tripletOnsets() {
        return tripletOnsets;
    }

    public long shorterThanStep() {
        return shorterThanStep;
    }

    public long collided() {
        return collided;
    }

    public long octaveFolded() {
        return octaveFolded;
    }

    /** One line for the training log. */
    public String summary() {
        return String.format("grid losses over %d notes: %d onsets off the 16th grid (%d of them triplets), "
                        + "%d notes shorter than half a step (grace notes), %d notes lost to a shared step, %d moved with their tune by octaves into range, %d octave-folded one by one",
                notes, offGridOnsets, tripletOnsets, shorterThanStep, collided, octaveShifted, octaveFolded);
    }
}
