package org.melodist.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.melodist.generate.GenerationOptions;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyModels;
import org.melodist.perform.JamBenchmark;
import org.melodist.perform.JamTiming;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-jam}: the jam's compute time from the end of the musician's phrase to the answer being ready. */
@Command(name = "bench-jam", mixinStandardHelpOptions = true,
        description = "Benchmark Jam mode: phrases are played into the jam's timing logic and answered by the melody "
                + "model; prints phrase end -> answer ready (budget 100 ms) and the time left until the answer's beat.")
final class BenchJamCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the shipped models/melody-lstm)")
    Path model;

    @Option(names = "--phrases", defaultValue = "40", description = "phrases to answer (default: ${DEFAULT-VALUE})")
    int phrases;

    @Option(names = "--phrase-bars", defaultValue = "2", description = "length of each phrase in bars (default: ${DEFAULT-VALUE})")
    int phraseBars;

    @Option(names = "--bars", defaultValue = "2", description = "length of each answer in bars (default: ${DEFAULT-VALUE})")
    int bars;

    @Option(names = "--tempo", defaultValue = "120", description = "BPM (default: ${DEFAULT-VALUE})")
    double tempo;

    @Option(names = "--temperature", defaultValue = "1.0", description = "sampling temperature (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--phrase-end", defaultValue = "REST", description = "REST (one beat) or BAR_LINE (default: ${DEFAULT-VALUE})")
    JamTiming.PhraseEnd phraseEnd;

    @Override
    public Integer call() throws Exception {
        if (phrases < 1 || phrases > 10_000) throw new IllegalArgumentException("--phrases " + phrases + " is outside 1-10000");
        if (phraseBars < 1 || phraseBars > 16) throw new IllegalArgumentException("--phrase-bars " + phraseBars + " is outside 1-16");
        if (!(tempo >= 20 && tempo <= 300)) throw new IllegalArgumentException("--tempo " + tempo + " is outside 20-300");
        GenerationOptions options = GenerationOptions.defaults().withBars(bars).withTemperature(temperature)
                .withKeyLock(JamBenchmark.cMajor()).withVariations(1);
        PrintStream ps = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        JamBenchmark bench = new JamBenchmark(ps);
        try (MelodyGenerator generator = MelodyGenerator.load(MelodyModels.resolve(model))) {
            bench.print(bench.run(generator, options, tempo, phrases, phraseBars, phraseEnd), options, tempo, phraseBars);
        }
        ps.flush();
        return 0;
    }
}
