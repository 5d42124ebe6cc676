package org.melodist.song.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

import org.melodist.song.Song;

/**
 * The undo/redo history of one open song, as a stack of snapshots. Songs are immutable and share
 * their untouched tracks, so a snapshot costs one list per changed track.
 */
public final class EditHistory {

    private record Step(SongEdit edit, Song before, Song after) {
    }

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final int limit;
    private Song current;

    public EditHistory(Song initial) {
        this(initial, 1000);
    }

    public EditHistory(Song initial, int limit) {
        this.current = Objects.requireNonNull(initial, "initial");
        if (limit < 1) {
            throw new IllegalArgumentException("undo limit must be at least 1");
        }
        this.limit = limit;
    }

    public Song current() {
        return current;
    }

    /** Applies the edit, makes it undoable and forgets what could have been redone. */
    public Song apply(SongEdit edit) {
        Song after = edit.apply(current);
        undo.push(new Step(edit, current, after));
        if (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
        current = after;
        return current;
    }

    /** Replaces the whole song without history (New, Open). */
    public void reset(Song song) {
        current = Objects.requireNonNull(song, "song");
        undo.clear();
        redo.clear();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Optional<String> undoName() {
        return Optional.ofNullable(undo.peek()).map(s -> s.edit().name());
    }

    public Optional<String> redoName() {
        return Optional.ofNullable(redo.peek()).map(s -> s.edit().name());
    }

    public Song undo() {
        if (undo.isEmpty()) {
            throw new IllegalStateException("nothing to undo");
        }
        Step step = undo.pop();
        redo.push(step);
        current = step.before();
        return current;
    }

    public Song redo() {
        if (redo.isEmpty()) {
            throw new IllegalStateException("nothing to redo");
        }
        Step step = redo.pop();
        undo.push(step);
        current = step.after();
        return current;
    }
}
