package org.melodist.harmony;

import java.util.ArrayList;
import java.util.List;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/** Renders chords as an accompaniment part (block chords in a low register) and as chord-symbol markers. */
public final class ChordTracks {

    /** General MIDI program 0 (acoustic grand piano) sounds the block chords plainly in any soundfont. */
    public static final int PROGRAM = 0;
    /** Roots sit between C3 (48) and B3; the other notes stack above the root. */
    private static final int LOWEST_ROOT = 48;
    private static final int VELOCITY = 70;

    private ChordTracks() {
    }

    /** One block chord per chord span, held for the span; N spans are silent. */
    public static Track blockChords(Harmonization h, int channel) {
        int ppq = h.grid().ppq();
        List<Note> notes = new ArrayList<>();
        for (ChordSpan s : h.chordSpans()) {
            long start = (long) s.startBeat() * ppq;
            long duration = (long) s.beats() * ppq;
            int root = LOWEST_ROOT + s.chord().root();
            for (int iv : s.chord().quality().intervals()) {
                notes.add(new Note(root + iv, VELOCITY, start, duration));
            }
        }
        return Track.of("Chords", channel, PROGRAM, notes);
    }

    /** The chord symbols as markers at each chord's start. */
    public static List<MidiFileWriter.Marker> markers(Harmonization h) {
        List<MidiFileWriter.Marker> out = new ArrayList<>();
        for (ChordSpan s : h.chordSpans()) {
            out.add(new MidiFileWriter.Marker((long) s.startBeat() * h.grid().ppq(), s.chord().symbol(h.key())));
        }
        return out;
    }

    /** The song with the chord part added, on the first channel no track uses (never the drum channel). */
    public static Song withChordTrack(Song song, Harmonization h) {
        boolean[] used = new boolean[16];
        for (Track t : song.tracks()) used[t.channel()] = true;
        int channel = 0;
        while (channel < 15 && (used[channel] || channel == 9)) channel++;
        return song.withAddedTrack(blockChords(h, channel));
    }
}
