package org.melodist.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.melodist.song.Song;

/** Compares what a MIDI round trip must keep: notes per track, tempo map, metre, key. */
final class SongAssertions {

    private SongAssertions() {
    }

    static void assertSameMusic(Song expected, Song actual, String what) {
        assertEquals(expected.ppq(), actual.ppq(), what + ": ppq");
        assertEquals(expected.tempoMap().changes().size(), actual.tempoMap().changes().size(), what + ": tempo changes");
        for (int i = 0; i < expected.tempoMap().changes().size(); i++) {
            assertEquals(expected.tempoMap().changes().get(i).tick(), actual.tempoMap().changes().get(i).tick(), what + ": tempo tick");
            // MIDI stores whole microseconds per quarter, so BPM survives to about 1e-4
            assertEquals(expected.tempoMap().changes().get(i).bpm(), actual.tempoMap().changes().get(i).bpm(), 1e-3, what + ": bpm");
        }
        assertEquals(expected.timeSignature(), actual.timeSignature(), what + ": time signature");
        assertEquals(expected.key(), actual.key(), what + ": key");
        assertEquals(expected.tracks().size(), actual.tracks().size(), what + ": track count");
        for (int t = 0; t < expected.tracks().size(); t++) {
            assertEquals(expected.tracks().get(t).notes(), actual.tracks().get(t).notes(), what + ": notes of track " + t);
            assertEquals(expected.tracks().get(t).channel(), actual.tracks().get(t).channel(), what + ": channel of track " + t);
            assertEquals(expected.tracks().get(t).program(), actual.tracks().get(t).program(), what + ": program of track " + t);
        }
    }
}
