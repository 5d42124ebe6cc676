package org.melodist.song;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A whole piece: resolution, tempo map, metre, optional key, tracks, and the app's own settings
 * (loop region, chosen key, grid...) as string properties that travel inside the MIDI file.
 */
public record Song(int ppq, TempoMap tempoMap, TimeSignature timeSignature, Key key,
                   List<Track> tracks, Map<String, String> properties) {

    public static final int DEFAULT_PPQ = 480;

    public Song {
        if (ppq < 1 || ppq > 0x7FFF) {
            throw new IllegalArgumentException("ticks per quarter " + ppq + " is outside 1-32767");
        }
        Objects.requireNonNull(tempoMap, "tempoMap");
        Objects.requireNonNull(timeSignature, "timeSignature");
        tracks = List.copyOf(tracks);
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** An empty 4/4 song at 120 BPM with one piano track. */
    public static Song empty() {
        return new Song(DEFAULT_PPQ, TempoMap.constant(TempoMap.DEFAULT_BPM), TimeSignature.FOUR_FOUR, null,
                List.of(new Track("Melody", 0, 0, List.of())), Map.of());
    }

    public static Song of(int ppq, double bpm, List<Track> tracks) {
        return new Song(ppq, TempoMap.constant(bpm), TimeSignature.FOUR_FOUR, null, tracks, Map.of());
    }

    public Track track(int index) {
        if (index < 0 || index >= tracks.size()) {
            throw new IllegalArgumentException("track " + index + " does not exist (the song has " + tracks.size() + ")");
        }
        return tracks.get(index);
    }

    public Song withTracks(List<Track> newTracks) {
        return new Song(ppq, tempoMap, timeSignature, key, newTracks, properties);
    }

    public Song withTrack(int index, Track track) {
        track(index);
        List<Track> copy = new ArrayList<>(tracks);
        copy.set(index, track);
        return withTracks(copy);
    }

    public Song mapTrack(int index, UnaryOperator<Track> change) {
        return withTrack(index, change.apply(track(index)));
    }

    public Song withAddedTrack(Track track) {
        List<Track> copy = new ArrayList<>(tracks);
        copy.add(track);
        return withTracks(copy);
    }

    public Song withTempoMap(TempoMap newTempoMap) {
        return new Song(ppq, newTempoMap, timeSignature, key, tracks, properties);
    }

    public Song withTimeSignature(TimeSignature newTimeSignature) {
        return new Song(ppq, tempoMap, newTimeSignature, key, tracks, properties);
    }

    public Song withKey(Key newKey) {
        return new Song(ppq, tempoMap, timeSignature, newKey, tracks, properties);
    }

    public Song withProperty(String name, String value) {
        Map<String, String> copy = new TreeMap<>(properties);
        if (value == null) copy.remove(name); else copy.put(name, value);
        return new Song(ppq, tempoMap, timeSignature, key, tracks, copy);
    }

    /** The tick where the last note of any track ends. */
    public long endTick() {
        long end = 0;
        for (Track t : tracks) {
            end = Math.max(end, t.endTick());
        }
        return end;
    }

    public double seconds(long tick) {
        return tempoMap.seconds(tick, ppq);
    }

    public double durationSeconds() {
        return seconds(endTick());
    }

    public long ticksPerBar() {
        return timeSignature.ticksPerBar(ppq);
    }
}
