package org.melodist.studio.pianoroll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.melodist.Plurals;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.song.edit.AddNotes;
import org.melodist.song.edit.CompoundEdit;
import org.melodist.song.edit.MoveNotes;
import org.melodist.song.edit.NoteEdit;
import org.melodist.song.edit.QuantizeNotes;
import org.melodist.song.edit.RemoveNotes;
import org.melodist.song.edit.ResizeNotes;
import org.melodist.song.edit.SetVelocity;
import org.melodist.song.edit.SongEdit;
import org.melodist.song.edit.TransposeNotes;
import org.melodist.studio.StatusMessage;
import org.melodist.studio.document.SongDocument;

/**
 * State and commands of the piano roll: the edited track, the selection, grid, playhead, loop region,
 * clipboard, and every note edit. Each command is one undoable {@link SongEdit} on the document, and
 * leaves the changed notes selected so that the next command acts on them.
 */
public final class PianoRollViewModel {

    public static final int DEFAULT_VELOCITY = 96;

    private final SongDocument document;
    private final IntegerProperty trackIndex = new SimpleIntegerProperty(this, "trackIndex", 0);
    private final ReadOnlyObjectWrapper<List<Note>> selection = new ReadOnlyObjectWrapper<>(this, "selection", List.of());
    private final ObjectProperty<GridDivision> grid = new SimpleObjectProperty<>(this, "grid", GridDivision.SIXTEENTH);
    private final ObjectProperty<Key> scaleKey = new SimpleObjectProperty<>(this, "scaleKey");
    private final LongProperty playhead = new SimpleLongProperty(this, "playhead", 0);
    private final LongProperty loopStart = new SimpleLongProperty(this, "loopStart", 0);
    private final LongProperty loopEnd = new SimpleLongProperty(this, "loopEnd", 0);
    private final BooleanProperty loopEnabled = new SimpleBooleanProperty(this, "loopEnabled", false);
    private final IntegerProperty drawVelocity = new SimpleIntegerProperty(this, "drawVelocity", DEFAULT_VELOCITY);
    private final StatusMessage message = new StatusMessage(this);
    /** Copied notes with starts relative to the earliest of them. */
    private List<Note> clipboard = List.of();

    public PianoRollViewModel(SongDocument document) {
        this.document = document;
        document.songProperty().addListener((obs, old, song) -> keepOnlyExistingSelection(song));
        // an edit of the key signature (Use as seed, or its undo) moves the scale highlight along with it;
        // a song just opened gets its highlight from readSettings, which runs after this
        document.songProperty().addListener((obs, old, song) -> {
            if (old != null && song != null && !java.util.Objects.equals(old.key(), song.key())) scaleKey.set(song.key());
        });
        trackIndex.addListener((obs, old, idx) -> selection.set(List.of()));
    }

    public SongDocument document() {
        return document;
    }

    public Song song() {
        return document.current();
    }

    public int ppq() {
        return song().ppq();
    }

    /** The track being edited; the others are drawn as ghost notes. */
    public Track track() {
        return song().tracks().get(editedTrack());
    }

    /** The index of the edited track: the chosen one, kept inside the song's tracks. */
    public int editedTrack() {
        return editedTrackIn(song());
    }

    private int editedTrackIn(Song s) {
        return Math.min(Math.max(0, trackIndex.get()), s.tracks().size() - 1);
    }

    public IntegerProperty trackIndexProperty() {
        return trackIndex;
    }

    public ReadOnlyObjectProperty<List<Note>> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public List<Note> selection() {
        return selection.get();
    }

    public ObjectProperty<GridDivision> gridProperty() {
        return grid;
    }

    public long gridTicks() {
        return grid.get().ticks(ppq());
    }

    public ObjectProperty<Key> scaleKeyProperty() {
        return scaleKey;
    }

    public LongProperty playheadProperty() {
        return playhead;
    }

    public LongProperty loopStartProperty() {
        return loopStart;
    }

    public LongProperty loopEndProperty() {
        return loopEnd;
    }

    public BooleanProperty loopEnabledProperty() {
        return loopEnabled;
    }

    public IntegerProperty drawVelocityProperty() {
        return drawVelocity;
    }

    /** Why the last command did nothing ("Nothing to paste"), for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    public boolean hasClipboard() {
        return !clipboard.isEmpty();
    }

    // ---- selection ------------------------------------------------------------------------------------

    public void selectOnly(List<Note> notes) {
        selection.set(List.copyOf(notes));
    }

    /** Click: select just this note; Shift-click: add it to the selection or take it out. */
    public void click(Note note, boolean toggle) {
        if (!toggle) {
            selectOnly(List.of(note));
            return;
        }
        List<Note> now = new ArrayList<>(selection.get());
        if (!now.remove(note)) now.add(note);
        selection.set(List.copyOf(now));
    }

    /** Rubber band: these notes, or these added to what was selected. */
    public void selectRegion(List<Note> notes, boolean add) {
        if (!add) {
            selectOnly(notes);
            return;
        }
        List<Note> now = new ArrayList<>(selection.get());
        for (Note n : notes) {
            if (!now.contains(n)) now.add(n);
        }
        selection.set(List.copyOf(now));
    }

    public void selectAll() {
        selectOnly(track().notes());
    }

    public void clearSelection() {
        selection.set(List.of());
    }

    public boolean isSelected(Note n) {
        return selection.get().contains(n);
    }

    // ---- editing ----------------------------------------------------------------------------------------

    /** Draws a note of the grid's length in the cell under (pitch, tick); snapping puts it on the grid line. */
    public Note drawNote(int pitch, long tick, boolean snap) {
        long start = snap ? grid.get().floor(tick, ppq()) : Math.max(0, tick);
        Note note = new Note(pitch, drawVelocity.get(), start, gridTicks());
        document.apply(new AddNotes(editedTrack(), List.of(note)));
        selectOnly(List.of(note));
        return note;
    }

    public void deleteSelection() {
        List<Note> sel = selection.get();
        if (sel.isEmpty()) {
            message.say("Nothing selected to delete");
            return;
        }
        document.apply(new RemoveNotes(editedTrack(), sel));
        clearSelection();
    }

    public void copy() {
        List<Note> sel = selection.get();
        if (sel.isEmpty()) {
            message.say("Nothing selected to copy");
            return;
        }
        long first = sel.stream().mapToLong(Note::start).min().orElse(0);
        List<Note> rel = new ArrayList<>();
        for (Note n : sel) rel.add(n.withStart(n.start() - first));
        rel.sort(null);
        clipboard = List.copyOf(rel);
        message.say("Copied " + Plurals.count(rel.size(), "note"));
    }

    public void cut() {
        List<Note> sel = selection.get();
        if (sel.isEmpty()) {
            message.say("Nothing selected to cut");
            return;
        }
        copy();
        document.apply(new CompoundEdit("Cut " + Plurals.count(sel.size(), "note"), List.of(new RemoveNotes(editedTrack(), sel))));
        clearSelection();
    }

    /** Pastes the clipboard with its first note at the playhead. */
    public void paste() {
        if (clipboard.isEmpty()) {
            message.say("Nothing to paste");
            return;
        }
        long at = Math.max(0, playhead.get());
        List<Note> placed = new ArrayList<>();
        for (Note n : clipboard) placed.add(n.withStart(n.start() + at));
        document.apply(new CompoundEdit("Paste " + Plurals.count(placed.size(), "note"), List.of(new AddNotes(editedTrack(), placed))));
        selectOnly(placed);
    }

    /** Copies the selection to just after itself, rounded up to the grid, and selects the copy. */
    public void duplicate() {
        List<Note> sel = selection.get();
        if (sel.isEmpty()) {
            message.say("Nothing selected to duplicate");
            return;
        }
        long first = sel.stream().mapToLong(Note::start).min().orElse(0);
        long last = sel.stream().mapToLong(n -> Math.max(n.end(), n.start() + 1)).max().orElse(first);
        long step = gridTicks();
        long span = Math.max(step, ((last - first + step - 1) / step) * step);
        List<Note> copies = new ArrayList<>();
        for (Note n : sel) copies.add(n.withStart(n.start() + span));
        document.apply(new CompoundEdit("Duplicate " + Plurals.count(copies.size(), "note"), List.of(new AddNotes(editedTrack(), copies))));
        selectOnly(copies);
    }

    /** Transposes the selection; refuses (with a message) when a note would leave the MIDI range. */
    public void transpose(int semitones) {
        List<Note> sel = selection.get();
        if (sel.isEmpty() || semitones == 0) return;
        for (Note n : sel) {
            int p = n.pitch() + semitones;
            if (p < Note.MIN_PITCH || p > Note.MAX_PITCH) {
                message.say("Cannot transpose: a note would leave the MIDI range");
                return;
            }
        }
        apply(new TransposeNotes(editedTrack(), sel, semitones));
    }

    /** Moves the selection, clamped so that no note starts before 0 or leaves the MIDI range. */
    public void move(long deltaTicks, int deltaPitch) {
        List<Note> sel = selection.get();
        if (sel.isEmpty()) return;
        long dt = clampTickDelta(sel, deltaTicks);
        int dp = clampPitchDelta(sel, deltaPitch);
        if (dt == 0 && dp == 0) return;
        apply(new MoveNotes(editedTrack(), sel, dt, dp));
    }

    /** Lengthens or shortens the selection; with snapping no note gets shorter than one grid step. */
    public void resize(long deltaTicks, boolean snap) {
        List<Note> sel = selection.get();
        if (sel.isEmpty() || deltaTicks == 0) return;
        long min = snap ? gridTicks() : 1;
        apply(new ResizeNotes(editedTrack(), sel, deltaTicks, min));
    }

    /** Snaps the selection's starts to the grid, keeping lengths. */
    public void quantize() {
        List<Note> sel = selection.get().isEmpty() ? track().notes() : selection.get();
        if (sel.isEmpty()) {
            message.say("Nothing to quantize");
            return;
        }
        apply(new QuantizeNotes(editedTrack(), sel, gridTicks(), false));
    }

    /** Sets the velocity of these notes (a velocity-lane drag), keeping them selected if they were. */
    public void setVelocity(List<Note> notes, int velocity) {
        if (notes.isEmpty()) return;
        int v = Math.max(1, Math.min(127, velocity));
        apply(new SetVelocity(editedTrack(), notes, v));
        drawVelocity.set(v);
    }

    public void undo() {
        document.undo();
    }

    public void redo() {
        document.redo();
    }

    /** The move delta that lands {@code anchor}'s start on the grid (or the raw delta without snapping). */
    public long snappedMoveDelta(Note anchor, long rawDelta, boolean snap) {
        if (!snap) return rawDelta;
        return grid.get().snap(anchor.start() + rawDelta, ppq()) - anchor.start();
    }

    /** The resize delta that lands {@code anchor}'s end on the grid (or the raw delta without snapping). */
    public long snappedResizeDelta(Note anchor, long rawDelta, boolean snap) {
        if (!snap) return rawDelta;
        long end = grid.get().snap(anchor.end() + rawDelta, ppq());
        return Math.max(anchor.start() + gridTicks(), end) - anchor.end();
    }

    public long clampTickDelta(List<Note> notes, long delta) {
        long minStart = notes.stream().mapToLong(Note::start).min().orElse(0);
        return Math.max(-minStart, delta);
    }

    public int clampPitchDelta(List<Note> notes, int delta) {
        int lo = notes.stream().mapToInt(Note::pitch).min().orElse(0);
        int hi = notes.stream().mapToInt(Note::pitch).max().orElse(127);
        return Math.max(Note.MIN_PITCH - lo, Math.min(Note.MAX_PITCH - hi, delta));
    }

    /** Sets the loop region from two ticks in either order; an empty region turns looping off. */
    public void setLoop(long a, long b) {
        long from = Math.max(0, Math.min(a, b));
        long to = Math.max(0, Math.max(a, b));
        loopStart.set(from);
        loopEnd.set(to);
        loopEnabled.set(to > from);
    }

    /** Applies a note edit; the selection follows the notes to where the edit put them. */
    private void apply(NoteEdit edit) {
        List<Note> selected = selection.get();
        document.apply(edit);
        selectOnly(edit.carry(selected));
    }

    /** After undo, redo or a load, drop selected notes the edited track no longer has. */
    private void keepOnlyExistingSelection(Song song) {
        List<Note> sel = selection.get();
        if (sel.isEmpty()) return;
        Map<Note, Integer> available = new HashMap<>();
        for (Note n : song.tracks().get(editedTrackIn(song)).notes()) available.merge(n, 1, Integer::sum);
        List<Note> kept = new ArrayList<>();
        for (Note n : sel) {
            Integer left = available.get(n);
            if (left != null && left > 0) {
                available.put(n, left - 1);
                kept.add(n);
            }
        }
        if (kept.size() != sel.size()) selection.set(List.copyOf(kept));
    }

    /** Writes grid, scale and loop into the song's properties, so that they travel with the file. */
    public Song writeSettings(Song s) {
        Key k = scaleKey.get();
        return s.withProperty("studio.grid", grid.get().label())
                .withProperty("studio.scale", k == null ? "none" : k.toString())
                .withProperty("studio.loop", loopEnd.get() > loopStart.get()
                        ? loopStart.get() + "-" + loopEnd.get() + (loopEnabled.get() ? "" : "-off") : null);
    }

    /** Takes grid, scale and loop from a loaded song (or sensible defaults), and resets the playhead. */
    public void readSettings(Song s) {
        GridDivision g = GridDivision.fromLabel(s.properties().getOrDefault("studio.grid", ""));
        if (g != null) grid.set(g);
        String scale = s.properties().get("studio.scale");
        Key k = s.key();
        if ("none".equals(scale)) k = null;
        else if (scale != null) {
            try {
                k = Key.parse(scale);
            } catch (IllegalArgumentException ignored) {
                // an unreadable setting falls back to the file's key signature
            }
        }
        scaleKey.set(k);
        loopStart.set(0);
        loopEnd.set(0);
        loopEnabled.set(false);
        String loop = s.properties().get("studio.loop");
        if (loop != null) {
            String[] parts = loop.split("-");
            try {
                setLoop(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                loopEnabled.set(parts.length < 3);
            } catch (RuntimeException ignored) {
                // a damaged loop setting just means no loop
            }
        }
        playhead.set(0);
        clearSelection();
    }

}
