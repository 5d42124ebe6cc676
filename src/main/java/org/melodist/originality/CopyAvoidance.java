package org.melodist.originality;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.melodist.generate.GenerationOptions;
import org.melodist.generate.GenerationResult;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodySeed;
import org.melodist.song.Note;

/**
 * Checks each generated variation against an originality index and, when asked, replaces the variations
 * judged "copy" by new samples (with other random seeds, up to a number of rounds) before they are shown.
 */
public final class CopyAvoidance {

    /** The variations with the check of each (same order), and how many were resampled because they copied. */
    public record Checked(GenerationResult result, List<OriginalityResult> checks, int replaced, int stillCopies) {
        public Checked {
            checks = List.copyOf(checks);
        }
    }

    private CopyAvoidance() {
    }

    /** The check of one continuation (its notes alone, without the seed). */
    public static OriginalityResult check(OriginalityIndex index, List<Note> variation, int ppq, String name) {
        if (variation.size() < 2) {
            return new OriginalityResult(name, variation.size(), 1.0, Verdict.ORIGINAL, null, List.of());
        }
        return index.check(Melody.of(name, variation, ppq));
    }

    /**
     * Checks every variation of {@code result}; with {@code maxRounds} above 0, generates again (same options,
     * a new random seed per round) for the variations judged "copy" and keeps the first non-copy sample for
     * each, up to {@code maxRounds} rounds.
     */
    public static Checked checkAndReplace(MelodyGenerator generator, MelodySeed seed, GenerationOptions opt,
                                          GenerationResult result, OriginalityIndex index, int maxRounds,
                                          BooleanSupplier cancelled) {
        List<List<Note>> variations = new ArrayList<>(result.variations());
        List<int[]> tokens = new ArrayList<>(result.tokens());
        List<OriginalityResult> checks = new ArrayList<>();
        for (int v = 0; v < variations.size(); v++) {
            checks.add(check(index, variations.get(v), seed.ppq(), "variation " + (v + 1)));
        }
        int replaced = 0;
        for (int round = 1; round <= maxRounds; round++) {
            List<Integer> copies = new ArrayList<>();
            for (int v = 0; v < checks.size(); v++) {
                if (checks.get(v).verdict() == Verdict.COPY) {
                    copies.add(v);
                }
            }
            if (copies.isEmpty() || cancelled.getAsBoolean()) {
                break;
            }
            GenerationResult again = generator.generate(seed, opt.withVariations(copies.size())
                    .withRngSeed(opt.rngSeed() * 31 + round), MelodyGenerator.Progress.NONE, cancelled);
            for (int i = 0; i < copies.size(); i++) {
                int v = copies.get(i);
                OriginalityResult c = check(index, again.variations().get(i), seed.ppq(), "variation " + (v + 1));
                if (c.verdict() != Verdict.COPY) {
                    variations.set(v, again.variations().get(i));
                    tokens.set(v, again.tokens().get(i));
                    checks.set(v, c);
                    replaced++;
                }
            }
        }
        int still = (int) checks.stream().filter(c -> c.verdict() == Verdict.COPY).count();
        GenerationResult out = new GenerationResult(variations, result.startTick(), result.endTick(), result.steps(), tokens,
                result.millis());
        return new Checked(out, checks, replaced, still);
    }
}
