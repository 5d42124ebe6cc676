package org.melodist.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.melodist.SharedData;
import org.melodist.originality.OriginalityBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-originality}: speed and memory of the originality check. */
@Command(name = "bench-originality", mixinStandardHelpOptions = true,
        description = "Benchmark the originality check: reading and indexing the Nottingham training tunes, an 8-bar query "
                + "against them, and against a synthetic corpus of transposed and edited copies of them.")
final class BenchOriginalityCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "folder of tunes (default: ../shared/data/nottingham/melody)")
    Path corpus;

    @Option(names = "--synthetic", defaultValue = "100000", paramLabel = "N",
            description = "melodies in the synthetic corpus, 0 to skip (default ${DEFAULT-VALUE})")
    int synthetic;

    @Option(names = "--queries", defaultValue = "300", paramLabel = "N", description = "timed queries per corpus (default ${DEFAULT-VALUE})")
    int queries;

    @Override
    public Integer call() throws Exception {
        if (queries < 1 || synthetic < 0) {
            throw new IllegalArgumentException("--queries must be at least 1 and --synthetic at least 0");
        }
        Path dir = corpus != null ? corpus : SharedData.data("nottingham/melody").orElseThrow(() -> new IllegalArgumentException(
                "no corpus: pass --corpus DIR (" + SharedData.missingReason("nottingham/melody") + ")"));
        PrintStream ps = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        new OriginalityBenchmark(ps).run(dir, synthetic, queries);
        ps.flush();
        return 0;
    }
}
