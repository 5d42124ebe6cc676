package org.melodist.harmony;

import java.util.ArrayList;
import java.util.List;
import org.melodist.generate.ChordGuide;
import org.melodist.song.ChordLane;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;
import org.melodist.song.edit.AddTrack;
import org.melodist.song.edit.FillChords;

/**
 * Between harmonisations and the song's chord lane: Harmonise as one undoable edit, and Chords -> track,
 * the lane rendered as an accompaniment part (block chords, or a pattern chosen by the metre).
 */
public final class ChordLanes {

    /** How Chords -> track plays each chord. */
    public enum Pattern {
        /** The chord held for its whole length. */
        BLOCK,
        /** By metre: waltz (bass, chord, chord) in 3/4, jig (bass and chord per dotted quarter) in 6/8 and 9/8 and 12/8, broken chord in quarters otherwise. */
        BY_METRE
    }

    private static final int LOW_ROOT = 48;
    private static final int BASS_ROOT = 36;
    private static final int VELOCITY = 70;

    private ChordLanes() {
    }

    /** The harmonisation's chords within ticks {@code [from, to)} as lane marks, spelled in the song's key. */
    public static List<ChordLane.Mark> marks(Harmonization h, long from, long to) {
        int ppq = h.grid().ppq();
        List<ChordLane.Mark> out = new ArrayList<>();
        for (ChordSpan s : h.chordSpans()) {
            long start = Math.max(from, (long) s.startBeat() * ppq);
            long end = Math.min(to, (long) s.endBeat() * ppq);
            if (end > start) {
                out.add(new ChordLane.Mark(start, end, s.chord().symbol(h.key())));
            }
        }
        return out;
    }

    /**
     * Harmonise as one edit: the chords of track {@code trackIndex} (or the melody, when negative) between ticks
     * {@code from} and {@code to} (the whole song when {@code to <= from}) replace the lane's chords there.
     */
    public static FillChords harmonise(Song song, int trackIndex, long from, long to, Harmonizer harmonizer) {
        return harmonise(harmonizer.harmonize(SongHarmony.grid(song, trackIndex)), from, to);
    }

    /** Harmonise as one edit from a harmonisation already made (the studio keeps it for the alternatives). */
    public static FillChords harmonise(Harmonization h, long from, long to) {
        long end = to > from ? to : (long) h.grid().beats() * h.grid().ppq();
        long start = to > from ? from : 0;
        return new FillChords("Harmonise", start, end, marks(h, start, end));
    }

    /** Chords -> track as one edit: the lane rendered on a free channel. Marks whose symbol is not a chord are left silent. */
    public static AddTrack toTrack(Song song, Pattern pattern) {
        ChordLane lane = ChordLane.of(song);
        if (lane.marks().isEmpty()) {
            throw new IllegalArgumentException("the chord lane is empty: harmonise or type some chords first");
        }
        boolean[] used = new boolean[16];
        for (Track t : song.tracks()) used[t.channel()] = true;
        int channel = 0;
        while (channel < 15 && (used[channel] || channel == 9)) channel++;
        List<Note> notes = new ArrayList<>();
        for (PlayedChord pc : playedChords(lane)) {
            render(notes, pc.chord(), pc.mark().start(), pc.mark().end(), pattern, song.timeSignature(), song.ppq());
        }
        return new AddTrack("Chords to track", Track.of("Chords", channel, ChordTracks.PROGRAM, notes));
    }

    static void render(List<Note> out, Chord c, long start, long end, Pattern pattern, TimeSignature ts, int ppq) {
        int root = LOW_ROOT + c.root();
        int[] iv = c.quality().intervals();
        if (pattern == Pattern.BLOCK) {
            for (int i : iv) out.add(new Note(root + i, VELOCITY, start, end - start));
            return;
        }
        long beat = ts.ticksPerBeat(ppq);
        boolean compound = ts.denominator() == 8 && ts.numerator() % 3 == 0;
        long step = compound ? beat * 3 : beat;
        long bar = ts.ticksPerBar(ppq);
        for (long t = start; t < end; t += step) {
            long len = Math.min(step, end - t);
            long inBar = Math.floorMod(t, bar);
            boolean downbeat = inBar == 0;
            if (ts.numerator() == 3 && ts.denominator() == 4) {
                // waltz: bass on one, chord on two and three
                if (inBar == 0) out.add(new Note(BASS_ROOT + c.root(), VELOCITY, t, len));
                else for (int i : iv) out.add(new Note(root + i, VELOCITY - 10, t, len));
            } else if (compound) {
                // jig: bass on the first eighth of each dotted quarter, the chord on the third
                out.add(new Note(BASS_ROOT + c.root(), VELOCITY, t, Math.min(len, beat * 2)));
                if (len > beat * 2) {
                    for (int i : iv) out.add(new Note(root + i, VELOCITY - 10, t + beat * 2, len - beat * 2));
                }
            } else {
                // broken chord: root, third, fifth, third... one per beat, a bass note on each bar
                int k = (int) (Math.floorDiv(t, step) % iv.length);
                if (downbeat) out.add(new Note(BASS_ROOT + c.root(), VELOCITY, t, len));
                out.add(new Note(root + iv[k], VELOCITY - 10, t, len));
            }
        }
    }

    /**
     * The lane as a guide for Follow chords: each mark whose symbol is a chord (not N, not a typo) with its
     * pitch classes; {@link ChordGuide#NONE} when the lane has no chords.
     */
    public static ChordGuide guide(Song song) {
        List<ChordGuide.Span> spans = new ArrayList<>();
        for (PlayedChord pc : playedChords(ChordLane.of(song))) {
            spans.add(new ChordGuide.Span(pc.mark().start(), pc.mark().end(), mask(pc.chord())));
        }
        return spans.isEmpty() ? ChordGuide.NONE : new ChordGuide(spans);
    }

    /** Per-beat chords (absolute indices, as {@link LabelledTune#labels()}) as a guide: runs of one chord, N left out. */
    public static ChordGuide guide(int[] beatChords, int ppq) {
        List<ChordGuide.Span> spans = new ArrayList<>();
        int start = 0;
        for (int b = 1; b <= beatChords.length; b++) {
            if (b == beatChords.length || beatChords[b] != beatChords[start]) {
                Chord c = Chord.ofIndex(beatChords[start]);
                if (!c.isNone()) spans.add(new ChordGuide.Span((long) start * ppq, (long) b * ppq, mask(c)));
                start = b;
            }
        }
        return new ChordGuide(spans);
    }

    /** A lane mark whose symbol names a chord, with that chord. */
    private record PlayedChord(ChordLane.Mark mark, Chord chord) {
    }

    /** The lane's marks that name a chord, in order: N (no chord) and symbols that do not parse (typos) are left out. */
    private static List<PlayedChord> playedChords(ChordLane lane) {
        List<PlayedChord> out = new ArrayList<>();
        for (ChordLane.Mark m : lane.marks()) {
            Chord c;
            try {
                c = Chord.parse(m.symbol());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!c.isNone()) out.add(new PlayedChord(m, c));
        }
        return out;
    }

    private static int mask(Chord c) {
        int mask = 0;
        for (int pc : c.pitchClasses()) mask |= 1 << pc;
        return mask;
    }

    /**
     * What auditioning {@code chord} over {@code [start, end)} plays: the song's notes in that range (cut at its
     * edges) with the chord as a block chord under them, so that the chord is heard with the melody.
     */
    public static Song audition(Song song, long start, long end, Chord chord) {
        List<Track> tracks = new ArrayList<>();
        for (Track t : song.tracks()) {
            List<Note> in = new ArrayList<>();
            for (Note n : t.notes()) {
                if (n.start() >= end || n.end() <= start) continue;
                long s = Math.max(start, n.start());
                in.add(new Note(n.pitch(), n.velocity(), s, Math.min(end, n.end()) - s));
            }
            tracks.add(t.withNotes(in));
        }
        boolean[] used = new boolean[16];
        for (Track t : song.tracks()) used[t.channel()] = true;
        int channel = 0;
        while (channel < 15 && (used[channel] || channel == 9)) channel++;
        List<Note> chordNotes = new ArrayList<>();
        if (!chord.isNone()) render(chordNotes, chord, start, end, Pattern.BLOCK, song.timeSignature(), song.ppq());
        tracks.add(Track.of("Chord audition", channel, ChordTracks.PROGRAM, chordNotes));
        return song.withTracks(tracks);
    }
}
