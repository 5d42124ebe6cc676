package org.melodist.studio.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.AudioInput;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.tasks.SameThreadRunner;
import org.melodist.studio.transcribe.TranscribeViewModel.Phase;
import org.melodist.transcribe.SyntheticSinger;
import org.melodist.transcribe.TranscribedNote;

/**
 * Audio to melody in the studio without a window: real WAV files of a synthetic voice, the real transcriber,
 * "Sing a seed" from a synthetic input stream, and the machine's own audio input for the no-device path.
 */
class TranscribeViewModelTest {

    private static final int RATE = 44_100;

    @TempDir
    Path dir;
    private final SameThreadRunner runner = new SameThreadRunner();
    private SongDocument doc;
    private PianoRollViewModel roll;

    @BeforeEach
    void song() {
        List<Note> lead = new ArrayList<>();
        for (int i = 0; i < 8; i++) lead.add(new Note(67, 90, i * 480L, 480));
        // 120 BPM: a quarter is 0.5 s, so the sung notes below are quarters with eighth rests
        doc = new SongDocument(Song.of(480, 120, List.of(Track.of("Lead", 0, 40, lead))));
        roll = new PianoRollViewModel(doc);
    }

    /** D major run, each note 0.5 s with 0.25 s between them, 20 cents flat, from 0.25 s. */
    private static float[] voice() {
        return SyntheticSinger.sing(SyntheticSinger.line(0.25, 0.5, 0.25, 62, 64, 66, 67, 69), SyntheticSinger.Style.PLAIN.withTuning(-20),
                RATE, 4.2, 3);
    }

    private static List<Integer> pitches(List<Note> notes) {
        return notes.stream().map(Note::pitch).toList();
    }

    @Test
    void aDroppedRecordingBecomesANewTrackAtThePlayheadInOneUndoableEdit() throws Exception {
        Path wav = SyntheticSinger.writeWav(dir.resolve("hummed.wav"), voice(), RATE);
        TranscribeViewModel vm = new TranscribeViewModel(roll, runner, AudioInput.ofSamples(new float[0], RATE, false));
        vm.transcribeFile(wav);
        assertEquals(Phase.DONE, vm.phaseProperty().get(), vm.summaryProperty().get());
        assertEquals(List.of(62, 64, 66, 67, 69), vm.notes().stream().map(TranscribedNote::pitch).toList());
        assertTrue(vm.summaryProperty().get().startsWith("5 notes, D4-A4, tuning -"), vm.summaryProperty().get());
        assertEquals(-20, vm.transcriptionProperty().get().tuningCents(), 6, "the singer's tuning is found");

        roll.playheadProperty().set(1920); // bar 2
        vm.useAsNewTrack();
        Song after = doc.current();
        assertEquals(2, after.tracks().size());
        Track sung = after.track(1);
        assertEquals(TranscribeViewModel.TRACK_NAME, sung.name());
        assertEquals(1, sung.channel(), "a channel no other track uses");
        assertEquals(List.of(62, 64, 66, 67, 69), pitches(sung.notes()));
        // on the sixteenth grid from the playhead: a quarter note every dotted quarter (0.75 s at 120 BPM = 720 ticks)
        assertEquals(List.of(0L, 720L, 1440L, 2160L, 2880L), sung.notes().stream().map(n -> n.start() - sung.notes().get(0).start()).toList());
        assertTrue(sung.notes().get(0).start() >= 1920 && sung.notes().get(0).start() < 1920 + 480, sung.notes().toString());
        assertEquals(1, roll.editedTrack(), "the new track is the one edited");
        assertEquals(5, roll.selection().size());
        assertEquals("Add the sung melody as a track", doc.undoNameProperty().get());
        doc.undo();
        assertEquals(1, doc.current().tracks().size(), "one Undo takes it back");
    }

    @Test
    void asASeedTheNotesGoIntoTheEditedTrackSelectedForGenerate() throws Exception {
        Path wav = SyntheticSinger.writeWav(dir.resolve("seed.wav"), voice(), RATE);
        TranscribeViewModel vm = new TranscribeViewModel(roll, runner, AudioInput.ofSamples(new float[0], RATE, false));
        vm.transcribeFile(wav);
        roll.playheadProperty().set(3840);
        vm.useAsSeed();
        Track lead = doc.current().track(0);
        assertEquals(13, lead.notes().size());
        assertEquals(List.of(62, 64, 66, 67, 69), pitches(roll.selection()));
        assertTrue(roll.selection().stream().allMatch(n -> n.start() >= 3840));
        doc.undo();
        assertEquals(8, doc.current().track(0).notes().size());
    }

    @Test
    void silenceAndNoiseGiveNoNotesAndSayWhy() throws Exception {
        Path silent = SyntheticSinger.writeWav(dir.resolve("silent.wav"), new float[RATE * 2], RATE);
        TranscribeViewModel vm = new TranscribeViewModel(roll, runner, AudioInput.ofSamples(new float[0], RATE, false));
        vm.transcribeFile(silent);
        assertEquals(Phase.DONE, vm.phaseProperty().get());
        assertTrue(vm.notes().isEmpty());
        assertTrue(vm.summaryProperty().get().startsWith("no notes: the recording is silent"), vm.summaryProperty().get());
        vm.useAsNewTrack();
        assertEquals(1, doc.current().tracks().size(), "nothing added");
        assertTrue(vm.messageProperty().get().startsWith("No notes to use: no notes"), vm.messageProperty().get());

        float[] noise = SyntheticSinger.sing(List.of(), SyntheticSinger.Style.PLAIN.withNoise(-20), RATE, 2.0, 9);
        vm.transcribeFile(SyntheticSinger.writeWav(dir.resolve("noise.wav"), noise, RATE));
        assertTrue(vm.notes().isEmpty());
        assertTrue(vm.summaryProperty().get().startsWith("no notes: nothing in the recording has a steady pitch"), vm.summaryProperty().get());

        vm.transcribeFile(java.nio.file.Files.writeString(dir.resolve("broken.wav"), "not audio"));
        assertEquals(Phase.FAILED, vm.phaseProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith("Cannot transcribe broken.wav: "), vm.summaryProperty().get());
        assertFalse(vm.summaryProperty().get().contains("\n"));
    }

    @Test
    void singingShowsTheLevelAndPitchAndTheNotesAsTheyComeThenTheWholeTake() {
        TranscribeViewModel vm = new TranscribeViewModel(roll, runner, AudioInput.ofSamples(voice(), RATE, false));
        assertTrue(vm.inputAvailableProperty().get());
        List<String> pitchesShown = new ArrayList<>();
        List<Integer> notesShown = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        vm.livePitchProperty().addListener((obs, o, n) -> pitchesShown.add(n));
        vm.levelDbProperty().addListener((obs, o, n) -> levels.add(n.doubleValue()));
        vm.notes().addListener((javafx.collections.ListChangeListener<TranscribedNote>) c -> notesShown.add(vm.notes().size()));
        vm.sing(); // the stand-in input ends after 4.2 s of voice, as if Stop was pressed then
        assertEquals(Phase.DONE, vm.phaseProperty().get(), vm.summaryProperty().get());
        assertTrue(pitchesShown.stream().anyMatch(p -> p.startsWith("F#4 ")), "the pitch shown follows the voice: " + pitchesShown);
        assertTrue(levels.stream().anyMatch(l -> l > -30), "the level meter moved: " + levels);
        assertTrue(notesShown.stream().anyMatch(n -> n > 0 && n < 5), "notes appeared while singing: " + notesShown);
        assertEquals(List.of(62, 64, 66, 67, 69), vm.notes().stream().map(TranscribedNote::pitch).toList());
        assertEquals("your singing", vm.sourceProperty().get());
        vm.useAsSeed();
        assertEquals(5, roll.selection().size());
    }

    @Test
    void withoutAnAudioInputSingIsUnavailableAndSaysWhy() {
        AudioInput system = AudioInput.system();
        assumeTrue(system.unavailableReason().isPresent(), "this machine has an audio input; the no-device path needs none");
        TranscribeViewModel vm = new TranscribeViewModel(roll, runner, system);
        assertFalse(vm.inputAvailableProperty().get());
        assertEquals("No audio input device (microphone) found", vm.inputProblemProperty().get());
        vm.sing();
        assertEquals(Phase.EMPTY, vm.phaseProperty().get(), "nothing started");
        assertEquals("No audio input device (microphone) found", vm.messageProperty().get());
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, system::open);
        assertEquals("No audio input device (microphone) found", e.getMessage());
    }

    @Test
    void anInputThatFailsToOpenEndsTheTakeWithOneLine() {
        AudioInput refusing = new AudioInput() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.empty();
            }

            @Override
            public Capture open() throws IOException {
                throw new IOException("cannot open the audio input: line in use by another application");
            }
        };
        TranscribeViewModel vm = new TranscribeViewModel(roll, runner, refusing);
        vm.sing();
        assertEquals(Phase.FAILED, vm.phaseProperty().get());
        assertEquals("Cannot record: cannot open the audio input: line in use by another application", vm.summaryProperty().get());
    }
}
