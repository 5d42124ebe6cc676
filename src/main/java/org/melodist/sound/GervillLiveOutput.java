package org.melodist.sound;

import java.util.Optional;

import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

import com.sun.media.sound.AudioSynthesizer;

import org.melodist.ErrorMessages;

/**
 * Gervill playing to the default audio line, with its output buffer set explicitly (Gervill's own
 * default is 120 ms) so that auditioned notes answer quickly.
 */
public final class GervillLiveOutput implements MidiOutput {

    /** Output line buffer; below ~30 ms Gervill's pusher thread starts to underrun on a busy 2-core box. */
    public static final long DEFAULT_LATENCY_MICROS = 40_000;
    /**
     * Line buffer for live monitoring of a MIDI keyboard: what is played must sound at once, so this buffer
     * is four times smaller than playback's (see {@code bench-render} for the measured delays).
     */
    public static final long MONITOR_LATENCY_MICROS = 10_000;
    /** Control rate for monitoring: a key takes effect within 100 samples instead of 300. */
    public static final float MONITOR_CONTROL_RATE = 441f;
    /** Playback's control rate (Gervill's default). */
    public static final float DEFAULT_CONTROL_RATE = GervillFactory.CONTROL_RATE;
    private static final int POLYPHONY = 96;
    /** CD format: every sound card and ALSA's plug layer accept it without resampling surprises. */
    public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);

    private final Optional<Soundbank> bank;
    private final String bankDescription;
    private final long latencyMicros;
    private final float controlRate;
    private AudioSynthesizer synth;
    private Receiver receiver;
    private volatile long openNanos = -1;

    public GervillLiveOutput(Optional<Soundbank> bank, String bankDescription, long latencyMicros) {
        this(bank, bankDescription, latencyMicros, GervillFactory.CONTROL_RATE);
    }

    public GervillLiveOutput(Optional<Soundbank> bank, String bankDescription, long latencyMicros, float controlRate) {
        if (!(controlRate >= 50 && controlRate <= 2000)) {
            throw new IllegalArgumentException("control rate " + controlRate + " Hz is outside 50-2000");
        }
        this.controlRate = controlRate;
        if (latencyMicros < 5_000 || latencyMicros > 1_000_000) {
            throw new IllegalArgumentException("latency " + latencyMicros + " us is outside 5000-1000000");
        }
        this.bank = bank;
        this.bankDescription = bankDescription;
        this.latencyMicros = latencyMicros;
    }

    public GervillLiveOutput(SoundbankChoice.Selection selection) {
        this(selection.bank(), selection.description(), DEFAULT_LATENCY_MICROS);
    }

    /** A second synthesizer for monitoring a MIDI keyboard, with the small buffer and the fast control rate. */
    public static GervillLiveOutput forMonitoring(SoundbankChoice.Selection selection) {
        return new GervillLiveOutput(selection.bank(), selection.description(), MONITOR_LATENCY_MICROS, MONITOR_CONTROL_RATE);
    }

    public float controlRate() {
        return controlRate;
    }

    public long latencyMicros() {
        return latencyMicros;
    }

    @Override
    public synchronized Receiver open() throws MidiUnavailableException {
        if (receiver != null) {
            return receiver;
        }
        long t0 = System.nanoTime();
        AudioSynthesizer s = GervillFactory.newSynthesizer();
        try {
            var info = GervillFactory.properties(bank, latencyMicros, POLYPHONY, controlRate);
            info.put("format", FORMAT);
            s.open(null, info);
            GervillFactory.loadBank(s, bank);
            receiver = s.getReceiver();
            synth = s;
            openNanos = System.nanoTime() - t0;
            return receiver;
        } catch (MidiUnavailableException | RuntimeException e) {
            s.close();
            String why = hasAudioOutput()
                    ? "the audio output device could not be opened (" + rootMessage(e) + ")"
                    : "no audio output device was found";
            MidiUnavailableException ex = new MidiUnavailableException(why);
            ex.initCause(e);
            throw ex;
        }
    }

    /** How long the last successful {@link #open()} took (synthesizer, soundbank and audio line), or -1. */
    public long openNanos() {
        return openNanos;
    }

    /** True when some mixer offers an output line at all (else the failure needs no technical detail). */
    static boolean hasAudioOutput() {
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            try {
                if (AudioSystem.getMixer(info).isLineSupported(new Line.Info(SourceDataLine.class))) return true;
            } catch (RuntimeException e) {
                // a mixer whose driver fails to answer is no usable output
            }
        }
        return false;
    }

    /** The driver's reason, without a closing full stop, to sit inside parentheses. */
    private static String rootMessage(Throwable e) {
        String m = ErrorMessages.rootCause(e);
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    @Override
    public String description() {
        return "Java synthesizer with " + bankDescription;
    }

    @Override
    public synchronized void close() {
        if (synth != null) {
            synth.close();
            synth = null;
            receiver = null;
        }
    }
}
