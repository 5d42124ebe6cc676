package org.melodist.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TempoChange;
import org.melodist.song.TempoMap;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;

class OfflineRendererTest {

    static final int PPQ = 480;
    static Soundbank bank;

    @BeforeAll
    static void bank(@TempDir Path dir) throws Exception {
        bank = SoundbankFiles.load(TestSoundbanks.writeSineBank(dir));
    }

    /** Staccato notes on changing beats, with a tempo change from 120 to 75 BPM at bar 2. */
    static Song staccatoSong() {
        List<Note> notes = new ArrayList<>();
        long[] starts = {0, 480, 960, 1680, 1920, 2400, 3360, 3840, 4560, 5280};
        for (int i = 0; i < starts.length; i++) {
            notes.add(new Note(60 + i, 100, starts[i], 120));
        }
        TempoMap tempo = TempoMap.of(List.of(new TempoChange(0, 120), new TempoChange(1920, 75)));
        return new Song(PPQ, tempo, TimeSignature.FOUR_FOUR, null,
                List.of(new Track("Lead", 0, 0, notes)), Map.of());
    }

    @Test
    void rendersAudibleSoundWithTheLengthTheTempoMapGives() throws IOException {
        Song song = staccatoSong();
        RenderOptions options = RenderOptions.DEFAULT.withTail(1.5);
        short[] pcm = new OfflineRenderer(Optional.of(bank)).renderPcm(song, options);
        AudioProbe probe = new AudioProbe(pcm, 44_100);
        // 4 beats at 120 BPM (2 s) + (5400 - 1920) ticks at 75 BPM (5.8 s) + the tail
        double expected = 2.0 + (5400 - 1920) / 480.0 * 0.8 + 1.5;
        assertEquals(expected, song.seconds(5400) + 1.5, 1e-9);
        assertEquals(Math.ceil(expected * 44_100), probe.frames(), 1.0);
        assertTrue(probe.peak() > 0.1, "rendered audio is audible, peak " + probe.peak());
        assertTrue(probe.peak(expected - 0.25, expected) < 0.02 * probe.peak(),
                "the release and reverb tail has died away by the end");
    }

    @Test
    void noteOnsetsLandWhereTheScorePutsThem() throws IOException {
        Song song = staccatoSong();
        short[] pcm = new OfflineRenderer(Optional.of(bank)).renderPcm(song, RenderOptions.DEFAULT.withTail(0.5));
        List<Double> onsets = new AudioProbe(pcm, 44_100).onsets();
        List<Note> notes = song.track(0).notes();
        assertEquals(notes.size(), onsets.size(), "one onset per note: " + onsets);
        for (int i = 0; i < notes.size(); i++) {
            double want = song.seconds(notes.get(i).start());
            assertEquals(want, onsets.get(i), 0.003, "onset of note " + i);
        }
    }

    @Test
    void rendersA4At440Hz() throws IOException {
        Song song = Song.of(PPQ, 120, List.of(new Track("A", 0, 0, List.of(new Note(69, 100, 0, 960)))));
        short[] pcm = new OfflineRenderer(Optional.of(bank)).renderPcm(song, RenderOptions.DEFAULT.withTail(0.2));
        double f = new AudioProbe(pcm, 44_100).frequency(0.2, 0.9);
        assertEquals(440.0, f, 0.5, "measured pitch of A4");
    }

    @Test
    void otherSampleRatesKeepTheTimingAndPitch() throws IOException {
        Song song = Song.of(PPQ, 120, List.of(new Track("A", 0, 0,
                List.of(new Note(69, 100, 0, 480), new Note(81, 100, 960, 480)))));
        short[] pcm = new OfflineRenderer(Optional.of(bank)).renderPcm(song,
                RenderOptions.DEFAULT.withSampleRate(22_050).withTail(0.5));
        AudioProbe probe = new AudioProbe(pcm, 22_050);
        assertEquals(Math.ceil(2.0 * 22_050), probe.frames(), 1.0);
        assertEquals(440.0, probe.frequency(0.1, 0.45), 1.0);
        assertEquals(880.0, probe.frequency(1.1, 1.45), 2.0);
    }

    @Test
    void mutedTracksAreSilentAndTheMetronomeClicksOnEveryBeat() throws IOException {
        Song song = Song.of(PPQ, 120, List.of(
                new Track("Low", 0, 0, List.of(new Note(57, 100, 0, 1920))),
                new Track("High", 1, 0, List.of(new Note(81, 100, 1920, 1920)))));
        OfflineRenderer r = new OfflineRenderer(Optional.of(bank));
        AudioProbe both = new AudioProbe(r.renderPcm(song, RenderOptions.DEFAULT.withTail(0.3)), 44_100);
        assertTrue(both.peak(0.1, 1.9) > 0.05 && both.peak(2.1, 3.9) > 0.05);

        PlaybackMix muteLow = PlaybackMix.DEFAULT.withMuted(0, true);
        AudioProbe muted = new AudioProbe(r.renderPcm(song, RenderOptions.DEFAULT.withTail(0.3).withMix(muteLow)), 44_100);
        assertEquals(0f, muted.peak(0.0, 1.9), 1e-4f, "muted track is silent");
        assertTrue(muted.peak(2.1, 3.9) > 0.05, "the other track still sounds");

        PlaybackMix soloHigh = PlaybackMix.DEFAULT.withSolo(1, true);
        AudioProbe solo = new AudioProbe(r.renderPcm(song, RenderOptions.DEFAULT.withTail(0.3).withMix(soloHigh)), 44_100);
        assertEquals(0f, solo.peak(0.0, 1.9), 1e-4f, "a track not soloed is silent");
        assertTrue(solo.peak(2.1, 3.9) > 0.05, "the soloed track sounds");

        Song empty = Song.of(PPQ, 120, List.of(new Track("Rest", 0, 0, List.of(new Note(60, 1, 3839, 1)))));
        PlaybackMix clickOnly = PlaybackMix.DEFAULT.withMuted(0, true).withMetronome(true);
        AudioProbe clicks = new AudioProbe(r.renderPcm(empty, RenderOptions.DEFAULT.withTail(0.3).withMix(clickOnly)), 44_100);
        List<Double> onsets = clicks.onsets();
        assertEquals(8, onsets.size(), "two bars of 4/4 give eight clicks: " + onsets);
        for (int i = 0; i < 8; i++) {
            assertEquals(i * 0.5, onsets.get(i), 0.003);
        }
    }

    @Test
    void writesAWavFileAtomically(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("song.wav");
        OfflineRenderer.Result result = new OfflineRenderer(Optional.of(bank)).renderToWav(staccatoSong(), out,
                RenderOptions.DEFAULT);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(out.toFile())) {
            AudioFormat f = in.getFormat();
            assertEquals(44_100f, f.getSampleRate());
            assertEquals(16, f.getSampleSizeInBits());
            assertEquals(2, f.getChannels());
            assertEquals(result.frames(), in.getFrameLength());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left behind");
        }
        assertTrue(result.speedTimesRealTime() > 1.0, "faster than real time: " + result.speedTimesRealTime());
    }

    @Test
    void aLoopRendersAsGaplessRepeatsOfItsRegion() throws IOException {
        // A4 and A5 on beats 1-2, A3 on beats 3-4 outside the loop
        Song song = Song.of(PPQ, 120, List.of(new Track("Lead", 0, 0, List.of(
                new Note(69, 100, 0, 120), new Note(81, 100, 480, 240),
                new Note(57, 100, 960, 120), new Note(57, 100, 1440, 120)))));
        RenderOptions options = RenderOptions.DEFAULT.withTail(0.5);
        short[] pcm = new OfflineRenderer(Optional.of(bank)).renderLoopPcm(song, 0, 960, 3, options);
        AudioProbe probe = new AudioProbe(pcm, 44_100);
        assertEquals(Math.ceil(3.5 * 44_100), probe.frames(), 1.0, "three 1 s loops and the tail");
        List<Double> onsets = probe.onsets();
        assertEquals(6, onsets.size(), "two notes per pass: " + onsets);
        for (int i = 0; i < 6; i++) {
            assertEquals(i * 0.5, onsets.get(i), 0.003, "onset " + i);
            double f = probe.frequency(onsets.get(i) + 0.02, onsets.get(i) + 0.1);
            assertEquals(i % 2 == 0 ? 440 : 880, f, 2, "pitch of note " + i);
        }
        assertTrue(probe.peak(3.0, 3.5) < 0.1 * probe.peak(), "nothing after the last pass: no A3, " + probe.peak(3.0, 3.5));

        Song held = Song.of(PPQ, 120, List.of(new Track("Held", 0, 0, List.of(new Note(69, 100, 0, 1920)))));
        AudioProbe cut = new AudioProbe(new OfflineRenderer(Optional.of(bank)).renderLoopPcm(held, 0, 480, 2,
                options), 44_100);
        assertTrue(cut.peak(0.9, 0.99) > 0.1, "the held note sounds to the loop end");
        assertTrue(cut.peak(1.1, 1.5) < 0.1 * cut.peak(), "and stops there, as the live loop wraps");
    }

    @Test
    void aTempoChangeInsideALoopIsRepeatedOnEveryPass() throws IOException {
        // one note per beat; the tempo doubles to 240 BPM at beat 3
        List<Note> notes = new ArrayList<>();
        for (int b = 0; b < 4; b++) notes.add(new Note(69, 100, (long) b * PPQ, 60));
        Song song = new Song(PPQ, TempoMap.of(List.of(new TempoChange(0, 120), new TempoChange(960, 240))),
                TimeSignature.FOUR_FOUR, null, List.of(new Track("Lead", 0, 0, notes)), Map.of());
        Song twice = LoopUnroller.unroll(song, 0, 1920, 2);
        assertEquals(List.of(new TempoChange(0, 120), new TempoChange(960, 240), new TempoChange(1920, 120),
                new TempoChange(2880, 240)), twice.tempoMap().changes());
        short[] pcm = new OfflineRenderer(Optional.of(bank)).renderLoopPcm(song, 0, 1920, 2,
                RenderOptions.DEFAULT.withTail(0.3));
        List<Double> onsets = new AudioProbe(pcm, 44_100).onsets();
        double[] want = {0, 0.5, 1.0, 1.25, 1.5, 2.0, 2.5, 2.75};
        assertEquals(want.length, onsets.size(), onsets.toString());
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], onsets.get(i), 0.003, "onset " + i);
        }
    }
}
