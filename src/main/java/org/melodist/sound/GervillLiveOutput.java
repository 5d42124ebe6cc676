package org.melodist.sound;

import java.util.Optional;

import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Soundbank;

import com.sun.media.sound.AudioSynthesizer;

/**
 * Gervill playing to the default audio line, with its output buffer set explicitly (Gervill's own
 * default is 120 ms) so that auditioned notes answer quickly.
 */
public final class GervillLiveOutput implements MidiOutput {

    /** Output line buffer; below ~30 ms Gervill's pusher thread starts to underrun on a busy 2-core box. */
    public static final long DEFAULT_LATENCY_MICROS = 40_000;
    private static final int POLYPHONY = 96;

    private final Optional<Soundbank> bank;
    private final String bankDescription;
    private final long latencyMicros;
    private AudioSynthesizer synth;
    private Receiver receiver;

    public GervillLiveOutput(Optional<Soundbank> bank, String bankDescription, long latencyMicros) {
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

    public long latencyMicros() {
        return latencyMicros;
    }

    @Override
    public synchronized Receiver open() throws MidiUnavailableException {
        if (receiver != null) {
            return receiver;
        }
        AudioSynthesizer s = GervillFactory.newSynthesizer();
        try {
            s.open(null, GervillFactory.properties(bank, latencyMicros, POLYPHONY));
            GervillFactory.loadBank(s, bank);
            receiver = s.getReceiver();
            synth = s;
            return receiver;
        } catch (MidiUnavailableException | RuntimeException e) {
            s.close();
            String cause = e.getCause() != null && e.getCause().getMessage() != null
                    ? ": " + e.getCause().getMessage() : "";
            MidiUnavailableException ex = new MidiUnavailableException(
                    "no audio output device could be opened (" + e.getMessage() + cause + ")");
            ex.initCause(e);
            throw ex;
        }
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
