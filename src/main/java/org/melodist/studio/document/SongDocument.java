package org.melodist.studio.document;

import java.nio.file.Path;
import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.melodist.song.Song;
import org.melodist.song.edit.EditHistory;
import org.melodist.song.edit.SongEdit;

/**
 * The open song: its current state, undo history, file and dirty flag, as observable properties. Every
 * change to the notes goes through {@link #apply}, so every change can be undone. Dirty means "differs
 * from what was last saved": undoing back to the saved state makes the document clean again.
 */
public final class SongDocument {

    private final ReadOnlyObjectWrapper<Song> song = new ReadOnlyObjectWrapper<>(this, "song");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper(this, "undoName", "");
    private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper(this, "redoName", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private EditHistory history;
    private Song savedSong;
    /** Counts changes, so that an autosave can tell whether it is still the latest. */
    private long revision;

    public SongDocument(Song initial) {
        history = new EditHistory(initial);
        savedSong = initial;
        refresh();
    }

    public Song current() {
        return history.current();
    }

    public ReadOnlyObjectProperty<Song> songProperty() {
        return song.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }

    /** "jig.mid", "Untitled", with a leading "*" when there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public long revision() {
        return revision;
    }

    public Song apply(SongEdit edit) {
        history.apply(Objects.requireNonNull(edit, "edit"));
        revision++;
        refresh();
        return current();
    }

    public void undo() {
        if (history.canUndo()) {
            history.undo();
            revision++;
            refresh();
        }
    }

    public void redo() {
        if (history.canRedo()) {
            history.redo();
            revision++;
            refresh();
        }
    }

    /** Replaces the song and forgets the history (New, Open); the result is clean. */
    public void load(Song newSong, Path newFile) {
        history = new EditHistory(Objects.requireNonNull(newSong, "song"));
        savedSong = newSong;
        file.set(newFile);
        revision++;
        refresh();
    }

    /**
     * Replaces the song with recovered work: the history starts afresh, but the document stays dirty
     * because the recovered state was never saved to {@code originalFile}.
     */
    public void loadRecovered(Song recovered, Path originalFile) {
        history = new EditHistory(Objects.requireNonNull(recovered, "song"));
        savedSong = null;
        file.set(originalFile);
        revision++;
        refresh();
    }

    /** Records that {@code saved} (the state at the time of saving) is now in {@code savedFile}. */
    public void markSaved(Song saved, Path savedFile) {
        savedSong = saved;
        file.set(savedFile);
        refresh();
    }

    private void refresh() {
        Song now = history.current();
        // Songs are immutable and edits always build new ones, so identity tells whether anything changed.
        dirty.set(now != savedSong);
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        undoName.set(history.undoName().orElse(""));
        redoName.set(history.redoName().orElse(""));
        Path f = file.get();
        String name = f == null ? "Untitled" : String.valueOf(f.getFileName());
        title.set((dirty.get() ? "*" : "") + name);
        // last, so that listeners of the song see the flags that go with it
        song.set(now);
    }
}
