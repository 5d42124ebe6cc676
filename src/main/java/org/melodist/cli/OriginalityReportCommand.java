package org.melodist.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodist.SharedData;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyModels;
import org.melodist.originality.Calibration;
import org.melodist.originality.ModelOriginalityReport;
import org.melodist.originality.OriginalityIndex;
import org.melodist.originality.OriginalityModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code originality-report}: how much the melody model's continuations borrow from its training tunes, beside humans. */
@Command(name = "originality-report", mixinStandardHelpOptions = true,
        description = "Continue the opening bars of the validation tunes with the melody model at several temperatures and "
                + "check each continuation against the training tunes (models/originality); the human baseline is the "
                + "bars the composers actually wrote next. Needs the Nottingham melodies in ../shared/data.")
final class OriginalityReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "melody model folder (default: the shipped models/melody-lstm)")
    Path model;

    @Option(names = "--samples", defaultValue = "200", paramLabel = "N",
            description = "continuations per temperature (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1, not " + samples);
        }
        Path corpus = SharedData.data("nottingham/melody").orElseThrow(() -> new IllegalArgumentException(
                "the validation tunes were not found: " + SharedData.missingReason("nottingham/melody")));
        OriginalityIndex index = OriginalityModels.load(OriginalityModels.resolve(null));
        ModelOriginalityReport.Report report;
        long t0 = System.nanoTime();
        try (MelodyGenerator generator = MelodyGenerator.load(MelodyModels.resolve(model))) {
            report = ModelOriginalityReport.run(generator, index, corpus, samples, ModelOriginalityReport.TEMPERATURES);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(report.toMap()));
        } else {
            out.printf(Locale.ROOT, "%d validation tunes: seed %d bars, continuation %d bars, checked against %d training tunes "
                            + "(borrows >= %d shared notes, copy >= %d or %.0f%% of the continuation) in %.1f s%n",
                    report.seeds(), ModelOriginalityReport.SEED_BARS, ModelOriginalityReport.CONTINUATION_BARS, index.corpus().size(),
                    report.thresholds().borrowsNotes(), report.thresholds().copyNotes(), 100 * report.thresholds().copyShare(),
                    (System.nanoTime() - t0) / 1e9);
            out.printf(Locale.ROOT, "%-26s %7s %6s  %s%n", "", "samples", "notes", "longest match: median / 90th / 99th / max   borrows  copy");
            print(out, report.human());
            for (ModelOriginalityReport.Row r : report.model()) {
                print(out, r);
            }
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, ModelOriginalityReport.Row r) {
        Calibration.Distribution d = r.longest();
        String label = Double.isNaN(r.temperature()) ? "human (what came next)"
                : String.format(Locale.ROOT, "model, temperature %.1f%s", r.temperature(), r.temperature() == 1.0 ? "*" : "");
        out.printf(Locale.ROOT, "%-26s %7d %6.1f  %6d / %4d / %4d / %3d   %6.1f%% %5.1f%%%n", label, r.samples(), r.meanNotes(),
                d.median(), d.p90(), d.p99(), d.max(), 100 * r.borrowsRate(), 100 * r.copyRate());
    }
}
