package org.melodist.sound;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * How a song is heard, apart from the song itself: muted and soloed tracks (by index), per-track
 * program overrides and the metronome switch. Immutable; the UI keeps the current one.
 */
public record PlaybackMix(Set<Integer> muted, Set<Integer> soloed, Map<Integer, Integer> programs,
                          boolean metronome) {

    /** Every track audible with its own program, no click. */
    public static final PlaybackMix DEFAULT = new PlaybackMix(Set.of(), Set.of(), Map.of(), false);

    public PlaybackMix {
        muted = Set.copyOf(muted);
        soloed = Set.copyOf(soloed);
        for (Map.Entry<Integer, Integer> e : programs.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > 127) {
                throw new IllegalArgumentException("GM program " + e.getValue() + " is outside 0-127");
            }
        }
        programs = Map.copyOf(programs);
    }

    /** A track sounds unless muted, and, when any track is soloed, only if it is one of them. */
    public boolean isAudible(int trackIndex) {
        if (muted.contains(trackIndex)) return false;
        return soloed.isEmpty() || soloed.contains(trackIndex);
    }

    public int programFor(int trackIndex, Track track) {
        return programs.getOrDefault(trackIndex, track.program());
    }

    public PlaybackMix withMuted(int trackIndex, boolean mute) {
        Set<Integer> copy = new HashSet<>(muted);
        if (mute) copy.add(trackIndex); else copy.remove(trackIndex);
        return new PlaybackMix(copy, soloed, programs, metronome);
    }

    public PlaybackMix withSolo(int trackIndex, boolean solo) {
        Set<Integer> copy = new HashSet<>(soloed);
        if (solo) copy.add(trackIndex); else copy.remove(trackIndex);
        return new PlaybackMix(muted, copy, programs, metronome);
    }

    public PlaybackMix withProgram(int trackIndex, int program) {
        Map<Integer, Integer> copy = new HashMap<>(programs);
        copy.put(trackIndex, program);
        return new PlaybackMix(muted, soloed, copy, metronome);
    }

    public PlaybackMix withMetronome(boolean on) {
        return new PlaybackMix(muted, soloed, programs, on);
    }

    /** The audible track indices of {@code song} under this mix. */
    public Set<Integer> audibleTracks(Song song) {
        Set<Integer> audible = new HashSet<>();
        for (int i = 0; i < song.tracks().size(); i++) {
            if (isAudible(i)) audible.add(i);
        }
        return audible;
    }
}
