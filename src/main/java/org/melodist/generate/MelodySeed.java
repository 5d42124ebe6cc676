package org.melodist.generate;

import java.util.List;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TimeSignature;

/** The notes a continuation starts from, with the resolution and metre they are written in. */
public record MelodySeed(List<Note> notes, int ppq, TimeSignature timeSignature) {

    public MelodySeed {
        notes = List.copyOf(notes).stream().sorted().toList();
        if (notes.isEmpty()) {
            throw new IllegalArgumentException("the seed has no notes");
        }
        if (ppq < 1) {
            throw new IllegalArgumentException("ticks per quarter " + ppq + " must be positive");
        }
    }

    /** The melody of one track of a song (its top line if the track is polyphonic). */
    public static MelodySeed of(Song song, int trackIndex) {
        List<Note> notes = song.track(trackIndex).notes();
        if (notes.isEmpty()) {
            throw new IllegalArgumentException("track " + (trackIndex + 1) + " has no notes to continue");
        }
        List<Note> line = MelodyLines.isMonophonic(notes) ? notes : MelodyLines.skyline(notes);
        return new MelodySeed(line, song.ppq(), song.timeSignature());
    }
}
