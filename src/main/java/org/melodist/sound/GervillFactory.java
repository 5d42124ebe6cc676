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
     * Properties for {@link AudioSynthesizer#open} / {@code openStream}; an empty {@code bank} means the
     * {@link BuiltInSoundbank}, and Gervill's own generated bank is loaded only when that one cannot be read
     * (building it costs seconds, and it differs from machine to machine).
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
        info.put("load default soundbank", orBuiltIn(bank).isEmpty());
        info.put("interpolation", "cubic");
        info.put("max polyphony", polyphony);
        info.put("control rate", controlRate);
        if (latencyMicros > 0) {
            info.put("latency", latencyMicros);
        }
        return info;
    }

    /** Loads {@code bank}, or the {@link BuiltInSoundbank} when it is empty. */
    static void loadBank(Synthesizer synth, Optional<Soundbank> bank) throws MidiUnavailableException {
        Optional<Soundbank> playing = orBuiltIn(bank);
        if (playing.isPresent() && !synth.loadAllInstruments(playing.get())) {
            throw new MidiUnavailableException("the synthesizer does not accept the soundbank " + playing.get().getName());
        }
    }

    private static Optional<Soundbank> orBuiltIn(Optional<Soundbank> bank) {
        return bank.isPresent() ? bank : BuiltInSoundbank.get();
    }
}
