package org.melodist.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * Picks the melody out of a song: the first monophonic track, or else the top line (skyline) of the
 * first pitched track. Drum tracks (MIDI channel 10) are never melodies.
 */
public final class MelodyLines {

    private static final int DRUM_CHANNEL = 9;

    private MelodyLines() {
    }

    /** The melody notes in start order, or empty when the song has no pitched notes. */
    public static Optional<List<Note>> melodyOf(Song song) {
        Track firstPitched = null;
        for (Track t : song.tracks()) {
            if (t.channel() == DRUM_CHANNEL || t.notes().isEmpty()) {
                continue;
            }
            if (firstPitched == null) {
                firstPitched = t;
            }
            if (isMonophonic(t.notes())) {
                return Optional.of(t.notes());
            }
        }
        return firstPitched == null ? Optional.empty() : Optional.of(skyline(firstPitched.notes()));
    }

    /** True when no note starts before the previous one has ended. */
    public static boolean isMonophonic(List<Note> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start() < sorted.get(i - 1).end()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The highest sounding line: of notes starting together the highest wins; a note starting under a
     * higher note that still sounds is dropped; a higher note cuts the one sounding below it.
     */
    public static List<Note> skyline(List<Note> notes) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingLong(Note::start).thenComparing(Comparator.comparingInt(Note::pitch).reversed()));
        List<Note> line = new ArrayList<>();
        for (Note n : sorted) {
            if (line.isEmpty()) {
                line.add(n);
                continue;
            }
            Note last = line.get(line.size() - 1);
            if (n.start() >= last.end()) {
                line.add(n);
            } else if (n.start() > last.start() && n.pitch() > last.pitch()) {
                line.set(line.size() - 1, last.withDuration(n.start() - last.start()));
                line.add(n);
            }
        }
        return line;
    }
}
