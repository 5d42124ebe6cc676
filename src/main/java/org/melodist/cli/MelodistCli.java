package org.melodist.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: the same services the studio window uses, for scripting, tests and
 * benchmarks. Each subcommand is its own class; register new ones in {@link #commandLine()}.
 */
@Command(name = "melodist", mixinStandardHelpOptions = true, versionProvider = MelodistCli.Version.class,
        description = "Melodist, a composing studio. Without a command, opens the studio window.",
        subcommands = {CommandLine.HelpCommand.class})
public final class MelodistCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line; exit codes: 0 ok, 1 internal failure, 2 bad usage or bad input. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MelodistCli());
        cl.addSubcommand(new MidiInfoCommand());
        cl.addSubcommand(new RenderCommand());
        cl.addSubcommand(new BenchRenderCommand());
        cl.addSubcommand(new TrainGenreCommand());
        cl.addSubcommand(new EvaluateGenreCommand());
        cl.addSubcommand(new EvaluateKeyCommand());
        cl.addSubcommand(new AnalyzeCommand());
        cl.addSubcommand(new BenchAnalyzeCommand());
        cl.addSubcommand(new TrainCommand());
        cl.addSubcommand(new GenerateCommand());
        cl.addSubcommand(new BenchJamCommand());
        cl.addSubcommand(new BenchGenerateCommand());
        cl.addSubcommand(new EvaluateCommand());
        cl.addSubcommand(new TrainHarmonyCommand());
        cl.addSubcommand(new HarmonizeCommand());
        cl.addSubcommand(new EvaluateHarmonyCommand());
        cl.addSubcommand(new BenchHarmonyCommand());
        cl.addSubcommand(new EvaluateFollowChordsCommand());
        cl.addSubcommand(new OriginalityCommand());
        cl.addSubcommand(new OriginalityIndexCommand());
        cl.addSubcommand(new OriginalityReportCommand());
        cl.addSubcommand(new EvaluateOriginalityCommand());
        cl.addSubcommand(new BenchOriginalityCommand());
        cl.addSubcommand(new TranscribeCommand());
        cl.addSubcommand(new EvaluateTranscribeCommand());
        cl.addSubcommand(new BenchTranscribeCommand());
        cl.addSubcommand(new LearnFeedbackCommand());
        cl.addSubcommand(new EvaluateFeedbackCommand());
        cl.addSubcommand(new BenchFeedbackCommand());
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(OneLineErrors::onBadArguments);
        return cl;
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Runs with the given output streams, as tests do. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MelodistCli.class.getPackage().getImplementationVersion();
            return new String[] {"Melodist " + (v == null ? "development build" : v)};
        }
    }
}
