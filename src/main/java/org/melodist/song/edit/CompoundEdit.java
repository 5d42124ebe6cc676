package org.melodist.song.edit;

import java.util.List;

import org.melodist.song.Song;

/** Several edits undone and redone as one step, under one name (e.g. "Paste 5 notes"). */
public record CompoundEdit(String name, List<SongEdit> edits) implements SongEdit {

    public CompoundEdit {
        edits = List.copyOf(edits);
    }

    @Override
    public Song apply(Song song) {
        Song result = song;
        for (SongEdit e : edits) {
            result = e.apply(result);
        }
        return result;
    }
}
