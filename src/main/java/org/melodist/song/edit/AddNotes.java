package org.melodist.song.edit;

import java.util.ArrayList;
import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;
import org.melodist.song.Song;

/** Adds notes to a track. */
public record AddNotes(int track, List<Note> notes) implements SongEdit {

    public AddNotes {
        notes = List.copyOf(notes);
    }

    @Override
    public Song apply(Song song) {
        return song.mapTrack(track, t -> {
            List<Note> all = new ArrayList<>(t.notes());
            all.addAll(notes);
            return t.withNotes(all);
        });
    }

    @Override
    public String name() {
        return "Add " + Plurals.count(notes.size(), "note");
    }
}
