package org.melodist.song;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The chord symbols of a song, each over a tick range, sorted and never overlapping: what the studio's chord
 * lane shows and edits. Stored in the song's properties (so it travels inside the MIDI file with the app's
 * other settings); symbols are kept as typed ("G", "Em7"); checking them is the harmony package's job.
 */
public record ChordLane(List<Mark> marks) {

    /** The song property the lane is kept in. */
    public static final String PROPERTY = "chords";

    /** One chord symbol from {@code start} (inclusive) to {@code end} (exclusive), in ticks. */
    public record Mark(long start, long end, String symbol) {
        public Mark {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("chord range " + start + "-" + end + " is empty or negative");
            }
            Objects.requireNonNull(symbol, "symbol");
            if (symbol.isBlank() || symbol.contains(";") || symbol.contains(":")) {
                throw new IllegalArgumentException("chord symbol '" + symbol + "' is blank or holds ';' or ':'");
            }
            symbol = symbol.trim();
        }
    }

    public static final ChordLane EMPTY = new ChordLane(List.of());

    public ChordLane {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingLong(Mark::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start() < sorted.get(i - 1).end()) {
                throw new IllegalArgumentException("chords " + sorted.get(i - 1).symbol() + " and " + sorted.get(i).symbol()
                        + " overlap at tick " + sorted.get(i).start());
            }
        }
        marks = List.copyOf(sorted);
    }

    /** The song's chord lane (empty when it has none); a damaged property reads as no chords. */
    public static ChordLane of(Song song) {
        String text = song.properties().get(PROPERTY);
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<Mark> marks = new ArrayList<>();
        try {
            for (String part : text.split(";")) {
                int dash = part.indexOf('-');
                int colon = part.indexOf(':');
                marks.add(new Mark(Long.parseLong(part.substring(0, dash)), Long.parseLong(part.substring(dash + 1, colon)),
                        part.substring(colon + 1)));
            }
            return new ChordLane(marks);
        } catch (RuntimeException e) {
            return EMPTY;
        }
    }

    /** The song with this lane stored (the property removed when the lane is empty). */
    public Song storeIn(Song song) {
        if (marks.isEmpty()) {
            return song.withProperty(PROPERTY, null);
        }
        StringBuilder sb = new StringBuilder();
        for (Mark m : marks) {
            if (sb.length() > 0) sb.append(';');
            sb.append(m.start()).append('-').append(m.end()).append(':').append(m.symbol());
        }
        return song.withProperty(PROPERTY, sb.toString());
    }

    /** The lane with {@code [from, to)} cleared (chords across the edges cut) and {@code fill} put in. */
    public ChordLane replace(long from, long to, List<Mark> fill) {
        List<Mark> out = new ArrayList<>();
        for (Mark m : marks) {
            if (m.end() <= from || m.start() >= to) {
                out.add(m);
                continue;
            }
            if (m.start() < from) out.add(new Mark(m.start(), from, m.symbol()));
            if (m.end() > to) out.add(new Mark(to, m.end(), m.symbol()));
        }
        for (Mark m : fill) {
            if (m.start() < from || m.end() > to) {
                throw new IllegalArgumentException("chord " + m.symbol() + " at " + m.start() + "-" + m.end()
                        + " lies outside the range " + from + "-" + to);
            }
            out.add(m);
        }
        return new ChordLane(out);
    }

    /** Index of the chord sounding at {@code tick}, or -1. */
    public int indexAt(long tick) {
        for (int i = 0; i < marks.size(); i++) {
            if (marks.get(i).start() <= tick && tick < marks.get(i).end()) return i;
        }
        return -1;
    }
}
