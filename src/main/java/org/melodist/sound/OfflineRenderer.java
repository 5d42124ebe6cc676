package org.melodist.sound;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.melodist.song.Song;

import com.sun.media.sound.AudioSynthesizer;

/**
 * Renders a song to PCM with Gervill's {@link AudioSynthesizer#openStream}, with no audio device and
 * as fast as the CPU allows. Every MIDI event is handed to the synthesizer up front with its exact
 * timestamp, so note-ons start on the right sample rather than on a control-block boundary.
 */
public final class OfflineRenderer {

    /** What a render to a file produced. */
    public record Result(Path file, long frames, double audioSeconds, double wallSeconds) {
        public double speedTimesRealTime() {
            return wallSeconds <= 0 ? Double.POSITIVE_INFINITY : audioSeconds / wallSeconds;
        }
    }

    private static final int POLYPHONY = 128;
    private final Optional<Soundbank> bank;
    private final SongSequenceBuilder builder = new SongSequenceBuilder();

    /** @param bank the soundbank to play with; empty uses Melodist's built-in one */
    public OfflineRenderer(Optional<Soundbank> bank) {
        this.bank = bank;
    }

    public static AudioFormat format(float sampleRate) {
        return new AudioFormat(sampleRate, 16, 2, true, false);
    }

    /** Seconds of audio a render of {@code song} produces: the last note's end plus the tail. */
    public static double renderedSeconds(Song song, RenderOptions options) {
        Sequence seq = new SongSequenceBuilder().buildAudible(song, options.mix());
        return new SequenceTiming(seq).seconds(lastEventTick(seq)) + options.tailSeconds();
    }

    /** A stream of the rendered song with its exact length; closing it releases the synthesizer. */
    public AudioInputStream open(Song song, RenderOptions options) throws IOException {
        return open(builder.buildAudible(song, options.mix()), options, 0);
    }

    /**
     * The loop region {@code [start, end)} played {@code times} times without a gap, as live looping
     * plays it, then the tail; the length is exactly {@code times} loop lengths plus the tail.
     */
    public AudioInputStream openLoop(Song song, long start, long end, int times, RenderOptions options)
            throws IOException {
        Song unrolled = LoopUnroller.unroll(song, start, end, times);
        return open(builder.buildAudible(unrolled, options.mix()), options, (end - start) * times);
    }

    /**
     * As {@link #open(Song, RenderOptions)} for any sequence (the options' mix is not applied), lasting
     * at least until {@code minEndTick}.
     */
    public AudioInputStream open(Sequence seq, RenderOptions options, long minEndTick) throws IOException {
        AudioFormat format = format(options.sampleRate());
        SequenceTiming timing = new SequenceTiming(seq);
        long lastTick = Math.max(minEndTick, lastEventTick(seq));
        double seconds = timing.seconds(lastTick) + options.tailSeconds();
        long frames = (long) Math.ceil(seconds * format.getSampleRate());

        AudioSynthesizer synth = GervillFactory.newSynthesizer();
        AudioInputStream stream;
        try {
            stream = synth.openStream(format, GervillFactory.properties(bank, 0, POLYPHONY));
            GervillFactory.loadBank(synth, bank);
            Receiver receiver = synth.getReceiver();
            for (TimedMessage m : timedMessages(seq, timing)) {
                receiver.send(m.message(), m.micros());
            }
            discard(stream, pipelineDelayFrames(format.getSampleRate()) * format.getFrameSize());
        } catch (MidiUnavailableException | RuntimeException e) {
            synth.close();
            throw new IOException("the synthesizer could not start: " + e.getMessage(), e);
        }
        InputStream closing = new FilterInputStream(stream) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    synth.close();
                }
            }
        };
        return new AudioInputStream(closing, format, frames);
    }

    /** Renders to a WAV file, written to a temporary file beside it and moved into place. */
    public Result renderToWav(Song song, Path out, RenderOptions options) throws IOException {
        long t0 = System.nanoTime();
        return writeWav(open(song, options), out, options, t0);
    }

    /** Renders a loop region repeated {@code times} times (see {@link #openLoop}) to a WAV file. */
    public Result renderLoopToWav(Song song, long start, long end, int times, Path out, RenderOptions options)
            throws IOException {
        long t0 = System.nanoTime();
        return writeWav(openLoop(song, start, end, times, options), out, options, t0);
    }

    private static Result writeWav(AudioInputStream audio, Path out, RenderOptions options, long t0)
            throws IOException {
        Path abs = out.toAbsolutePath();
        Path dir = abs.getParent();
        long frames;
        Path tmp = null;
        try (AudioInputStream in = audio) {
            if (dir != null && !Files.isDirectory(dir)) {
                throw new IOException(out + ": the folder " + dir + " does not exist");
            }
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".part");
            frames = in.getFrameLength();
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, tmp.toFile());
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return new Result(abs, frames, frames / (double) options.sampleRate(), wall);
    }

    /** Renders into memory as interleaved stereo 16-bit samples (left, right, left, ...). */
    public short[] renderPcm(Song song, RenderOptions options) throws IOException {
        return readPcm(open(song, options));
    }

    /** A loop region repeated {@code times} times (see {@link #openLoop}), into memory. */
    public short[] renderLoopPcm(Song song, long start, long end, int times, RenderOptions options)
            throws IOException {
        return readPcm(openLoop(song, start, end, times, options));
    }

    private static short[] readPcm(AudioInputStream audio) throws IOException {
        try (AudioInputStream in = audio) {
            long frames = in.getFrameLength();
            if (frames > Integer.MAX_VALUE / 4) {
                throw new IOException("the song is too long to render into memory; render to a file instead");
            }
            byte[] bytes = in.readNBytes((int) frames * 4);
            short[] pcm = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
            return pcm;
        }
    }

    private record TimedMessage(long tick, int order, boolean noteOn, MidiMessage message, long micros) {
    }

    private static List<TimedMessage> timedMessages(Sequence seq, SequenceTiming timing) {
        List<TimedMessage> out = new ArrayList<>();
        int order = 0;
        for (Track t : seq.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                MidiEvent e = t.get(i);
                MidiMessage m = e.getMessage();
                if (m instanceof MetaMessage) continue;
                boolean on = m instanceof ShortMessage s && s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0;
                out.add(new TimedMessage(e.getTick(), order++, on, m, Math.round(timing.micros(e.getTick()))));
            }
        }
        // offs before ons at one tick, otherwise the order the tracks gave
        out.sort(Comparator.comparingLong(TimedMessage::tick).thenComparing(TimedMessage::noteOn)
                .thenComparingInt(TimedMessage::order));
        return out;
    }

    /**
     * Gervill starts a voice two control blocks after its note-on is processed (measured: 13.6 ms at
     * 147 blocks per second, at every sample rate); dropping that much from the head of the stream puts
     * each onset on the sample the score gives.
     */
    static long pipelineDelayFrames(float sampleRate) {
        return 2L * (long) (sampleRate / GervillFactory.CONTROL_RATE);
    }

    private static void discard(InputStream in, long bytes) throws IOException {
        byte[] buf = new byte[8192];
        long left = bytes;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) throw new IOException("the synthesizer stream ended early");
            left -= n;
        }
    }

    static long lastEventTick(Sequence seq) {
        long last = 0;
        for (Track t : seq.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                MidiEvent e = t.get(i);
                if (!(e.getMessage() instanceof MetaMessage)) {
                    last = Math.max(last, e.getTick());
                }
            }
        }
        return last;
    }
}
