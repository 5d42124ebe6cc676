package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.melodist.generate.MelodyCorpus;
import org.melodist.originality.Calibration;
import org.melodist.originality.CorpusFolders;
import org.melodist.originality.OriginalityModels;
import org.melodist.originality.TuneCorpus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code originality-index}: indexes folders of tunes for the originality check and calibrates its verdicts on them. */
@Command(name = "originality-index", mixinStandardHelpOptions = true,
        description = "Index the tunes of one or more folders for 'originality' and calibrate the verdicts on how much "
                + "those tunes borrow from one another. Writes DIR/" + OriginalityModels.TUNES_FILE + " and DIR/"
                + Calibration.FILE + "; prints the human baseline.")
final class OriginalityIndexCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "folder of .mid tunes (repeatable; subfolders too)")
    List<Path> corpus;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "index folder to write")
    Path out;

    @Option(names = "--tunes", defaultValue = "all", paramLabel = "all|train",
            description = "index every tune, or only the melody model's training split (file names whose CRC-32 mod 10 "
                    + "is not 0), as the shipped index does (default ${DEFAULT-VALUE})")
    String tunes;

    @Override
    public Integer call() throws Exception {
        Predicate<String> include = switch (tunes.toLowerCase(Locale.ROOT)) {
            case "all" -> name -> true;
            case "train" -> name -> !MelodyCorpus.isValidation(fileName(name));
            default -> throw new IllegalArgumentException("--tunes must be 'all' or 'train', not '" + tunes + "'");
        };
        PrintWriter pw = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        CorpusFolders.Loaded loaded = CorpusFolders.read(corpus, include, CorpusFolders.Progress.NONE);
        if (loaded.melodies().isEmpty()) {
            throw new IllegalArgumentException(corpus + ": no readable tunes to index (" + loaded.skipped().size() + " skipped)");
        }
        TuneCorpus tc = TuneCorpus.of(loaded.melodies());
        double readMs = (System.nanoTime() - t0) / 1e6;
        pw.printf(Locale.ROOT, "read %d tunes (%d notes) from %d files in %.0f ms; %d skipped%n", tc.size(), tc.totalNotes(),
                loaded.files(), readMs, loaded.skipped().size());
        for (String s : loaded.skipped()) {
            pw.println("  skipped " + s);
        }
        pw.flush();
        Calibration cal = Calibration.run(tc, true, (d, n) -> { });
        tc.write(out.resolve(OriginalityModels.TUNES_FILE));
        cal.write(out.resolve(Calibration.FILE), describe());
        Calibration.Distribution e = cal.excerpt();
        Calibration.Distribution w = cal.wholeTune();
        pw.printf(Locale.ROOT, "human baseline, longest shared passage (notes) of %d excerpts of %d notes vs the other tunes: "
                + "median %d, 90th %d, 99th %d, max %d, mean %.1f%n", e.count(), Calibration.EXCERPT_NOTES, e.median(), e.p90(),
                e.p99(), e.max(), e.mean());
        pw.printf(Locale.ROOT, "whole tunes (%d): median %d, 90th %d, 99th %d, max %d, mean %.1f%n", w.count(), w.median(), w.p90(),
                w.p99(), w.max(), w.mean());
        pw.printf(Locale.ROOT, "thresholds: commonplace <= %d notes, borrows >= %d, copy >= %d (or >= %d covering %.0f%% of the query); "
                + "calibrated in %.1f s%n", cal.thresholds().commonplaceNotes(), cal.thresholds().borrowsNotes(),
                cal.thresholds().copyNotes(), cal.thresholds().borrowsNotes(), 100 * cal.thresholds().copyShare(), cal.millis() / 1000);
        pw.println("wrote " + out.resolve(OriginalityModels.TUNES_FILE) + " and " + out.resolve(Calibration.FILE));
        pw.flush();
        return 0;
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        for (Path p : corpus) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.getFileName());
        }
        return sb + " (" + tunes.toLowerCase(Locale.ROOT) + " tunes)";
    }

    private static String fileName(String relative) {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? relative : relative.substring(slash + 1);
    }
}
