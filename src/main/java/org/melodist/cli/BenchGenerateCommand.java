package org.melodist.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.melodist.generate.MelodyBenchmark;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.MelodyModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-generate}: generation and training-step speed of the melody model. */
@Command(name = "bench-generate", mixinStandardHelpOptions = true,
        description = "Benchmark the melody model: 8 variations x 64 steps from a 16-note seed by stateful stepping and "
                + "by re-running the sequence per step, per-step latency at batch 1, and training step speed.")
final class BenchGenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the shipped models/melody-lstm)")
    Path model;

    @Option(names = "--repeats", defaultValue = "10", description = "timed runs of each job (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--train-steps", defaultValue = "5", description = "timed training steps, 0 to skip (default ${DEFAULT-VALUE})")
    int trainSteps;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1");
        }
        PrintStream ps = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        MelodyBenchmark bench = new MelodyBenchmark(ps);
        try (MelodyModel m = MelodyModel.load(MelodyModels.resolve(model))) {
            bench.benchGenerate(m, repeats);
            if (trainSteps > 0) {
                bench.benchTraining(m.config(), 32, 128, trainSteps);
            }
        }
        ps.flush();
        return 0;
    }
}
