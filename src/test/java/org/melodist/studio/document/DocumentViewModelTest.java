package org.melodist.studio.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.midi.MidiFileReader;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.song.edit.AddNotes;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.SameThreadRunner;

class DocumentViewModelTest {

    @TempDir
    Path dir;
    private SongDocument doc;
    private DocumentViewModel files;
    private final SameThreadRunner runner = new SameThreadRunner();

    @BeforeEach
    void setUp() {
        doc = new SongDocument(Song.empty());
        files = new DocumentViewModel(doc, new StudioPreferences(dir.resolve("prefs.properties")),
                new RecoveryStore(dir.resolve("recovery").resolve("autosave.mid")), runner);
    }

    @AfterEach
    void tearDown() {
        files.close();
    }

    private static Song tune() {
        return Song.of(480, 100, List.of(Track.of("Tune", 0, 73,
                List.of(new Note(62, 80, 0, 240), new Note(66, 100, 240, 240), new Note(69, 110, 480, 960)))));
    }

    @Test
    void saveAndOpenRoundTripTheNotesAndSettings() throws Exception {
        doc.load(tune(), null);
        files.addSettingsWriter(s -> s.withProperty("studio.grid", "1/8T"));
        List<String> loadedGrids = new java.util.ArrayList<>();
        files.addLoadListener(s -> loadedGrids.add(s.properties().get("studio.grid")));
        doc.apply(new AddNotes(0, List.of(new Note(74, 90, 1440, 480))));
        assertTrue(doc.isDirty());
        assertEquals("*Untitled", doc.titleProperty().get());
        assertFalse(files.save(), "an untitled song needs Save As");

        Path target = dir.resolve("song");
        assertTrue(files.saveAs(target), files.messageProperty().get());
        Path written = dir.resolve("song.mid");
        assertTrue(Files.isRegularFile(written), "the .mid extension is added");
        assertFalse(doc.isDirty());
        assertEquals("song.mid", doc.titleProperty().get());
        assertEquals(List.of(written.toAbsolutePath()), files.recentFiles());
        assertEquals(dir.toAbsolutePath(), files.lastFolderProperty().get());

        Song fromDisk = new MidiFileReader().read(written);
        assertEquals(doc.current().track(0).notes(), fromDisk.track(0).notes());
        assertEquals("1/8T", fromDisk.properties().get("studio.grid"));

        files.newSong();
        assertTrue(doc.current().track(0).notes().isEmpty());
        assertTrue(files.open(written));
        assertEquals(4, doc.current().track(0).notes().size());
        assertFalse(doc.isDirty());
        assertFalse(doc.canUndoProperty().get(), "opening starts a fresh history");
        assertEquals(List.of("1/8T"), loadedGrids.subList(loadedGrids.size() - 1, loadedGrids.size()));
    }

    @Test
    void aBrokenFileKeepsTheCurrentSongAndSaysWhyInOneLine() throws Exception {
        doc.load(tune(), null);
        Path bad = dir.resolve("broken.mid");
        Files.write(bad, new byte[] {'M', 'T', 'h', 'd', 0, 0});
        assertFalse(files.open(bad));
        String msg = files.messageProperty().get();
        assertTrue(msg.startsWith("Cannot open broken.mid: "), msg);
        assertFalse(msg.contains("\n"));
        assertEquals(tune().track(0).notes(), doc.current().track(0).notes());
    }

    @Test
    void dirtyFlagFollowsUndoBackToTheSavedState() {
        doc.load(tune(), null);
        assertTrue(files.saveAs(dir.resolve("a.mid")));
        doc.apply(new AddNotes(0, List.of(new Note(70, 90, 0, 10))));
        assertTrue(doc.isDirty());
        doc.undo();
        assertFalse(doc.isDirty());
        doc.redo();
        assertTrue(doc.isDirty());
    }

    @Test
    void autosaveWritesARecoveryFileThatRestoresTheWorkAndASaveRemovesIt() throws Exception {
        doc.load(tune(), null);
        assertTrue(files.saveAs(dir.resolve("work.mid")));
        files.flushAutosave();
        RecoveryStore recovery = files.recovery();
        assertFalse(recovery.exists());

        runner.runScheduled();
        doc.apply(new AddNotes(0, List.of(new Note(80, 90, 0, 100))));
        assertFalse(recovery.exists(), "not at once: after a short pause");
        doc.apply(new AddNotes(0, List.of(new Note(81, 90, 0, 100))));
        assertEquals(1, runner.scheduledCount(), "a newer edit replaces the pending autosave");
        runner.runScheduled();
        files.flushAutosave();
        assertTrue(recovery.exists(), "an edit is autosaved after a short pause");

        // a new session after a crash finds the work
        SongDocument fresh = new SongDocument(Song.empty());
        try (DocumentViewModel again = new DocumentViewModel(fresh, new StudioPreferences(dir.resolve("prefs.properties")),
                new RecoveryStore(recovery.file()), runner)) {
            assertTrue(again.restoreRecovery());
            assertEquals(doc.current().track(0).notes(), fresh.current().track(0).notes());
            assertEquals(dir.resolve("work.mid").toAbsolutePath(), fresh.file());
            assertTrue(fresh.isDirty(), "restored work is not saved yet");
            assertNull(fresh.current().properties().get(RecoveryStore.ORIGIN_PROPERTY));
        }

        assertTrue(files.save());
        files.flushAutosave();
        assertFalse(recovery.exists(), "saving removes the recovery file");
    }

    @Test
    void dragOutWritesAReadableMidiFile() throws Exception {
        doc.load(tune(), null);
        Path out = files.exportForDrag();
        assertNotNull(out);
        assertTrue(out.getFileName().toString().endsWith(".mid"));
        assertEquals(tune().track(0).notes(), new MidiFileReader().read(out).track(0).notes());
    }

    @Test
    void preferencesSurviveARestart() {
        StudioPreferences p = new StudioPreferences(dir.resolve("p.properties"));
        p.putDouble("window.width", 1111);
        p.addRecentFile(dir.resolve("x.mid"));
        p.save();
        StudioPreferences again = new StudioPreferences(dir.resolve("p.properties"));
        assertEquals(1111, again.getDouble("window.width", 0));
        assertTrue(again.recentFiles().isEmpty(), "recent files that no longer exist are dropped");
    }
}
