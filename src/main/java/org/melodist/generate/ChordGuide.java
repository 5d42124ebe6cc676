package org.melodist.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/**
 * The chords a continuation should follow ("Follow chords"): per tick range, the pitch classes of the chord
 * sounding there as a 12-bit mask (bit 0 = C). On a strong beat ({@link #isStrongBeat}) under a chord, the
 * generator lets a note start or keep sounding only when it is a chord tone. {@link #NONE} follows nothing.
 */
public record ChordGuide(List<Span> spans) {

    /** A chord's pitch classes ({@code mask}, bit {@code pc} set for each) from {@code start} to {@code end} (exclusive). */
    public record Span(long start, long end, int mask) {
        public Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("chord range " + start + "-" + end + " is empty or negative");
            }
            if (mask <= 0 || mask >= 1 << 12) {
                throw new IllegalArgumentException("chord pitch-class mask " + mask + " names no pitch class");
            }
        }
    }

    public static final ChordGuide NONE = new ChordGuide(List.of());

    public ChordGuide {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(Span::start));
        spans = List.copyOf(sorted);
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }

    /** The mask of the chord sounding at {@code tick}; 0 where there is none. */
    public int maskAt(long tick) {
        int lo = 0;
        int hi = spans.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = spans.get(mid);
            if (tick < s.start()) hi = mid - 1;
            else if (tick >= s.end()) lo = mid + 1;
            else return s.mask();
        }
        return 0;
    }

    /** True when a chord sounds somewhere in ticks {@code [from, to)}. */
    public boolean hasChordsIn(long from, long to) {
        for (Span s : spans) {
            if (s.start() < to && s.end() > from) return true;
        }
        return false;
    }

    /** True when {@code pitch} (any octave) is a tone of the chord sounding at {@code tick}. */
    public boolean isChordTone(int pitch, long tick) {
        return (maskAt(tick) >> Math.floorMod(pitch, 12) & 1) != 0;
    }

    /**
     * The bar line, and the half bar in metres of an even number of beats (beat 3 of 4/4, the second dotted
     * quarter of 6/8): where chords change and where a melody note is heard against its chord.
     */
    public static boolean isStrongBeat(long tick, TimeSignature ts, int ppq) {
        long bar = ts.ticksPerBar(ppq);
        long inBar = Math.floorMod(tick, bar);
        return inBar == 0 || (ts.numerator() % 2 == 0 && bar % 2 == 0 && inBar == bar / 2);
    }

    /** What share of the notes sounding on a strong beat under a chord are its chord tones. */
    public record ToneShare(int strongBeatNotes, int chordTones) {
        public double share() {
            return strongBeatNotes == 0 ? Double.NaN : (double) chordTones / strongBeatNotes;
        }

        public ToneShare plus(ToneShare o) {
            return new ToneShare(strongBeatNotes + o.strongBeatNotes, chordTones + o.chordTones);
        }
    }

    /**
     * Counts, over the strong beats of {@code [from, to)} that lie under a chord, the notes of {@code melody}
     * sounding there (started on the beat or held across it) and how many of them are chord tones.
     */
    public ToneShare toneShare(List<Note> melody, long from, long to, TimeSignature ts, int ppq) {
        long beat = ts.ticksPerBeat(ppq);
        int notes = 0;
        int tones = 0;
        long first = Math.floorDiv(from + beat - 1, beat) * beat;
        for (long t = first; t < to; t += beat) {
            if (!isStrongBeat(t, ts, ppq) || maskAt(t) == 0) continue;
            for (Note n : melody) {
                if (n.start() <= t && t < n.end()) {
                    notes++;
                    if (isChordTone(n.pitch(), t)) tones++;
                    break;
                }
            }
        }
        return new ToneShare(notes, tones);
    }
}
