package org.melodist.song.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.melodist.song.Note;

/** Shared mechanics of edits that act on chosen notes of one track: notes are identified by value. */
final class NoteSelection {

    private NoteSelection() {
    }

    /**
     * Replaces each of {@code targets} found in {@code notes} by {@code change} applied to it; a target given
     * twice matches two equal notes. Throws if a target is not in the track, so a stale edit fails loudly.
     */
    static List<Note> replace(List<Note> notes, List<Note> targets, UnaryOperator<Note> change) {
        Map<Note, Integer> wanted = count(targets);
        List<Note> result = new ArrayList<>(notes.size());
        for (Note n : notes) {
            Integer left = wanted.get(n);
            if (left != null && left > 0) {
                wanted.put(n, left - 1);
                Note changed = change.apply(n);
                if (changed != null) result.add(changed);
            } else {
                result.add(n);
            }
        }
        for (Map.Entry<Note, Integer> e : wanted.entrySet()) {
            if (e.getValue() > 0) {
                throw new IllegalArgumentException("note " + e.getKey() + " is not in the track");
            }
        }
        return result;
    }

    private static Map<Note, Integer> count(List<Note> targets) {
        Map<Note, Integer> wanted = new HashMap<>();
        for (Note t : targets) {
            wanted.merge(t, 1, Integer::sum);
        }
        return wanted;
    }
}
