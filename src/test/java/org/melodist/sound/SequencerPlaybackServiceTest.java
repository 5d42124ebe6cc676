package org.melodist.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sound.midi.Soundbank;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * Live playback heard through a real Gervill synthesizer whose output is recorded at real-time pace
 * instead of going to a sound card. Timing tolerances allow for a busy 2-core build machine.
 */
class SequencerPlaybackServiceTest {

    static final int PPQ = 480;
    static final double TOLERANCE = 0.04;
    static Soundbank bank;

    @BeforeAll
    static void bank(@TempDir Path dir) throws Exception {
        bank = SoundbankFiles.load(TestSoundbanks.writeSineBank(dir));
    }

    static Song beats(int... pitches) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new Note(pitches[i], 100, (long) i * PPQ, PPQ / 4));
        }
        return Song.of(PPQ, 120, List.of(new Track("Lead", 0, 0, notes)));
    }

    static GervillRecordingOutput recorder() {
        return new GervillRecordingOutput(Optional.of(bank), 44_100f, 60);
    }

    /** Onsets heard after {@code fromSeconds} in the recording, relative to the first of them. */
    static List<Double> relativeOnsets(GervillRecordingOutput rec) {
        List<Double> on = new AudioProbe(rec.recordedPcm(), 44_100).onsets();
        List<Double> rel = new ArrayList<>();
        for (double t : on) rel.add(t - on.get(0));
        return rel;
    }

    @Test
    void withoutASoundCardPlaybackIsDisabledWithOneClearMessage() {
        try (SequencerPlaybackService s = SequencerPlaybackService.forSoundCard(
                new SoundbankChoice.Selection(Optional.of(bank), Optional.empty(), "test sine"))) {
            if (s.availability().available()) {
                System.out.println("skipped: this machine has an audio device, so the no-device path cannot be checked");
                return;
            }
            PlaybackAvailability a = s.availability();
            System.out.println("no-device message: " + a.reason());
            assertEquals(PlaybackState.UNAVAILABLE, s.state());
            assertFalse(a.reason().contains("\n"), a.reason());
            assertTrue(a.reason().startsWith("Playback unavailable: no audio output device"), a.reason());
            assertFalse(a.reason().contains("Exception"), a.reason());
            List<PlaybackState> seen = new CopyOnWriteArrayList<>();
            s.addListener((state, msg) -> seen.add(state));
            s.load(beats(60, 62));
            s.setMix(PlaybackMix.DEFAULT.withMetronome(true));
            s.setLoop(0, 480);
            s.play();
            s.playFrom(480);
            s.audition(60, 100, 0);
            s.pause();
            s.stop();
            assertEquals(PlaybackState.UNAVAILABLE, s.state());
            assertEquals(0, s.playheadTick());
            assertTrue(seen.isEmpty(), "no state changes: " + seen);
        }
    }

    @Test
    void playsInTimeReportsThePlayheadAndPauses() throws Exception {
        GervillRecordingOutput rec = recorder();
        try (SequencerPlaybackService s = new SequencerPlaybackService(rec)) {
            assertTrue(s.availability().available(), s.availability().reason());
            List<PlaybackState> seen = new CopyOnWriteArrayList<>();
            s.addListener((state, msg) -> seen.add(state));
            s.load(beats(69, 69, 69, 69, 69, 69, 69, 69));
            s.play();
            Thread.sleep(1300);
            long head = s.playheadTick();
            s.pause();
            long paused = s.playheadTick();
            Thread.sleep(300);
            assertEquals(PlaybackState.PAUSED, s.state());
            assertEquals(paused, s.playheadTick(), "the playhead holds while paused");
            // 1.3 s at 120 BPM is 2.6 beats
            assertEquals(1248, head, 200, "playhead after 1.3 s");
            List<Double> on = relativeOnsets(rec);
            assertEquals(3, on.size(), "beats 1-3 sounded, then pause: " + on);
            assertEquals(0.5, on.get(1), TOLERANCE);
            assertEquals(1.0, on.get(2), TOLERANCE);
            Thread.sleep(50);
            assertEquals(List.of(PlaybackState.PLAYING, PlaybackState.PAUSED), seen);
        }
    }

    @Test
    void loopsARegionWithoutAGap() throws Exception {
        GervillRecordingOutput rec = recorder();
        try (SequencerPlaybackService s = new SequencerPlaybackService(rec)) {
            // A4, A5, then A3 twice: the loop covers only the first two beats, so A3 is never heard
            s.load(beats(69, 81, 57, 57));
            s.setLoop(0, 2L * PPQ);
            s.play();
            Thread.sleep(2750);
            s.stop();
            AudioProbe probe = new AudioProbe(rec.recordedPcm(), 44_100);
            List<Double> on = probe.onsets();
            assertTrue(on.size() >= 5, "five or six beats in 2.75 s: " + on);
            for (int i = 1; i < on.size(); i++) {
                assertEquals(0.5, on.get(i) - on.get(i - 1), TOLERANCE, "beat spacing across the loop: " + on);
                double f = probe.frequency(on.get(i - 1) + 0.02, on.get(i - 1) + 0.1);
                assertEquals(i % 2 == 1 ? 440 : 880, f, 10, "pitch of beat " + i);
            }
        }
    }

    @Test
    void tempoFactorChangesTheSpeedWhilePlaying() throws Exception {
        GervillRecordingOutput rec = recorder();
        try (SequencerPlaybackService s = new SequencerPlaybackService(rec)) {
            s.load(beats(69, 69, 69, 69, 69, 69, 69, 69, 69, 69, 69, 69));
            s.play();
            Thread.sleep(1250);
            s.setTempoFactor(2.0);
            assertEquals(2.0, s.tempoFactor());
            Thread.sleep(1000);
            s.stop();
            List<Double> on = relativeOnsets(rec);
            assertTrue(on.size() >= 6, "three beats at 120 BPM then four or more at 240: " + on);
            assertEquals(0.5, on.get(1) - on.get(0), TOLERANCE);
            assertEquals(0.5, on.get(2) - on.get(1), TOLERANCE);
            assertEquals(0.25, on.get(5) - on.get(4), TOLERANCE, "twice as fast after the change: " + on);
        }
    }

    @Test
    void muteSoloProgramAndMetronomeApplyAtOnce() throws Exception {
        List<Note> low = new ArrayList<>();
        List<Note> high = new ArrayList<>();
        for (int b = 0; b < 16; b++) {
            low.add(new Note(69, 100, (long) b * PPQ, PPQ - 40));
            high.add(new Note(81, 100, (long) b * PPQ, PPQ - 40));
        }
        Song song = Song.of(PPQ, 120, List.of(new Track("A4", 0, 0, low), new Track("A5", 1, 0, high)));
        GervillRecordingOutput rec = recorder();
        try (SequencerPlaybackService s = new SequencerPlaybackService(rec)) {
            s.load(song);
            s.setMix(PlaybackMix.DEFAULT.withMuted(1, true).withProgram(0, 40));
            s.play();
            Thread.sleep(700);
            double soloAt = rec.recordedSeconds();
            s.setMix(PlaybackMix.DEFAULT.withSolo(1, true));
            Thread.sleep(700);
            double clickAt = rec.recordedSeconds();
            s.setMix(PlaybackMix.DEFAULT.withMuted(0, true).withMuted(1, true).withMetronome(true));
            assertTrue(s.mix().metronome());
            Thread.sleep(1300);
            s.stop();
            AudioProbe probe = new AudioProbe(rec.recordedPcm(), 44_100);
            List<Double> on = probe.onsets();
            double first = on.get(0);
            assertEquals(440, probe.frequency(first + 0.05, first + 0.4), 10, "only the unmuted A4 track");
            double secondHalf = first + Math.ceil((soloAt - first) / 0.5 + 0.1) * 0.5;
            assertEquals(880, probe.frequency(secondHalf + 0.05, secondHalf + 0.4), 10, "only the soloed A5 track");
            // the test kit's click is a decaying A4 sine: beats keep coming after both tracks are muted
            long clicks = on.stream().filter(t -> t > clickAt + 0.1).count();
            assertTrue(clicks >= 2, "metronome clicks after the mutes: " + on);
        }
    }

    @Test
    void auditionSoundsANoteAtOnceOnAFreeChannel() throws Exception {
        Song song = Song.of(PPQ, 120, List.of(new Track("Lead", 15, 0, List.of(new Note(60, 100, 0, 480)))));
        assertEquals(14, SequencerPlaybackService.auditionChannelFor(song));
        GervillRecordingOutput rec = recorder();
        try (SequencerPlaybackService s = new SequencerPlaybackService(rec)) {
            s.load(song);
            Thread.sleep(200);
            double sentAt = rec.recordedSeconds();
            s.audition(69, 110, 0, 300);
            Thread.sleep(600);
            AudioProbe probe = new AudioProbe(rec.recordedPcm(), 44_100);
            List<Double> on = probe.onsets();
            assertEquals(1, on.size(), "one auditioned note: " + on);
            double latency = on.get(0) - sentAt;
            System.out.printf("audition: first sound %.1f ms after note-on (recorded stream, no line buffer)%n",
                    latency * 1000);
            assertTrue(latency >= 0 && latency < 0.06, "note sounds at once: " + latency);
            assertEquals(440, probe.frequency(on.get(0) + 0.02, on.get(0) + 0.25), 5);
            float held = probe.peak(on.get(0) + 0.1, on.get(0) + 0.25);
            float after = probe.peak(on.get(0) + 0.45, on.get(0) + 0.55);
            assertTrue(after < 0.1 * held, "the note ends after 300 ms: " + after + " vs " + held);
            assertEquals(PlaybackState.STOPPED, s.state());
        }
    }
}
