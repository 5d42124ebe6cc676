package org.melodist.studio.generate;

import java.util.function.BooleanSupplier;
import org.melodist.generate.GenerationOptions;
import org.melodist.generate.GenerationResult;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodySeed;

/**
 * A last step of a generation job, run off the UI thread before the variations are shown: it may replace
 * some of them (the originality check's "avoid copies" resamples copies) and says what it did in a short
 * note for the status bar ("" for nothing).
 */
@FunctionalInterface
public interface VariationFilter {

    /** The variations to show and the note about them. */
    record Filtered(GenerationResult result, String note) {
    }

    Filtered apply(MelodyGenerator generator, MelodySeed seed, GenerationOptions options, GenerationResult result,
                   BooleanSupplier cancelled);

    VariationFilter NONE = (g, s, o, r, c) -> new Filtered(r, "");
}
