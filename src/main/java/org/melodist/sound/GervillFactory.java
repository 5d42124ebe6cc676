package org.melodist.sound;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;

import com.sun.media.sound.AudioSynthesizer;
import com.sun.media.sound.SoftSynthesizer;

/** Creates Gervill synthesizers and the property maps that configure them. */
final class GervillFactory {

    /** Gervill's default control rate, set explicitly because render timing depends on it. */
    static final float CONTROL_RATE = 147f;

    private GervillFactory() {
    }

    static AudioSynthesizer newSynthesizer() {
        try {
            Synthesizer s = MidiSystem.getSynthesizer();
            if (s instanceof AudioSynthesizer a) {
                return a;
            }
        } catch (MidiUnavailableException e) {
            // fall through to Gervill itself
        }
        return new SoftSynthesizer();
    }

    /**
     * Properties for {@link AudioSynthesizer#open} / {@code openStream}; with a bank of our own the
     * default one is not loaded (building Gervill's generated fallback bank costs seconds).
     */
    static Map<String, Object> properties(Optional<Soundbank> bank, long latencyMicros, int polyphony) {
        return properties(bank, latencyMicros, polyphony, CONTROL_RATE);
    }

    /**
     * As {@link #properties(Optional, long, int)} with another control rate: messages sent "now" take effect
     * at the next control block, so 441 Hz (100 samples at 44.1 kHz) answers a live key about three times
     * sooner than the default 147 Hz.
     */
    static Map<String, Object> properties(Optional<Soundbank> bank, long latencyMicros, int polyphony, float controlRate) {
        Map<String, Object> info = new HashMap<>();
        info.put("load default soundbank", bank.isEmpty());
        info.put("interpolation", "cubic");
        info.put("max polyphony", polyphony);
        info.put("control rate", controlRate);
        if (latencyMicros > 0) {
            info.put("latency", latencyMicros);
        }
        return info;
    }

    static void loadBank(Synthesizer synth, Optional<Soundbank> bank) throws MidiUnavailableException {
        if (bank.isPresent() && !synth.loadAllInstruments(bank.get())) {
            throw new MidiUnavailableException("the synthesizer does not accept the soundbank " + bank.get().getName());
        }
    }
}
