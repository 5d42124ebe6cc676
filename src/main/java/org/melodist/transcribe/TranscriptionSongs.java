package org.melodist.transcribe;

import java.util.ArrayList;
import java.util.List;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * Turns a {@link Transcription} into song notes: seconds become ticks at a tempo, and with grid placement each
 * onset and end moves to the nearest sixteenth. The grid's phase (where the performer's beats fall against the
 * recording's time 0) is the one that moves the onsets least, so a recording that starts off the beat still
 * lands on the grid; the notes shift earlier by that phase, less than a sixteenth.
 */
public final class TranscriptionSongs {

    public static final String TRACK_NAME = "Transcribed melody";
    public static final int VELOCITY = 100;
    private static final int PHASES = 24;

    private TranscriptionSongs() {
    }

    /** A one-track song at the transcription's tempo, on the sixteenth grid when the tempo was given. */
    public static Song toSong(Transcription t) {
        List<Note> notes = toNotes(t.notes(), Song.DEFAULT_PPQ, t.tempoBpm(), t.tempoGiven());
        return Song.of(Song.DEFAULT_PPQ, t.tempoBpm(), List.of(Track.of(TRACK_NAME, 0, 0, notes)));
    }

    /**
     * The notes in ticks of {@code ppq} at {@code bpm}; {@code grid} places them on sixteenths. Notes never
     * overlap (a monophonic line), and one that would start where the previous one starts is left out.
     */
    public static List<Note> toNotes(List<TranscribedNote> heard, int ppq, double bpm, boolean grid) {
        double ticksPerSec = ppq * bpm / 60.0;
        long sixteenth = Math.max(1, ppq / 4);
        double phase = grid ? bestPhase(heard, ticksPerSec, sixteenth) : 0;
        List<Note> out = new ArrayList<>();
        for (TranscribedNote n : heard) {
            double start = n.startSec() * ticksPerSec - phase;
            double end = n.endSec() * ticksPerSec - phase;
            long s = grid ? Math.round(start / sixteenth) * sixteenth : Math.round(start);
            long e = grid ? Math.round(end / sixteenth) * sixteenth : Math.round(end);
            s = Math.max(0, s);
            e = Math.max(e, s + (grid ? sixteenth : 1));
            if (!out.isEmpty()) {
                Note prev = out.get(out.size() - 1);
                if (s <= prev.start()) {
                    continue;
                }
                if (prev.end() > s) {
                    out.set(out.size() - 1, prev.withDuration(s - prev.start()));
                }
            }
            out.add(new Note(n.pitch(), VELOCITY, s, e - s));
        }
        return out;
    }

    /** The grid offset in ticks (0 to a sixteenth) that minimises the onsets' squared distance to the grid. */
    static double bestPhase(List<TranscribedNote> heard, double ticksPerSec, long sixteenth) {
        double best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int k = 0; k < PHASES; k++) {
            double phase = sixteenth * k / (double) PHASES;
            double cost = 0;
            for (TranscribedNote n : heard) {
                double x = (n.startSec() * ticksPerSec - phase) / sixteenth;
                double d = x - Math.rint(x);
                cost += d * d;
            }
            if (cost < bestCost - 1e-9) {
                bestCost = cost;
                best = phase;
            }
        }
        return best;
    }
}
