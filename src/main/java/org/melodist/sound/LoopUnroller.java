package org.melodist.sound;

import java.util.ArrayList;
import java.util.List;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TempoChange;
import org.melodist.song.TempoMap;
import org.melodist.song.Track;

/**
 * Writes a loop region out as plain repeats, the way live looping plays it: the region's notes (cut
 * at the loop end, since the sequencer wraps there) and its tempo changes, {@code times} times back to
 * back from tick 0. Used to bounce a loop to audio.
 */
public final class LoopUnroller {

    private LoopUnroller() {
    }

    public static Song unroll(Song song, long start, long end, int times) {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("loop " + start + "-" + end + " is not a forward range of ticks");
        }
        if (times < 1 || times > 1000) {
            throw new IllegalArgumentException("loop repeats " + times + " is outside 1-1000");
        }
        long length = end - start;
        if (length * times > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the unrolled loop would be longer than a MIDI file can hold");
        }
        List<TempoChange> tempos = new ArrayList<>();
        for (int k = 0; k < times; k++) {
            long offset = k * length;
            tempos.add(new TempoChange(offset, song.tempoMap().bpmAt(start)));
            for (TempoChange c : song.tempoMap().changes()) {
                if (c.tick() > start && c.tick() < end) {
                    tempos.add(new TempoChange(c.tick() - start + offset, c.bpm()));
                }
            }
        }
        List<Track> tracks = new ArrayList<>();
        for (Track t : song.tracks()) {
            List<Note> notes = new ArrayList<>();
            for (Note n : t.notes()) {
                if (n.start() < start || n.start() >= end) continue;
                long duration = Math.min(n.duration(), end - n.start());
                for (int k = 0; k < times; k++) {
                    notes.add(new Note(n.pitch(), n.velocity(), n.start() - start + k * length, duration));
                }
            }
            tracks.add(t.withNotes(notes));
        }
        return song.withTempoMap(TempoMap.of(tempos)).withTracks(tracks);
    }
}
