package org.melodist.studio.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melodist.studio.FxTestSupport.onFx;
import static org.melodist.studio.FxTestSupport.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
import org.melodist.studio.FxTestSupport;
import org.melodist.studio.document.SongDocument;
import org.melodist.studio.pianoroll.PianoRollViewModel;
import org.melodist.studio.tracks.TrackListViewModel;

class TransportViewModelTest {

    @TempDir
    Path dir;
    private TransportViewModel transport;

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (transport != null) onFx(transport::close);
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
        return onFx(() -> {
            SongDocument doc = new SongDocument(tune());
            roll = new PianoRollViewModel(doc);
            tracks = new TrackListViewModel(doc, roll.trackIndexProperty());
            SoundbankChoice choice = new SoundbankChoice(new PropertiesFileSettingsStore(dir.resolve("sound.properties")), List.of());
            return new TransportViewModel(roll, tracks, choice, factory);
        });
    }

    @Test
    void playsFollowsThePlayheadPausesAndPassesMixAndLoopToTheService() throws Exception {
        SequencerPlaybackService[] opened = new SequencerPlaybackService[1];
        transport = build(sel -> opened[0] = new SequencerPlaybackService(new GervillRecordingOutput(sel.bank(), 44_100f, 20)));
        assertFalse(onFx(() -> transport.canPlayProperty().get()), "nothing plays before the synthesizer is loaded");
        onFx(() -> transport.loadInBackground());
        waitFor("the synthesizer", 20, () -> transport.canPlayProperty().get());
        assertEquals("", onFx(() -> transport.unavailableReasonProperty().get()));

        onFx(transport::togglePlay);
        waitFor("playing", 5, () -> transport.stateProperty().get() == PlaybackState.PLAYING);
        Thread.sleep(400);
        onFx(transport::followPlayhead);
        long during = onFx(() -> roll.playheadProperty().get());
        assertTrue(during > 0, "the playhead moves while playing: " + during);
        onFx(transport::togglePlay);
        waitFor("paused", 5, () -> transport.stateProperty().get() == PlaybackState.PAUSED);
        assertTrue(onFx(() -> transport.positionProperty().get()).startsWith("bar "));

        onFx(() -> tracks.rows().get(1).muteProperty().set(true));
        assertEquals(Set.of(1), opened[0].mix().muted());
        onFx(() -> transport.metronomeProperty().set(true));
        assertTrue(opened[0].mix().metronome());

        onFx(transport::toggleLoop);
        assertTrue(onFx(() -> roll.loopEnabledProperty().get()));
        assertEquals(0, onFx(() -> roll.loopStartProperty().get()));
        assertEquals(tune().ticksPerBar() * 2, onFx(() -> roll.loopEndProperty().get()), "the whole song, in bars");

        onFx(() -> transport.bpmProperty().set(60));
        assertEquals(0.5, opened[0].tempoFactor(), 1e-9);

        onFx(transport::returnToStart);
        assertEquals(0, onFx(() -> roll.playheadProperty().get()));
    }

    @Test
    void withoutAnAudioDevicePlayIsDisabledWithTheReason() throws Exception {
        transport = build(SequencerPlaybackService::forSoundCard);
        onFx(() -> transport.loadInBackground());
        waitFor("the synthesizer or its absence", 30,
                () -> !transport.soundbankProperty().get().startsWith("loading"));
        boolean canPlay = onFx(() -> transport.canPlayProperty().get());
        String reason = onFx(() -> transport.unavailableReasonProperty().get());
        // machines differ: either playback works, or the disabled button carries a one-line reason
        if (canPlay) {
            assertEquals("", reason);
        } else {
            assertFalse(reason.isBlank());
            assertFalse(reason.contains("\n"));
            assertEquals(PlaybackState.UNAVAILABLE, onFx(() -> transport.stateProperty().get()));
            onFx(transport::togglePlay);
            assertEquals(PlaybackState.UNAVAILABLE, onFx(() -> transport.stateProperty().get()));
            System.out.println("Playback here: " + reason);
        }
    }
}
