package org.melodist.studio.chords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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

import org.melodist.harmony.Chord;
import org.melodist.harmony.ChordLanes;
import org.melodist.midi.MidiFileReader;
import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.song.ChordLane;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.sound.GervillRecordingOutput;
import org.melodist.sound.PlaybackService;
import org.melodist.sound.PlaybackState;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.sound.SoundbankChoice;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.tasks.SameThreadRunner;
import org.melodist.studio.tracks.TrackListViewModel;
import org.melodist.studio.transport.TransportViewModel;

/**
 * The chord lane's commands without a window, on the demo jig with the shipped harmony model
 * ({@code models/harmony}): jobs run on the test's thread, so each command has finished when it returns.
 */
class ChordLaneViewModelTest {

    private static final Path DEMO = Path.of("assets/demo/demo-jig.mid");
    private static HarmonizerSource shipped;

    @TempDir
    Path dir;
    private final SameThreadRunner runner = new SameThreadRunner();
    private SongDocument doc;
    private PianoRollViewModel roll;
    private TransportViewModel transport;
    private ChordLaneViewModel chords;

    @BeforeAll
    static void loadModel() {
        shipped = HarmonizerSource.at(Path.of("models/harmony"));
    }

    @AfterAll
    static void closeModel() {
        shipped.close();
    }

    @AfterEach
    void tearDown() {
        if (chords != null) chords.close();
        if (transport != null) transport.close();
    }

    private void build(Song song, HarmonizerSource source, Function<SoundbankChoice.Selection, PlaybackService> playback) {
        doc = new SongDocument(song);
        roll = new PianoRollViewModel(doc);
        TrackListViewModel tracks = new TrackListViewModel(doc, roll.trackIndexProperty());
        SoundbankChoice choice = new SoundbankChoice(new PropertiesFileSettingsStore(dir.resolve("sound.properties")), List.of());
        transport = new TransportViewModel(roll, tracks, choice, playback, runner);
        chords = new ChordLaneViewModel(roll, transport, source, runner);
    }

    private void buildDemo() throws Exception {
        build(new MidiFileReader().read(DEMO), shipped,
                sel -> new SequencerPlaybackService(new GervillRecordingOutput(sel.bank(), 44_100f, 20)));
    }

    private List<ChordLane.Mark> marks() {
        return ChordLane.of(doc.current()).marks();
    }

    /** Harmonise, checking that it ran as a job: running while it worked, and done afterwards. */
    private void harmoniseAndWait() {
        List<Boolean> running = new ArrayList<>();
        javafx.beans.value.ChangeListener<Boolean> watch = (obs, o, n) -> running.add(n);
        chords.runningProperty().addListener(watch);
        chords.harmonise();
        chords.runningProperty().removeListener(watch);
        assertEquals(List.of(true, false), running, "harmonising runs as a background job, and has ended");
    }

    @Test
    void harmoniseFillsTheLaneWithTheModelsChordsAsOneUndoableEdit() throws Exception {
        buildDemo();
        chords.loadModelInBackground();
        assertTrue(shipped.isLoaded(), "loaded at start-up, before the first Harmonise");
        Song before = doc.current();
        assertTrue(chords.canHarmoniseProperty().get());
        assertFalse(chords.hasChordsProperty().get());
        harmoniseAndWait();
        List<ChordLane.Mark> lane = marks();
        assertTrue(lane.size() >= 4, "the demo's eight bars get several chords: " + lane);
        assertEquals(lane, chords.lane().marks(), "the lane shows the song's chords");
        assertTrue(chords.hasChordsProperty().get());
        for (ChordLane.Mark m : lane) {
            Chord c = Chord.parse(m.symbol());
            assertFalse(c.isNone());
            assertFalse(m.symbol().contains("b"), "spelled with sharps in D major: " + m.symbol());
        }
        assertEquals("D", lane.get(0).symbol(), "a D major jig starts on its tonic");
        assertEquals("Harmonise", doc.undoNameProperty().get());
        assertTrue(chords.messageProperty().get().startsWith("Harmonised the track (8 bars): "), chords.messageProperty().get());
        assertTrue(chords.lastHarmoniseMillis() > 0);
        assertEquals(before.tracks(), doc.current().tracks(), "harmonising touches no notes");

        harmoniseAndWait();
        assertEquals(lane, marks(), "the model is deterministic: the same chords again");
        doc.undo();
        doc.undo();
        assertTrue(marks().isEmpty());
        assertFalse(chords.hasChordsProperty().get());
    }

    @Test
    void harmoniseTheSelectionChangesOnlyItsBeats() throws Exception {
        buildDemo();
        long bar = doc.current().ticksPerBar();
        chords.setChord(0, 8 * bar, "Bm");
        List<Note> barsTwoAndThree = roll.track().notes().stream()
                .filter(n -> n.start() >= 2 * bar && n.end() <= 4 * bar).toList();
        roll.selectOnly(barsTwoAndThree);
        harmoniseAndWait();
        List<ChordLane.Mark> lane = marks();
        assertEquals(new ChordLane.Mark(0, 2 * bar, "Bm"), lane.get(0));
        assertEquals("Bm", lane.get(lane.size() - 1).symbol());
        assertEquals(8 * bar, lane.get(lane.size() - 1).end());
        assertTrue(lane.stream().anyMatch(m -> !m.symbol().equals("Bm") && m.start() >= 2 * bar && m.end() <= 4 * bar),
                "the selection's bars got the model's chords: " + lane);
        assertTrue(chords.messageProperty().get().startsWith("Harmonised the selection"));
    }

    @Test
    void withoutAModelHarmoniseSaysSoInOneLineAndChangesNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-model"));
        build(new MidiFileReader().read(DEMO), HarmonizerSource.at(empty), SequencerPlaybackService::forSoundCard);
        assertFalse(chords.modelAvailableProperty().get());
        assertFalse(chords.canHarmoniseProperty().get());
        chords.harmonise();
        String said = chords.messageProperty().get();
        assertTrue(said.startsWith("Harmony model not found in "), said);
        assertFalse(said.contains("\n"));
        assertTrue(marks().isEmpty());
        assertFalse(doc.isDirty());
        assertEquals(0, runner.jobsRun(), "nothing was started");

        // a folder with a damaged model: the load fails in the job, with the file named, and Harmonise stays off
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("config.json"), "{ not json");
        build(new MidiFileReader().read(DEMO), HarmonizerSource.at(broken), SequencerPlaybackService::forSoundCard);
        assertTrue(chords.modelAvailableProperty().get(), "a config file is there: it is tried");
        chords.loadModelInBackground();
        assertFalse(chords.modelAvailableProperty().get(), "the start-up load finds it broken");
        assertTrue(chords.modelProblemProperty().get().contains("config.json"), chords.modelProblemProperty().get());
        chords.harmonise();
        said = chords.messageProperty().get();
        assertTrue(said.startsWith("Cannot load the harmony model: ") && said.contains("config.json"), said);
        assertFalse(said.contains("\n"));
        assertFalse(chords.modelAvailableProperty().get());
        assertTrue(marks().isEmpty());
    }

    @Test
    void anEmptySongHasNothingToHarmoniseAndSaysSo() {
        build(Song.empty(), shipped, SequencerPlaybackService::forSoundCard);
        chords.harmonise();
        assertEquals("Nothing to harmonise: the track has no notes", chords.messageProperty().get());
        assertFalse(chords.runningProperty().get());
        assertFalse(doc.isDirty());
    }

    @Test
    void typeResizeAndDeleteAreEachOneUndoableEditAndABadSymbolIsRefusedInline() throws Exception {
        buildDemo();
        long bar = doc.current().ticksPerBar();
        assertTrue(chords.typeChord(bar + 10, "g"));
        assertEquals(List.of(new ChordLane.Mark(bar, 2 * bar, "G")), marks(), "typed over the bar, the root capitalised");
        assertEquals("Set chord G", doc.undoNameProperty().get());
        assertEquals(0, chords.selectedProperty().get());

        assertFalse(chords.typeChord(bar, "H7"));
        assertTrue(chords.inlineErrorProperty().get().contains("'H7' is not a chord symbol"), chords.inlineErrorProperty().get());
        assertEquals("Set chord G", doc.undoNameProperty().get(), "a bad symbol makes no edit");
        assertTrue(chords.typeChord(bar, "Em7"));
        assertEquals("", chords.inlineErrorProperty().get());
        assertEquals(List.of(new ChordLane.Mark(bar, 2 * bar, "Em7")), marks(), "typing over a chord replaces it");

        // a chord typed into a bar with a neighbour fills only the free part
        chords.resize(0, bar, bar + bar / 2);
        assertEquals("Resize chord", doc.undoNameProperty().get());
        assertTrue(chords.typeChord(bar + bar * 3 / 4, "D"));
        assertEquals(List.of(new ChordLane.Mark(bar, bar + bar / 2, "Em7"), new ChordLane.Mark(bar + bar / 2, 2 * bar, "D")), marks());

        assertEquals(chords.snap(bar + 10), bar, "resizing snaps to beats");
        chords.select(-1);
        chords.selectNext(-1);
        assertEquals(1, chords.selectedProperty().get(), "Left with nothing selected: the last chord");
        chords.selectNext(1);
        assertEquals(1, chords.selectedProperty().get(), "stays on the last");
        chords.selectNext(-1);
        chords.selectNext(-1);
        assertEquals(0, chords.selectedProperty().get(), "stays on the first");
        chords.select(0);
        chords.deleteSelected();
        assertEquals(List.of(new ChordLane.Mark(bar + bar / 2, 2 * bar, "D")), marks());
        assertEquals("Delete chord", doc.undoNameProperty().get());
        assertEquals(-1, chords.selectedProperty().get());

        doc.undo();
        doc.undo();
        doc.undo();
        assertEquals(List.of(new ChordLane.Mark(bar, 2 * bar, "Em7")), marks(), "each was one step");
        doc.undo();
        doc.undo();
        assertTrue(marks().isEmpty());
        assertFalse(doc.isDirty());
    }

    @Test
    void alternativesAreTheModelsTopFiveAndPickingOneIsOneEdit() throws Exception {
        buildDemo();
        harmoniseAndWait();
        int jobs = runner.jobsRun();
        ChordLane.Mark third = marks().get(2);
        chords.showAlternatives(2);
        assertEquals(jobs, runner.jobsRun(), "the harmonisation just made serves the alternatives");
        List<ChordLaneViewModel.Suggestion> alt = List.copyOf(chords.suggestions());
        assertEquals(ChordLaneViewModel.ALTERNATIVES, alt.size());
        assertEquals(2, chords.suggestionsForProperty().get());
        assertEquals(third.symbol(), alt.get(0).symbol(), "the chord the decoder chose leads its own alternatives here");
        double sum = 0;
        for (int i = 0; i < alt.size(); i++) {
            sum += alt.get(i).probability();
            if (i > 0) assertTrue(alt.get(i).probability() <= alt.get(i - 1).probability(), "likeliest first");
        }
        assertTrue(sum <= 1 + 1e-9 && sum > 0.5, "probabilities among all chords: " + sum);

        chords.choose(1);
        assertEquals(new ChordLane.Mark(third.start(), third.end(), alt.get(1).symbol()), marks().get(2));
        assertEquals("Set chord " + alt.get(1).symbol(), doc.undoNameProperty().get());
        assertTrue(chords.suggestions().isEmpty(), "picking closes the alternatives");
        doc.undo();
        assertEquals(third, marks().get(2));

        // after the melody changes, the alternatives come from a fresh harmonisation in the background
        roll.selectOnly(List.of(roll.track().notes().get(0)));
        roll.transpose(1);
        chords.showAlternatives(0);
        assertEquals(jobs + 1, runner.jobsRun());
        assertEquals(ChordLaneViewModel.ALTERNATIVES, chords.suggestions().size());
    }

    @Test
    void auditionPlaysTheChordWithTheMelodyOrSaysWhyNot() throws Exception {
        buildDemo();
        harmoniseAndWait();
        chords.showAlternatives(1);
        chords.audition(0);
        String reason = transport.unavailableReasonProperty().get();
        assertFalse(reason.isBlank());
        assertEquals(reason, chords.messageProperty().get(), "no synthesizer yet: the reason, not silence");
        transport.loadInBackground();
        assertTrue(transport.canPlayProperty().get());
        chords.audition(2);
        runner.deliverUntil("playing", Duration.ofSeconds(5), () -> transport.stateProperty().get() == PlaybackState.PLAYING);
        assertEquals("Auditioning " + chords.suggestions().get(2).symbol() + " with the melody", chords.messageProperty().get());
        transport.followPlayhead();
        long at = roll.playheadProperty().get();
        assertTrue(at >= marks().get(1).start(), "plays from the chord's start: " + at);
        assertFalse(doc.isDirty() && !doc.undoNameProperty().get().equals("Harmonise"), "auditioning edits nothing");
        transport.togglePlay();
    }

    @Test
    void auditionSongHoldsTheChordUnderTheMelodyOfItsBarsOnly() throws Exception {
        buildDemo();
        Song song = doc.current();
        long bar = song.ticksPerBar();
        Song preview = ChordLanes.audition(song, bar, 2 * bar, Chord.parse("Em"));
        assertEquals(song.tracks().size() + 1, preview.tracks().size());
        for (var t : preview.tracks()) {
            for (Note n : t.notes()) assertTrue(n.start() >= bar && n.end() <= 2 * bar, t.name() + ": " + n);
        }
        List<Integer> chordPitches = preview.tracks().get(preview.tracks().size() - 1).notes().stream()
                .map(n -> n.pitch() % 12).sorted().toList();
        assertEquals(List.of(4, 7, 11), chordPitches, "E, G, B");
    }

    @Test
    void chordsToTrackAddsTheAccompanimentAsOneEdit() throws Exception {
        buildDemo();
        chords.chordsToTrack(ChordLanes.Pattern.BLOCK);
        assertTrue(chords.messageProperty().get().startsWith("Chords to track: the chord lane is empty"));
        assertFalse(doc.isDirty());
        harmoniseAndWait();
        int tracks = doc.current().tracks().size();
        chords.chordsToTrack(ChordLanes.Pattern.BY_METRE);
        assertEquals(tracks + 1, doc.current().tracks().size());
        var added = doc.current().tracks().get(tracks);
        assertEquals("Chords", added.name());
        assertFalse(added.notes().isEmpty());
        assertEquals("Chords to track", doc.undoNameProperty().get());
        doc.undo();
        assertEquals(tracks, doc.current().tracks().size());
    }
}
