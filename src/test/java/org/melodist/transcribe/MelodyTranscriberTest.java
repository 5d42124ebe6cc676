package org.melodist.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The transcriber on synthetic singing whose score is known exactly. */
class MelodyTranscriberTest {

    private static final int RATE = 22_050;
    private final MelodyTranscriber transcriber = new MelodyTranscriber();

    private static List<NoteMatching.Timed> reference(List<SyntheticSinger.SungNote> score, double tuningCents) {
        List<NoteMatching.Timed> ref = new ArrayList<>();
        for (SyntheticSinger.SungNote n : score) {
            ref.add(new NoteMatching.Timed(n.startSec(), n.endSec(), n.pitch() + tuningCents / 100));
        }
        return ref;
    }

    private Transcription sing(List<SyntheticSinger.SungNote> score, SyntheticSinger.Style style, double seconds) {
        return transcriber.transcribe(SyntheticSinger.sing(score, style, RATE, seconds, 3), RATE, OptionalDouble.empty());
    }

    /** A tune of distinct neighbouring pitches (no repeats), quarter notes with short breaths. */
    private static List<SyntheticSinger.SungNote> tune() {
        return SyntheticSinger.line(0.25, 0.4, 0.06, 62, 64, 66, 67, 69, 71, 69, 67, 66, 64, 62, 57, 62, 74, 62);
    }

    @Test
    void aPlainMelodyComesOutNoteForNote() {
        List<SyntheticSinger.SungNote> score = tune();
        Transcription t = sing(score, SyntheticSinger.Style.PLAIN, 8);
        NoteMatching.Counts c = NoteMatching.match(reference(score, 0), NoteMatching.of(t.notes()));
        assertEquals(1.0, c.f1(), 1e-9, "notes " + t.notes());
        assertEquals(0, t.tuningCents(), 5);
        for (TranscribedNote n : t.notes()) {
            assertEquals(0, n.cents(), 10, n.toString());
            assertTrue(n.confidence() > 0.8, n.toString());
        }
        assertTrue(t.emptyReason().isEmpty());
    }

    @Test
    void aSingerThirtyCentsFlatIsHeardAsFlatNotAsTheNoteBelow() {
        List<SyntheticSinger.SungNote> score = tune();
        Transcription t = sing(score, SyntheticSinger.Style.PLAIN.withTuning(-30), 8);
        assertEquals(-30, t.tuningCents(), 6, "tuning offset");
        assertEquals(score.size(), t.notes().size(), t.notes().toString());
        for (int i = 0; i < score.size(); i++) {
            TranscribedNote n = t.notes().get(i);
            assertEquals((int) score.get(i).pitch(), n.pitch(), "note " + i + " is the intended pitch");
            assertEquals(-30, n.cents(), 10, "note " + i + " carries the measured deviation");
        }
        NoteMatching.Counts c = NoteMatching.match(reference(score, -30), NoteMatching.of(t.notes()));
        assertEquals(1.0, c.f1(), 1e-9);
    }

    @Test
    void vibratoOfHalfASemitoneStaysOneNote() {
        List<SyntheticSinger.SungNote> score = tune();
        Transcription t = sing(score, SyntheticSinger.Style.PLAIN.withVibrato(45, 5.5), 8);
        NoteMatching.Counts c = NoteMatching.match(reference(score, 0), NoteMatching.of(t.notes()));
        assertTrue(c.f1() >= 0.9, "F1 " + c.f1() + " notes " + t.notes());
        assertTrue(t.notes().size() <= score.size() + 1, "at most one extra note from the vibrato: " + t.notes());
        for (TranscribedNote n : t.notes()) {
            assertEquals(0, n.cents(), 25, "a note's cents are its centre, not a vibrato extreme: " + n);
        }
    }

    @Test
    void legatoVibratoDoesNotSplitHeldNotes() {
        // notes sung one into the next (40 ms gaps, a soft attack), 30 cents flat with a 30-cent vibrato at 5.5 and
        // 7 Hz, and a wide 50-cent one at 5.5 Hz: the onset detector fires about twice a vibrato cycle and YIN's
        // confidence wavers with it, which split held notes in two (18 notes for 16 at 5.5 Hz) until only a dip in
        // level counted as a re-attack inside a note with vibrato
        double[] pitches = {62, 66, 69, 71, 69, 66, 64, 62, 64, 66, 67, 69, 69, 67, 66, 64};
        double[] beats = {1, 1, 1, 0.5, 0.5, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2};
        List<SyntheticSinger.SungNote> score = new ArrayList<>();
        double at = 0.3;
        for (int i = 0; i < pitches.length; i++) {
            score.add(new SyntheticSinger.SungNote(pitches[i], at, at + beats[i] * 0.5 - 0.04));
            at += beats[i] * 0.5;
        }
        List<Integer> sung = score.stream().map(n -> (int) n.pitch()).toList();
        for (double[] vibrato : new double[][] {{30, 5.5}, {30, 7}, {50, 5.5}}) {
            Transcription t = sing(score, SyntheticSinger.Style.PLAIN.withTuning(-30).withVibrato(vibrato[0], vibrato[1]).withAttack(0.05),
                    at + 0.6);
            assertEquals(sung, t.notes().stream().map(TranscribedNote::pitch).toList(),
                    vibrato[0] + " c at " + vibrato[1] + " Hz: one note per note sung, none split: " + t.notes());
        }
    }

    @Test
    void legatoNotesWithVibratoStartWhereTheNewNoteTakesOver() {
        // sung one into the next with a soft attack and a 30-cent vibrato: the onset detector fires twice a vibrato
        // cycle and a note's partials leak into the neighbouring semitone's, so onsets up to 110 ms early were taken
        // as the notes' starts (F1 0.67 without breaths, 0.05-0.3 with 20 ms ones); a legato note starts where its
        // harmonic salience overtakes the old note's, and one after a breath where the level rises after the dip
        double[] pitches = {62, 66, 69, 71, 69, 66, 64, 62, 64, 66, 67, 69, 71, 69, 67, 66, 64, 66, 67, 69};
        double[] beats = {1, 1, 1, 0.5, 0.5, 1, 1, 2, 1, 0.5, 0.5, 1, 1, 0.5, 0.5, 1, 1, 1, 1, 2};
        for (double breath : new double[] {0, 0.02}) {
            List<SyntheticSinger.SungNote> score = new ArrayList<>();
            double at = 0.3;
            for (int i = 0; i < pitches.length; i++) {
                score.add(new SyntheticSinger.SungNote(pitches[i], at, at + beats[i] * 0.5 - breath));
                at += beats[i] * 0.5;
            }
            Transcription t = sing(score, SyntheticSinger.Style.PLAIN.withTuning(-25).withVibrato(30, 5.5)
                    .withAttack(0.05), at + 0.6);
            NoteMatching.Counts c = NoteMatching.match(reference(score, -25), NoteMatching.of(t.notes()));
            assertTrue(c.f1() >= 0.9, breath + " s breaths: F1 " + c.f1() + " notes " + t.notes());
        }
    }

    @Test
    void eachNoteCarriesItsOwnDeviationEvenWhereTheTrackerWentByTheSpectrum() {
        // every note rings on under the next at half its level for 0.2 s: there YIN reads the two notes' common
        // sub-harmonic, and the notes are chosen by the spectrum; what they report as heard must still be them
        double[] pitches = {62, 74, 73, 74, 78, 74, 78, 81, 78, 76, 74, 69, 71, 73, 74};
        List<SyntheticSinger.SungNote> score = SyntheticSinger.line(0.25, 0.25, 0, pitches);
        List<SyntheticSinger.SungNote> tails = new ArrayList<>();
        for (int i = 0; i + 1 < score.size(); i++) {
            double at = score.get(i + 1).startSec();
            tails.add(new SyntheticSinger.SungNote(pitches[i], at, at + 0.2));
        }
        float[] x = SyntheticSinger.sing(score, SyntheticSinger.Style.PLAIN.withAttack(0.06), RATE, 5, 3);
        float[] ring = SyntheticSinger.sing(tails, SyntheticSinger.Style.PLAIN.withAttack(0.001), RATE, 5, 3);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.5f * ring[i];
        }
        Transcription t = transcriber.transcribe(x, RATE, OptionalDouble.empty());
        assertTrue(t.notes().size() >= 10, t.notes().toString());
        for (TranscribedNote n : t.notes()) {
            assertEquals(t.tuningCents(), n.cents(), 50, n.toString());
        }
    }

    @Test
    void repeatedNotesWithShortBreathsStaySeparate() {
        List<SyntheticSinger.SungNote> score = SyntheticSinger.line(0.3, 0.3, 0.04, 67, 67, 67, 67, 64, 64, 62, 62, 62);
        Transcription t = sing(score, SyntheticSinger.Style.PLAIN, 4);
        assertEquals(score.size(), t.notes().size(), t.notes().toString());
        NoteMatching.Counts c = NoteMatching.match(reference(score, 0), NoteMatching.of(t.notes()));
        assertTrue(c.f1() >= 0.85, "F1 " + c.f1() + " notes " + t.notes());
    }

    @Test
    void anEnsembleBeatingAtASteadyPitchIsOneNoteButARepeatStillSplits() {
        // a choir's voices beat against each other: the level dips by 9 dB four times a second at a steady pitch,
        // which read as repeated notes; a dip counts only well beyond the wavering seen inside the note, so the held
        // notes stay whole while the repeated D (a 60 ms breath) is still two notes
        List<SyntheticSinger.SungNote> score = SyntheticSinger.line(0.3, 1.0, 0.06, 62, 66, 69, 66, 62, 62);
        float[] x = SyntheticSinger.sing(score, SyntheticSinger.Style.PLAIN.withAttack(0.04), RATE, 7, 3);
        for (int i = 0; i < x.length; i++) {
            x[i] *= (float) (1 - 0.65 * (0.5 + 0.5 * Math.sin(2 * Math.PI * 4.3 * i / RATE)));
        }
        Transcription t = transcriber.transcribe(x, RATE, OptionalDouble.empty());
        assertEquals(score.size(), t.notes().size(), t.notes().toString());
        NoteMatching.Counts c = NoteMatching.match(reference(score, 0), NoteMatching.of(t.notes()));
        assertEquals(1.0, c.f1(), 1e-9, t.notes().toString());
    }

    @Test
    void slowBreathyOnsetsAreTimedWithinFiftyMilliseconds() {
        List<SyntheticSinger.SungNote> score = tune();
        Transcription t = sing(score, SyntheticSinger.Style.PLAIN.withAttack(0.08).withNoise(-45), 8);
        NoteMatching.Counts c = NoteMatching.match(reference(score, 0), NoteMatching.of(t.notes()));
        assertTrue(c.f1() >= 0.9, "F1 " + c.f1() + " notes " + t.notes());
    }

    @Test
    void silenceGivesNoNotesAndSaysSo() {
        Transcription t = transcriber.transcribe(new float[RATE * 3], RATE, OptionalDouble.empty());
        assertTrue(t.notes().isEmpty());
        assertTrue(t.emptyReason().orElseThrow().contains("silent"), t.emptyReason().toString());
        assertEquals(MelodyTranscriber.DEFAULT_TEMPO, t.tempoBpm());
    }

    @Test
    void noiseAloneGivesNoNotesAndSaysSo() {
        Random random = new Random(11);
        float[] noise = new float[RATE * 4];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.1 * random.nextGaussian());
        }
        Transcription t = transcriber.transcribe(noise, RATE, OptionalDouble.empty());
        assertTrue(t.notes().isEmpty(), t.notes().toString());
        assertTrue(t.emptyReason().orElseThrow().contains("no notes"), t.emptyReason().toString());
    }

    @Test
    void theTempoOfEvenlySpacedNotesIsEstimatedAndAGivenTempoIsKept() {
        // quarter notes at 100 BPM
        List<SyntheticSinger.SungNote> score = SyntheticSinger.line(0.2, 0.55, 0.05, 60, 62, 64, 65, 67, 65, 64, 62,
                60, 62, 64, 65, 67, 69, 67, 65);
        float[] x = SyntheticSinger.sing(score, SyntheticSinger.Style.PLAIN, RATE, 10.5, 3);
        assertEquals(100, transcriber.transcribe(x, RATE, OptionalDouble.empty()).tempoBpm(), 3);
        Transcription given = transcriber.transcribe(x, RATE, OptionalDouble.of(90));
        assertEquals(90, given.tempoBpm());
        assertTrue(given.tempoGiven());
    }
}
