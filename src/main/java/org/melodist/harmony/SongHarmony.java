package org.melodist.harmony;

import java.util.List;
import org.melodist.generate.MelodyLines;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/** Picks what to harmonise in a song: a track's melody line on the beat grid, in the song's key. */
public final class SongHarmony {

    private SongHarmony() {
    }

    /**
     * The grid of track {@code trackIndex} (0-based), or of the song's melody (its first monophonic track, else
     * the top line of its first pitched track) when {@code trackIndex} is negative. A polyphonic track is read
     * by its top line. Throws IllegalArgumentException when there is nothing to harmonise.
     */
    public static BeatGrid grid(Song song, int trackIndex) {
        List<Note> melody;
        if (trackIndex >= 0) {
            if (trackIndex >= song.tracks().size()) {
                throw new IllegalArgumentException("there is no track " + (trackIndex + 1) + " (the song has "
                        + song.tracks().size() + ")");
            }
            Track t = song.tracks().get(trackIndex);
            if (t.notes().isEmpty()) {
                throw new IllegalArgumentException("track " + (trackIndex + 1) + " ('" + t.name() + "') has no notes to harmonise");
            }
            melody = HarmonyInputs.line(t);
        } else {
            melody = MelodyLines.melodyOf(song).orElseThrow(() ->
                    new IllegalArgumentException("the song has no notes to harmonise"));
        }
        Key key = HarmonyInputs.keyOf(song, melody);
        return BeatGrid.of(melody, song.ppq(), song.timeSignature(), key);
    }
}
