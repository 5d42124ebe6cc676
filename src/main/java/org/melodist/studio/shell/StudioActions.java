package org.melodist.studio.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import org.melodist.harmony.ChordLanes;
import org.melodist.studio.chords.ChordLaneViewModel;
import org.melodist.studio.generate.GenerateViewModel;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.transport.TransportViewModel;

/**
 * Every command of the studio declared once: its id, menu label, keys, handler and when it is enabled.
 * The menus, the key handling, the key hints in tooltips and the F1 list are all built from this table,
 * so no key is bound in two places and the list cannot drift from what the keys do.
 */
final class StudioActions {

    /** Where an action's keys work. */
    enum Scope {
        /** Menu accelerators and other window-wide keys: they work wherever the focus is. */
        WINDOW,
        /** Plain keys on the Compose tab, except while a text field has the focus (typing wins). */
        COMPOSE,
        /** Keys for the piano roll while it has the focus. */
        NOTES,
        /** Keys for the chord lane while it has the focus (they win over the Compose keys there). */
        CHORDS,
        /** A mouse gesture, handled by the piano roll itself; listed so that F1 shows it. */
        MOUSE
    }

    /** The groups of the F1 list, and the menus actions appear in. */
    enum Section {
        FILE("File"), EDIT("Edit"), PLAYBACK("Playback"), PIANO_ROLL("Piano roll"), CHORD_LANE("Chord lane"),
        GENERATE("Generate"),
        MOUSE("Mouse"), HELP("Help");

        final String title;

        Section(String title) {
            this.title = title;
        }
    }

    /** The window's own commands (dialogs need the window), handed to the table. */
    record WindowCommands(Runnable newSong, Runnable open, Runnable save, Runnable saveAs, Runnable exportWav,
            Runnable quit, Runnable shortcuts, Runnable about, Runnable learnStyle, Runnable transcribe, Runnable singSeed,
            Runnable preferences) {
    }

    /** A row of the F1 list: the keys (or gesture) in full, and what they do. */
    record HelpRow(Section section, String keys, String help) {
    }

    /** One command. Built with the fluent setters below while the table is made, read-only afterwards. */
    static final class Action {
        final String id;
        final Section section;
        final Scope scope;
        final String help;
        String menuText;
        boolean separatorBefore;
        List<KeyCombination> keys = List.of();
        String gesture;
        Runnable run;
        ObservableBooleanValue enabled;
        ObservableStringValue dynamicMenuText;
        List<String> buttonIds = List.of();

        Action(String id, Section section, Scope scope, String help) {
            this.id = id;
            this.section = section;
            this.scope = scope;
            this.help = help;
        }

        Action menu(String text) {
            menuText = text;
            return this;
        }

        Action menuAfterSeparator(String text) {
            separatorBefore = true;
            return menu(text);
        }

        Action keys(KeyCombination... combos) {
            keys = List.of(combos);
            return this;
        }

        Action gesture(String text) {
            gesture = text;
            return this;
        }

        Action run(Runnable handler) {
            run = handler;
            return this;
        }

        Action enabledWhen(ObservableBooleanValue condition) {
            enabled = condition;
            return this;
        }

        Action menuTextFrom(ObservableStringValue text) {
            dynamicMenuText = text;
            return this;
        }

        /** Buttons elsewhere in the window that do the same; their tooltips get this action's keys. */
        Action buttons(String... ids) {
            buttonIds = List.of(ids);
            return this;
        }

        boolean isEnabled() {
            return enabled == null || enabled.get();
        }

        boolean matches(KeyEvent e) {
            for (KeyCombination k : keys) {
                if (k.match(e)) return true;
            }
            return false;
        }

        /** The keys as a person reads them, e.g. "Ctrl+Shift+Z / Ctrl+Y", or the gesture. */
        String keysText() {
            if (gesture != null) return gesture;
            return keys.stream().map(StudioActions::keyText).collect(Collectors.joining(" / "));
        }
    }

    private final List<Action> actions = new ArrayList<>();
    private final Map<String, MenuItem> menuItems = new LinkedHashMap<>();

    StudioActions(StudioViewModel vm, WindowCommands window) {
        PianoRollViewModel roll = vm.pianoRoll();
        TransportViewModel transport = vm.transport();
        GenerateViewModel gen = vm.generate();
        ChordLaneViewModel chords = vm.chords();
        var document = vm.document();
        ObservableBooleanValue hasVariations = gen.hasVariationsProperty();

        // File
        add("new", Section.FILE, Scope.WINDOW, "New song").menu("_New").keys(shortcut(KeyCode.N)).run(window.newSong());
        add("open", Section.FILE, Scope.WINDOW, "Open a MIDI file (or drop a .mid on the window)").menu("_Open…")
                .keys(shortcut(KeyCode.O)).run(window.open());
        add("save", Section.FILE, Scope.WINDOW, "Save").menuAfterSeparator("_Save").keys(shortcut(KeyCode.S)).run(window.save());
        add("save-as", Section.FILE, Scope.WINDOW, "Save as").menu("Save _As…").keys(shortcutShift(KeyCode.S))
                .run(window.saveAs());
        add("export-wav", Section.FILE, Scope.WINDOW, "Export WAV (rendered with the current soundbank and mix)")
                .menuAfterSeparator("_Export WAV…").keys(shortcut(KeyCode.E)).run(window.exportWav());
        add("quit", Section.FILE, Scope.WINDOW, "Quit").menuAfterSeparator("_Quit").keys(shortcut(KeyCode.Q))
                .run(window.quit());

        // Edit
        add("undo", Section.EDIT, Scope.WINDOW, "Undo").menu("_Undo").keys(shortcut(KeyCode.Z)).run(roll::undo)
                .enabledWhen(document.canUndoProperty())
                .menuTextFrom(named("Undo", document.undoNameProperty()));
        add("redo", Section.EDIT, Scope.WINDOW, "Redo").menu("_Redo")
                .keys(shortcutShift(KeyCode.Z), shortcut(KeyCode.Y)).run(roll::redo)
                .enabledWhen(document.canRedoProperty())
                .menuTextFrom(named("Redo", document.redoNameProperty()));
        add("cut", Section.EDIT, Scope.WINDOW, "Cut the selection").menuAfterSeparator("Cu_t").keys(shortcut(KeyCode.X))
                .run(roll::cut);
        add("copy", Section.EDIT, Scope.WINDOW, "Copy the selection").menu("_Copy").keys(shortcut(KeyCode.C)).run(roll::copy);
        add("paste", Section.EDIT, Scope.WINDOW, "Paste at the playhead").menu("_Paste at playhead")
                .keys(shortcut(KeyCode.V)).run(roll::paste);
        add("duplicate", Section.EDIT, Scope.WINDOW, "Duplicate the selection after itself").menu("D_uplicate")
                .keys(shortcut(KeyCode.D)).run(roll::duplicate);
        add("delete", Section.EDIT, Scope.COMPOSE, "Delete the selection").menu("_Delete")
                .keys(anyShift(KeyCode.DELETE), anyShift(KeyCode.BACK_SPACE)).run(roll::deleteSelection);
        add("select-all", Section.EDIT, Scope.WINDOW, "Select all notes of the track").menuAfterSeparator("Select _All")
                .keys(shortcut(KeyCode.A)).run(roll::selectAll);
        add("quantize", Section.EDIT, Scope.COMPOSE, "Quantize the selection (or the track) to the grid")
                .menu("_Quantize to grid").keys(anyShift(KeyCode.Q)).run(roll::quantize);
        add("preferences", Section.EDIT, Scope.WINDOW,
                "Preferences: the folders the originality check compares with, the judgements learnt from")
                .menuAfterSeparator("Pre_ferences…").keys(shortcut(KeyCode.COMMA)).run(window.preferences());

        // Generate: its plain keys come before the transport's, so that Shift+Space auditions while
        // there are variations and Escape reaches them before the piano roll clears its selection
        add("generate", Section.GENERATE, Scope.WINDOW,
                "Generate variations: continue the selection, or the bars before the playhead")
                .menu("_Generate").keys(shortcut(KeyCode.G)).run(gen::generate)
                .enabledWhen(gen.canGenerateProperty()).buttons("generate-run");
        add("next-variation", Section.GENERATE, Scope.COMPOSE, "Next generated variation")
                .menuAfterSeparator("_Next variation")
                .keys(anyShift(KeyCode.CLOSE_BRACKET), new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN))
                .run(gen::next).enabledWhen(hasVariations).buttons("generate-next");
        add("previous-variation", Section.GENERATE, Scope.COMPOSE, "Previous generated variation")
                .menu("_Previous variation")
                .keys(anyShift(KeyCode.OPEN_BRACKET), new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN))
                .run(gen::previous).enabledWhen(hasVariations).buttons("generate-previous");
        add("audition", Section.GENERATE, Scope.COMPOSE,
                "Audition the variation: play it in place from the start of the seed").menu("A_udition variation")
                .keys(new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHIFT_DOWN)).run(gen::audition)
                .enabledWhen(hasVariations).buttons("generate-audition");
        add("accept", Section.GENERATE, Scope.WINDOW, "Accept the variation into the track (one undo step)")
                .menu("_Accept variation").keys(shortcut(KeyCode.ENTER)).run(gen::accept).enabledWhen(hasVariations)
                .buttons("generate-accept");
        add("thumbs-up", Section.GENERATE, Scope.COMPOSE, "Thumbs up: log that you like the variation shown")
                .menuAfterSeparator("Thumbs _up").keys(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN))
                .run(gen::thumbUp).enabledWhen(hasVariations).buttons("generate-thumbs-up");
        add("thumbs-down", Section.GENERATE, Scope.COMPOSE, "Thumbs down: log that you don't like the variation shown")
                .menu("Thumbs _down").keys(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN))
                .run(gen::thumbDown).enabledWhen(hasVariations).buttons("generate-thumbs-down");
        add("discard", Section.GENERATE, Scope.COMPOSE, "Discard the variations").menu("_Discard variations")
                .keys(anyShift(KeyCode.ESCAPE)).run(gen::discard).enabledWhen(hasVariations)
                .buttons("generate-discard");
        add("cancel-generate", Section.GENERATE, Scope.COMPOSE, "Cancel a running generation")
                .menu("_Cancel generating").keys(anyShift(KeyCode.ESCAPE)).run(gen::cancel)
                .enabledWhen(gen.runningProperty()).buttons("generate-cancel");
        add("learn-style", Section.GENERATE, Scope.WINDOW,
                "Learn a style: teach the melody model your own from a folder of MIDI files")
                .menuAfterSeparator("_Learn a style…").run(window.learnStyle());
        add("transcribe", Section.GENERATE, Scope.WINDOW,
                "Transcribe a recording into notes (or drop a WAV, MP3, FLAC… on Compose)")
                .menuAfterSeparator("_Transcribe a recording…").run(window.transcribe());
        add("sing-seed", Section.GENERATE, Scope.WINDOW, "Sing a seed: record from the microphone, the notes appear as you sing")
                .menu("_Sing a seed…").run(window.singSeed());

        // Harmony: in the Generate menu, after the variations
        add("harmonise", Section.GENERATE, Scope.WINDOW,
                "Harmonise: fill the chord lane with the model's chords for the selection, or the whole track")
                .menuAfterSeparator("_Harmonise").keys(shortcut(KeyCode.H)).run(chords::harmonise)
                .enabledWhen(chords.runningProperty().not()).buttons("chords-harmonise");
        add("chords-to-track", Section.GENERATE, Scope.WINDOW, "Chords to track: the chord lane as block chords")
                .menu("Chords → _track (block chords)").run(() -> chords.chordsToTrack(ChordLanes.Pattern.BLOCK))
                .enabledWhen(chords.hasChordsProperty());
        add("chords-to-pattern", Section.GENERATE, Scope.WINDOW,
                "Chords to track: the chord lane as a pattern for the metre (waltz, jig, broken chords)")
                .menu("Chords → track (_pattern for the metre)")
                .run(() -> chords.chordsToTrack(ChordLanes.Pattern.BY_METRE)).enabledWhen(chords.hasChordsProperty());

        // Playback
        add("play", Section.PLAYBACK, Scope.COMPOSE, "Play / pause from the playhead").keys(anyShift(KeyCode.SPACE))
                .run(transport::togglePlay).buttons("transport-play");
        add("return-to-start", Section.PLAYBACK, Scope.COMPOSE, "Return to the start (or the loop start)")
                .keys(anyShift(KeyCode.HOME)).run(transport::returnToStart).buttons("transport-start");
        add("loop", Section.PLAYBACK, Scope.COMPOSE, "Loop on/off (loops the whole song when no region is set)")
                .keys(anyShift(KeyCode.L)).run(transport::toggleLoop).buttons("transport-loop");

        // Playing in from a MIDI keyboard
        var playIn = vm.playIn();
        if (playIn != null) {
            add("record", Section.PLAYBACK, Scope.COMPOSE,
                    "Record from the MIDI keyboard into the selected track at the playhead (after the count-in) / stop")
                    .keys(anyShift(KeyCode.R)).run(playIn::toggleRecord).buttons("playin-record");
            add("jam", Section.PLAYBACK, Scope.COMPOSE, "Jam: the model answers each phrase you play / stop")
                    .keys(anyShift(KeyCode.J)).run(playIn::toggleJam).buttons("playin-jam");
            add("step-input", Section.PLAYBACK, Scope.COMPOSE,
                    "Step input on/off: notes played while stopped go in at the playhead, the playhead moves on")
                    .keys(anyShift(KeyCode.I)).run(() -> playIn.stepInputProperty().set(!playIn.stepInputProperty().get()))
                    .buttons("playin-step");
            add("keep-going", Section.PLAYBACK, Scope.COMPOSE,
                    "Keep going on/off: while playing, the model continues the track ahead of the playhead")
                    .keys(anyShift(KeyCode.K)).run(() -> playIn.keepGoingProperty().set(!playIn.keepGoingProperty().get()))
                    .buttons("playin-keep-going");
        }

        // Piano roll (while it has the focus)
        add("transpose-up", Section.PIANO_ROLL, Scope.NOTES, "Transpose the selection a semitone")
                .keys(plain(KeyCode.UP)).run(() -> roll.transpose(1));
        add("transpose-down", Section.PIANO_ROLL, Scope.NOTES, "Transpose the selection a semitone")
                .keys(plain(KeyCode.DOWN)).run(() -> roll.transpose(-1));
        add("octave-up", Section.PIANO_ROLL, Scope.NOTES, "Transpose the selection an octave")
                .keys(shift(KeyCode.UP)).run(() -> roll.transpose(12));
        add("octave-down", Section.PIANO_ROLL, Scope.NOTES, "Transpose the selection an octave")
                .keys(shift(KeyCode.DOWN)).run(() -> roll.transpose(-12));
        add("move-left", Section.PIANO_ROLL, Scope.NOTES, "Move the selection one grid step")
                .keys(plain(KeyCode.LEFT)).run(() -> roll.move(-roll.gridTicks(), 0));
        add("move-right", Section.PIANO_ROLL, Scope.NOTES, "Move the selection one grid step")
                .keys(plain(KeyCode.RIGHT)).run(() -> roll.move(roll.gridTicks(), 0));
        add("move-bar-left", Section.PIANO_ROLL, Scope.NOTES, "Move the selection one bar")
                .keys(shift(KeyCode.LEFT)).run(() -> roll.move(-roll.song().ticksPerBar(), 0));
        add("move-bar-right", Section.PIANO_ROLL, Scope.NOTES, "Move the selection one bar")
                .keys(shift(KeyCode.RIGHT)).run(() -> roll.move(roll.song().ticksPerBar(), 0));
        add("clear-selection", Section.PIANO_ROLL, Scope.NOTES, "Clear the selection")
                .keys(anyShift(KeyCode.ESCAPE)).run(roll::clearSelection);

        // Chord lane (while it has the focus)
        add("delete-chord", Section.CHORD_LANE, Scope.CHORDS, "Delete the selected chord")
                .keys(anyShift(KeyCode.DELETE), anyShift(KeyCode.BACK_SPACE)).run(chords::deleteSelected);
        add("next-chord", Section.CHORD_LANE, Scope.CHORDS, "Select the next / previous chord")
                .keys(plain(KeyCode.RIGHT)).run(() -> chords.selectNext(1));
        add("previous-chord", Section.CHORD_LANE, Scope.CHORDS, "Select the next / previous chord")
                .keys(plain(KeyCode.LEFT)).run(() -> chords.selectNext(-1));
        add("edit-chord", Section.CHORD_LANE, Scope.CHORDS, "Type the selected chord's symbol (or type a letter A-G)")
                .keys(plain(KeyCode.ENTER)).run(chords::requestEdit);
        add("mouse-chord-click", Section.CHORD_LANE, Scope.MOUSE,
                "The model's top five alternatives: hover or ▶ to hear one with the melody, click to pick it")
                .gesture("Click a chord");
        add("mouse-chord-type", Section.CHORD_LANE, Scope.MOUSE, "Type a chord symbol there (a bad one is refused inline)")
                .gesture("Double-click the chord lane");
        add("mouse-chord-resize", Section.CHORD_LANE, Scope.MOUSE, "Change the chord's length (snapped to beats)")
                .gesture("Drag a chord's edge");

        // Mouse gestures, handled by the piano roll; listed here so that F1 shows them
        gesture("Click on empty grid", "Draw a note of the grid's length");
        gesture("Click / Shift+click a note", "Select it / add it to or remove it from the selection");
        gesture("Drag on empty grid", "Rubber-band selection (Shift adds)");
        gesture("Drag a note / its right edge", "Move / resize the selection (snapped; Alt: free)");
        gesture("Right-click a note", "Delete it");
        gesture("Drag in the velocity lane", "Set the velocity of a note (or of the selection)");
        gesture("Click / drag in the ruler", "Move the playhead / set the loop region");
        gesture("Wheel", "Scroll up and down (Shift: sideways)");
        gesture("Ctrl+wheel / Ctrl+Shift+wheel", "Zoom time / row height");

        // Help
        add("shortcuts", Section.HELP, Scope.WINDOW, "This list").menu("_Keyboard shortcuts").keys(plain(KeyCode.F1))
                .run(window.shortcuts());
        add("about", Section.HELP, Scope.WINDOW, "About Melodist").menu("_About Melodist").run(window.about());
    }

    private Action add(String id, Section section, Scope scope, String help) {
        Action a = new Action(id, section, scope, help);
        actions.add(a);
        return a;
    }

    private void gesture(String gesture, String help) {
        add("mouse-" + actions.size(), Section.MOUSE, Scope.MOUSE, help).gesture(gesture);
    }

    /** All actions in table order. */
    List<Action> all() {
        return List.copyOf(actions);
    }

    Optional<Action> find(String id) {
        return actions.stream().filter(a -> a.id.equals(id)).findFirst();
    }

    // ---- menus ------------------------------------------------------------------------------------------

    /**
     * The menu bar: File, Edit, Generate and Help, each with its actions in table order. {@code recent}
     * (the Open Recent submenu, rebuilt by the window) follows Open.
     */
    MenuBar menuBar(Menu recent) {
        Menu file = menu("_File", Section.FILE);
        file.getItems().add(file.getItems().indexOf(menuItems.get("open")) + 1, recent);
        MenuBar bar = new MenuBar(file, menu("_Edit", Section.EDIT), menu("_Generate", Section.GENERATE),
                menu("_Help", Section.HELP));
        bar.setId("menu-bar");
        return bar;
    }

    private Menu menu(String title, Section section) {
        Menu menu = new Menu(title);
        for (Action a : actions) {
            if (a.section != section || a.menuText == null) continue;
            if (a.separatorBefore && !menu.getItems().isEmpty()) menu.getItems().add(new SeparatorMenuItem());
            menu.getItems().add(menuItem(a));
        }
        return menu;
    }

    private MenuItem menuItem(Action a) {
        MenuItem mi = new MenuItem(a.menuText);
        mi.setId("menu-" + a.id);
        if (a.scope == Scope.WINDOW && !a.keys.isEmpty()) {
            // the first key is the menu's accelerator; further keys are installed on the scene
            mi.setAccelerator(a.keys.get(0));
        } else if (!a.keys.isEmpty()) {
            // plain keys must not become accelerators (they would steal typing): show them as a hint
            mi.setText(a.menuText + "\t(" + a.keysText() + ")");
        }
        if (a.dynamicMenuText != null) mi.textProperty().bind(a.dynamicMenuText);
        if (a.enabled != null) mi.disableProperty().bind(Bindings.not(a.enabled));
        mi.setOnAction(e -> a.run.run());
        menuItems.put(a.id, mi);
        return mi;
    }

    // ---- keys ---------------------------------------------------------------------------------------------

    /**
     * Installs the keys that are not menu accelerators: window-wide extra keys as scene accelerators, the
     * Compose keys as a filter that yields to text fields and runs only while {@code composeShowing}, and
     * the piano roll's keys on {@code notes}; the chord lane's keys run first while {@code chordLane} has the focus.
     */
    void installKeys(Scene scene, BooleanSupplier composeShowing, Node notes, Node chordLane) {
        for (Action a : actions) {
            if (a.scope != Scope.WINDOW) continue;
            List<KeyCombination> extra = menuItems.containsKey(a.id) ? a.keys.subList(Math.min(1, a.keys.size()), a.keys.size()) : a.keys;
            for (KeyCombination k : extra) {
                scene.getAccelerators().put(k, () -> {
                    if (a.isEnabled()) a.run.run();
                });
            }
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focus = scene.getFocusOwner();
            if (focus instanceof javafx.scene.control.TextInputControl || e.isShortcutDown()) return;
            if (!composeShowing.getAsBoolean()) return;
            if (focus == chordLane) {
                dispatch(Scope.CHORDS, e);
                if (e.isConsumed()) return;
            }
            dispatch(Scope.COMPOSE, e);
        });
        EventHandler<KeyEvent> notesKeys = e -> dispatch(Scope.NOTES, e);
        notes.addEventHandler(KeyEvent.KEY_PRESSED, notesKeys);
    }

    /** Runs the first enabled action of {@code scope} whose keys match, and consumes the event. */
    private void dispatch(Scope scope, KeyEvent e) {
        for (Action a : actions) {
            if (a.scope == scope && a.isEnabled() && a.matches(e)) {
                a.run.run();
                e.consume();
                return;
            }
        }
    }

    // ---- tooltips and the F1 list ----------------------------------------------------------------------

    /** Adds each action's keys to the tooltips of the buttons that do the same thing. */
    void addKeyHints(Node root) {
        for (Action a : actions) {
            if (a.keys.isEmpty()) continue;
            for (String id : a.buttonIds) {
                if (!(root.lookup("#" + id) instanceof Control c)) continue;
                String hint = "(" + a.keysText() + ")";
                if (c.getTooltip() == null) c.setTooltip(new Tooltip(a.help + " " + hint));
                else c.getTooltip().setText(c.getTooltip().getText() + " " + hint);
            }
        }
    }

    /**
     * The F1 list: one row per action with keys or a gesture, in table order within each section;
     * neighbouring actions that do the same with other keys ("Up" and "Down") share a row.
     */
    List<HelpRow> helpRows() {
        List<HelpRow> rows = new ArrayList<>();
        for (Section section : Section.values()) {
            for (Action a : actions) {
                if (a.section != section || (a.keys.isEmpty() && a.gesture == null)) continue;
                HelpRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
                if (last != null && last.section() == section && last.help().equals(a.help)) {
                    rows.set(rows.size() - 1, new HelpRow(section, last.keys() + " / " + a.keysText(), a.help));
                } else {
                    rows.add(new HelpRow(section, a.keysText(), a.help));
                }
            }
        }
        return rows;
    }

    /** A key as the F1 list and the hints spell it: words rather than arrows ("Ctrl+Enter", "Shift+Up"). */
    static String keyText(KeyCombination k) {
        return k.getDisplayText().replace("←", "Left").replace("→", "Right").replace("↑", "Up").replace("↓", "Down")
                .replace("↵", "Enter").replace("Back Space", "Backspace");
    }

    private static ObservableStringValue named(String verb, ObservableStringValue editName) {
        return Bindings.createStringBinding(() -> editName.get().isEmpty() ? verb : verb + " " + editName.get(), editName);
    }

    private static KeyCombination plain(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    /** A plain key that also works with Shift held (as the studio's single-key commands always have). */
    private static KeyCombination anyShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_ANY);
    }

    private static KeyCombination shift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_DOWN);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination shortcutShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }
}
