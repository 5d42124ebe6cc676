package org.melodist.originality;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.melodist.generate.MelodyLines;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * A single melodic line as the originality check sees it: pitches, and onsets and durations in fixed units of
 * {@link #UNITS_PER_BEAT} per quarter note from the file start, so that the file's resolution (PPQ) and tempo
 * (BPM) no longer matter. Its {@link #tokens() tokens} also drop the key and the absolute note values.
 */
public record Melody(String name, int[] pitches, int[] onsets, int[] durations) {

    /** Time resolution of onsets and durations: 960 per quarter note (divisible by 2, 3, 5, 8, 64). */
    public static final int UNITS_PER_BEAT = 960;

    public Melody {
        if (pitches.length != onsets.length || pitches.length != durations.length) {
            throw new IllegalArgumentException("pitches, onsets and durations differ in length");
        }
        pitches = pitches.clone();
        onsets = onsets.clone();
        durations = durations.clone();
    }

    /** The melody of {@code notes} (sorted by start; chords reduced to their top line) written at {@code ppq}. */
    public static Melody of(String name, List<Note> notes, int ppq) {
        List<Note> line = MelodyLines.isMonophonic(sorted(notes)) ? sorted(notes) : MelodyLines.skyline(notes);
        // notes starting together after the skyline cannot happen; notes on one tick would give a zero gap
        List<Note> distinct = new ArrayList<>(line.size());
        for (Note n : line) {
            if (!distinct.isEmpty() && distinct.get(distinct.size() - 1).start() == n.start()) {
                continue;
            }
            distinct.add(n);
        }
        int n = distinct.size();
        int[] p = new int[n];
        int[] on = new int[n];
        int[] du = new int[n];
        for (int i = 0; i < n; i++) {
            Note note = distinct.get(i);
            p[i] = note.pitch();
            on[i] = toUnits(note.start(), ppq);
            du[i] = Math.max(1, toUnits(note.duration(), ppq));
        }
        return new Melody(name, p, on, du);
    }

    /**
     * The melody of a song: of track {@code track} (0-based) when given, else the song's melody as the melody
     * model picks it (the first monophonic track, or the top line of the first pitched track). Empty when
     * that has no notes.
     */
    public static Optional<Melody> of(String name, Song song, Integer track) {
        List<Note> notes;
        if (track != null) {
            Track t = song.track(track);
            notes = t.notes();
        } else {
            notes = MelodyLines.melodyOf(song).orElse(List.of());
        }
        if (notes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(name, notes, song.ppq()));
    }

    private static List<Note> sorted(List<Note> notes) {
        List<Note> s = new ArrayList<>(notes);
        s.sort(null);
        return s;
    }

    private static int toUnits(long ticks, int ppq) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(ticks * (double) UNITS_PER_BEAT / ppq));
    }

    public int size() {
        return pitches.length;
    }

    @Override
    public int[] pitches() {
        return pitches.clone();
    }

    @Override
    public int[] onsets() {
        return onsets.clone();
    }

    @Override
    public int[] durations() {
        return durations.clone();
    }

    public int pitch(int i) {
        return pitches[i];
    }

    public int onset(int i) {
        return onsets[i];
    }

    public int duration(int i) {
        return durations[i];
    }

    /** Where note {@code i} starts, in quarter notes from the file start. */
    public double onsetBeats(int i) {
        return onsets[i] / (double) UNITS_PER_BEAT;
    }

    /** The notes from {@code from} (inclusive) to {@code to} (exclusive), keeping their positions. */
    public Melody slice(int from, int to) {
        return new Melody(name, java.util.Arrays.copyOfRange(pitches, from, to),
                java.util.Arrays.copyOfRange(onsets, from, to), java.util.Arrays.copyOfRange(durations, from, to));
    }

    public Melody withName(String newName) {
        return new Melody(newName, pitches, onsets, durations);
    }

    /** One token per note after the first: see {@link MelodyTokens}. */
    public short[] tokens() {
        return MelodyTokens.tokens(pitches, onsets, durations, 0, pitches.length);
    }
}
