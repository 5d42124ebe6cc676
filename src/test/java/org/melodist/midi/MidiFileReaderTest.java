package org.melodist.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TimeSignature;

class MidiFileReaderTest {

    private final MidiFileReader reader = new MidiFileReader();

    @Test
    void runningStatusAndVelocityZeroNoteOffs() throws Exception {
        byte[] smf = new SmfBuilder(0, 1, 96).track()
                .event(0, 0x90, 60, 100)
                .event(96, 60, 0)          // running status, velocity 0 = note-off
                .event(0, 62, 80)
                .event(48, 62, 0)
                .endTrack().bytes();
        Song song = reader.read(smf);
        assertEquals(96, song.ppq());
        assertEquals(List.of(new Note(60, 100, 0, 96), new Note(62, 80, 96, 48)), song.tracks().get(0).notes());
        assertNull(song.key());
        assertEquals(TimeSignature.FOUR_FOUR, song.timeSignature());
        assertEquals(120.0, song.tempoMap().initialBpm(), 1e-9);
    }

    @Test
    void runningStatusContinuesAfterMetaAndSysexEvents() throws Exception {
        // as old sequencers write it: data bytes after a marker and a sysex, meant for the last channel status
        byte[] smf = new SmfBuilder(0, 1, 96).track()
                .event(0, 0x91, 60, 100)
                .meta(48, 0x06, "verse".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .event(48, 60, 0)             // note-off by running status 0x91, after a meta event
                .event(0, 0xF0, 3, 0x7E, 0x7F, 0xF7)
                .event(0, 64, 90)             // note-on by running status 0x91, after a sysex event
                .event(96, 64, 0)
                .endTrack().bytes();
        Song song = reader.read(smf);
        assertEquals(1, song.tracks().size());
        assertEquals(1, song.tracks().get(0).channel());
        assertEquals(List.of(new Note(60, 100, 0, 96), new Note(64, 90, 96, 96)), song.tracks().get(0).notes());
    }

    @Test
    void dataBytesBeforeAnyChannelStatusAreStillRefused() {
        byte[] smf = new SmfBuilder(0, 1, 96).track()
                .meta(0, 0x06, new byte[] {'x'})
                .event(0, 60, 100)
                .endTrack().bytes();
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> reader.read(smf));
        assertTrue(e.getMessage().contains("data byte without a status byte"), e.getMessage());
    }

    @Test
    void aHeaderDeclaringNoTracksGivesAnEmptySongWithANote() throws Exception {
        MidiFileReader.Reading r = reader.readWithNotes(new SmfBuilder(1, 0, 480).bytes());
        assertTrue(r.song().tracks().isEmpty());
        assertEquals(480, r.song().ppq());
        assertEquals(List.of("the file declares no tracks, so the song is empty"), r.notes());
        assertTrue(reader.readWithNotes(new SmfBuilder(0, 1, 96).track().event(0, 0x90, 60, 1).endTrack().bytes())
                .notes().isEmpty());
    }

    @Test
    void overlappingSamePitchNotesPairFirstInFirstOut() throws Exception {
        byte[] smf = new SmfBuilder(0, 1, 480).track()
                .event(0, 0x90, 64, 90)
                .event(240, 0x90, 64, 70)
                .event(240, 0x80, 64, 0)
                .event(240, 0x80, 64, 0)
                .endTrack().bytes();
        List<Note> notes = reader.read(smf).tracks().get(0).notes();
        assertEquals(List.of(new Note(64, 90, 0, 480), new Note(64, 70, 240, 480)), notes);
    }

    @Test
    void tempoMetreKeyNamesAndProgramsOfTypeOne() throws Exception {
        byte[] smf = new SmfBuilder(1, 2, 480)
                .track()
                .meta(0, 0x51, new byte[] {0x07, (byte) 0xA1, 0x20})      // 500000 us = 120 BPM
                .meta(0, 0x58, new byte[] {6, 3, 24, 8})                   // 6/8
                .meta(0, 0x59, new byte[] {-3, 1})                         // 3 flats, minor = C minor
                .meta(1920, 0x51, new byte[] {0x09, (byte) 0x27, (byte) 0xC0}) // 600000 us = 100 BPM
                .endTrack()
                .track().name("Fiddle")
                .event(0, 0xC3, 40)
                .event(0, 0x93, 67, 100)
                .event(3840, 0x83, 67, 64)
                .endTrack().bytes();
        Song song = reader.read(smf);
        assertEquals(new TimeSignature(6, 8), song.timeSignature());
        assertEquals(Key.parse("C minor"), song.key());
        assertEquals("C minor", song.key().toString());
        assertEquals(2, song.tempoMap().changes().size());
        assertEquals(100.0, song.tempoMap().bpmAt(2000), 1e-9);
        assertEquals(1, song.tracks().size());
        assertEquals("Fiddle", song.tracks().get(0).name());
        assertEquals(3, song.tracks().get(0).channel());
        assertEquals(40, song.tracks().get(0).program());
        // 4 beats at 120 then 4 beats at 100 BPM
        assertEquals(2.0 + 2.4, song.seconds(3840), 1e-9);
    }

    @Test
    void typeZeroChannelsBecomeTracks() throws Exception {
        byte[] smf = new SmfBuilder(0, 1, 100).track().name("Both")
                .event(0, 0x90, 60, 100)
                .event(0, 0x91, 48, 100)
                .event(100, 0x80, 60, 0)
                .event(0, 0x81, 48, 0)
                .endTrack().bytes();
        Song song = reader.read(smf);
        assertEquals(2, song.tracks().size());
        assertEquals(0, song.tracks().get(0).channel());
        assertEquals(1, song.tracks().get(1).channel());
        assertEquals("Both (ch 1)", song.tracks().get(0).name());
    }

    @Test
    void smpteDivisionIsConvertedToQuarterNotesAt120() throws Exception {
        // 25 fps x 40 ticks per frame = 1000 ticks per second
        byte[] smf = new SmfBuilder(0, 1, ((-25) & 0xFF) << 8 | 40).track()
                .event(0, 0x90, 60, 100)
                .event(1000, 0x80, 60, 0)
                .endTrack().bytes();
        Song song = reader.read(smf);
        assertEquals(1.0, song.seconds(song.tracks().get(0).notes().get(0).end()), 1e-9);
    }

    @Test
    void typeTwoIsRefusedWithAClearMessage() {
        byte[] smf = new SmfBuilder(2, 1, 96).track().event(0, 0x90, 60, 100).endTrack().bytes();
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> reader.read(smf));
        assertTrue(e.getMessage().contains("type 2"), e.getMessage());
    }

    @Test
    void garbageAndEmptyInputAreRefused() {
        assertThrows(MidiFormatException.class, () -> reader.read(new byte[0]));
        assertThrows(MidiFormatException.class, () -> reader.read("RIFF....WAVEfmt ".getBytes()));
        byte[] dataWithoutStatus = new SmfBuilder(0, 1, 96).track().event(0, 60, 100).endTrack().bytes();
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> reader.read(dataWithoutStatus));
        assertTrue(e.getMessage().contains("without a status"), e.getMessage());
    }

    @Test
    void missingFileNamesTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> reader.read(dir.resolve("nope.mid")));
        assertTrue(e.getMessage().contains("nope.mid"), e.getMessage());
    }
}
