package org.melodist.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.melodist.AtomicFiles;
import org.melodist.feedback.FeedbackEntry;
import org.melodist.feedback.FeedbackLearning;
import org.melodist.feedback.FeedbackLog;
import org.melodist.feedback.FeedbackSimulation;
import org.melodist.feedback.Taste;
import org.melodist.generate.MelodyCorpus;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.MelodyModels;
import org.melodist.generate.MelodyScorer;
import org.melodist.generate.PreferenceTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate-feedback}: simulated musicians with known tastes judge the base model's variations, a personal model is
 * learnt from each log exactly as {@code learn-feedback} does, and both models are judged again on new seeds.
 */
@Command(name = "evaluate-feedback", mixinStandardHelpOptions = true,
        description = "For each simulated taste: judge variations of the base model on seeds from the training tunes (thumbs up/down "
                + "per variation, logged in the feedback.jsonl format), learn a personal model from that log, then print the share of "
                + "variations the taste keeps from the base and the learned model on new seeds from the held-out tunes (and from both at the "
                + "sampling settings the learned model proposes: the learned system), and the held-out folk NLL before and after; with "
                + "--out, also results.json there.")
final class EvaluateFeedbackCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "tunes for seeds and the NLL (default: the shared Nottingham melodies)")
    Path corpus;

    @Option(names = "--model", paramLabel = "DIR", description = "the base model (default: the shipped models/melody-lstm)")
    Path model;

    @Option(names = "--taste", paramLabel = "NAME", split = ",",
            description = "tastes to simulate (default: stepwise,high,tonic-ending; also: low, long-notes)")
    List<String> tastes;

    @Option(names = "--judgements", defaultValue = "300", description = "judgements logged per taste (default ${DEFAULT-VALUE})")
    int judgements;

    @Option(names = "--eval-seeds", defaultValue = "100", description = "new seeds to judge before and after (default ${DEFAULT-VALUE})")
    int evalSeeds;

    @Option(names = "--variations", defaultValue = "4", description = "variations per Generate (default ${DEFAULT-VALUE})")
    int variations;

    @Option(names = "--bars", defaultValue = "2", description = "bars per variation (default ${DEFAULT-VALUE})")
    int bars;

    @Option(names = "--seed-bars", defaultValue = "2", description = "bars of each seed (default ${DEFAULT-VALUE})")
    int seedBars;

    @Option(names = "--out", paramLabel = "DIR", description = "keep the logs and learned models here (default: a temporary folder, deleted)")
    Path out;

    @Option(names = "--max-minutes", paramLabel = "M", defaultValue = "5", description = "learning budget per taste (default ${DEFAULT-VALUE})")
    double maxMinutes;








    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    private record Row(String taste, int[] base, int[] learned, int[] proposed, int[] baseProposed, double temperature, double topP, double nllBase, double nllLearned,
                       double seconds) {
    }

    @CommandLine.Mixin
    PreferenceLearningOptions learning = new PreferenceLearningOptions();

    @Override
    public Integer call() throws Exception {
        PrintStream ps = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        Path base = MelodyModels.resolve(model);
        Path dir = LearnFeedbackCommand.simulationCorpus(corpus);
        List<Taste> chosen = new ArrayList<>();
        for (String t : tastes == null ? List.of("stepwise", "high", "tonic-ending") : tastes) {
            chosen.add(Taste.named(t));
        }
        PreferenceTrainer.Options opt = learning.trainerOptions(maxMinutes).withSeed(seed);
        Path work = out != null ? out : Files.createTempDirectory("melodist-feedback-eval");
        MelodyCorpus folk = MelodyCorpus.load(dir, MelodyModel.readConfig(base).encoding(), line -> { });
        FeedbackSimulation.Setup setup = new FeedbackSimulation.Setup(variations, bars, new double[] {0.8, 1.0, 1.2}, 1.0);
        List<Row> rows = new ArrayList<>();
        try (MelodyGenerator baseGen = MelodyGenerator.load(base)) {
            var enc = baseGen.model().encoding();
            List<FeedbackSimulation.Seed> learnSeeds = FeedbackSimulation.seeds(folk.train(), enc, (judgements + variations - 1) / variations, seedBars, bars, seed);
            List<FeedbackSimulation.Seed> newSeeds = FeedbackSimulation.seeds(folk.validation(), enc, evalSeeds, seedBars, bars, seed + 1);
            double nllBase = MelodyScorer.score(baseGen.model(), folk.validation()).nll();
            ps.printf(Locale.ROOT, "base model %s; %d seeds to judge from %d training tunes, %d new seeds from %d held-out tunes; held-out folk NLL %.4f%n",
                    base, learnSeeds.size(), folk.train().size(), newSeeds.size(), folk.validation().size(), nllBase);
            for (Taste taste : chosen) {
                ps.println();
                ps.println("== taste " + taste.name() + ": " + taste.description());
                List<FeedbackEntry> entries = FeedbackSimulation.judge(baseGen, "folk", taste, learnSeeds, setup, judgements, seed + 7);
                Path log = work.resolve(taste.name() + ".jsonl");
                FeedbackLog fl = new FeedbackLog(log);
                fl.clear();
                fl.append(entries);
                Path learned = work.resolve(taste.name());
                long t0 = System.nanoTime();
                FeedbackLearning.Report report = FeedbackLearning.learn(log, base, learned, opt, folk.validation(),
                        LearnFeedbackCommand.rehearsalTunes(learning.rehearse, base, folk),
                        "melodist learn-feedback --log " + log + " --model " + base + " --out " + learned, ps, new PreferenceTrainer.Listener() { }, t -> { });
                double seconds = (System.nanoTime() - t0) / 1e9;
                int[] b = FeedbackSimulation.acceptance(baseGen, taste, newSeeds, variations, bars, 1.0, 1.0, seed + 11);
                int[] l;
                int[] p;
                int[] bp = FeedbackSimulation.acceptance(baseGen, taste, newSeeds, variations, bars, report.proposal().temperature(),
                        report.proposal().topP(), seed + 11);
                try (MelodyGenerator learnedGen = MelodyGenerator.load(learned)) {
                    l = FeedbackSimulation.acceptance(learnedGen, taste, newSeeds, variations, bars, 1.0, 1.0, seed + 11);
                    p = FeedbackSimulation.acceptance(learnedGen, taste, newSeeds, variations, bars, report.proposal().temperature(),
                            report.proposal().topP(), seed + 11);
                }
                Row row = new Row(taste.name(), b, l, p, bp, report.proposal().temperature(), report.proposal().topP(), nllBase, report.heldOutNllAfter(), seconds);
                rows.add(row);
                ps.printf(Locale.ROOT, "%s: kept %s of the base model's variations on new seeds, %s of the learned model's (%s); "
                                + "the learned system (the learned model at its proposed temperature %.2f, top-p %.2f) %s (%s; the base model there %s); "
                                + "folk NLL %.4f -> %.4f (%+.1f %%); learnt from %d judgements (%d kept) in %.0f s%n",
                        taste.name(), pct(b), pct(l), gain(b, l), report.proposal().temperature(), report.proposal().topP(), pct(p), gain(b, p), pct(bp),
                        nllBase, report.heldOutNllAfter(),
                        100 * (report.heldOutNllAfter() / nllBase - 1), report.judgements(), report.accepted(), seconds);
            }
        }
        ps.println();
        ps.println("| taste | base kept | learned kept | change | learned system: at its proposed settings | change | base at those settings | folk NLL base -> learned | drift | learning s |");
        ps.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            ps.printf(Locale.ROOT, "| %s | %s | %s | %s | %s (t %.2f, top-p %.2f) | %s | %s | %.4f -> %.4f | %+.1f %% | %.0f |%n", r.taste(), pct(r.base()),
                    pct(r.learned()), gain(r.base(), r.learned()), pct(r.proposed()), r.temperature(), r.topP(), gain(r.base(), r.proposed()), pct(r.baseProposed()),
                    r.nllBase(), r.nllLearned(), 100 * (r.nllLearned() / r.nllBase() - 1), r.seconds());
        }
        if (out != null) {
            Path results = AtomicFiles.replace(out.resolve("results.json"), tmp -> Files.writeString(tmp, resultsJson(rows)));
            ps.println("figures in " + results);
        }
        if (out == null) {
            try (var walk = Files.walk(work)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        ps.flush();
        return 0;
    }

    /** The figures per taste as {@code results.json} in {@code --out}: kept/judged per model and settings, the proposal, the NLL. */
    static String resultsJson(List<Row> rows) throws java.io.IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<Map<String, Object>> tastes = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("taste", r.taste());
            t.put("base", rate(r.base()));
            t.put("learned", rate(r.learned()));
            Map<String, Object> system = rate(r.proposed());
            system.put("temperature", r.temperature());
            system.put("topP", r.topP());
            t.put("learnedAtProposedSettings", system);
            t.put("baseAtProposedSettings", rate(r.baseProposed()));
            t.put("folkNllBase", r.nllBase());
            t.put("folkNllLearned", r.nllLearned());
            t.put("learningSeconds", Math.round(r.seconds() * 10) / 10.0);
            tastes.add(t);
        }
        return mapper.writeValueAsString(Map.of("tastes", tastes)) + "\n";
    }

    private static Map<String, Object> rate(int[] kj) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kept", kj[0]);
        m.put("judged", kj[1]);
        m.put("rate", kj[1] == 0 ? 0.0 : (double) kj[0] / kj[1]);
        return m;
    }

    private static String pct(int[] kj) {
        return String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * kj[0] / Math.max(1, kj[1]), kj[0], kj[1]);
    }

    private static String gain(int[] b, int[] l) {
        double rb = (double) b[0] / Math.max(1, b[1]);
        double rl = (double) l[0] / Math.max(1, l[1]);
        return String.format(Locale.ROOT, "x%.2f, %+.1f points", rb == 0 ? Double.POSITIVE_INFINITY : rl / rb, 100 * (rl - rb));
    }
}
