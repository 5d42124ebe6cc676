package org.melodist.studio.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.GervillRecordingOutput;
import org.melodist.sound.PlaybackService;
import org.melodist.sound.PlaybackState;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.sound.SoundbankChoice;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.SameThreadRunner;
import org.melodist.studio.tracks.TrackListViewModel;
import org.melodist.studio.transport.TransportViewModel;

/**
 * The generation flow without a window or toolkit, with a real (tiny) trained melody model: jobs run on
 * the test's thread, so each command has finished when it returns.
 */
class GenerateViewModelTest {

    private static MelodyGenerator generator;

    @TempDir
    Path dir;
    private SongDocument doc;
    private PianoRollViewModel roll;
    private TransportViewModel transport;
    private GenerateViewModel gen;
    private final SameThreadRunner runner = new SameThreadRunner();

    @BeforeAll
    static void setUp() throws Exception {
        generator = MelodyGenerator.load(TinyMelodyModel.dir());
    }

    @AfterAll
    static void closeModel() {
        generator.close();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (gen != null) gen.close();
        if (transport != null) transport.close();
    }

    /** Two bars of eighths in C major (4/4, 480 ppq, ends at tick 3840) and a bass track. */
    private static Song tune() {
        int[] scale = {60, 62, 64, 65, 67, 69, 71, 72};
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 16; i++) notes.add(new Note(scale[(i * 3) % 8], 90, i * 240L, 240));
        return Song.of(480, 120, List.of(Track.of("Lead", 0, 0, notes), Track.of("Bass", 1, 32, List.of(new Note(36, 90, 0, 3840)))));
    }

    private void build(Song song, MelodyGeneratorSource source,
                       Function<SoundbankChoice.Selection, PlaybackService> playback) throws Exception {
        doc = new SongDocument(song);
        roll = new PianoRollViewModel(doc);
        TrackListViewModel tracks = new TrackListViewModel(doc, roll.trackIndexProperty());
        SoundbankChoice choice = new SoundbankChoice(new PropertiesFileSettingsStore(dir.resolve("sound.properties")), List.of());
        transport = new TransportViewModel(roll, tracks, choice, playback, runner);
        gen = new GenerateViewModel(roll, transport, source, runner);
    }

    private void build(Song song) throws Exception {
        build(song, MelodyGeneratorSource.of(generator, TinyMelodyModel.dir()),
                sel -> new SequencerPlaybackService(new GervillRecordingOutput(sel.bank(), 44_100f, 20)));
    }

    /** Generate, checking that it ran as a job: running while it worked, and done afterwards. */
    private void generateAndWait() {
        List<Boolean> running = new ArrayList<>();
        javafx.beans.value.ChangeListener<Boolean> watch = (obs, o, n) -> running.add(n);
        gen.runningProperty().addListener(watch);
        gen.generate();
        gen.runningProperty().removeListener(watch);
        assertEquals(List.of(true, false), running, "generation runs as a background job, and has ended");
    }

    private List<List<Note>> variations() throws Exception {
        return List.copyOf(gen.variations());
    }

    @Test
    void generateMakesTheVariationsAfterTheSeedAndTheSameRngSeedRepeatsThem() throws Exception {
        build(tune());
        gen.settings().variationCountProperty().set(3);
        gen.settings().barsProperty().set(2);
        gen.settings().rngSeedProperty().set(11);
        assertTrue(gen.canGenerate());
        generateAndWait();
        List<List<Note>> first = variations();
        assertEquals(3, first.size(), gen.messageProperty().get());
        long[] range = gen.continuationRange();
        assertEquals(3840, range[0], "playhead at the start: the track is continued after its last note");
        assertEquals(3840 + 2 * 1920, range[1]);
        assertEquals(0, gen.seedStartTick(), "the seed is the two bars before the end");
        int notes = 0;
        for (List<Note> v : first) {
            for (Note n : v) {
                notes++;
                assertTrue(n.start() >= 3840 && n.end() <= range[1], "after the seed, inside the range: " + n);
            }
        }
        assertTrue(notes > 0, "the variations have notes");
        assertEquals(0, gen.currentIndexProperty().get());
        assertEquals(first.get(0), gen.currentNotesProperty().get(), "the first variation is the ghost");
        assertEquals(0, gen.progressProperty().get(), 1e-9);
        assertTrue(gen.messageProperty().get().startsWith("3 variations of 2 bars"));
        assertEquals(tune(), doc.current(), "generating does not touch the song");
        assertFalse(doc.isDirty());

        generateAndWait();
        assertEquals(first, variations(), "same notes, settings and rng seed: same variations");
        gen.settings().rngSeedProperty().set(12);
        generateAndWait();
        assertNotEquals(first, variations(), "another rng seed: other variations");
    }

    @Test
    void cyclingWrapsAroundAndMovesTheGhostNotes() throws Exception {
        build(tune());
        gen.settings().variationCountProperty().set(3);
        generateAndWait();
        List<List<Note>> all = variations();
        gen.next();
        assertEquals(1, gen.currentIndexProperty().get());
        assertEquals(all.get(1), gen.currentNotesProperty().get());
        gen.next();
        gen.next();
        assertEquals(0, gen.currentIndexProperty().get(), "wraps after the last");
        gen.previous();
        assertEquals(2, gen.currentIndexProperty().get(), "wraps before the first");
        assertEquals(all.get(2), gen.currentNotesProperty().get());
    }

    @Test
    void theSelectionIsTheSeedAndTheContinuationFollowsIt() throws Exception {
        Song song = tune();
        build(song);
        List<Note> firstFour = song.track(0).notes().subList(0, 4);
        roll.selectOnly(firstFour);
        gen.settings().barsProperty().set(1);
        gen.settings().variationCountProperty().set(2);
        generateAndWait();
        long[] range = gen.continuationRange();
        assertEquals(960, range[0], "right after the selected notes");
        assertEquals(960 + 1920, range[1]);
        for (List<Note> v : variations()) {
            for (Note n : v) assertTrue(n.start() >= 960 && n.end() <= 2880, n.toString());
        }
    }

    @Test
    void withoutASelectionTheBarsBeforeThePlayheadAreTheSeed() throws Exception {
        build(tune());
        roll.playheadProperty().set(2880);
        gen.settings().seedBarsProperty().set(1);
        gen.settings().barsProperty().set(1);
        generateAndWait();
        long[] range = gen.continuationRange();
        assertEquals(2880, range[0], "continues from the playhead");
        assertEquals(960, gen.seedStartTick(), "the seed is the bar before the playhead");
    }

    @Test
    void acceptIsOneUndoableEditAndUndoRestoresTheOriginalSong() throws Exception {
        Song original = tune();
        build(original);
        // the playhead inside the note 1680-1920: accepting must shorten it so that nothing overlaps
        roll.playheadProperty().set(1800);
        gen.settings().variationCountProperty().set(2);
        gen.settings().barsProperty().set(2);
        generateAndWait();
        long[] range = gen.continuationRange();
        assertEquals(1800, range[0]);
        gen.next();
        List<Note> chosen = variations().get(1);
        long usedSeed = gen.settings().rngSeedProperty().get();
        gen.accept();

        List<Note> after = doc.current().track(0).notes();
        List<Note> expected = new ArrayList<>();
        for (Note n : original.track(0).notes()) {
            if (n.start() < 1800) expected.add(n.end() > 1800 ? n.withDuration(1800 - n.start()) : n);
        }
        expected.addAll(chosen);
        expected.sort(null);
        assertEquals(expected, after, "seed kept (the held note shortened), then the variation; the old notes after it replaced");
        assertEquals(original.track(1), doc.current().track(1), "other tracks untouched");
        assertEquals("Accept variation 2", doc.undoNameProperty().get());
        assertTrue(gen.variations().isEmpty(), "accepting clears the variations");
        assertNotEquals(usedSeed, gen.settings().rngSeedProperty().get(), "after accepting, the next Generate brings new ideas");
        assertTrue(gen.currentNotesProperty().get().isEmpty(), "and the ghost notes");
        assertEquals(chosen, roll.selection(), "the accepted notes are selected");

        roll.undo();
        assertEquals(original, doc.current(), "one undo takes the whole continuation back");
        assertFalse(doc.isDirty());
        assertFalse(doc.canUndoProperty().get(), "it was a single step");
        roll.redo();
        assertEquals(expected, doc.current().track(0).notes());
    }

    @Test
    void discardForgetsTheVariationsAndLeavesTheSong() throws Exception {
        build(tune());
        generateAndWait();
        assertFalse(variations().isEmpty());
        List<List<Note>> discarded = variations();
        long usedSeed = gen.settings().rngSeedProperty().get();
        gen.discard();
        assertTrue(variations().isEmpty());
        assertNotEquals(usedSeed, gen.settings().rngSeedProperty().get(), "a discarded set does not come back");
        generateAndWait();
        assertNotEquals(discarded, variations(), "the next Generate brings other ideas");
        gen.discard();
        assertEquals(-1, gen.currentIndexProperty().get());
        assertNull(gen.continuationRange());
        assertEquals("Variations discarded", gen.messageProperty().get());
        assertEquals(tune(), doc.current());
        gen.accept();
        assertEquals(tune(), doc.current(), "nothing left to accept");
    }

    @Test
    void cancelStopsARunningGeneration() throws Exception {
        build(tune());
        gen.settings().barsProperty().set(64);
        gen.settings().variationCountProperty().set(32);
        // cancel from the progress listener, on the FX thread, at the first generated steps: no polling race
        boolean[] cancelled = {false};
        gen.progressProperty().addListener((obs, o, n) -> {
            if (n.doubleValue() > 0 && !cancelled[0]) {
                cancelled[0] = true;
                gen.cancel();
            }
        });
        gen.generate();
        assertTrue(cancelled[0], "progress was reported, and Cancel pressed");
        assertFalse(gen.runningProperty().get());
        assertEquals("Generation cancelled", gen.messageProperty().get());
        assertTrue(variations().isEmpty(), "a cancelled generation leaves no variations");
        assertEquals(0, gen.progressProperty().get(), 1e-9);

        // the worker is free again
        gen.settings().barsProperty().set(1);
        gen.settings().variationCountProperty().set(1);
        generateAndWait();
        assertEquals(1, variations().size());
    }

    @Test
    void keyLockKeepsTheNotesInTheKeyAndDefaultsToTheSongsKey() throws Exception {
        build(tune().withKey(Key.parse("D major")));
        assertEquals(Key.parse("D major"), gen.settings().keyLockProperty().get(), "the song's key signature");
        Key eFlat = Key.parse("Eb major");
        gen.settings().keyLockProperty().set(eFlat);
        gen.settings().temperatureProperty().set(2.0);
        gen.settings().variationCountProperty().set(4);
        generateAndWait();
        int notes = 0;
        for (List<Note> v : variations()) {
            for (Note n : v) {
                notes++;
                assertTrue(eFlat.contains(n.pitch()), "in Eb major: " + n);
            }
        }
        assertTrue(notes > 0);
    }

    @Test
    void aMissingModelDisablesGenerateWithAClearMessage() throws Exception {
        Path missing = dir.resolve("models").resolve("melody-lstm");
        build(tune(), MelodyGeneratorSource.at(missing), SequencerPlaybackService::forSoundCard);
        assertFalse(gen.modelAvailableProperty().get());
        assertFalse(gen.canGenerate());
        assertEquals(GenerateViewModel.ModelState.MISSING, gen.modelStateProperty().get());
        String state = gen.modelMessageProperty().get();
        assertEquals("Melody model not found in " + missing.toAbsolutePath().normalize(), state);
        gen.generate();
        assertFalse(gen.runningProperty().get());
        assertEquals(state, gen.messageProperty().get(), "Generate explains itself");
        gen.loadModelInBackground();
        assertEquals(state, gen.modelMessageProperty().get());
    }

    @Test
    void aModelIsLoadedLazilyOffTheFxThread() throws Exception {
        MelodyGeneratorSource lazy = MelodyGeneratorSource.at(TinyMelodyModel.dir());
        build(tune(), lazy, SequencerPlaybackService::forSoundCard);
        assertFalse(lazy.isLoaded(), "nothing is loaded up front");
        assertEquals(GenerateViewModel.ModelState.NOT_LOADED, gen.modelStateProperty().get());
        assertTrue(gen.canGenerate());
        gen.settings().barsProperty().set(1);
        generateAndWait();
        assertTrue(lazy.isLoaded());
        assertEquals(GenerateViewModel.ModelState.READY, gen.modelStateProperty().get());
        assertEquals("Melody model ready", gen.modelMessageProperty().get());
        assertEquals(GenerateSettings.DEFAULT_VARIATIONS, variations().size());
        lazy.close();
    }

    @Test
    void theStartUpLoadMakesTheModelReadyBeforeTheFirstGenerate() throws Exception {
        MelodyGeneratorSource lazy = MelodyGeneratorSource.at(TinyMelodyModel.dir());
        build(tune(), lazy, SequencerPlaybackService::forSoundCard);
        List<GenerateViewModel.ModelState> states = new ArrayList<>();
        gen.modelStateProperty().addListener((obs, o, n) -> states.add(n));
        gen.loadModelInBackground();
        assertEquals(List.of(GenerateViewModel.ModelState.LOADING, GenerateViewModel.ModelState.READY), states);
        assertTrue(lazy.isLoaded());
        lazy.close();
    }

    @Test
    void aBrokenModelFailsToLoadAndGenerateStaysDisabledWithTheReason() throws Exception {
        Path broken = java.nio.file.Files.createDirectories(dir.resolve("broken-model"));
        java.nio.file.Files.writeString(broken.resolve(org.melodist.generate.MelodyModel.CONFIG_FILE), "{ not a model");
        MelodyGeneratorSource source = MelodyGeneratorSource.at(broken);
        build(tune(), source, SequencerPlaybackService::forSoundCard);
        assertEquals(GenerateViewModel.ModelState.NOT_LOADED, gen.modelStateProperty().get(), "a model folder is there");
        gen.loadModelInBackground();
        assertEquals(GenerateViewModel.ModelState.FAILED, gen.modelStateProperty().get());
        assertFalse(gen.canGenerate());
        String reason = gen.modelMessageProperty().get();
        assertTrue(reason.startsWith("Cannot load the melody model: "), reason);
        assertFalse(reason.contains("\n"), "one line");
        assertEquals(reason, gen.messageProperty().get(), "the status bar says it too");
        source.close();
    }

    @Test
    void lengthTemperatureAndVariationsAreRememberedAndClamped() throws Exception {
        build(tune());
        Path file = dir.resolve("studio.properties");
        gen.settings().barsProperty().set(8);
        gen.settings().temperatureProperty().set(0.7);
        gen.settings().variationCountProperty().set(6);
        StudioPreferences prefs = new StudioPreferences(file);
        gen.settings().write(prefs);
        prefs.save();
        StudioPreferences reread = new StudioPreferences(file);
        GenerateViewModel other = new GenerateViewModel(roll, transport, MelodyGeneratorSource.of(generator, TinyMelodyModel.dir()), runner);
        other.settings().read(reread);
        assertEquals(8, other.settings().barsProperty().get());
        assertEquals(0.7, other.settings().temperatureProperty().get(), 1e-9);
        assertEquals(6, other.settings().variationCountProperty().get());
        reread.putDouble("generate.temperature", 50);
        reread.putDouble("generate.bars", 1000);
        other.settings().read(reread);
        assertEquals(GenerateSettings.MAX_TEMPERATURE, other.settings().temperatureProperty().get(), 1e-9);
        assertEquals(64, other.settings().barsProperty().get());
        other.close();
    }

    @Test
    void anEmptyTrackHasNothingToContinue() throws Exception {
        build(Song.of(480, 120, List.of(Track.of("Empty", 0, 0, List.of()))));
        gen.generate();
        assertFalse(gen.runningProperty().get());
        assertTrue(gen.messageProperty().get().startsWith("Nothing to continue"));
        roll.playheadProperty().set(960);
        roll.drawNote(60, 2000, true);
        roll.clearSelection();
        gen.generate();
        assertTrue(gen.messageProperty().get().startsWith("No notes in the 2 bars before the playhead"));
    }

    @Test
    void switchingTrackOrOpeningASongDropsTheVariations() throws Exception {
        build(tune());
        generateAndWait();
        assertFalse(variations().isEmpty());
        roll.trackIndexProperty().set(1);
        assertTrue(variations().isEmpty(), "variations belong to the track they continue");
        roll.trackIndexProperty().set(0);
        generateAndWait();
        assertFalse(variations().isEmpty());
        Song other = tune().withKey(Key.parse("A minor"));
        doc.load(other, null);
        roll.readSettings(other);
        gen.songReplaced(other);
        assertTrue(variations().isEmpty());
        assertEquals(Key.parse("A minor"), gen.settings().keyLockProperty().get());
    }

    @Test
    void auditionPlaysTheVariationInPlaceFromTheSeed() throws Exception {
        build(tune());
        gen.settings().barsProperty().set(1);
        generateAndWait();
        gen.audition();
        String reason = transport.unavailableReasonProperty().get();
        assertFalse(reason.isBlank());
        assertEquals(reason, gen.messageProperty().get(), "no synthesizer yet: the reason, not a silent button");
        transport.loadInBackground();
        assertTrue(transport.canPlayProperty().get(), "the synthesizer is loaded");
        roll.playheadProperty().set(3000);
        gen.audition();
        // the sequencer reports from its own thread: its reports are delivered here, in order
        runner.deliverUntil("playing", Duration.ofSeconds(5), () -> transport.stateProperty().get() == PlaybackState.PLAYING);
        assertEquals("Auditioning variation 1 of 4", gen.messageProperty().get());
        transport.followPlayhead();
        long at = roll.playheadProperty().get();
        assertTrue(at < 3000, "plays from the seed (tick 0), not from the playhead: " + at);
        assertNotNull(gen.continuationRange());
        assertEquals(tune(), doc.current(), "auditioning does not edit the song");
        gen.next();
        assertEquals("Auditioning variation 2 of 4", gen.messageProperty().get(), "cycling re-auditions");
        transport.togglePlay();
        runner.deliverUntil("the playhead back where it was", Duration.ofSeconds(5), () -> roll.playheadProperty().get() == 3000);
    }
}
