package org.melodist.song.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.ChordLane;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/** Every chord-lane edit is one named, undoable step, and the lane travels inside the saved MIDI file. */
class ChordEditsTest {

    private static final long BAR = 1920;

    private static List<String> lane(Song s) {
        return ChordLane.of(s).marks().stream().map(m -> m.start() + "-" + m.end() + ":" + m.symbol()).toList();
    }

    @Test
    void eachChordEditIsOneNamedUndoableStep() {
        Song start = Song.empty();
        EditHistory h = new EditHistory(start);
        h.apply(new FillChords("Harmonise", 0, 4 * BAR, List.of(new ChordLane.Mark(0, BAR, "G"), new ChordLane.Mark(BAR, 2 * BAR, "C"),
                new ChordLane.Mark(2 * BAR, 3 * BAR, "D7"), new ChordLane.Mark(3 * BAR, 4 * BAR, "G"))));
        assertEquals(List.of("0-1920:G", "1920-3840:C", "3840-5760:D7", "5760-7680:G"), lane(h.current()));
        assertEquals("Harmonise", h.undoName().orElseThrow());

        h.apply(new SetChord(BAR, BAR + 960, "Am"));
        assertEquals(List.of("0-1920:G", "1920-2880:Am", "2880-3840:C", "3840-5760:D7", "5760-7680:G"), lane(h.current()));
        assertEquals("Set chord Am", h.undoName().orElseThrow());

        h.apply(new ResizeChord(BAR, BAR, 2 * BAR));
        assertEquals(List.of("0-1920:G", "1920-3840:Am", "3840-5760:D7", "5760-7680:G"), lane(h.current()), "growing over C removes it");
        assertEquals("Resize chord", h.undoName().orElseThrow());

        h.apply(new RemoveChord(2 * BAR + 10));
        assertEquals(List.of("0-1920:G", "1920-3840:Am", "5760-7680:G"), lane(h.current()));
        assertEquals("Delete chord", h.undoName().orElseThrow());

        Track part = Track.of("Chords", 1, 0, List.of(new Note(43, 70, 0, BAR)));
        h.apply(new AddTrack("Chords to track", part));
        assertEquals(2, h.current().tracks().size());

        // one undo per edit, back to the start; redo replays them
        List<List<String>> seen = List.of(
                List.of("0-1920:G", "1920-3840:Am", "5760-7680:G"),
                List.of("0-1920:G", "1920-3840:Am", "3840-5760:D7", "5760-7680:G"),
                List.of("0-1920:G", "1920-2880:Am", "2880-3840:C", "3840-5760:D7", "5760-7680:G"),
                List.of("0-1920:G", "1920-3840:C", "3840-5760:D7", "5760-7680:G"),
                List.of());
        for (List<String> expected : seen) {
            h.undo();
            assertEquals(expected, lane(h.current()));
        }
        assertEquals(start, h.current());
        for (int i = 0; i < 5; i++) h.redo();
        assertEquals(2, h.current().tracks().size());
        assertEquals(List.of("0-1920:G", "1920-3840:Am", "5760-7680:G"), lane(h.current()));
    }

    @Test
    void badChordRangesAndSymbolsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SetChord(100, 100, "G"));
        assertThrows(IllegalArgumentException.class, () -> new SetChord(0, 100, "  "));
        assertThrows(IllegalArgumentException.class, () -> new SetChord(0, 100, "G;C"));
        assertThrows(IllegalArgumentException.class, () -> new FillChords("Harmonise", 0, BAR, List.of(new ChordLane.Mark(0, 2 * BAR, "G"))));
        assertEquals(Song.empty(), new RemoveChord(5).apply(Song.empty()), "nothing to delete is no change");
    }

    @Test
    void theLaneIsSavedInsideTheMidiFile(@TempDir Path dir) throws Exception {
        Song s = new SetChord(0, BAR, "Em").apply(new SetChord(BAR, 2 * BAR, "Bbmaj7").apply(Song.empty()));
        Path f = dir.resolve("song.mid");
        new MidiFileWriter().write(s, f);
        assertEquals(List.of("0-1920:Em", "1920-3840:Bbmaj7"), lane(new MidiFileReader().read(f)));
        assertTrue(ChordLane.of(Song.empty().withProperty(ChordLane.PROPERTY, "garbage")).marks().isEmpty(), "a damaged lane reads as empty");
    }
}
