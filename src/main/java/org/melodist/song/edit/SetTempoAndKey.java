package org.melodist.song.edit;

import org.melodist.song.Key;
import org.melodist.song.Song;
import org.melodist.song.TempoMap;

/**
 * Gives the song one tempo and a key signature, as taking an analysed recording's tempo and key as the seed of
 * a composition does. The whole tempo map becomes the one tempo: a detected tempo is global, so keeping the
 * old map's later changes would leave the song half in the old tempo. The notes stay where they are in ticks.
 *
 * @param bpm the new tempo; zero or less keeps the song's tempo map (a recording without onsets has no tempo)
 * @param key the new key signature; null keeps the song's key
 */
public record SetTempoAndKey(double bpm, Key key) implements SongEdit {

    public SetTempoAndKey {
        if (Double.isNaN(bpm) || Double.isInfinite(bpm)) {
            throw new IllegalArgumentException("tempo " + bpm + " is not a number of beats per minute");
        }
    }

    @Override
    public Song apply(Song song) {
        Song result = song;
        if (bpm > 0) result = result.withTempoMap(TempoMap.constant(bpm));
        if (key != null) result = result.withKey(key);
        return result;
    }

    @Override
    public String name() {
        if (bpm > 0 && key != null) return "Set tempo and key";
        return bpm > 0 ? "Set tempo" : "Set key";
    }
}
