package org.melodist.sound;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

import com.sun.media.sound.AudioSynthesizer;

/**
 * Measures the sound engine: offline render speed, the cost of reading the playhead, how long a
 * synthesizer takes to open and how many samples pass between a note-on and its first sound.
 */
public final class SoundBenchmark {

    /** Render timing: seconds of audio, wall seconds of each run. */
    public record RenderSpeed(double audioSeconds, double[] wallSeconds) {
        public double bestTimesRealTime() {
            return audioSeconds / Arrays.stream(wallSeconds).min().orElse(Double.NaN);
        }

        public double medianTimesRealTime() {
            double[] w = wallSeconds.clone();
            Arrays.sort(w);
            return audioSeconds / w[w.length / 2];
        }
    }

    private final Optional<Soundbank> bank;

    public SoundBenchmark(Optional<Soundbank> bank) {
        this.bank = bank;
    }

    /**
     * A deterministic song of about {@code seconds} at 120 BPM in four tracks: an eighth-note melody,
     * a quarter-note bass, sustained triads and a drum part on channel 10.
     */
    public static Song generatedSong(double seconds, long seed) {
        int ppq = 480;
        int bars = (int) Math.ceil(seconds / 2.0);
        Random rnd = new Random(seed);
        int[] scale = {0, 2, 4, 5, 7, 9, 11};
        List<Note> melody = new ArrayList<>();
        List<Note> bass = new ArrayList<>();
        List<Note> chords = new ArrayList<>();
        List<Note> drums = new ArrayList<>();
        int degree = 7;
        for (int bar = 0; bar < bars; bar++) {
            long b0 = (long) bar * 4 * ppq;
            int root = scale[(bar * 3) % 7];
            for (int e = 0; e < 8; e++) {
                degree = Math.max(0, Math.min(13, degree + rnd.nextInt(5) - 2));
                int pitch = 60 + 12 * (degree / 7) + scale[degree % 7];
                melody.add(new Note(pitch, 70 + rnd.nextInt(40), b0 + e * ppq / 2, ppq / 2 - 20));
                drums.add(new Note(42, 60 + rnd.nextInt(20), b0 + e * ppq / 2, ppq / 4));
            }
            for (int q = 0; q < 4; q++) {
                bass.add(new Note(36 + root + (q % 2 == 1 ? 7 : 0), 95, b0 + (long) q * ppq, ppq - 30));
                drums.add(new Note(q % 2 == 0 ? 36 : 38, 100, b0 + (long) q * ppq, ppq / 4));
            }
            for (int third = 0; third < 3; third++) {
                chords.add(new Note(52 + root + scale[(2 * third) % 7], 70, b0, 4L * ppq - 40));
            }
        }
        return Song.of(ppq, 120, List.of(new Track("Melody", 0, 0, melody), new Track("Bass", 1, 33, bass),
                new Track("Strings", 2, 48, chords), new Track("Drums", 9, 0, drums)));
    }

    /** Renders {@code song} {@code runs} times into a discarding sink. */
    public RenderSpeed renderSpeed(Song song, RenderOptions options, int runs) throws IOException {
        OfflineRenderer renderer = new OfflineRenderer(bank);
        double[] wall = new double[runs];
        double audio = 0;
        byte[] buf = new byte[1 << 16];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            long bytes = 0;
            try (AudioInputStream in = renderer.open(song, options)) {
                int n;
                while ((n = in.read(buf)) > 0) bytes += n;
                audio = bytes / (double) in.getFormat().getFrameSize() / in.getFormat().getSampleRate();
            }
            wall[r] = (System.nanoTime() - t0) / 1e9;
        }
        return new RenderSpeed(audio, wall);
    }

    /**
     * Nanoseconds per {@link PlaybackService#playheadTick()} read while the service plays {@code song}
     * into a recording output (the playhead timer running as in the studio).
     */
    public double playheadReadNanos(Song song, long reads) throws InterruptedException {
        try (SequencerPlaybackService s = new SequencerPlaybackService(
                new GervillRecordingOutput(bank, 44_100f, 30))) {
            s.load(song);
            s.play();
            Thread.sleep(300);
            long sum = 0;
            for (long i = 0; i < reads / 10; i++) sum += s.playheadTick();
            long t0 = System.nanoTime();
            for (long i = 0; i < reads; i++) sum += s.playheadTick();
            double ns = (System.nanoTime() - t0) / (double) reads;
            if (sum == Long.MIN_VALUE) System.out.print(""); // keeps the reads from being optimised away
            s.stop();
            return ns;
        }
    }

    /** Milliseconds to open a streaming synthesizer and load the bank (the audio line not included). */
    public double synthOpenMillis() throws MidiUnavailableException {
        long t0 = System.nanoTime();
        AudioSynthesizer synth = GervillFactory.newSynthesizer();
        try {
            synth.openStream(OfflineRenderer.format(44_100f), GervillFactory.properties(bank, 0, 64));
            GervillFactory.loadBank(synth, bank);
            return (System.nanoTime() - t0) / 1e6;
        } finally {
            synth.close();
        }
    }

    /**
     * Milliseconds of audio between a note-on sent "now" (timestamp -1, as audition sends it) and the
     * first non-silent sample, reading the stream in blocks of {@code latencyMicros} as the audio line
     * pusher does, at playback's control rate. A sound card adds its own buffer (about the configured
     * latency) on top.
     */
    public double noteOnToSoundMillis(long latencyMicros) throws MidiUnavailableException, IOException {
        return noteOnToSoundMillis(latencyMicros, GervillFactory.CONTROL_RATE, 1);
    }

    /**
     * As {@link #noteOnToSoundMillis(long)} with a control rate, averaged over {@code notes} notes of
     * different pitches (each sent right after a block was read, as a key pressed just then would be).
     */
    public double noteOnToSoundMillis(long latencyMicros, float controlRate, int notes)
            throws MidiUnavailableException, IOException {
        AudioFormat format = OfflineRenderer.format(44_100f);
        AudioSynthesizer synth = GervillFactory.newSynthesizer();
        try {
            AudioInputStream in = synth.openStream(format, GervillFactory.properties(bank, latencyMicros, 64, controlRate));
            GervillFactory.loadBank(synth, bank);
            Receiver rx = synth.getReceiver();
            int frameSize = format.getFrameSize();
            byte[] block = new byte[(int) (format.getSampleRate() * latencyMicros / 1e6) * frameSize];
            rx.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 0, 0), -1);
            double sum = 0;
            for (int n = 0; n < notes; n++) {
                int pitch = 69 + n % 12;
                // let the previous note die away: one second of blocks
                for (int i = 0; i < Math.max(5, 1_000_000 / latencyMicros); i++) readFully(in, block);
                rx.send(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, 110), -1);
                double found = Double.NaN;
                long frames = 0;
                for (int i = 0; i < 50 && Double.isNaN(found); i++) {
                    readFully(in, block);
                    for (int f = 0; f < block.length / frameSize; f++) {
                        int left = (short) ((block[f * frameSize] & 0xFF) | (block[f * frameSize + 1] << 8));
                        if (Math.abs(left) > 30) {
                            found = (frames + f) * 1000.0 / format.getSampleRate();
                            break;
                        }
                    }
                    frames += block.length / frameSize;
                }
                rx.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0), -1);
                if (Double.isNaN(found)) return Double.NaN;
                sum += found;
            }
            return sum / notes;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        } finally {
            synth.close();
        }
    }

    private static void readFully(InputStream in, byte[] b) throws IOException {
        if (in.readNBytes(b, 0, b.length) < b.length) throw new IOException("the synthesizer stream ended");
    }
}
