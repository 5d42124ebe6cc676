package org.melodist.studio.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.collections.ListChangeListener;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.generate.MelodyModel;
import org.melodist.generate.MelodyModelCatalog;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.generate.TrainingOptions;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.studio.style.StyleLearningViewModel.Phase;
import org.melodist.studio.tasks.SameThreadRunner;

/**
 * "Learn a style…" without a window: a real folder of MIDI files, the real trainer fine-tuning a tiny trained
 * model on the test's thread, real model folders appearing (or not) in a user data folder.
 */
class StyleLearningViewModelTest {

    @TempDir
    Path dir;
    private Path userData;
    private MelodyModelCatalog catalog;
    private final SameThreadRunner runner = new SameThreadRunner();
    private final List<String> learnt = new ArrayList<>();
    private StyleLearningViewModel vm;

    @BeforeEach
    void setUp() {
        userData = dir.resolve("user");
        catalog = MelodyModelCatalog.forUser(userData, TinyMelodyModel.dir());
        vm = new StyleLearningViewModel(catalog, runner, learnt::add);
        // a tiny model learns in seconds: two epochs of small batches, one key a tune
        vm.setTrainingOptions(TrainingOptions.fineTuneDefaults().withEpochs(2).withBatch(8, 32).withKeysPerEpoch(1));
    }

    /** Five 6-bar tunes (one of them in a multi-track file), a drums-only file, an empty file and a file that is not MIDI. */
    private Path folder() throws Exception {
        Path f = Files.createDirectories(dir.resolve("My hymns"));
        MidiFileWriter w = new MidiFileWriter();
        int[] scale = {0, 2, 4, 5, 7, 9, 11, 12};
        for (int t = 0; t < 5; t++) {
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i < 24; i++) notes.add(new Note(60 + scale[(i * (t + 2)) % 8], 90, i * 480L, 480));
            List<Track> tracks = new ArrayList<>(List.of(Track.of("Melody", 0, 0, notes)));
            if (t == 0) tracks.add(Track.of("Pad", 1, 48, List.of(new Note(48, 80, 0, 11520), new Note(52, 80, 0, 11520))));
            w.write(Song.of(480, 100, tracks), f.resolve("hymn" + t + ".mid"));
        }
        List<Note> hits = new ArrayList<>();
        for (int i = 0; i < 16; i++) hits.add(new Note(36, 100, i * 480L, 120));
        w.write(Song.of(480, 100, List.of(Track.of("Drums", 9, 0, hits))), f.resolve("drums.mid"));
        w.write(Song.of(480, 100, List.of(Track.of("Nothing", 0, 0, List.of()))), f.resolve("empty.mid"));
        Files.writeString(f.resolve("notes.mid"), "not a MIDI file");
        return f;
    }

    private Path styleDir(String name) {
        return MelodyModelCatalog.userModelsDir(userData).resolve(MelodyModelCatalog.STYLES).resolve(name);
    }

    @Test
    void aFolderIsSummarisedThenLearntAndTheStyleAppearsWholeWithItsModelCard() throws Exception {
        Path folder = folder();
        assertFalse(vm.canStartProperty().get());
        vm.chooseFolder(folder);
        assertEquals(Phase.READY, vm.phaseProperty().get(), vm.statusProperty().get());
        assertEquals("My hymns", vm.nameProperty().get(), "named after the folder");
        assertEquals("files: 5 usable, 3 skipped (1 drums only, 1 no notes, 1 unreadable)", vm.summary().get(0));
        assertTrue(vm.summary().get(1).startsWith("notes: 120, range C4-C5"), vm.summary().get(1));
        assertTrue(vm.summary().get(2).startsWith("validation: the last 15 % of the bars of each file"), vm.summary().get(2));
        assertTrue(vm.fileLines().contains("skipped drums.mid: drums only"), vm.fileLines().toString());
        assertTrue(vm.fileLines().stream().anyMatch(l -> l.startsWith("took hymn0.mid: track 1 'Melody'")), vm.fileLines().toString());
        assertTrue(vm.canStartProperty().get());

        List<Boolean> trainingStates = new ArrayList<>();
        vm.trainingProperty().addListener((obs, o, n) -> trainingStates.add(n));
        vm.start();
        assertEquals(List.of(true, false), trainingStates, "trained as a background job, which has ended");
        assertEquals(Phase.DONE, vm.phaseProperty().get(), vm.statusProperty().get());
        assertEquals(List.of("styles/My hymns"), learnt, "the picker is told");
        // the default trains two members on threads of their own; what they report is handed to the UI thread
        runner.deliverUntil("the members' epochs", Duration.ofSeconds(10), () -> vm.epochs().size() == 2);
        assertEquals(2, vm.epochs().size());
        assertTrue(Double.isFinite(vm.startingNllProperty().get()), "the chart starts from the shipped model's loss");
        assertEquals(3, vm.lossRows().size());
        assertTrue(vm.statusProperty().get().startsWith("Learnt 'My hymns' in "), vm.statusProperty().get());
        assertEquals(1.0, vm.progressProperty().get());

        Path style = styleDir("My hymns");
        try (MelodyModel m = MelodyModel.load(style); MelodyModel shipped = MelodyModel.load(TinyMelodyModel.dir())) {
            assertEquals(2 * shipped.config().hidden(), m.config().hidden(), "two members joined");
        }
        String card = Files.readString(style.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("melodist train --corpus \"" + folder + "\""), card);
        assertTrue(card.contains("tunes the starting model wrote itself"), "rehearsal is on by default: " + card);
        assertTrue(catalog.find("styles/My hymns").isPresent());
        try (var left = Files.list(style.getParent())) {
            assertEquals(List.of("My hymns"), left.map(p -> p.getFileName().toString()).toList(), "no staging folder left");
        }
        assertEquals("a model called 'My hymns' already exists", vm.nameProblemProperty().get());
        assertFalse(vm.canStartProperty().get(), "the same name cannot be learnt twice");
        vm.nameProperty().set("My hymns 2");
        assertTrue(vm.canStartProperty().get());
    }

    @Test
    void cancelAfterTheFirstEpochKeepsThatEpochsModel() throws Exception {
        vm.chooseFolder(folder());
        vm.keepShippedStyleProperty().set(false);
        // one member: its epochs reach the UI thread while the job runs (members report from threads of their own)
        vm.setTrainingOptions(TrainingOptions.fineTuneDefaults().withEpochs(5).withBatch(8, 32).withKeysPerEpoch(1).withPatience(5).withMembers(1));
        vm.epochs().addListener((ListChangeListener<Object>) c -> {
            if (vm.epochs().size() == 1) vm.cancel();
        });
        vm.start();
        assertEquals(Phase.DONE, vm.phaseProperty().get(), vm.statusProperty().get());
        assertEquals(1, vm.epochs().size(), "stopped in the second epoch, which is not kept");
        assertTrue(vm.statusProperty().get().contains("cancelled in epoch 2"), vm.statusProperty().get());
        assertTrue(Files.isRegularFile(styleDir("My hymns").resolve("config.json")));
        assertFalse(Files.readString(styleDir("My hymns").resolve("MODEL_CARD.md")).contains("wrote itself"), "no rehearsal asked for");
    }

    @Test
    void cancelBeforeTheFirstEpochEndsWritesNothing() throws Exception {
        vm.chooseFolder(folder());
        vm.keepShippedStyleProperty().set(false);
        // one member, whose progress reaches the UI thread while the job runs (EnsembleFineTuneTest cancels members)
        vm.setTrainingOptions(TrainingOptions.fineTuneDefaults().withEpochs(2).withBatch(8, 32).withKeysPerEpoch(1).withMembers(1));
        vm.statusProperty().addListener((obs, o, n) -> {
            if (n.startsWith("Epoch 1 ")) vm.cancel();
        });
        vm.start();
        assertEquals(Phase.READY, vm.phaseProperty().get(), "the folder can be learnt again");
        assertEquals("Stopped before the first epoch ended; nothing was written", vm.statusProperty().get());
        assertTrue(learnt.isEmpty());
        assertFalse(Files.exists(styleDir("My hymns")));
        Path styles = styleDir("x").getParent();
        if (Files.exists(styles)) {
            try (var left = Files.list(styles)) {
                assertEquals(List.of(), left.toList(), "no half-written or hidden folder left");
            }
        }
        assertTrue(vm.canStartProperty().get());
    }

    @Test
    void aFolderWithoutMidiOrWithoutMelodiesCannotBeLearntAndSaysWhy() throws Exception {
        Path none = Files.createDirectories(dir.resolve("empty folder"));
        vm.chooseFolder(none);
        assertEquals(Phase.UNUSABLE, vm.phaseProperty().get());
        assertEquals("Cannot learn from this folder: " + none + ": no .mid files in this folder", vm.statusProperty().get());
        assertFalse(vm.canStartProperty().get());

        Path drums = Files.createDirectories(dir.resolve("drums"));
        List<Note> hits = new ArrayList<>();
        for (int i = 0; i < 16; i++) hits.add(new Note(36, 100, i * 480L, 120));
        new MidiFileWriter().write(Song.of(480, 100, List.of(Track.of("Drums", 9, 0, hits))), drums.resolve("beat.mid"));
        vm.chooseFolder(drums);
        assertEquals(Phase.UNUSABLE, vm.phaseProperty().get());
        assertEquals("files: 0 usable, 1 skipped (1 drums only)", vm.summary().get(0));
        assertEquals("Cannot learn from this folder: nothing to learn: no file has a usable melody", vm.statusProperty().get());
        assertEquals("drums", vm.nameProperty().get(), "the name follows the folder until the musician types one");
        vm.nameProperty().set("a/b");
        assertEquals("the name cannot contain '/'", vm.nameProblemProperty().get());
    }
}
