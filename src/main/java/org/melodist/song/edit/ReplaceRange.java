package org.melodist.song.edit;

import java.util.ArrayList;
import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;
import org.melodist.song.Song;

/**
 * Replaces every note of a track that starts in [{@code from}, {@code to}) by new notes, as accepting a
 * generated continuation does.
 */
public record ReplaceRange(int track, long from, long to, List<Note> replacement) implements SongEdit {

    public ReplaceRange {
        replacement = List.copyOf(replacement);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("range " + from + ".." + to + " is not a valid tick range");
        }
    }

    @Override
    public Song apply(Song song) {
        return song.mapTrack(track, t -> {
            List<Note> kept = new ArrayList<>();
            for (Note n : t.notes()) {
                if (n.start() < from || n.start() >= to) kept.add(n);
            }
            kept.addAll(replacement);
            return t.withNotes(kept);
        });
    }

    @Override
    public String name() {
        return "Replace " + Plurals.count(replacement.size(), "note");
    }
}
