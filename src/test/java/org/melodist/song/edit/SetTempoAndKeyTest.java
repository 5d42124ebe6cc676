package org.melodist.song.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TempoChange;
import org.melodist.song.TempoMap;
import org.melodist.song.Track;

class SetTempoAndKeyTest {

    private static final Song SONG = Song.of(480, 90, List.of(Track.of("T", 0, 0, List.of(new Note(60, 90, 0, 480)))))
            .withTempoMap(TempoMap.of(List.of(new TempoChange(0, 90), new TempoChange(1920, 70))));

    @Test
    void theTempoMapBecomesOneTempoAndTheKeyIsSet() {
        Song s = new SetTempoAndKey(123.4, new Key(9, Key.Mode.MINOR)).apply(SONG);
        assertEquals(TempoMap.constant(123.4), s.tempoMap(), "the old map's later change is gone too");
        assertEquals(new Key(9, Key.Mode.MINOR), s.key());
        assertSame(SONG.tracks(), s.tracks(), "the notes stay as they are");
        assertEquals("Set tempo and key", new SetTempoAndKey(123.4, new Key(0, Key.Mode.MAJOR)).name());
    }

    @Test
    void noTempoKeepsTheMapAndNoKeyKeepsTheKey() {
        Song keyOnly = new SetTempoAndKey(0, new Key(2, Key.Mode.MAJOR)).apply(SONG);
        assertEquals(SONG.tempoMap(), keyOnly.tempoMap());
        assertEquals("Set key", new SetTempoAndKey(0, new Key(2, Key.Mode.MAJOR)).name());
        Song withKey = SONG.withKey(new Key(4, Key.Mode.MINOR));
        Song tempoOnly = new SetTempoAndKey(100, null).apply(withKey);
        assertEquals(new Key(4, Key.Mode.MINOR), tempoOnly.key());
        assertEquals("Set tempo", new SetTempoAndKey(100, null).name());
        assertThrows(IllegalArgumentException.class, () -> new SetTempoAndKey(Double.NaN, null));
    }
}
