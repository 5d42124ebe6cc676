package org.melodist.sound;

import java.io.IOException;
import java.nio.file.Path;

import javax.sound.midi.Patch;

import com.sun.media.sound.ModelPatch;
import com.sun.media.sound.SF2Instrument;
import com.sun.media.sound.SF2InstrumentRegion;
import com.sun.media.sound.SF2Layer;
import com.sun.media.sound.SF2LayerRegion;
import com.sun.media.sound.SF2Region;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;

/**
 * A tiny deterministic SF2 soundbank built with Gervill's own classes: a looped sine whose loop holds
 * exactly ten periods of A4 (100 samples per period at 44 kHz), as GM program 0 (every melodic program
 * falls back to it) and as a percussion kit for the metronome.
 */
public final class TestSoundbanks {

    private TestSoundbanks() {
    }

    public static Path writeSineBank(Path dir) throws IOException {
        SF2Soundbank sf2 = new SF2Soundbank();
        sf2.setName("Melodist test sine");
        int rate = 44_000;
        int period = 100; // 440 Hz at 44 kHz
        int frames = period * 100;
        byte[] data = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short v = (short) Math.round(Math.sin(2 * Math.PI * i / period) * 16_000);
            data[2 * i] = (byte) v;
            data[2 * i + 1] = (byte) (v >> 8);
        }
        SF2Sample sample = new SF2Sample(sf2);
        sample.setName("sine A4");
        sample.setData(data);
        sample.setSampleRate(rate);
        sample.setOriginalPitch(69);
        sample.setStartLoop(frames - 10L * period);
        sample.setEndLoop(frames);
        sf2.addResource(sample);

        sf2.addInstrument(instrument(sf2, sample, "sine", new Patch(0, 0), true));
        sf2.addInstrument(instrument(sf2, sample, "sine kit", new ModelPatch(0, 0, true), false));
        Path file = dir.resolve("sine.sf2");
        sf2.save(file.toFile());
        return file;
    }

    private static SF2Instrument instrument(SF2Soundbank sf2, SF2Sample sample, String name, Patch patch,
                                            boolean sustained) {
        SF2Layer layer = new SF2Layer(sf2);
        layer.setName(name);
        SF2LayerRegion region = new SF2LayerRegion();
        region.setSample(sample);
        region.putInteger(SF2Region.GENERATOR_SAMPLEMODES, 1);
        // 20 ms release keeps note ends crisp for onset and length measurements
        region.putInteger(SF2Region.GENERATOR_RELEASEVOLENV, (int) Math.round(1200 * Math.log(0.02) / Math.log(2)));
        if (!sustained) {
            region.putInteger(SF2Region.GENERATOR_DECAYVOLENV, (int) Math.round(1200 * Math.log(0.05) / Math.log(2)));
            region.putInteger(SF2Region.GENERATOR_SUSTAINVOLENV, 1000);
        }
        layer.getRegions().add(region);
        sf2.addResource(layer);
        SF2Instrument ins = new SF2Instrument(sf2);
        ins.setName(name);
        ins.setPatch(patch);
        SF2InstrumentRegion ir = new SF2InstrumentRegion();
        ir.setLayer(layer);
        ins.getRegions().add(ir);
        return ins;
    }
}
