package org.melodist.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/** The live pitch and notes of "Sing a seed", fed block by block from a synthetic voice as a microphone would. */
class LiveTranscriberTest {

    private static final int RATE = 44_100;
    private static final int BLOCK = 512;

    @Test
    void theLivePitchFollowsTheVoiceWithinFiftyMillisecondsOfAChange() {
        // A4 for a second, then at once C5, phase-continuous with no attack or release: the sound changes at 1.0 s
        // exactly, so when the display reads C5 tells its delay
        float[] voice = new float[2 * RATE];
        double phase = 0;
        for (int i = 0; i < voice.length; i++) {
            double hz = i < RATE ? 440 : 440 * Math.pow(2, 3 / 12.0);
            phase += 2 * Math.PI * hz / RATE;
            voice[i] = (float) (0.3 * (Math.sin(phase) + Math.sin(2 * phase) / 2 + Math.sin(3 * phase) / 3) / 2);
        }
        LiveTranscriber live = new LiveTranscriber(RATE);
        double shownAt = Double.NaN;
        String beforeChange = "";
        for (int pos = 0; pos < voice.length; pos += BLOCK) {
            int n = Math.min(BLOCK, voice.length - pos);
            float[] block = java.util.Arrays.copyOfRange(voice, pos, pos + n);
            LiveTranscriber.Reading r = live.add(block, n);
            if (r.timeSec() < 1.0 && r.timeSec() > 0.5) beforeChange = r.pitchText();
            if (r.timeSec() > 1.0 && Double.isNaN(shownAt) && r.isPitched() && Math.abs(r.midi() - 72) < 0.5) shownAt = r.timeSec();
        }
        assertTrue(beforeChange.startsWith("A4 "), beforeChange);
        double lag = shownAt - 1.0;
        System.out.printf("live pitch: the change shows %.1f ms after it is sung (blocks of %d samples at %d Hz)%n", lag * 1000, BLOCK, RATE);
        assertTrue(lag <= 0.050, "shown " + lag + " s after the change");
    }

    @Test
    void theNotesSoFarAreTheNotesSungAndALongRecordingStopsGrowing() {
        List<SyntheticSinger.SungNote> sung = SyntheticSinger.line(0.2, 0.4, 0.1, 60, 62, 64, 65, 67);
        float[] voice = SyntheticSinger.sing(sung, SyntheticSinger.Style.PLAIN.withTuning(-20), RATE, 3.0, 2);
        LiveTranscriber live = new LiveTranscriber(RATE);
        live.add(voice, voice.length);
        Transcription t = live.transcribe(OptionalDouble.empty());
        assertEquals(List.of(60, 62, 64, 65, 67), t.notes().stream().map(TranscribedNote::pitch).toList());
        assertEquals(-20, t.tuningCents(), 6);
        assertEquals(3.0, live.seconds(), 1e-9);

        LiveTranscriber full = new LiveTranscriber(8000);
        float[] second = new float[8000];
        for (int i = 0; i < LiveTranscriber.MAX_SECONDS + 5; i++) full.add(second, second.length);
        assertTrue(full.isFull());
        assertEquals(LiveTranscriber.MAX_SECONDS, full.seconds(), 1e-9);
    }
}
