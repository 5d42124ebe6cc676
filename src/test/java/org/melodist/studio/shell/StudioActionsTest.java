package org.melodist.studio.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.analysis.GenreModelSource;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.tasks.SameThreadRunner;

/** The table of actions on its own (no toolkit): keys are not bound twice, and the F1 list comes from it. */
class StudioActionsTest {

    @TempDir
    Path userData;
    private StudioViewModel vm;
    private StudioActions actions;
    private final List<String> ran = new java.util.ArrayList<>();

    @BeforeEach
    void table() {
        vm = StudioComposition.create(userData, SequencerPlaybackService::forSoundCard, MelodyGeneratorSource.shipped(),
                GenreModelSource.shipped(), new SameThreadRunner());
        actions = new StudioActions(vm, new StudioActions.WindowCommands(() -> ran.add("new"), () -> ran.add("open"),
                () -> ran.add("save"), () -> ran.add("save-as"), () -> ran.add("export"), () -> ran.add("quit"),
                () -> ran.add("shortcuts"), () -> ran.add("about"),
                () -> ran.add("learn-style"), () -> ran.add("transcribe"), () -> ran.add("sing-seed"),
                () -> ran.add("preferences")));
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void noWindowWideKeyIsBoundTwiceAndEveryKeyHasAHandler() {
        Map<KeyCombination, String> seen = new HashMap<>();
        for (StudioActions.Action a : actions.all()) {
            if (a.scope == StudioActions.Scope.MOUSE) {
                assertNotNull(a.gesture, a.id);
                continue;
            }
            assertNotNull(a.run, a.id + " has a handler");
            if (a.scope != StudioActions.Scope.WINDOW) continue;
            for (KeyCombination k : a.keys) {
                String before = seen.put(k, a.id);
                assertEquals(null, before, k + " is bound to " + before + " and " + a.id);
            }
        }
        actions.find("shortcuts").orElseThrow().run.run();
        assertEquals(List.of("shortcuts"), ran, "F1 runs the window's command");
    }

    @Test
    void theF1ListSpellsKeysInFullAndSharesRowsForTwinKeys() {
        List<StudioActions.HelpRow> rows = actions.helpRows();
        assertTrue(rows.contains(new StudioActions.HelpRow(StudioActions.Section.EDIT, "Ctrl+Shift+Z / Ctrl+Y", "Redo")), rows.toString());
        assertTrue(rows.contains(new StudioActions.HelpRow(StudioActions.Section.PIANO_ROLL, "Up / Down",
                "Transpose the selection a semitone")), rows.toString());
        assertTrue(rows.contains(new StudioActions.HelpRow(StudioActions.Section.GENERATE, "] / Alt+Right",
                "Next generated variation")), rows.toString());
        assertTrue(rows.contains(new StudioActions.HelpRow(StudioActions.Section.GENERATE, "Ctrl+Enter",
                "Accept the variation into the track (one undo step)")), rows.toString());
        assertTrue(rows.contains(new StudioActions.HelpRow(StudioActions.Section.MOUSE, "Click on empty grid",
                "Draw a note of the grid's length")), rows.toString());
        long listed = actions.all().stream().filter(a -> !a.keys.isEmpty() || a.gesture != null).count();
        assertEquals(listed - 5, rows.size(), "five actions share a row with their twin (Down, Shift+Down, Right, Shift+Right, and the chord lane's Left)");
    }
}
