package org.llmbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.platform.commons.support.ReflectionSupport;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.ConfigLoader;
import org.llmbench.config.ConfigProblem;
import org.llmbench.config.TerminalText;
import org.llmbench.report.ReproduceCommand;
import org.llmbench.suite.SuiteLoader;
import org.llmbench.suite.SuiteOrigin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate}: the configuration and the suites, every problem with its file, line and field. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check the configuration (flags and --config file) and suite files without running anything.",
                "Each problem is printed as FILE:LINE:COLUMN: FIELD: REASON. Exit 1 when there is any."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    BenchOptions bench = new BenchOptions();

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Suite files or directories to check (default: the suite directories of --suites, "
                    + "else the suites inside the jar).")
    List<Path> paths = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> parameters = bench.parameters();
        ConfigLoader.Result loaded = BenchLaunch.load(parameters);
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ConfigProblem problem : loaded.problems()) {
            (problem.fatal() ? errors : warnings).add(describe(problem));
        }
        int suites = 0;
        for (SuiteOrigin origin : origins(loaded.config().suiteRoots())) {
            suites++;
            // Every problem of every file in one pass, each on a line of its own.
            SuiteLoader.problems(origin).forEach(p -> errors.add(p.getMessage()));
        }
        // Question ids and values come from the files: control and bidi characters are printed escaped.
        warnings.forEach(w -> out.println("warning: " + TerminalText.escape(w)));
        errors.forEach(e -> out.println("error: " + TerminalText.escape(e)));
        out.printf("%d suite file(s) checked; %d error(s), %d warning(s)%n", suites, errors.size(), warnings.size());
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** A config problem as FILE:LINE:COLUMN: FIELD: REASON, or the flag that set the value. */
    static String describe(ConfigProblem problem) {
        if (problem.at() != null) {
            return problem.toString();
        }
        if (problem.source().equals("parameter") && problem.key().startsWith("bench.")) {
            // The message already names the file and line for a config file that does not parse.
            return problem.key().equals(BenchKeys.CONFIG.name()) ? problem.reason()
                    : "command line: " + ReproduceCommand.flag(problem.key()) + " (" + problem.key() + "): " + problem.reason();
        }
        return problem.toString();
    }

    private List<SuiteOrigin> origins(List<String> roots) throws IOException {
        List<SuiteOrigin> origins = new ArrayList<>();
        if (!paths.isEmpty()) {
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    origins.addAll(directory(path));
                } else if (Files.isRegularFile(path)) {
                    origins.add(SuiteOrigin.ofFile(path));
                } else {
                    throw new CliException(ExitCodes.INPUT, path + ": no such file or directory");
                }
            }
            return origins;
        }
        for (String root : roots) {
            Path dir = Path.of(root);
            if (Files.isDirectory(dir)) {
                origins.addAll(directory(dir));
            } else {
                ReflectionSupport.findAllResourcesInPackage(root.replace("classpath:", "").replace('/', '.'),
                                r -> r.getName().endsWith(".json"))
                        .forEach(r -> origins.add(SuiteOrigin.ofResource(r.getName())));
            }
        }
        return origins;
    }

    private static List<SuiteOrigin> directory(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(SuiteOrigin::ofFile).toList();
        }
    }
}
