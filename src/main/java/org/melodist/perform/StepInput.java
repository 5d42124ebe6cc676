package org.melodist.perform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import org.melodist.Plurals;
import org.melodist.song.Note;
import org.melodist.song.edit.AddNotes;
import org.melodist.song.edit.CompoundEdit;
import org.melodist.song.edit.SongEdit;

/**
 * Step input while the transport is stopped: the keys pressed together (until all are released) go in as
 * one chord at the cursor, each {@code length} ticks long with the velocity played, and the cursor moves
 * on by {@code length}. Timing does not matter, only which keys overlap. Each step goes to the listener
 * on the thread that played it.
 */
public final class StepInput implements Receiver {

    /** One step: the notes to add and where the cursor goes next. */
    public record Step(int track, List<Note> notes, long nextCursor) {
        public Step {
            notes = List.copyOf(notes).stream().sorted().toList();
        }

        /** "Step input 3 notes", one undoable edit per step. */
        public SongEdit edit() {
            return new CompoundEdit("Step input " + Plurals.count(notes.size(), "note"), List.of(new AddNotes(track, notes)));
        }
    }

    private final int track;
    private final Consumer<Step> listener;
    private final Set<Integer> down = new HashSet<>();
    private final List<Note> chord = new ArrayList<>();
    private long cursor;
    private long length;

    public StepInput(int track, long cursor, long length, Consumer<Step> listener) {
        if (track < 0) throw new IllegalArgumentException("track " + track + " is negative");
        this.track = track;
        this.listener = Objects.requireNonNull(listener, "listener");
        moveTo(cursor);
        setLength(length);
    }

    public synchronized long cursor() {
        return cursor;
    }

    /** Moves the cursor (the playhead was moved); a chord being played stays where it began. */
    public synchronized void moveTo(long tick) {
        if (tick < 0) throw new IllegalArgumentException("cursor " + tick + " is negative");
        if (chord.isEmpty()) cursor = tick;
    }

    /** The grid's length, for the next notes. */
    public synchronized void setLength(long ticks) {
        if (ticks < 1) throw new IllegalArgumentException("step length " + ticks + " must be at least one tick");
        length = ticks;
    }

    @Override
    public synchronized void send(MidiMessage message, long timeStamp) {
        if (!(message instanceof ShortMessage m)) return;
        int command = m.getCommand();
        int pitch = m.getData1();
        if (command == ShortMessage.NOTE_ON && m.getData2() > 0) {
            if (down.add(pitch)) {
                chord.removeIf(n -> n.pitch() == pitch);
                chord.add(new Note(pitch, m.getData2(), cursor, length));
            }
        } else if (command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) {
            if (down.remove(pitch) && down.isEmpty() && !chord.isEmpty()) {
                long next = cursor + length;
                Step step = new Step(track, chord, next);
                chord.clear();
                cursor = next;
                listener.accept(step);
            }
        }
    }

    @Override
    public void close() {
        // nothing held open
    }
}
