package org.llmbench.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.CompositeTestSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.TerminalText;
import org.llmbench.engine.Weights;
import org.llmbench.suite.Question;
import org.llmbench.suite.RunMode;
import org.llmbench.suite.Suite;
import org.llmbench.suite.SuiteException;
import org.llmbench.suite.SuiteLoader;
import org.llmbench.suite.SuiteOrigin;
import org.llmbench.tasks.TaskKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code list}: what a run with these flags would execute, discovered by the engine itself. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the questions and tasks a run with these flags would execute, with weights, tags "
                + "and where each is defined. Nothing is called.")
final class ListCommand implements Callable<Integer> {

    @Mixin
    BenchOptions bench = new BenchOptions();

    @Spec
    CommandSpec spec;

    /** The segment type of a generated task's unique id, {@code [task:ID]}. */
    private static final String TASK_SEGMENT = "task";

    private final Map<SuiteOrigin, Optional<Suite>> suites = new HashMap<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> parameters = bench.parameters();
        BenchConfig config = BenchLaunch.requireUsableConfig(parameters);
        BenchLaunch.Discovered discovered = new BenchLaunch(parameters, false).discover();
        BenchRun.report(discovered, spec.commandLine().getErr(), bench.verbose);
        // Each test, and each turn an append phase (edge_append) may add as it runs, in the run's order.
        List<String[]> rows = new java.util.ArrayList<>();
        discovered.plan().getRoots().stream().flatMap(root -> discovered.plan().getDescendants(root).stream()).forEach(id -> {
            String tags = id.getTags().stream().map(TestTag::getName).sorted().collect(Collectors.joining(","));
            if (id.isTest()) {
                rows.add(new String[] {name(id), weight(id, config), tags, where(id.getSource().orElse(null))});
            }
            appendPhase(discovered.plan(), id).ifPresent(suite -> suite.questions().forEach(q -> rows.add(new String[] {
                    name(id) + "/" + q.id(), String.format(Locale.ROOT, "%.2f", Weights.ofQuestion(config, suite, q)),
                    tags, where(id.getSource().orElse(null)) + " (turn, added when it runs)"})));
        });
        // The TEST column as wide as the longest name, so a long task id does not push its row out of line.
        int width = Math.max(32, rows.stream().mapToInt(row -> row[0].length()).max().orElse(0));
        String format = "%-" + width + "s %7s  %-40s %s%n";
        out.printf(Locale.ROOT, format, "TEST", "WEIGHT", "TAGS", "DEFINED AT");
        rows.forEach(row -> out.printf(Locale.ROOT, format, (Object[]) row));
        out.printf(Locale.ROOT, "%d tests; models %s; phases %s%n", discovered.tests(), config.models(), config.phases());
        return discovered.tests() == 0 ? ExitCodes.INPUT : ExitCodes.OK;
    }

    /**
     * The suite of an append phase (one conversation whose turns the engine registers as it runs them): a suite
     * container the plan holds no test under, whose suite file says {@code run_mode: append}.
     */
    static Optional<Suite> appendPhase(TestPlan plan, TestIdentifier id) {
        if (!id.isContainer() || !plan.getChildren(id).isEmpty()
                || !UniqueId.parse(id.getUniqueId()).getLastSegment().getType().equals("suite")) {
            return Optional.empty();
        }
        return origin(id.getSource().orElse(null)).flatMap(ListCommand::loadQuietly)
                .filter(suite -> RunMode.of(suite) == RunMode.APPEND);
    }

    /** The tests a run of this plan may run: those discovered and the turns its append phases may add. */
    static long testsOf(TestPlan plan) {
        return plan.countTestIdentifiers(TestIdentifier::isTest) + plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .mapToLong(id -> appendPhase(plan, id).map(suite -> suite.questions().size()).orElse(0)).sum();
    }

    /** model/suite/question: the unique id without its engine segment. */
    static String name(TestIdentifier id) {
        return TerminalText.escape(shortName(id.getUniqueId()));
    }

    /** model/suite/question from a unique id, the part a reader recognises; anything else stays as it is. */
    static String shortName(String uniqueId) {
        try {
            return UniqueId.parse(uniqueId).getSegments().stream().skip(1)
                    .map(UniqueId.Segment::getValue).collect(Collectors.joining("/"));
        } catch (RuntimeException e) {
            return uniqueId;
        }
    }

    /**
     * The weight the run would give this test, by the runs' own rule ({@link Weights}): a question's from its suite
     * file, a task's from its kind (its tag); "-" for a test that scores nothing, e.g. an unreadable suite file.
     */
    private String weight(TestIdentifier id, BenchConfig config) {
        UniqueId uniqueId = UniqueId.parse(id.getUniqueId());
        UniqueId.Segment last = uniqueId.getLastSegment();
        OptionalDouble weight = OptionalDouble.empty();
        if (last.getType().equals(TASK_SEGMENT)) {
            weight = id.getTags().stream().map(t -> TaskKind.fromWireName(t.getName())).flatMap(Optional::stream)
                    .mapToDouble(kind -> Weights.ofTask(config, kind)).findFirst();
            if (weight.isEmpty() && id.getTags().stream().anyMatch(t -> t.getName().equals(org.llmbench.tasks.ToolTask.KIND))) {
                weight = OptionalDouble.of(Weights.ofTool(config));
            }
        } else {
            Optional<Suite> suite = origin(id.getSource().orElse(null))
                    .flatMap(o -> suites.computeIfAbsent(o, ListCommand::loadQuietly));
            Optional<Question> question = suite.flatMap(s -> s.question(last.getValue()));
            if (question.isPresent()) {
                weight = OptionalDouble.of(Weights.ofQuestion(config, suite.get(), question.get()));
            }
        }
        return weight.isPresent() ? String.format(Locale.ROOT, "%.2f", weight.getAsDouble()) : "-";
    }

    private static Optional<SuiteOrigin> origin(TestSource source) {
        if (source instanceof FileSource f && f.getFile().getName().endsWith(".json")) {
            return Optional.of(SuiteOrigin.ofFile(f.getFile().toPath()));
        }
        if (source instanceof ClasspathResourceSource c && c.getClasspathResourceName().endsWith(".json")) {
            return Optional.of(SuiteOrigin.ofResource(c.getClasspathResourceName()));
        }
        return Optional.empty();
    }

    /** A suite, or empty when its file cannot be read (validate is where its problems are reported). */
    static Optional<Suite> loadQuietly(SuiteOrigin origin) {
        try {
            return Optional.of(SuiteLoader.load(origin));
        } catch (SuiteException e) {
            return Optional.empty();
        }
    }

    /** FILE:LINE of a question, the generator class of a task (inside its composite source), else the source. */
    static String where(TestSource source) {
        if (source instanceof FileSource f) {
            return SuiteOrigin.ofFile(f.getFile().toPath()).display() + f.getPosition().map(ListCommand::line).orElse("");
        }
        if (source instanceof ClasspathResourceSource c) {
            return "classpath:" + c.getClasspathResourceName() + c.getPosition().map(ListCommand::line).orElse("");
        }
        if (source instanceof ClassSource c) {
            return c.getClassName();
        }
        if (source instanceof CompositeTestSource c) {
            return c.getSources().stream().map(ListCommand::where).collect(Collectors.joining(", "));
        }
        return source == null ? "" : source.toString();
    }

    private static String line(FilePosition p) {
        return ":" + p.getLine();
    }
}
