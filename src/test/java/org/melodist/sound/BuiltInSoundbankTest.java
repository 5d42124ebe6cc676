package org.melodist.sound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import javax.sound.midi.Instrument;
import javax.sound.midi.Soundbank;

import org.junit.jupiter.api.Test;
import org.melodist.song.Song;

class BuiltInSoundbankTest {

    @Test
    void theShippedBankHoldsTheGeneralMidiPrograms() {
        Soundbank bank = BuiltInSoundbank.get().orElseThrow();
        boolean[] programs = new boolean[128];
        for (Instrument i : bank.getInstruments()) {
            if (i.getPatch().getBank() == 0) {
                programs[i.getPatch().getProgram()] = true;
            }
        }
        for (int p = 0; p < 128; p++) {
            assertTrue(programs[p], "program " + p + " in bank 0");
        }
        assertEquals(BuiltInSoundbank.get().orElseThrow(), bank, "read once and shared");
    }

    /**
     * Java's synthesizer generates its own fallback bank with random phases (a different one in every home folder):
     * with no bank chosen, Melodist must play the shipped one instead, so the same song sounds the same everywhere.
     */
    @Test
    void withNoBankChosenARenderIsTheShippedBanksRenderSampleForSample() throws Exception {
        Song song = OfflineRendererTest.staccatoSong();
        RenderOptions options = RenderOptions.DEFAULT.withTail(0.5);
        short[] unchosen = new OfflineRenderer(Optional.empty()).renderPcm(song, options);
        short[] shipped = new OfflineRenderer(BuiltInSoundbank.get()).renderPcm(song, options);
        assertArrayEquals(shipped, unchosen);
        assertTrue(new AudioProbe(unchosen, 44_100).peak() > 0.1, "audible");
    }
}
