package org.melodist.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyModels;
import org.melodist.harmony.FollowChordsEvaluation;
import org.melodist.harmony.HarmonyCorpus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate-follow-chords --corpus DIR}: strong-beat chord tones of generated melodies with and without Follow chords. */
@Command(name = "evaluate-follow-chords", mixinStandardHelpOptions = true,
        description = "On the validation tunes of a folder of melody + chord MIDI files, continue each tune's first bars "
                + "with the melody model, free and following the tune's own chords (same random seed), and print the share "
                + "of notes heard on strong beats that are chord tones for both and for the composers' bars, and the "
                + "model's negative log-likelihood per step (what following costs).")
final class EvaluateFollowChordsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "folder of .mid files with a melody and a chord track")
    Path corpus;

    @Option(names = "--model", paramLabel = "DIR", description = "melody model folder (default: the shipped models/melody-lstm)")
    Path model;

    @Option(names = "--tunes", paramLabel = "N", defaultValue = "200", description = "at most this many validation tunes (default ${DEFAULT-VALUE})")
    int tunes;

    @Option(names = "--seed-bars", paramLabel = "N", defaultValue = "4", description = "bars of each tune given as the seed (default ${DEFAULT-VALUE})")
    int seedBars;

    @Option(names = "--bars", paramLabel = "N", defaultValue = "4", description = "bars generated after the seed (default ${DEFAULT-VALUE})")
    int bars;

    @Option(names = "--variations", paramLabel = "N", defaultValue = "4", description = "variations per tune (default ${DEFAULT-VALUE})")
    int variations;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1.0", description = "sampling temperature (default ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--rng-seed", paramLabel = "N", defaultValue = "7", description = "random seed (default ${DEFAULT-VALUE})")
    long rngSeed;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (tunes < 1 || seedBars < 1 || bars < 1 || variations < 1) {
            throw new IllegalArgumentException("--tunes, --seed-bars, --bars and --variations must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        HarmonyCorpus c = HarmonyCorpus.load(corpus, line -> { });
        try (MelodyGenerator g = MelodyGenerator.load(MelodyModels.resolve(model))) {
            FollowChordsEvaluation.Result r = FollowChordsEvaluation.run(c.validation(), g,
                    new FollowChordsEvaluation.Settings(seedBars, bars, variations, temperature, rngSeed, tunes), () -> false);
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(r.toMap()));
            } else {
                out.printf(Locale.ROOT, "%d validation tunes, %d variations each: %d seed bars continued by %d (temperature %.1f, seed %d)%n",
                        r.tunes(), r.variations(), seedBars, bars, temperature, rngSeed);
                out.printf(Locale.ROOT, "  %-16s %10s %10s %10s%n", "", "free", "follow", "composers");
                out.printf(Locale.ROOT, "  %-16s %9.1f%% %9.1f%% %9.1f%%%n", "strong-beat CT", 100 * r.free().share(),
                        100 * r.follow().share(), 100 * r.human().share());
                out.printf(Locale.ROOT, "  %-16s %10d %10d %10d%n", "strong-beat notes", r.free().strongBeatNotes(),
                        r.follow().strongBeatNotes(), r.human().strongBeatNotes());
                out.printf(Locale.ROOT, "  %-16s %10.3f %10.3f%n", "NLL per step", r.nllFree(), r.nllFollow());
                out.printf(Locale.ROOT, "Follow chords: chord tones on strong beats %.1f%% -> %.1f%% (the composers: %.1f%%), NLL %+.3f nats per step; %.1f s%n",
                        100 * r.free().share(), 100 * r.follow().share(), 100 * r.human().share(), r.nllFollow() - r.nllFree(),
                        r.millis() / 1000);
            }
        }
        out.flush();
        return 0;
    }
}
