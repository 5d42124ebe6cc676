package org.melodist.studio.shell;

import java.util.List;

/** The studio's keyboard and mouse shortcuts, as the help dialog and the README list them. */
public final class Shortcuts {

    public record Shortcut(String keys, String action) {
    }

    public static final List<Shortcut> ALL = List.of(
            new Shortcut("Ctrl+N", "New song"),
            new Shortcut("Ctrl+O", "Open a MIDI file (or drop a .mid on the window)"),
            new Shortcut("Ctrl+S", "Save"),
            new Shortcut("Ctrl+Shift+S", "Save as"),
            new Shortcut("Ctrl+E", "Export WAV (rendered with the current soundbank and mix)"),
            new Shortcut("Space", "Play / pause from the playhead"),
            new Shortcut("Home", "Return to the start (or the loop start)"),
            new Shortcut("L", "Loop on/off (loops the whole song when no region is set)"),
            new Shortcut("Ctrl+Z", "Undo"),
            new Shortcut("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
            new Shortcut("Ctrl+X / Ctrl+C / Ctrl+V", "Cut / copy / paste (pastes at the playhead)"),
            new Shortcut("Ctrl+D", "Duplicate the selection after itself"),
            new Shortcut("Ctrl+A", "Select all notes of the track"),
            new Shortcut("Delete / Backspace", "Delete the selection"),
            new Shortcut("Q", "Quantize the selection (or the track) to the grid"),
            new Shortcut("Up / Down", "Transpose the selection a semitone (Shift: an octave)"),
            new Shortcut("Left / Right", "Move the selection one grid step (Shift: one bar)"),
            new Shortcut("Escape", "Clear the selection"),
            new Shortcut("Ctrl+G", "Generate variations: continue the selection, or the bars before the playhead"),
            new Shortcut("] / Alt+Right", "Next generated variation"),
            new Shortcut("[ / Alt+Left", "Previous generated variation"),
            new Shortcut("Shift+Space", "Audition the variation: play it in place from the start of the seed"),
            new Shortcut("Ctrl+Enter", "Accept the variation into the track (one undo step)"),
            new Shortcut("Escape (with variations)", "Discard the variations, or cancel a running generation"),
            new Shortcut("Click on empty grid", "Draw a note of the grid's length"),
            new Shortcut("Click / Shift+click a note", "Select it / add it to or remove it from the selection"),
            new Shortcut("Drag on empty grid", "Rubber-band selection (Shift adds)"),
            new Shortcut("Drag a note / its right edge", "Move / resize the selection (snapped; Alt: free)"),
            new Shortcut("Right-click a note", "Delete it"),
            new Shortcut("Drag in the velocity lane", "Set the velocity of a note (or of the selection)"),
            new Shortcut("Click / drag in the ruler", "Move the playhead / set the loop region"),
            new Shortcut("Wheel", "Scroll up and down (Shift: sideways)"),
            new Shortcut("Ctrl+wheel / Ctrl+Shift+wheel", "Zoom time / row height"),
            new Shortcut("F1", "This list"));

    private Shortcuts() {
    }
}
