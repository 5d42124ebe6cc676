package org.melodist.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: the same services the studio window uses, for scripting, tests and
 * benchmarks. Each subcommand is its own class; register new ones in {@link #COMMANDS}.
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

    /** Every subcommand, in the order the usage lists them; register new ones here. */
    private static final List<Class<?>> COMMANDS = List.of(MidiInfoCommand.class, RenderCommand.class,
            BenchRenderCommand.class, TrainGenreCommand.class, EvaluateGenreCommand.class, EvaluateKeyCommand.class,
            AnalyzeCommand.class, BenchAnalyzeCommand.class, TrainCommand.class, GenerateCommand.class,
            BenchJamCommand.class, BenchGenerateCommand.class, EvaluateCommand.class, TrainHarmonyCommand.class,
            HarmonizeCommand.class, EvaluateHarmonyCommand.class, BenchHarmonyCommand.class,
            EvaluateFollowChordsCommand.class, OriginalityCommand.class, OriginalityIndexCommand.class,
            OriginalityReportCommand.class, EvaluateOriginalityCommand.class, BenchOriginalityCommand.class,
            TranscribeCommand.class, EvaluateTranscribeCommand.class, BenchTranscribeCommand.class,
            LearnFeedbackCommand.class, EvaluateFeedbackCommand.class, BenchFeedbackCommand.class);

    /**
     * The configured command line with every subcommand; exit codes: 0 ok, 1 internal failure, 2 bad usage or bad
     * input.
     */
    public static CommandLine commandLine() {
        return commandLine(COMMANDS);
    }

    /**
     * The command line that runs {@code args}: when they start with a subcommand's name, with that subcommand alone.
     * Picocli reads every registered command's options by reflection, which took a fifth of a short {@code analyze}
     * run's wall time; usage and help, which list them all, get them all.
     */
    static CommandLine commandLineFor(String... args) {
        for (Class<?> c : COMMANDS) {
            if (args.length > 0 && c.getAnnotation(Command.class).name().equals(args[0])) {
                return commandLine(List.of(c));
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new MelodistCli());
        for (Class<?> c : commands) {
            try {
                cl.addSubcommand(c.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create the " + c.getSimpleName(), e);
            }
        }
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(OneLineErrors::onBadArguments);
        return cl;
    }

    public static int execute(String... args) {
        return commandLineFor(args).execute(args);
    }

    /** Runs with the given output streams, as tests do. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLineFor(args);
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
