package org.melodist.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.melodist.SharedData;
import org.melodist.originality.CorpusFolders;
import org.melodist.originality.OriginalityEvaluation;
import org.melodist.originality.OriginalityIndex;
import org.melodist.originality.OriginalityModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate-originality}: planted-copy recall and false alarms of the shipped originality index. */
@Command(name = "evaluate-originality", mixinStandardHelpOptions = true,
        description = "Held-out figures of the originality check against the shipped index: planted copies (excerpts of "
                + "indexed tunes, transposed, with 0-6 edited notes) and false alarms on tunes that are not in it (the "
                + "melody model's validation tunes, the Bach chorale sopranos if present, and any --unseen folder).")
final class EvaluateOriginalityCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--planted", defaultValue = "300", paramLabel = "N", description = "planted copies per edit count (default ${DEFAULT-VALUE})")
    int planted;

    @Option(names = "--unseen", paramLabel = "DIR", description = "another folder of tunes that are not in the index (repeatable)")
    List<Path> unseen;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (planted < 1) {
            throw new IllegalArgumentException("--planted must be at least 1, not " + planted);
        }
        OriginalityIndex index = OriginalityModels.load(OriginalityModels.resolve(null));
        List<OriginalityEvaluation.Unseen> rows = new ArrayList<>();
        Optional<Path> nottingham = SharedData.data("nottingham/melody");
        if (nottingham.isPresent()) {
            rows.addAll(OriginalityEvaluation.unseen(index, "Nottingham validation tunes",
                    OriginalityEvaluation.validationTunes(nottingham.get())));
        }
        Optional<Path> bach = SharedData.data("bach-chorales/soprano");
        if (bach.isPresent()) {
            rows.addAll(OriginalityEvaluation.unseen(index, "Bach chorale sopranos",
                    CorpusFolders.read(List.of(bach.get()), n -> true, CorpusFolders.Progress.NONE).melodies()));
        }
        for (Path dir : unseen == null ? List.<Path>of() : unseen) {
            rows.addAll(OriginalityEvaluation.unseen(index, dir.getFileName().toString(),
                    CorpusFolders.read(List.of(dir), n -> true, CorpusFolders.Progress.NONE).melodies()));
        }
        OriginalityEvaluation.Result result = new OriginalityEvaluation.Result(
                OriginalityEvaluation.planted(index, planted, 7), rows);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(result.toMap()));
        } else {
            out.printf(Locale.ROOT, "planted copies (%d-note excerpts of indexed tunes, random key), %d per row:%n", 32, planted);
            for (OriginalityEvaluation.Planted p : result.planted()) {
                out.printf(Locale.ROOT, "  %d edits: source is the top match %5.1f%%, borrows or copy %5.1f%%, copy %5.1f%%, "
                                + "shared notes median %d (90th %d)%n", p.edits(), pct(p.sourceTop(), p.count()), pct(p.flagged(), p.count()),
                        pct(p.copies(), p.count()), p.shared().median(), p.shared().p90());
            }
            out.println("tunes not in the index:");
            for (OriginalityEvaluation.Unseen u : result.unseen()) {
                out.printf(Locale.ROOT, "  %-48s %4d: borrows %5.1f%%, copy %5.1f%%; longest match median %d, 90th %d, max %d%n",
                        u.label(), u.count(), pct(u.borrows(), u.count()), pct(u.copies(), u.count()), u.longest().median(),
                        u.longest().p90(), u.longest().max());
            }
        }
        out.flush();
        return 0;
    }

    private static double pct(int a, int b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }
}
