package org.melodist.studio.playin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.perform.MidiInputInfo;
import org.melodist.perform.MidiInputs;
import org.melodist.perform.RecordMode;
import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.MidiOutput;
import org.melodist.sound.SoundbankChoice;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.generate.GenerateSettings;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.pianoroll.GridDivision;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.prefs.StudioPreferences;
import org.melodist.studio.tasks.SameThreadRunner;
import org.melodist.studio.tracks.TrackListViewModel;
import org.melodist.studio.transport.TransportViewModel;

/**
 * Play-in without a window, a sound card or a keyboard: a synthetic input whose receiver the test plays
 * into with timestamped messages, a clock moved by hand and the same-thread runner. There is no audio
 * device, so the playhead runs on the clock (as in CI).
 */
class PlayInViewModelTest {

    static final long BEAT = 500_000;

    /** MIDI inputs that the test plugs in and out; the connected receiver is the keyboard's way in. */
    static final class SyntheticInputs implements MidiInputs {
        final List<MidiInputInfo> plugged = new ArrayList<>();
        Receiver connected;

        @Override
        public List<MidiInputInfo> list() {
            return List.copyOf(plugged);
        }

        @Override
        public Connection connect(MidiInputInfo device, Receiver to) throws MidiUnavailableException {
            if (!plugged.contains(device)) throw new MidiUnavailableException(device.label() + " is not connected");
            connected = to;
            return new Connection() {
                @Override
                public MidiInputInfo device() {
                    return device;
                }

                @Override
                public void close() {
                    connected = null;
                }
            };
        }
    }

    @TempDir
    Path dir;
    final SameThreadRunner runner = new SameThreadRunner();
    final SyntheticInputs inputs = new SyntheticInputs();
    final long[] now = {10_000_000};
    final MidiInputInfo keys = new MidiInputInfo("Synthetic keys", "test", "timestamped");
    MelodyGeneratorSource melody;
    StudioPreferences prefs;
    PianoRollViewModel roll;
    TransportViewModel transport;
    PlayInViewModel vm;

    PlayInViewModel build(Song song) {
        return build(song, sel -> {
            throw new IllegalStateException("not loaded in this test");
        });
    }

    PlayInViewModel build(Song song, java.util.function.Function<SoundbankChoice.Selection, org.melodist.sound.PlaybackService> playback) {
        prefs = new StudioPreferences(new PropertiesFileSettingsStore(dir.resolve("settings.properties")));
        SongDocument doc = new SongDocument(song);
        roll = new PianoRollViewModel(doc);
        TrackListViewModel tracks = new TrackListViewModel(doc, roll.trackIndexProperty());
        // the synthesizer is never loaded: no audio device, as in CI
        transport = new TransportViewModel(roll, tracks, new SoundbankChoice(prefs.store(), List.of()), playback, runner);
        melody = MelodyGeneratorSource.at(TinyMelodyModel.dir());
        GenerateSettings settings = new GenerateSettings();
        vm = new PlayInViewModel(roll, transport, settings, () -> melody, inputs, (SoundbankChoice.Selection sel) -> (MidiOutput) null,
                prefs, () -> now[0], runner);
        return vm;
    }

    @AfterEach
    void close() {
        if (vm != null) vm.close();
        if (transport != null) transport.close();
        if (melody != null) melody.close();
    }

    static Song emptySong() {
        return Song.of(480, 120, List.of(new Track("Lead", 0, 0, List.of()), new Track("Bass", 1, 33, List.of())));
    }

    void play(int pitch, int velocity, long at) throws InvalidMidiDataException {
        inputs.connected.send(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, velocity), at);
    }

    void release(int pitch, long at) throws InvalidMidiDataException {
        inputs.connected.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0), at);
    }

    void connectKeys() {
        inputs.plugged.add(keys);
        vm.refreshDevices();
        vm.inputProperty().set(keys);
    }

    @Test
    void withNoInputTheControlSaysSoThenAPluggedKeyboardIsFoundChosenRememberedAndLost() {
        build(emptySong());
        vm.startWatchingDevices();
        assertFalse(vm.hasInputsProperty().get());
        assertEquals("No MIDI input found: plug in a keyboard", vm.inputStatusProperty().get());
        assertEquals(1, runner.scheduledCount(), "the list is asked again later");

        inputs.plugged.add(keys);
        runner.runScheduled();
        assertTrue(vm.hasInputsProperty().get());
        assertEquals(List.of(keys), vm.devices());
        assertEquals("No MIDI input chosen", vm.inputStatusProperty().get());
        vm.inputProperty().set(keys);
        assertTrue(inputs.connected != null, "the keyboard plays into the studio");
        assertEquals("Synthetic keys (timestamped)", prefs.get(PlayInViewModel.PREF_INPUT, ""));
        assertEquals("Synthetic keys (timestamped) · monitoring when the synthesizer has loaded", vm.inputStatusProperty().get());

        inputs.plugged.clear();
        runner.runScheduled();
        assertNull(vm.inputProperty().get());
        assertNull(inputs.connected);
        assertEquals("Synthetic keys (timestamped) was unplugged", vm.messageProperty().get());
        assertEquals("No MIDI input found: plug in a keyboard", vm.inputStatusProperty().get());

        inputs.plugged.add(keys);
        runner.runScheduled();
        assertEquals(keys, vm.inputProperty().get(), "the remembered keyboard comes back by itself");
    }

    @Test
    void recordCountsInThenRecordsIntoTheSelectedTrackAtThePlayheadAsOneUndoStep() throws Exception {
        build(emptySong());
        connectKeys();
        roll.trackIndexProperty().set(1);
        roll.playheadProperty().set(1920);
        vm.countInBarsProperty().set(1);
        vm.recordModeProperty().set(RecordMode.OVERDUB);
        vm.quantizeProperty().set(true);
        roll.gridProperty().set(GridDivision.EIGHTH);
        long t0 = now[0];
        vm.toggleRecord();
        assertEquals(PlayInViewModel.State.COUNT_IN, vm.state());
        assertEquals("4", vm.countInProperty().get());
        now[0] = t0 + 2 * BEAT + 1;
        vm.frame();
        assertEquals("2", vm.countInProperty().get());
        play(40, 20, t0 + 3 * BEAT); // in the count-in: left out
        release(40, t0 + 3 * BEAT + 100_000);
        now[0] = t0 + 4 * BEAT;
        vm.frame();
        assertEquals(PlayInViewModel.State.RECORDING, vm.state());
        long start = now[0];
        play(36, 111, start + 30_000);              // 29 ticks late: quantized to 1920
        release(36, start + BEAT);
        play(43, 64, start + BEAT + BEAT / 2);      // an eighth off the beat
        now[0] = start + 2 * BEAT;
        vm.frame();
        assertEquals(2, vm.liveNotesProperty().get().size(), "the take so far is drawn while recording");
        assertEquals(1920 + 960, roll.playheadProperty().get(), "without sound the playhead runs on the clock");
        release(43, start + 2 * BEAT);
        vm.toggleRecord();
        assertEquals(PlayInViewModel.State.IDLE, vm.state());

        List<Note> bass = roll.song().track(1).notes();
        assertEquals(List.of(new Note(36, 111, 1920, 451), new Note(43, 64, 1920 + 720, 240)), bass);
        assertTrue(roll.song().track(0).notes().isEmpty());
        assertEquals("Record take 1 (2 notes)", roll.document().undoNameProperty().get());
        roll.undo();
        assertTrue(roll.song().track(1).notes().isEmpty());
    }

    @Test
    void stepInputPutsChordsAtThePlayheadWithTheGridLengthAndMovesOn() throws Exception {
        build(emptySong());
        connectKeys();
        roll.gridProperty().set(GridDivision.QUARTER);
        roll.playheadProperty().set(960);
        vm.stepInputProperty().set(true);
        play(60, 90, -1);
        play(64, 91, -1);
        play(67, 92, -1);
        release(60, -1);
        release(64, -1);
        release(67, -1);
        play(72, 80, -1);
        release(72, -1);
        assertEquals(List.of(new Note(60, 90, 960, 480), new Note(64, 91, 960, 480), new Note(67, 92, 960, 480),
                new Note(72, 80, 1440, 480)), roll.song().track(0).notes());
        assertEquals(1920, roll.playheadProperty().get());
        roll.undo();
        assertEquals(3, roll.song().track(0).notes().size(), "each step is its own undo step");
        vm.stepInputProperty().set(false);
        play(74, 80, -1);
        release(74, -1);
        assertEquals(3, roll.song().track(0).notes().size(), "step input off: playing adds nothing");
    }

    @Test
    void theJamAnswersEachPhraseOnTheNextBeatKeepsAHistoryAndAcceptsAnExchange() throws Exception {
        build(emptySong());
        connectKeys();
        vm.answerBarsProperty().set(1);
        long t0 = now[0];
        vm.toggleJam();
        assertEquals(PlayInViewModel.State.JAMMING, vm.state());
        // a phrase of four quarters from the downbeat, then a rest
        for (int i = 0; i < 4; i++) {
            play(60 + 2 * i, 90, t0 + i * BEAT);
            release(60 + 2 * i, t0 + (i + 1) * BEAT - 50_000);
        }
        now[0] = t0 + 4 * BEAT;
        vm.frame(); // all keys up: the answer is computed during the rest
        assertTrue(vm.history().isEmpty(), "the phrase has not ended yet");
        now[0] = t0 + 5 * BEAT;
        vm.frame(); // the one-beat rest has passed
        assertEquals(1, vm.history().size());
        JamExchange x = vm.history().get(0);
        assertEquals(4, x.phrase().size());
        assertEquals(2400, x.answerTick(), "the beat after the phrase's end at 1870 + 480 ticks");
        assertEquals(0.0, x.readyAfterEndMillis(), "computed while the rest ran");
        for (Note n : x.answer()) assertTrue(n.start() >= 2400 && n.start() < 2400 + 1920, n.toString());
        assertFalse(x.answer().isEmpty());

        vm.toggleJam();
        assertEquals(PlayInViewModel.State.IDLE, vm.state());
        vm.acceptExchange(x);
        assertEquals(x.notes(), roll.song().track(0).notes());
        assertEquals("Accept jam exchange 1", roll.document().undoNameProperty().get());
    }

    @Test
    void keepGoingContinuesTheTrackAheadOfThePlayheadWhilePlayingAndTheContinuationCanBeKept() throws Exception {
        List<Note> tune = new ArrayList<>();
        for (int i = 0; i < 16; i++) tune.add(new Note(60 + (i * 2) % 12, 90, i * 240L, 220));
        build(Song.of(480, 120, List.of(new Track("Lead", 0, 0, tune))),
                sel -> new org.melodist.sound.SequencerPlaybackService(
                        new org.melodist.sound.GervillRecordingOutput(sel.bank(), 44_100f, 20)));
        transport.loadInBackground();
        vm.keepGoingProperty().set(true);
        vm.frame();
        assertTrue(vm.continuationProperty().get().isEmpty(), "nothing is continued while the transport is stopped");
        roll.playheadProperty().set(0);
        transport.togglePlay();
        runner.deliverUntil("playing", java.time.Duration.ofSeconds(5), transport::isPlaying);
        vm.frame(); // the track ends at bar 3: the model continues bar 3 while bar 1 plays
        List<Note> bar3 = vm.continuationProperty().get();
        assertFalse(bar3.isEmpty());
        for (Note n : bar3) assertTrue(n.start() >= 3840 && n.start() < 5760, n.toString());
        assertEquals(bar3, vm.modelNotesProperty().get(), "the continuation is drawn in the roll");
        vm.frame(); // two bars ahead already: nothing more yet
        assertEquals(bar3, vm.continuationProperty().get());
        roll.playheadProperty().set(3000);
        vm.frame(); // the playhead moved on: the next bar follows
        assertTrue(vm.continuationProperty().get().size() > bar3.size());
        assertTrue(vm.continuationProperty().get().stream().allMatch(n -> n.start() >= 3840 && n.start() < 7680));
        transport.togglePlay();

        int before = roll.song().track(0).notes().size();
        int continued = vm.continuationProperty().get().size();
        vm.acceptContinuation();
        assertEquals(before + continued, roll.song().track(0).notes().size());
        assertTrue(vm.continuationProperty().get().isEmpty());
        assertEquals("Keep the continuation (" + org.melodist.Plurals.count(continued, "note") + ")",
                roll.document().undoNameProperty().get());
    }

    @Test
    void loopRecordingLandsEachPassAsItsOwnTakeWhileTheNextPlays() throws Exception {
        build(emptySong());
        connectKeys();
        roll.setLoop(0, 1920);
        roll.loopEnabledProperty().set(true);
        roll.playheadProperty().set(2400); // after the loop: recording starts at the loop start
        vm.countInBarsProperty().set(0);
        long t0 = now[0];
        vm.toggleRecord();
        assertEquals(PlayInViewModel.State.RECORDING, vm.state());
        play(60, 90, t0);
        release(60, t0 + BEAT);
        now[0] = t0 + 4 * BEAT + 10_000; // the second pass has begun
        vm.frame();
        assertEquals(List.of(new Note(60, 90, 0, 480)), roll.song().track(0).notes(), "pass 1 landed while pass 2 plays");
        assertTrue(roll.playheadProperty().get() < 100, "the playhead wrapped to the loop start: " + roll.playheadProperty().get());
        play(64, 80, t0 + 5 * BEAT);
        release(64, t0 + 6 * BEAT);
        now[0] = t0 + 7 * BEAT;
        vm.toggleRecord();
        assertEquals(2, roll.song().track(0).notes().size());
        assertEquals("Record take 2 (1 note)", roll.document().undoNameProperty().get());
        roll.undo();
        assertEquals("Record take 1 (1 note)", roll.document().undoNameProperty().get());
    }
}
