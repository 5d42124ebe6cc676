package org.melodist.studio.generate;

import java.util.ArrayList;
import java.util.List;

import org.melodist.Plurals;
import org.melodist.generate.MelodyLines;
import org.melodist.song.Note;
import org.melodist.song.Track;

/**
 * What a Generate continues: the selection of the edited track; else its notes in the seed bars before
 * the playhead; else, with the playhead at the start, the seed bars before the track's end. Chords and
 * overlaps give their top line, since the model continues one voice.
 */
final class SeedChooser {

    /** The notes to continue and where the continuation starts (negative: after the last of them). */
    record SeedChoice(List<Note> notes, long continueFromTick, String description) {
    }

    /** A seed, or why there is none (one line for the status bar). */
    record Outcome(SeedChoice choice, String problem) {
        static Outcome of(SeedChoice choice) {
            return new Outcome(choice, null);
        }

        static Outcome none(String problem) {
            return new Outcome(null, problem);
        }
    }

    private SeedChooser() {
    }

    static Outcome choose(Track track, List<Note> selection, long playhead, int seedBars, long ticksPerBar) {
        if (!selection.isEmpty()) {
            return Outcome.of(new SeedChoice(melodyLine(selection), -1, "the " + Plurals.count(selection.size(), "selected note")));
        }
        if (track.notes().isEmpty()) {
            return Outcome.none("Nothing to continue: " + track.name()
                    + " has no notes (draw a few, or select a track that has some)");
        }
        int barCount = Math.max(1, seedBars);
        long window = barCount * ticksPerBar;
        long from = Math.max(0, playhead);
        String bars = Plurals.count(barCount, "bar");
        if (from > 0) {
            List<Note> before = notesStartingIn(track, from - window, from);
            if (before.isEmpty()) {
                return Outcome.none("No notes in the " + bars
                        + " before the playhead: select the notes to continue, or move the playhead after them");
            }
            return Outcome.of(new SeedChoice(melodyLine(before), from, "the " + bars + " before the playhead"));
        }
        long end = track.endTick();
        return Outcome.of(new SeedChoice(melodyLine(notesStartingIn(track, end - window, end)), -1, "the last " + bars));
    }

    private static List<Note> notesStartingIn(Track track, long from, long to) {
        List<Note> out = new ArrayList<>();
        for (Note n : track.notes()) {
            if (n.start() >= from && n.start() < to) out.add(n);
        }
        return out;
    }

    private static List<Note> melodyLine(List<Note> notes) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(null);
        return MelodyLines.isMonophonic(sorted) ? sorted : MelodyLines.skyline(sorted);
    }
}
