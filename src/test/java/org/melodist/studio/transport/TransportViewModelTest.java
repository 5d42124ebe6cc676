package org.melodist.studio.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.GervillRecordingOutput;
import org.melodist.sound.PlaybackState;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.sound.SoundbankChoice;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.tasks.SameThreadRunner;
import org.melodist.studio.tracks.TrackListViewModel;

/**
 * The transport without a window or toolkit: the synthesizer loads on the test's thread, and the
 * sequencer's reports (from its own thread) are delivered here in order.
 */
class TransportViewModelTest {

    @TempDir
    Path dir;
    private TransportViewModel transport;
    private final SameThreadRunner runner = new SameThreadRunner();

    @AfterEach
    void tearDown() throws Exception {
        if (transport != null) transport.close();
    }

    private static Song tune() {
        List<Note> notes = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) notes.add(new Note(60 + i % 8, 90, i * 240L, 200));
        return Song.of(480, 120, List.of(Track.of("Lead", 0, 0, notes), Track.of("Bass", 1, 32, List.of(new Note(36, 90, 0, 3840)))));
    }

    private PianoRollViewModel roll;
    private TrackListViewModel tracks;

    private TransportViewModel build(java.util.function.Function<SoundbankChoice.Selection, org.melodist.sound.PlaybackService> factory)
            throws Exception {
        SongDocument doc = new SongDocument(tune());
        roll = new PianoRollViewModel(doc);
        tracks = new TrackListViewModel(doc, roll.trackIndexProperty());
        SoundbankChoice choice = new SoundbankChoice(new PropertiesFileSettingsStore(dir.resolve("sound.properties")), List.of());
        return new TransportViewModel(roll, tracks, choice, factory, runner);
    }

    @Test
    void playsFollowsThePlayheadPausesAndPassesMixAndLoopToTheService() throws Exception {
        SequencerPlaybackService[] opened = new SequencerPlaybackService[1];
        transport = build(sel -> opened[0] = new SequencerPlaybackService(new GervillRecordingOutput(sel.bank(), 44_100f, 20)));
        assertFalse(transport.canPlayProperty().get(), "nothing plays before the synthesizer is loaded");
        transport.loadInBackground();
        assertTrue(transport.canPlayProperty().get(), "the synthesizer is loaded");
        assertEquals("", transport.unavailableReasonProperty().get());

        transport.togglePlay();
        runner.deliverUntil("playing", Duration.ofSeconds(5), () -> transport.stateProperty().get() == PlaybackState.PLAYING);
        // moving the playhead while playing moves playback; pausing leaves the playhead where playback is
        roll.playheadProperty().set(1920);
        transport.togglePlay();
        long during = roll.playheadProperty().get();
        assertTrue(during >= 1920, "playback went on from where the playhead was moved to: " + during);
        runner.deliverUntil("paused", Duration.ofSeconds(5), () -> transport.stateProperty().get() == PlaybackState.PAUSED);
        assertTrue(transport.positionProperty().get().startsWith("bar "));

        tracks.rows().get(1).muteProperty().set(true);
        assertEquals(Set.of(1), opened[0].mix().muted());
        transport.metronomeProperty().set(true);
        assertTrue(opened[0].mix().metronome());

        transport.toggleLoop();
        assertTrue(roll.loopEnabledProperty().get());
        assertEquals(0, roll.loopStartProperty().get());
        assertEquals(tune().ticksPerBar() * 2, roll.loopEndProperty().get(), "the whole song, in bars");

        transport.bpmProperty().set(60);
        assertEquals(0.5, opened[0].tempoFactor(), 1e-9);

        transport.returnToStart();
        assertEquals(0, roll.playheadProperty().get());
    }

    @Test
    void withoutAnAudioDevicePlayIsDisabledWithTheReason() throws Exception {
        transport = build(SequencerPlaybackService::forSoundCard);
        transport.loadInBackground();
        assertFalse(transport.soundbankProperty().get().startsWith("loading"), "loaded, or found missing");
        boolean canPlay = transport.canPlayProperty().get();
        String reason = transport.unavailableReasonProperty().get();
        // machines differ: either playback works, or the disabled button carries a one-line reason
        if (canPlay) {
            assertEquals("", reason);
        } else {
            assertFalse(reason.isBlank());
            assertFalse(reason.contains("\n"));
            assertEquals(PlaybackState.UNAVAILABLE, transport.stateProperty().get());
            transport.togglePlay();
            assertEquals(PlaybackState.UNAVAILABLE, transport.stateProperty().get());
            System.out.println("Playback here: " + reason);
        }
    }
}
