package org.melodist.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/** Pairing judgements of the same seed, and the sampling settings proposed from them. */
class PreferencePairsTest {

    private static FeedbackEntry judged(int seedPitch, int candidatePitch, boolean accepted, double temperature) {
        return new FeedbackEntry(480, TimeSignature.FOUR_FOUR, null, List.of(new Note(seedPitch, 100, 0, 480)),
                List.of(new Note(candidatePitch, 90, 480, 480)), accepted, new FeedbackEntry.Settings(temperature, 1.0, null), null);
    }

    @Test
    void anAcceptPairsTheKeptVariationWithEachDroppedOneOfItsSeed() {
        FeedbackEntry kept = judged(60, 64, true, 1.0);
        List<FeedbackEntry> log = List.of(kept, judged(60, 65, false, 1.0), judged(60, 67, false, 1.0), judged(60, 69, false, 1.0));
        PreferencePairs p = PreferencePairs.of(log);
        assertEquals(3, p.pairs().size());
        for (PreferencePairs.Pair pair : p.pairs()) {
            assertTrue(pair.chosen() == kept);
            assertFalse(pair.rejected().accepted());
        }
        assertTrue(p.singles().isEmpty());
        assertEquals(1, p.seeds());
    }

    @Test
    void aDiscardGivesSinglesAndDifferentSeedsNeverPair() {
        List<FeedbackEntry> log = List.of(
                judged(60, 64, false, 1.0), judged(60, 65, false, 1.0),      // Discard on seed C
                judged(62, 64, true, 1.0),                                   // thumbs up on seed D
                judged(62, 64, false, 1.0),                                  // the same notes dropped: no pair
                judged(62, 66, false, 1.0));
        PreferencePairs p = PreferencePairs.of(log);
        assertEquals(1, p.pairs().size(), "only the kept D continuation against the different dropped one");
        assertEquals(66, p.pairs().get(0).rejected().candidate().get(0).pitch());
        assertEquals(2, p.singles().size());
        assertTrue(p.singles().stream().allMatch(e -> !e.accepted() && e.seed().get(0).pitch() == 60));
        assertEquals(2, p.seeds());
    }

    @Test
    void theSettingsTheMusicianKeepsAreProposed() {
        List<FeedbackEntry> log = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            log.add(judged(60, 64, i % 2 == 0, 0.8));    // half kept at 0.8
            log.add(judged(60, 64, i % 10 == 0, 1.2));   // a tenth kept at 1.2
        }
        log.add(judged(60, 64, true, 1.5));               // once, kept: too few to count
        SamplingPreferences.Proposal p = SamplingPreferences.propose(log);
        assertTrue(p.fromLog());
        assertEquals(0.8, p.temperature());
        assertEquals(1.0, p.topP());
        assertEquals(0.8, p.groups().get(0).temperature());
        assertFalse(SamplingPreferences.propose(List.of(judged(60, 64, true, 0.5))).fromLog(), "one judgement proposes nothing");
    }
}
