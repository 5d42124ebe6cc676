package org.melodist.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/**
 * Picks the melody out of a song, whatever its layout: a track named as a melody (melody, lead, vocal, voice,
 * ...) first, else the pitched track whose top line looks most like a melody; of that track its top line.
 * Drum tracks (MIDI channel 10) are never melodies. {@link #pick} says which track was taken and why, and
 * {@link #whyNone} why a song has no melody, for the per-file report of a training folder.
 */
public final class MelodyLines {

    private static final int DRUM_CHANNEL = 9;
    private static final Pattern MELODY_NAME = Pattern.compile(
            "(?i)(^|[^a-z])(melody|melodie|melodia|lead|vocals?|vox|voice|singer|sing|soprano|tune|theme|solo)([^a-z]|$)");
    /** GM programs 33-40 (0-based 32-39) are basses: their lines are rarely the tune. */
    private static final int FIRST_BASS_PROGRAM = 32;
    private static final int LAST_BASS_PROGRAM = 39;

    private MelodyLines() {
    }

    /** The track taken as the melody of a song, its top line, and a few words on why it was taken. */
    public record Pick(int trackIndex, String trackName, List<Note> line, String why) {
        public Pick {
            line = List.copyOf(line);
        }

        /** "track 2 'Lead' (named as a melody), 120 notes". */
        public String describe() {
            return "track " + (trackIndex + 1) + (trackName.isBlank() ? "" : " '" + trackName + "'") + " (" + why + "), "
                    + line.size() + " notes";
        }
    }

    /** The melody notes in start order, or empty when the song has no pitched notes. */
    public static Optional<List<Note>> melodyOf(Song song) {
        return pick(song).map(Pick::line);
    }

    /**
     * The most melodic track of a song: among tracks whose name says melody/lead/vocal/voice (if any has notes),
     * else among all pitched tracks, the one whose top line scores highest on {@link #melodicScore}.
     */
    public static Optional<Pick> pick(Song song) {
        List<Integer> pitched = new ArrayList<>();
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < song.tracks().size(); i++) {
            Track t = song.tracks().get(i);
            if (t.channel() == DRUM_CHANNEL || t.notes().isEmpty()) {
                continue;
            }
            pitched.add(i);
            if (isMelodyName(t.name())) {
                named.add(i);
            }
        }
        if (pitched.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> candidates = named.isEmpty() ? pitched : named;
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        List<Note> bestLine = List.of();
        for (int i : candidates) {
            Track t = song.tracks().get(i);
            List<Note> line = isMonophonic(t.notes()) ? t.notes() : skyline(t.notes());
            double score = melodicScore(t, line);
            if (score > bestScore) {
                bestScore = score;
                best = i;
                bestLine = line;
            }
        }
        String why;
        if (!named.isEmpty()) {
            why = "named as a melody";
        } else if (pitched.size() == 1) {
            why = "the only pitched track";
        } else {
            why = "most melodic top line of " + pitched.size() + " pitched tracks";
        }
        return Optional.of(new Pick(best, song.tracks().get(best).name(), bestLine, why));
    }

    /** Why {@link #pick} found nothing: "no notes" or "drums only"; empty when the song has a melody. */
    public static Optional<String> whyNone(Song song) {
        boolean anyNotes = false;
        for (Track t : song.tracks()) {
            if (t.notes().isEmpty()) {
                continue;
            }
            if (t.channel() != DRUM_CHANNEL) {
                return Optional.empty();
            }
            anyNotes = true;
        }
        return Optional.of(anyNotes ? "drums only" : "no notes");
    }

    /** True when a track name says it carries the tune: melody, lead, vocal(s), vox, voice, singer, soprano, theme, solo. */
    public static boolean isMelodyName(String name) {
        return name != null && MELODY_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
    }

    /**
     * How much a track's top line looks like a melody, higher is more: most of the track's notes are on its top
     * line (a tune, not chords), the line moves mostly by small steps and repeats few pitches back to back
     * (an accompaniment pattern repeats), it lies high rather than low, it has enough notes to be a tune, and the
     * instrument is not a bass.
     */
    static double melodicScore(Track track, List<Note> line) {
        double kept = (double) line.size() / track.notes().size();
        int steps = 0;
        int repeats = 0;
        double pitchSum = line.isEmpty() ? 0 : line.get(0).pitch();
        for (int i = 1; i < line.size(); i++) {
            int interval = Math.abs(line.get(i).pitch() - line.get(i - 1).pitch());
            if (interval == 0) {
                repeats++;
            } else if (interval <= 4) {
                steps++;
            }
            pitchSum += line.get(i).pitch();
        }
        int intervals = Math.max(1, line.size() - 1);
        double meanPitch = line.isEmpty() ? 0 : pitchSum / line.size();
        double score = 2 * kept + (double) steps / intervals - (double) repeats / intervals
                + Math.max(-1, Math.min(1, (meanPitch - 60) / 24));
        if (line.size() < 8) {
            score -= 2;
        }
        if (track.program() >= FIRST_BASS_PROGRAM && track.program() <= LAST_BASS_PROGRAM) {
            score -= 1;
        }
        return score;
    }

    /** True when no note starts before the previous one has ended. */
    public static boolean isMonophonic(List<Note> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start() < sorted.get(i - 1).end()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The highest sounding line: of notes starting together the highest wins; a higher note cuts the one
     * sounding below it; a lower (or equal) note that starts while the previous one still sounds ends it when the
     * two only overlap a little (legato playing: the overlap is under half of each note), and is dropped
     * otherwise (it is an inner voice under a held melody note).
     */
    public static List<Note> skyline(List<Note> notes) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingLong(Note::start).thenComparing(Comparator.comparingInt(Note::pitch).reversed()));
        List<Note> line = new ArrayList<>();
        for (Note n : sorted) {
            if (line.isEmpty()) {
                line.add(n);
                continue;
            }
            Note last = line.get(line.size() - 1);
            if (n.start() >= last.end()) {
                line.add(n);
            } else if (n.start() > last.start() && (n.pitch() > last.pitch() || isLegato(last, n))) {
                line.set(line.size() - 1, last.withDuration(n.start() - last.start()));
                line.add(n);
            }
        }
        return line;
    }

    /** {@code next} starts while {@code previous} sounds, but the overlap is less than half of either note. */
    private static boolean isLegato(Note previous, Note next) {
        long overlap = previous.end() - next.start();
        return 2 * overlap < previous.duration() && 2 * overlap < next.duration();
    }
}
