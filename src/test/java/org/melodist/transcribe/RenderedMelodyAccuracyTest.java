package org.melodist.transcribe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.melodist.SharedData;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * The transcriber on melodies played by Java's own synthesizer with its built-in bank (what every machine has), as
 * {@code evaluate-transcribe} measures it: the flute, clean and with white noise at 20 dB SNR.
 */
class RenderedMelodyAccuracyTest {

    private final TranscriptionEvaluation evaluation = new TranscriptionEvaluation(Optional.empty(), new MelodyTranscriber());
    private static final TranscriptionEvaluation.Instrument FLUTE = TranscriptionEvaluation.INSTRUMENTS.get(0);

    @Test
    void aRenderedFolkPhraseWithRepeatedNotesIsTranscribed() throws Exception {
        int q = Song.DEFAULT_PPQ;
        int[] pitches = {67, 67, 69, 71, 71, 74, 72, 71, 69, 67, 67, 62};
        int[] eighths = {2, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 3};
        List<Note> notes = new ArrayList<>();
        long t = q / 2;
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new Note(pitches[i], 100, t, (long) eighths[i] * q / 2));
            t += (long) eighths[i] * q / 2;
        }
        Song song = Song.of(q, 100, List.of(Track.of("Melody", 0, 0, notes)));
        NoteMatching.Counts c = run(List.of(new TranscriptionEvaluation.Tune("phrase", song)), 0);
        assertTrue(c.f1() >= 0.9, "F1 " + c.f1() + " " + c);
    }

    /**
     * Gervill plays a repeated note as a note-off and a note-on at the same tick: the new attack rises while the old
     * note's release still sounds, so the level neither dips nor steps; only the note's own partials are renewed
     * ({@link HarmonicFlux}). Every repeat must come out as a note of its own, in time.
     */
    @Test
    void repeatedNotesStruckAgainWithoutADipInLevelAreSeparateNotes() throws Exception {
        int q = Song.DEFAULT_PPQ;
        int[] pitches = {74, 74, 74, 74, 79, 79, 79, 76, 76, 74, 74, 74, 69, 69, 69, 69};
        List<Note> notes = new ArrayList<>();
        long t = q / 2;
        for (int p : pitches) {
            notes.add(new Note(p, 100, t, q / 2));
            t += q / 2;
        }
        Song song = Song.of(q, 120, List.of(Track.of("Melody", 0, 0, notes)));
        NoteMatching.Counts c = run(List.of(new TranscriptionEvaluation.Tune("repeats", song)), 0);
        assertTrue(c.matched() == pitches.length && c.estimated() == pitches.length,
                "every repeat matched, none extra: " + c);
    }

    /**
     * The built-in choir's slow attack rises under the note before, and YIN first reads the new note two octaves down
     * for a few frames: that lead-in must become the start of the note it leads into, not a note of its own.
     */
    @Test
    void aChoirsSlowAttackIsNotANoteTwoOctavesDown() throws Exception {
        int q = Song.DEFAULT_PPQ;
        int[] pitches = {62, 67, 71, 74, 71, 76, 71, 74, 71, 62, 67, 71, 74};
        int[] eighths = {1, 1, 1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 1};
        List<Note> notes = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new Note(pitches[i], 90, t, (long) eighths[i] * q / 2));
            t += (long) eighths[i] * q / 2;
        }
        Song song = Song.of(q, 120, List.of(Track.of("Melody", 0, 0, notes)));
        TranscriptionEvaluation.Condition clean = TranscriptionEvaluation.CONDITIONS.get(0);
        float[] x = evaluation.render(song, TranscriptionEvaluation.INSTRUMENTS.get(2).program(), clean, 17);
        Transcription heard = new MelodyTranscriber().transcribe(x, TranscriptionEvaluation.SAMPLE_RATE, OptionalDouble.empty());
        for (TranscribedNote n : heard.notes()) {
            assertTrue(n.pitch() >= 62 - 6, "no note far below the tune: " + heard.notes());
        }
        NoteMatching.Counts c = NoteMatching.match(TranscriptionEvaluation.reference(song, clean), NoteMatching.of(heard.notes()));
        assertTrue(c.f1() >= 0.9, "F1 " + c.f1() + " " + c);
    }

    @Test
    void validationTunesPlayedByAFluteAreTranscribedCleanAndInNoise() throws Exception {
        Optional<Path> corpus = SharedData.data("nottingham/melody");
        Assumptions.assumeTrue(corpus.isPresent(), SharedData.missingReason("nottingham/melody"));
        List<TranscriptionEvaluation.Tune> tunes = TranscriptionEvaluation.validationTunes(corpus.get(), 3, 10);
        NoteMatching.Counts clean = run(tunes, 0);
        NoteMatching.Counts noisy = run(tunes, 1);
        assertTrue(clean.f1() >= 0.85, "clean F1 " + clean.f1() + " " + clean);
        assertTrue(noisy.f1() >= 0.85, "20 dB SNR F1 " + noisy.f1() + " " + noisy);
    }

    private NoteMatching.Counts run(List<TranscriptionEvaluation.Tune> tunes, int condition) throws Exception {
        TranscriptionEvaluation.Condition cond = TranscriptionEvaluation.CONDITIONS.get(condition);
        NoteMatching.Counts total = NoteMatching.Counts.ZERO;
        MelodyTranscriber transcriber = new MelodyTranscriber();
        for (int i = 0; i < tunes.size(); i++) {
            Song song = tunes.get(i).song();
            float[] x = evaluation.render(song, FLUTE.program(), cond, 17 + i);
            Transcription t = transcriber.transcribe(x, TranscriptionEvaluation.SAMPLE_RATE, OptionalDouble.empty());
            total = total.plus(NoteMatching.match(TranscriptionEvaluation.reference(song, cond), NoteMatching.of(t.notes())));
        }
        return total;
    }
}
