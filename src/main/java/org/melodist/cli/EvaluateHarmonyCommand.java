package org.melodist.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodist.harmony.HarmonyComparison;
import org.melodist.harmony.HarmonyCorpus;
import org.melodist.harmony.HarmonyEvaluation;
import org.melodist.harmony.HarmonyMetrics;
import org.melodist.harmony.HarmonyModel;
import org.melodist.harmony.HarmonyModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate-harmony --corpus DIR}: held-out chord accuracy and harmony metrics of the model, the HMM and the human chords. */
@Command(name = "evaluate-harmony", mixinStandardHelpOptions = true,
        description = "Score the harmony model on the validation tunes of a folder of melody + chord MIDI files: per-beat "
                + "majmin accuracy, top-3, full-vocabulary accuracy and the harmony metrics, beside an HMM baseline trained "
                + "on the folder's training tunes and beside the human chords.")
final class EvaluateHarmonyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "folder of .mid files with a melody and a chord track")
    Path corpus;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the shipped models/harmony)")
    Path model;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (HarmonyModel m = HarmonyModel.load(HarmonyModels.resolve(model))) {
            HarmonyCorpus c = HarmonyCorpus.load(corpus, line -> { });
            HarmonyComparison r = HarmonyComparison.run(c, m);
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(r.toMap()));
            } else {
                out.printf(Locale.ROOT, "%d validation tunes, %d beats (%d tunes skipped for missing or faulty chords); HMM emission weight %.1f (chosen on the development tunes)%n",
                        r.model().tunes(), r.model().beats(), c.skipped().size(), r.hmmWeight());
                out.printf(Locale.ROOT, "  %-9s%8s %8s %8s %9s %9s %8s %8s %8s %9s%n", "", "majmin", "top-3", "full",
                        "entropy", "coverage", "CTnCTR", "PCS", "MCTD", "ms/tune");
                row(out, r.model(), r.model().name());
                row(out, r.hmm(), "HMM");
                row(out, r.hmmPlain(), "HMM w=1");
                HarmonyMetrics h = r.human();
                out.printf(Locale.ROOT, "  %-9s%8s %8s %8s %9.3f %9.2f %8.3f %8.3f %8.3f%n", "human", "", "", "",
                        h.chordEntropy(), h.chordCoverage(), h.ctnctr(), h.pcs(), h.mctd());
                out.printf(Locale.ROOT, "majmin accuracy %+.1f points over the HMM (%+.1f over the HMM with weight 1); chord entropy %.0f%% of the human chords'%n",
                        100 * (r.model().majminAccuracy() - r.hmm().majminAccuracy()),
                        100 * (r.model().majminAccuracy() - r.hmmPlain().majminAccuracy()), 100 * r.entropyRatio());
            }
        }
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, HarmonyEvaluation e, String name) {
        HarmonyMetrics x = e.metrics();
        out.printf(Locale.ROOT, "  %-9s%8.4f %8.4f %8.4f %9.3f %9.2f %8.3f %8.3f %8.3f %9.1f%n", name, e.majminAccuracy(),
                e.majminTop3(), e.fullAccuracy(), x.chordEntropy(), x.chordCoverage(), x.ctnctr(), x.pcs(), x.mctd(), e.millisPerTune());
    }
}
