package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TempoMap;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;

/** Which track of a real multi-track file becomes the melody, and how its top line treats legato playing. */
class MelodyLinesTest {

    private static final int Q = 480;

    /** A tune played in by hand: every note is held 60 ticks into the next one. */
    private static List<Note> legato(int... pitches) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new Note(pitches[i], 90, (long) i * Q, Q + 60));
        }
        return notes;
    }

    @Test
    void legatoOverlapEndsThePreviousNoteInsteadOfDroppingTheNext() {
        List<Note> played = legato(72, 71, 69, 67, 69, 71, 72, 72, 67, 65, 64);
        List<Note> line = MelodyLines.skyline(played);
        assertEquals(played.stream().map(Note::pitch).toList(), line.stream().map(Note::pitch).toList(),
                "every note of a descending legato line is kept");
        for (int i = 0; i + 1 < line.size(); i++) {
            assertEquals(line.get(i + 1).start(), line.get(i).end(), "note " + i + " ends where the next starts");
        }
        assertEquals(Q + 60, line.get(line.size() - 1).duration(), "the last note keeps its length");
        // the seed path uses the same top line
        MelodySeed seed = MelodySeed.of(Song.of(Q, 120, List.of(Track.of("Keys", 0, 0, played))), 0);
        assertEquals(played.size(), seed.notes().size());
    }

    @Test
    void anInnerVoiceUnderAHeldMelodyNoteIsStillDropped() {
        List<Note> notes = List.of(new Note(76, 90, 0, 4 * Q), new Note(64, 90, Q, Q), new Note(67, 90, 2 * Q, Q),
                new Note(77, 90, 4 * Q, Q));
        List<Note> line = MelodyLines.skyline(notes);
        assertEquals(List.of(76, 77), line.stream().map(Note::pitch).toList());
        assertEquals(4 * Q, line.get(0).duration());
    }

    @Test
    void melodyNamesAreRecognised() {
        for (String name : List.of("Melody", "Lead Vocal", "vox", "Synth Lead", "VOICE 1", "Soprano", "Main theme", "melodie")) {
            assertTrue(MelodyLines.isMelodyName(name), name);
        }
        for (String name : List.of("Piano", "Bass", "Strings", "Pad", "Leader board? no: Leadership", "Drums", "")) {
            assertFalse(MelodyLines.isMelodyName(name), name);
        }
    }

    /** Block chords, a walking bass, an unnamed melody and drums, the melody neither first nor named. */
    private static Song band(String melodyName) {
        List<Note> chords = new ArrayList<>();
        List<Note> bass = new ArrayList<>();
        List<Note> drums = new ArrayList<>();
        int[][] triads = {{60, 64, 67}, {60, 65, 69}, {59, 62, 67}, {60, 64, 67}};
        int[] roots = {36, 41, 43, 36};
        for (int bar = 0; bar < 8; bar++) {
            for (int beat = 0; beat < 4; beat++) {
                long t = (bar * 4L + beat) * Q;
                for (int p : triads[bar % 4]) {
                    chords.add(new Note(p, 70, t, Q));
                }
                bass.add(new Note(roots[bar % 4] + (beat % 2 == 0 ? 0 : 7), 80, t, Q));
                drums.add(new Note(beat % 2 == 0 ? 36 : 38, 100, t, Q / 2));
            }
        }
        int[] tune = {72, 74, 76, 77, 79, 77, 76, 74, 72, 71, 72, 74, 76, 74, 72, 71};
        List<Note> melody = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            melody.add(new Note(tune[i % tune.length], 100, i * (long) Q, Q + 40)); // played legato
        }
        return new Song(Q, TempoMap.constant(100), new TimeSignature(4, 4), null, List.of(
                Track.of("Piano", 0, 0, chords), Track.of("Bass", 1, 33, bass), Track.of(melodyName, 2, 73, melody),
                Track.of("Drums", 9, 0, drums)), Map.of());
    }

    @Test
    void theMostMelodicTrackIsTakenFromAMultiTrackSong() {
        MelodyLines.Pick pick = MelodyLines.pick(band("Flute")).orElseThrow();
        assertEquals(2, pick.trackIndex());
        assertEquals(32, pick.line().size(), "the legato melody keeps all its notes");
        assertEquals("most melodic top line of 3 pitched tracks", pick.why());
    }

    @Test
    void aNamedMelodyTrackWinsOverABetterScoringOne() {
        Song song = band("Flute");
        // rename the chord track "Lead": a named track is taken first, whatever the scores say
        Song renamed = song.withTrack(0, song.track(0).withName("Lead"));
        MelodyLines.Pick pick = MelodyLines.pick(renamed).orElseThrow();
        assertEquals(0, pick.trackIndex());
        assertEquals("named as a melody", pick.why());
        assertEquals(32, pick.line().size(), "its top line: one note per chord");
    }

    @Test
    void aFolderReportsWhatWasTakenAndWhyFilesWereSkipped(@TempDir Path dir) throws IOException {
        MidiFileWriter w = new MidiFileWriter();
        w.write(band("Strings"), dir.resolve("band.mid"));
        w.write(band("Lead vocal"), dir.resolve("band-named.mid"));
        List<Note> groove = band("x").track(3).notes();
        w.write(Song.of(Q, 120, List.of(Track.of("Kit", 9, 0, groove))), dir.resolve("drums.mid"));
        w.write(Song.of(Q, 120, List.of(Track.of("Empty", 0, 0, List.of()))), dir.resolve("empty.mid"));
        w.write(Song.of(Q, 120, List.of(Track.of("Short", 0, 0, List.of(new Note(60, 90, 0, Q))))), dir.resolve("short.mid"));
        Files.write(dir.resolve("broken.mid"), new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1});

        List<String> log = new ArrayList<>();
        MelodyCorpus corpus = MelodyCorpus.loadForTraining(dir, null, MelodyEncoding.DEFAULT, log::add);
        Map<String, String> lines = corpus.files().stream()
                .collect(Collectors.toMap(MelodyCorpus.FileReport::file, MelodyCorpus.FileReport::line));
        assertEquals("took band.mid: track 3 'Strings' (most melodic top line of 3 pitched tracks), 32 notes", lines.get("band.mid"));
        assertEquals("took band-named.mid: track 3 'Lead vocal' (named as a melody), 32 notes", lines.get("band-named.mid"));
        assertEquals("skipped drums.mid: drums only", lines.get("drums.mid"));
        assertEquals("skipped empty.mid: no notes", lines.get("empty.mid"));
        assertTrue(lines.get("short.mid").startsWith("skipped short.mid: melody shorter than a bar"), lines.get("short.mid"));
        assertTrue(lines.get("broken.mid").startsWith("skipped broken.mid: unreadable: "), lines.get("broken.mid"));
        assertEquals(4, log.size(), "each skipped file is logged: " + log);
        assertEquals(2, corpus.filesTaken());
        assertTrue(corpus.summary().get(0).startsWith("files: 2 usable, 4 skipped (1 drums only, 1 no notes, 1 shorter than a bar, 1 unreadable)"),
                corpus.summary().get(0));
    }

    @Test
    void aSmallFolderHoldsOutItsLastBarsForValidation(@TempDir Path dir) throws IOException {
        MidiFileWriter w = new MidiFileWriter();
        for (int f = 0; f < 3; f++) {
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i < 32; i++) { // 8 bars of quarter notes
                notes.add(new Note(60 + (i * (f + 2)) % 12, 90, (long) i * Q, Q));
            }
            w.write(Song.of(Q, 120, List.of(Track.of("m", 0, 0, notes))), dir.resolve("tune" + f + ".mid"));
        }
        MelodyCorpus corpus = MelodyCorpus.loadForTraining(dir, null, MelodyEncoding.DEFAULT, s -> { });
        assertEquals(3, corpus.train().size());
        assertEquals(3, corpus.validation().size(), "every file gives its last bars");
        for (EncodedTune t : corpus.train()) {
            assertEquals(7 * 16, t.length(), "8 bars, 15 % held out rounds to 1 bar");
        }
        for (EncodedTune v : corpus.validation()) {
            assertEquals(16, v.length());
            assertEquals(7 * 16, v.firstStep(), "the held-out bar starts on its bar line");
            assertTrue(MelodyEncoding.isNoteOn(v.token(0)));
        }
        assertTrue(corpus.split().startsWith("the last 15 % of the bars of each file"), corpus.split());
    }

    @Test
    void aTuneOutsideTheModelRangeMovesByWholeOctavesAndIsCounted() {
        List<Note> low = new ArrayList<>();
        int[] pitches = {36, 38, 40, 41, 43, 45, 47, 48, 47, 45, 43, 41, 40, 38, 36, 24}; // C2..C3, one C1
        for (int i = 0; i < pitches.length; i++) {
            low.add(new Note(pitches[i], 90, (long) i * Q, Q));
        }
        GridLosses losses = new GridLosses();
        List<Note> moved = MelodyCorpus.octaveShifted(low, MelodyEncoding.DEFAULT, losses);
        assertEquals(List.of(60, 62, 64), moved.subList(0, 3).stream().map(Note::pitch).toList(),
                "up two octaves, the least shift that brings every note into C3-C7; intervals kept");
        assertEquals(24 + 24, moved.get(15).pitch());
        assertEquals(16, losses.octaveShifted());
        assertTrue(losses.rangeSummary().contains("range C1-C3"), losses.rangeSummary());
        losses.count(moved, Q, MelodyEncoding.DEFAULT);
        assertEquals(0, losses.octaveFolded(), "nothing left to fold one by one");
    }
}
