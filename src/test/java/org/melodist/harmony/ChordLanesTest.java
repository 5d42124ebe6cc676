package org.melodist.harmony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.melodist.midi.MidiFileReader;
import org.melodist.song.ChordLane;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;
import org.melodist.song.edit.EditHistory;
import org.melodist.song.edit.FillChords;
import org.melodist.song.edit.SetChord;

/** Harmonise into the chord lane and Chords -> track, with the HMM (trained here) so no model file is needed. */
class ChordLanesTest {

    private static Harmonizer toyHmm() {
        // two chords of the demo's key, learnt from a two-bar toy tune in D
        List<Note> melody = List.of(new Note(62, 80, 0, 480), new Note(66, 80, 480, 480), new Note(69, 80, 960, 480),
                new Note(67, 80, 1440, 480), new Note(71, 80, 1920, 480), new Note(74, 80, 2400, 480));
        int[] labels = new int[6];
        for (int b = 0; b < 6; b++) labels[b] = (b < 3 ? Chord.parse("D") : Chord.parse("G")).index();
        LabelledTune t = new LabelledTune("toy", BeatGrid.of(melody, 480, new TimeSignature(3, 4), org.melodist.song.Key.parse("D major")), labels);
        return HmmHarmonizer.train(List.of(t, t));
    }

    @Test
    void harmoniseFillsTheLaneAsOneUndoableEdit() throws Exception {
        Song demo = new MidiFileReader().read(Path.of("assets/demo/demo-jig.mid"));
        EditHistory h = new EditHistory(demo);
        FillChords edit = ChordLanes.harmonise(demo, -1, 0, 0, toyHmm());
        h.apply(edit);
        ChordLane lane = ChordLane.of(h.current());
        assertTrue(lane.marks().size() >= 2, lane.toString());
        assertEquals("Harmonise", h.undoName().orElseThrow());
        for (ChordLane.Mark m : lane.marks()) {
            Chord.parse(m.symbol());
            assertEquals(0, m.start() % demo.ppq(), "chords start on beats");
        }
        // a selection: only its range changes
        long barTicks = demo.ticksPerBar();
        h.apply(new SetChord(0, 8 * barTicks, "Bm"));
        h.apply(ChordLanes.harmonise(h.current(), 0, 2 * barTicks, 4 * barTicks, toyHmm()));
        ChordLane partly = ChordLane.of(h.current());
        assertEquals("Bm", partly.marks().get(0).symbol());
        assertEquals(2 * barTicks, partly.marks().get(0).end());
        assertEquals("Bm", partly.marks().get(partly.marks().size() - 1).symbol());
        h.undo();
        h.undo();
        assertEquals(lane, ChordLane.of(h.current()));
        h.undo();
        assertTrue(ChordLane.of(h.current()).marks().isEmpty());
    }

    @Test
    void chordsToTrackRendersTheLaneByMetre() {
        Song waltz = Song.of(480, 120, List.of(Track.of("Tune", 0, 0, List.of(new Note(67, 80, 0, 480)))))
                .withTimeSignature(new TimeSignature(3, 4));
        waltz = new SetChord(0, 1440, "G").apply(new SetChord(1440, 2880, "D7").apply(waltz));
        Track block = ChordLanes.toTrack(waltz, ChordLanes.Pattern.BLOCK).track();
        assertEquals(3 + 4, block.notes().size(), "G and D7 as held block chords");
        assertTrue(block.channel() != 0 && block.channel() != 9);
        Track pattern = ChordLanes.toTrack(waltz, ChordLanes.Pattern.BY_METRE).track();
        Set<Long> bassTicks = pattern.notes().stream().filter(n -> n.pitch() < 48).map(Note::start).collect(Collectors.toSet());
        assertEquals(Set.of(0L, 1440L), bassTicks, "waltz: the bass on each bar's first beat");
        assertEquals(2 + 3 * 2 + 4 * 2, pattern.notes().size(), "chords on beats two and three");
        Song jig = waltz.withTimeSignature(new TimeSignature(6, 8));
        Track jigPart = ChordLanes.toTrack(jig, ChordLanes.Pattern.BY_METRE).track();
        assertTrue(jigPart.notes().stream().anyMatch(n -> n.start() == 720 && n.pitch() < 48), "jig: a bass note on each dotted quarter");
        assertThrows(IllegalArgumentException.class, () -> ChordLanes.toTrack(Song.empty(), ChordLanes.Pattern.BLOCK));
    }
}
