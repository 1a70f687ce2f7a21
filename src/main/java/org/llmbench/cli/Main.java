package org.llmbench.cli;

import java.io.PrintWriter;
import org.llmbench.config.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The executable jar's entry point: {@code java -jar target/llm-bench.jar <command>}. */
@Command(name = "llm-bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Benchmark large language models on your own hardware. Every command drives the same "
                + "JUnit Platform engine that Maven and IDEs run.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                ExitCodes.OK_LINE, ExitCodes.FINDINGS_LINE, ExitCodes.USAGE_LINE, ExitCodes.INPUT_LINE,
                ExitCodes.MODEL_LINE, ExitCodes.INTERNAL_LINE})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * What only the JVM that runs a command needs, out of Main's own initialisation: the JVM that relaunches the jar
     * (Relaunch) pays for that too, and loading the commands and java.util.logging there cost about 25 ms of CPU.
     */
    private static final class Held {
        /** The commands, in the order the usage lists them. */
        private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(RunCommand.class, ListCommand.class,
                ValidateCommand.class, ReplayCommand.class, ProbeCommand.class, SmokeCommand.class, ReportCommand.class,
                CheckSubmissionCommand.class, CommandLine.HelpCommand.class);

        /**
         * JUnit logs every discovery issue through java.util.logging, with a date line; the CLI prints each issue
         * itself ("[llm-bench] warning: ...", "cannot run: ..."), so the launcher's copy is silenced. Held in a
         * field: java.util.logging keeps only weak references to loggers, and their level with them.
         */
        private static final java.util.logging.Logger DISCOVERY_LOG =
                java.util.logging.Logger.getLogger("org.junit.platform.launcher.core.DiscoveryIssueNotifier");
    }

    /** Runs one command and exits the JVM with its exit code (relaunched first with lean JIT settings, see Relaunch). */
    public static void main(String[] given) {
        String[] args = withCommand(given);
        int relaunched = Relaunch.maybe(args);
        if (relaunched >= 0) {
            System.exit(relaunched);
        }
        Held.DISCOVERY_LOG.setLevel(java.util.logging.Level.OFF);
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command in-process, printing to the given writers; returns the exit code (see {@link ExitCodes}). */
    public static int execute(PrintWriter out, PrintWriter err, String... given) {
        String[] args = withCommand(given);
        return commandLine(out, err, args).execute(args);
    }

    /**
     * The crowdsourced runner's form, which has no command word: flags alone mean {@code run}, and a {@code --smoke}
     * or {@code --probe} among them names the command ({@code --smoke --target-url URL --models M} is
     * {@code smoke --target-url URL --models M}). Arguments that start with a command, or ask for help or the
     * version, are left as they are.
     */
    static String[] withCommand(String[] args) {
        if (args.length == 0 || !args[0].startsWith("-")) {
            return args;
        }
        java.util.List<String> rest = new java.util.ArrayList<>(java.util.List.of(args));
        if (rest.stream().anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version"))
                && !rest.contains("--smoke") && !rest.contains("--probe")) {
            return args;
        }
        String command = rest.remove("--probe") ? "probe" : rest.remove("--smoke") ? "smoke" : "run";
        rest.add(0, command);
        return rest.toArray(String[]::new);
    }

    /** The whole command line, every command in it (tests, help). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * The command line for these arguments: when the first names a command, only that command is built (picocli
     * reads every command's annotations when it is added: about 0.1 s of a run's start for the seven not used);
     * otherwise, for the usage, help or an unknown command, all of them.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cli = new CommandLine(new Main());
        String first = args.length == 0 ? "" : args[0];
        java.util.List<Class<?>> named = Held.COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first)).toList();
        for (Class<?> command : named.isEmpty() ? Held.COMMANDS : named) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(ExitCodes::of);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("llm-bench: " + TerminalText.escapeKeepingLines(e.getMessage()));
            if (parseResult.hasMatchedOption("--verbose") || parseResult.subcommand() != null
                    && parseResult.subcommand().hasMatchedOption("--verbose")) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.of(e);
        });
        // Commands mention every exit code in their own --help, not only the top level.
        cli.getSubcommands().values().forEach(sub -> {
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
            sub.getCommandSpec().usageMessage().exitCodeList(cli.getCommandSpec().usageMessage().exitCodeList());
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
