package org.melodist.originality;

import java.util.List;

/**
 * The check of one melody: its note count, originality in 0..1 (1 = nothing borrowed beyond the short figures
 * the corpus's tunes share all the time), the verdict, the passage with the most shared notes (null when
 * nothing is shared) and the best-scoring matches, best first.
 */
public record OriginalityResult(String file, int notes, double originality, Verdict verdict, SharedPassage longestMatch,
                                List<SharedPassage> topMatches) {

    public OriginalityResult {
        topMatches = List.copyOf(topMatches);
    }

    /** The badge text: "original", "borrows 16 notes from jigs12.mid" or "copy of jigs12.mid". */
    public String badge() {
        return switch (verdict) {
            case ORIGINAL -> "original";
            case BORROWS -> "borrows " + longestMatch.sharedNotes() + " notes from " + longestMatch.corpusFile();
            case COPY -> "copy of " + longestMatch.corpusFile();
        };
    }

    /** Shared notes of the longest match, 0 when there is none. */
    public int longestNotes() {
        return longestMatch == null ? 0 : longestMatch.sharedNotes();
    }
}
