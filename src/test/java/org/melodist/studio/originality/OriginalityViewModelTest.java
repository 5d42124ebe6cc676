package org.melodist.studio.originality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.midi.MidiFileWriter;
import org.melodist.originality.OriginalityResult;
import org.melodist.originality.Verdict;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.SameThreadRunner;

class OriginalityViewModelTest {

    private static List<Note> tune(long seed) {
        Random rng = new Random(seed);
        List<Note> out = new ArrayList<>();
        int pitch = 64;
        for (int i = 0; i < 40; i++) {
            pitch = Math.max(50, Math.min(84, pitch + rng.nextInt(9) - 4));
            out.add(new Note(pitch, 90, i * 360L, 360));
        }
        return out;
    }

    @Test
    void foldersJoinTheTrainingTunesAndChecksNameTheirSource(@TempDir Path dir) throws Exception {
        Path shipped = OriginalityViewModel.shippedLocation();
        Assumptions.assumeTrue(shipped != null, "shipped originality index not found");
        Path folder = Files.createDirectories(dir.resolve("my tunes"));
        new MidiFileWriter().write(Song.of(480, 100, List.of(Track.of("lead", 0, 0, tune(1)))), folder.resolve("mine.mid"));
        Files.writeString(folder.resolve("broken.mid"), "no");
        SameThreadRunner runner = new SameThreadRunner();
        OriginalityViewModel vm = new OriginalityViewModel(shipped, dir.resolve("cache/folders.idx"), runner);

        assertTrue(vm.check(tune(1), 480, "x").isEmpty(), "no index yet");
        vm.reindex();
        int training = vm.indexProperty().get().corpus().size();
        assertTrue(training > 800, "the training tunes: " + training);
        assertFalse(vm.indexingProperty().get());

        vm.addFolder(folder);
        assertEquals(training + 1, vm.indexProperty().get().corpus().size());
        // the same tune transposed, at another resolution, is a copy of the folder's tune
        List<Note> moved = new ArrayList<>();
        for (Note n : tune(1)) {
            moved.add(new Note(n.pitch() + 3, 80, n.start() / 4, n.duration() / 4));
        }
        vm.checkAndReport(moved, 120, "Track 1");
        OriginalityResult r = vm.lastResultProperty().get();
        assertEquals(Verdict.COPY, r.verdict());
        assertEquals("mine.mid", r.longestMatch().corpusFile());
        assertEquals(3, r.longestMatch().transposition());
        assertTrue(vm.messageProperty().get().startsWith("Track 1: copy of mine.mid"), vm.messageProperty().get());

        StudioPreferences prefs = new StudioPreferences(dir.resolve("prefs.properties"));
        vm.writeSettings(prefs);
        OriginalityViewModel again = new OriginalityViewModel(shipped, dir.resolve("cache/folders.idx"), runner);
        again.readSettings(prefs);
        assertEquals(List.of(folder.toAbsolutePath().normalize()), again.folders());

        vm.removeFolder(folder.toAbsolutePath().normalize());
        assertEquals(training, vm.indexProperty().get().corpus().size());
        vm.checkAndReport(List.of(new Note(60, 90, 0, 10)), 480, "Selection");
        assertTrue(vm.messageProperty().get().contains("at least two notes"), vm.messageProperty().get());
    }

    @Test
    void theBadgeFollowsTheVariationShown(@TempDir Path dir) throws Exception {
        Path shipped = OriginalityViewModel.shippedLocation();
        Assumptions.assumeTrue(shipped != null, "shipped originality index not found");
        OriginalityViewModel vm = new OriginalityViewModel(shipped, dir.resolve("c.idx"), new SameThreadRunner());
        VariationBadgesViewModel badges = new VariationBadgesViewModel(vm);
        // a passage of a training tune, as a "variation", before and after the index is ready
        org.melodist.originality.Melody tune = org.melodist.originality.OriginalityModels.load(shipped).corpus().melody(5);
        List<Note> notes = new ArrayList<>();
        for (int i = 10; i < 40; i++) {
            notes.add(new Note(tune.pitch(i) + 2, 90, tune.onset(i) / 2, tune.duration(i) / 2));
        }
        badges.showVariation(notes, 480);
        assertEquals("checking…", badges.badgeProperty().get());
        vm.reindex();
        assertEquals("copy of " + tune.name(), badges.badgeProperty().get());
        assertEquals(Verdict.COPY, badges.verdict());
        var side = badges.comparison();
        assertEquals(tune.name(), side.sourceFile());
        assertEquals(2, side.transposition());
        assertEquals(side.query().get(3).pitch(), side.source().get(3).pitch());
        badges.showVariation(List.of(), 480);
        assertEquals("", badges.badgeProperty().get());
        assertNull(badges.comparison());
        StudioPreferences prefs = new StudioPreferences(dir.resolve("p.properties"));
        badges.avoidCopiesProperty().set(true);
        badges.writeSettings(prefs);
        VariationBadgesViewModel other = new VariationBadgesViewModel(vm);
        other.readSettings(prefs);
        assertTrue(other.avoidCopiesProperty().get());
    }

    @Test
    void withoutTheShippedIndexChecksAreUnavailable(@TempDir Path dir) {
        OriginalityViewModel vm = new OriginalityViewModel(null, dir.resolve("c.idx"), new SameThreadRunner());
        vm.reindex();
        assertNull(vm.indexProperty().get());
        assertTrue(vm.messageProperty().get().contains("unavailable"), vm.messageProperty().get());
    }
}
