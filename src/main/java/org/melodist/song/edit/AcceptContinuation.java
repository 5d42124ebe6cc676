package org.melodist.song.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * Accepting a generated continuation into a track, as one undoable step: the continuation replaces what
 * the track had in its range [{@code from}, {@code to}), and seed notes still sounding at {@code from}
 * are shortened to end there, so that seed and continuation never overlap.
 */
public final class AcceptContinuation {

    private AcceptContinuation() {
    }

    /**
     * The edit that writes {@code continuation} into track {@code track} of {@code song}.
     *
     * @param seed the notes the continuation was generated from; only those still in the track are shortened
     * @param name what Undo calls it ("Accept variation 2")
     */
    public static CompoundEdit of(Song song, int track, Collection<Note> seed, long from, long to,
                                  List<Note> continuation, String name) {
        Track t = song.track(track);
        Map<Note, Integer> inTrack = new HashMap<>();
        for (Note n : t.notes()) inTrack.merge(n, 1, Integer::sum);
        List<Note> overhanging = new ArrayList<>();
        for (Note n : seed) {
            if (n.start() < from && n.end() > from && inTrack.getOrDefault(n, 0) > 0) {
                inTrack.merge(n, -1, Integer::sum);
                overhanging.add(n);
            }
        }
        List<SongEdit> steps = new ArrayList<>();
        if (!overhanging.isEmpty()) {
            steps.add(new RemoveNotes(track, overhanging));
            steps.add(new AddNotes(track, cutAt(overhanging, from)));
        }
        steps.add(new ReplaceRange(track, from, to, continuation));
        return new CompoundEdit(name, steps);
    }

    /** The notes that start before {@code tick}, with a note still sounding there shortened to end on it. */
    public static List<Note> cutAt(Collection<Note> notes, long tick) {
        List<Note> cut = new ArrayList<>();
        for (Note n : notes) {
            if (n.start() < tick) cut.add(n.end() > tick ? n.withDuration(tick - n.start()) : n);
        }
        return cut;
    }
}
