package org.melodist.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodist.feedback.FeedbackEntry;
import org.melodist.feedback.FeedbackLearning;
import org.melodist.feedback.FeedbackLog;
import org.melodist.feedback.FeedbackSimulation;
import org.melodist.feedback.Taste;
import org.melodist.generate.MelodyCorpus;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.MelodyModels;
import org.melodist.generate.PreferenceTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-feedback}: how long learning a personal model from a log of N judgements takes on this machine. */
@Command(name = "bench-feedback", mixinStandardHelpOptions = true,
        description = "Time to learn a personal model from N judgements (a simulated musician's log, 4 variations of 2 bars per seed) "
                + "with the default settings: reading and pairing, the learning passes, writing the model.")
final class BenchFeedbackCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "the base model (default: the shipped models/melody-lstm)")
    Path model;

    @Option(names = "--corpus", paramLabel = "DIR", description = "tunes to cut seeds from (default: the shared Nottingham melodies)")
    Path corpus;

    @Option(names = "--judgements", defaultValue = "300", description = "judgements in the log (default ${DEFAULT-VALUE})")
    int judgements;

    @Option(names = "--rehearse", paramLabel = "DIR|self",
            description = "what to rehearse: the training split of DIR, or 'self' (default: the shared Nottingham melodies when present, else self)")
    String rehearse;

    @Override
    public Integer call() throws Exception {
        PrintStream ps = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        Path base = MelodyModels.resolve(model);
        Path dir = LearnFeedbackCommand.simulationCorpus(corpus);
        Path work = Files.createTempDirectory("melodist-bench-feedback");
        try {
            MelodyCorpus folk = MelodyCorpus.load(dir, MelodyModel.readConfig(base).encoding(), line -> { });
            long t0 = System.nanoTime();
            List<FeedbackEntry> entries;
            try (MelodyGenerator gen = MelodyGenerator.load(base)) {
                var seeds = FeedbackSimulation.seeds(folk.train(), gen.model().encoding(), (judgements + 3) / 4, 2, 2, 3L);
                entries = FeedbackSimulation.judge(gen, "folk", Taste.named("high"), seeds,
                        new FeedbackSimulation.Setup(4, 2, new double[] {1.0}, 1.0), judgements, 3L);
            }
            Path log = work.resolve("feedback.jsonl");
            new FeedbackLog(log).append(entries);
            double simulate = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            PreferenceTrainer.Options opt = PreferenceTrainer.Options.defaults();
            FeedbackLearning.Report r = FeedbackLearning.learn(log, base, work.resolve("personal"), opt, List.of(),
                    LearnFeedbackCommand.rehearsalTunes(rehearse, base, folk), null,
                    new PrintStream(PrintStream.nullOutputStream()), new PreferenceTrainer.Listener() { }, t -> { });
            double learn = (System.nanoTime() - t1) / 1e9;
            ps.printf(Locale.ROOT, "log: %d judgements (%d kept) written in %.1f s (generation included)%n", r.judgements(), r.accepted(), simulate);
            ps.printf(Locale.ROOT, "learning: %.1f s in all (%d passes of %d pairs + %d single judgements, %.1f s per pass, pass %d kept; "
                            + "the rest is reading the log, loading the models and the rehearsal tunes, and writing), %s compute thread(s)%n",
                    learn, r.result().epochs().size(), r.pairing().pairs().size(), r.pairing().singles().size(),
                    r.result().epochs().stream().mapToDouble(PreferenceTrainer.EpochReport::seconds).average().orElse(0), r.result().keptPass(),
                    System.getProperty("ai.djl.pytorch.num_threads", "1"));
        } finally {
            try (var walk = Files.walk(work)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        ps.flush();
        return 0;
    }
}
