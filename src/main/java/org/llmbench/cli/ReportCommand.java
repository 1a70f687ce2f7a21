package org.llmbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report}: summaries of run folders, a comparison of two, or the leaderboard of all submissions. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Summarise run folders (per model: tasks, passed, weighted score, median latency).",
                "With --compare A B: per question score and latency deltas from A to B.",
                "Without arguments: the leaderboard over every submissions/<handle>/<device>/run-*."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", arity = "0..*", description = "Run folders to summarise.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--compare", arity = "2", paramLabel = "RUN", description = "Compare two run folders: A then B.")
    List<Path> compare;

    @Option(names = "--submissions", paramLabel = "DIR", defaultValue = "submissions",
            description = "Root of the leaderboard (default: ${DEFAULT-VALUE}).")
    Path submissions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (compare != null) {
            compare(RunFolder.read(compare.get(0)), RunFolder.read(compare.get(1)), out);
        } else if (!runs.isEmpty()) {
            runs.forEach(r -> summary(RunFolder.read(r), out));
        } else {
            List<RunFolder> all = RunFolder.submissions(submissions);
            if (all.isEmpty()) {
                throw new CliException(ExitCodes.INPUT, "no finished runs under " + submissions);
            }
            leaderboard(all, out);
        }
        return ExitCodes.OK;
    }

    static void summary(RunFolder run, PrintWriter out) {
        out.printf(Locale.ROOT, "run %s (%s, %s, started %s)%n", run.runId(), run.manifest().path("provider").asText("?"),
                run.manifest().path("device").asText("?"), run.manifest().path("started_at").asText("?"));
        String format = "  %-32s %6s %6s %8s %10s%n";
        out.printf(Locale.ROOT, format, "model", "tasks", "passed", "score", "p50 ms");
        for (RunFolder.ModelFigures f : run.byModel()) {
            out.printf(Locale.ROOT, format, f.model(), f.tasks(), f.passed(), String.format(Locale.ROOT, "%.2f", f.scorePercent()),
                    f.latencyP50Ms());
        }
        out.printf(Locale.ROOT, "  weighted total %.2f / 100%n", run.results().path("summary").path("score_percent").asDouble());
    }

    /** Per task id, score and latency from A to B; tasks in only one run are listed as such. */
    static void compare(RunFolder a, RunFolder b, PrintWriter out) {
        // Runs of different models are compared question by question; runs of the same models, test by test.
        boolean sameModels = models(a).equals(models(b));
        Map<String, JsonNode> left = tasks(a, sameModels);
        Map<String, JsonNode> right = tasks(b, sameModels);
        String format = "%-44s %7s %7s %7s %9s%n";
        out.printf(Locale.ROOT, "compare A=%s B=%s%n", a.runId(), b.runId());
        out.printf(Locale.ROOT, format, "task", "A", "B", "delta", "d ms");
        List<String> ids = new ArrayList<>(left.keySet());
        right.keySet().stream().filter(id -> !left.containsKey(id)).forEach(ids::add);
        for (String id : ids) {
            JsonNode l = left.get(id);
            JsonNode r = right.get(id);
            String name = sameModels ? ListCommand.shortName(id) : id;
            if (l == null || r == null) {
                out.printf(Locale.ROOT, format, name, l == null ? "-" : score(l), r == null ? "-" : score(r), "only " + (l == null ? "B" : "A"), "");
                continue;
            }
            out.printf(Locale.ROOT, format, name, score(l), score(r),
                    String.format(Locale.ROOT, "%+.1f", r.path("score").asDouble() - l.path("score").asDouble()),
                    String.format(Locale.ROOT, "%+d", r.path("latency_ms").asLong() - l.path("latency_ms").asLong()));
        }
        double sa = a.results().path("summary").path("score_percent").asDouble();
        double sb = b.results().path("summary").path("score_percent").asDouble();
        out.printf(Locale.ROOT, "weighted total: A %.2f, B %.2f, delta %+.2f%n", sa, sb, sb - sa);
    }

    static void leaderboard(List<RunFolder> runs, PrintWriter out) {
        record Row(String handle, String device, String model, String provider, RunFolder.ModelFigures figures,
                   String hash, String date) {
        }
        List<Row> rows = new ArrayList<>();
        for (RunFolder run : runs) {
            Path rel = run.path().toAbsolutePath().normalize();
            String device = rel.getParent().getFileName().toString();
            String handle = rel.getParent().getParent().getFileName().toString();
            String hash = run.results().path("config_hash").asText("");
            for (RunFolder.ModelFigures f : run.byModel()) {
                rows.add(new Row(handle, device, f.model(), run.manifest().path("provider").asText("?"), f,
                        hash.length() > 15 ? hash.substring(7, 15) : hash,
                        run.manifest().path("started_at").asText("").replaceAll("T.*", "")));
            }
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -r.figures().scorePercent()).thenComparing(Row::model));
        String format = "%4s %-28s %-16s %-20s %-8s %8s %6s %9s %-8s %s%n";
        out.printf(Locale.ROOT, format, "rank", "model", "handle", "device", "provider", "score", "tasks", "p50 ms", "config", "date");
        int rank = 0;
        for (Row r : rows) {
            out.printf(Locale.ROOT, format, ++rank, r.model(), r.handle(), r.device(), r.provider(),
                    String.format(Locale.ROOT, "%.2f", r.figures().scorePercent()), r.figures().tasks(),
                    r.figures().latencyP50Ms(), r.hash(), r.date());
        }
        out.println("Scores are comparable only between rows with the same config hash (same suites, options and seed).");
    }

    private static Map<String, JsonNode> tasks(RunFolder run, boolean byTestId) {
        Map<String, JsonNode> tasks = new LinkedHashMap<>();
        run.results().path("tasks").forEach(t -> tasks.put(byTestId ? t.path("task_id").asText()
                : t.path("suite").asText() + "/" + t.path("item").asText(), t));
        return tasks;
    }

    private static java.util.Set<String> models(RunFolder run) {
        java.util.Set<String> models = new java.util.TreeSet<>();
        run.results().path("tasks").forEach(t -> models.add(t.path("model").asText()));
        return models;
    }

    private static String score(JsonNode task) {
        return String.format(Locale.ROOT, "%.1f", task.path("score").asDouble());
    }
}
