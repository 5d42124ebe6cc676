package org.melodist.sound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import com.sun.media.sound.AudioSynthesizer;

/**
 * Live MIDI rendered by Gervill into memory instead of to a sound card: a background thread pulls the
 * synthesizer's stream at real-time pace, so the recording is what a listener would have heard, in the
 * order and at the moments the messages arrived. Lets playback be recorded and checked where there is
 * no audio device (CI, servers).
 */
public final class GervillRecordingOutput implements MidiOutput {

    private static final System.Logger LOG = System.getLogger(GervillRecordingOutput.class.getName());
    /** Pull granularity: messages land on the block after they arrive, so this bounds the timing error. */
    private static final long BLOCK_NANOS = 2_000_000;
    private static final int POLYPHONY = 64;

    private final Optional<Soundbank> bank;
    private final AudioFormat format;
    private final long maxFrames;
    private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();
    private AudioSynthesizer synth;
    private Receiver receiver;
    private Thread puller;
    private volatile boolean running;

    /**
     * @param maxSeconds recording stops growing after this much audio (the synthesizer keeps running),
     *                   so a forgotten recorder cannot exhaust memory
     */
    public GervillRecordingOutput(Optional<Soundbank> bank, float sampleRate, double maxSeconds) {
        if (!(maxSeconds > 0 && maxSeconds <= 3600)) {
            throw new IllegalArgumentException("recording length " + maxSeconds + " s is outside 0-3600");
        }
        this.bank = bank;
        this.format = OfflineRenderer.format(sampleRate);
        this.maxFrames = (long) (maxSeconds * sampleRate);
    }

    @Override
    public synchronized Receiver open() throws MidiUnavailableException {
        if (receiver != null) return receiver;
        AudioSynthesizer s = GervillFactory.newSynthesizer();
        AudioInputStream stream;
        try {
            stream = s.openStream(format, GervillFactory.properties(bank, 0, POLYPHONY));
            GervillFactory.loadBank(s, bank);
        } catch (MidiUnavailableException | RuntimeException e) {
            s.close();
            throw e;
        }
        synth = s;
        receiver = s.getReceiver();
        running = true;
        puller = new Thread(() -> pull(stream), "melodist-recorder");
        puller.setDaemon(true);
        puller.start();
        return receiver;
    }

    private void pull(AudioInputStream stream) {
        int frameSize = format.getFrameSize();
        byte[] buf = new byte[(int) (format.getSampleRate() / 50) * frameSize];
        long start = System.nanoTime();
        long framesRead = 0;
        try {
            while (running) {
                long due = (long) ((System.nanoTime() - start) * (double) format.getSampleRate() / 1e9);
                if (due <= framesRead) {
                    LockSupport.parkNanos(BLOCK_NANOS);
                    continue;
                }
                int frames = (int) Math.min(due - framesRead, buf.length / frameSize);
                int n = stream.readNBytes(buf, 0, frames * frameSize);
                if (n <= 0) break;
                synchronized (recorded) {
                    long room = (maxFrames - framesRead) * frameSize;
                    if (room > 0) recorded.write(buf, 0, (int) Math.min(n, room));
                }
                framesRead += n / frameSize;
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "recording stopped: " + e.getMessage());
        }
    }

    public AudioFormat format() {
        return format;
    }

    /** Everything recorded so far, interleaved stereo 16-bit samples (left, right, left, ...). */
    public short[] recordedPcm() {
        byte[] bytes;
        synchronized (recorded) {
            bytes = recorded.toByteArray();
        }
        short[] pcm = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
        return pcm;
    }

    /** Seconds recorded so far. */
    public double recordedSeconds() {
        synchronized (recorded) {
            return recorded.size() / (double) format.getFrameSize() / format.getSampleRate();
        }
    }

    @Override
    public String description() {
        return "Java synthesizer recording to memory";
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = puller;
            puller = null;
        }
        if (t != null) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (synth != null) {
                synth.close();
                synth = null;
                receiver = null;
            }
        }
    }
}
