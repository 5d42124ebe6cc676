package org.melodist.harmony;

import java.util.List;
import org.melodist.analysis.KeyEstimator;
import org.melodist.generate.MelodyLines;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/** What the harmony models read from a song: the melody line of a track and the key to normalise it to. */
public final class HarmonyInputs {

    private HarmonyInputs() {
    }

    /** The track's notes if it is monophonic, else its top line. */
    public static List<Note> line(Track track) {
        return MelodyLines.isMonophonic(track.notes()) ? track.notes() : MelodyLines.skyline(track.notes());
    }

    /** The song's key signature, else the project's key estimate (Krumhansl-Schmuckler) on the melody's pitch classes by duration. */
    public static Key keyOf(Song song, List<Note> melody) {
        if (song.key() != null) {
            return song.key();
        }
        return estimateKey(melody);
    }

    public static Key estimateKey(List<Note> melody) {
        double[] chroma = new double[12];
        for (Note n : melody) {
            chroma[Math.floorMod(n.pitch(), 12)] += Math.max(1, n.duration());
        }
        return new KeyEstimator().estimateFromMean(chroma).key();
    }
}
