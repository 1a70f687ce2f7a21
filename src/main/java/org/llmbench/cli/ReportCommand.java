package org.llmbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;
import org.llmbench.report.GateSettings;
import org.llmbench.config.TerminalText;
import org.llmbench.report.HtmlReport;
import org.llmbench.report.RunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report}: summaries of run folders, a comparison of two, or the leaderboard of all submissions. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {ReportCommand.Merge.class, CatalogueCommand.class},
        description = {"Summarise run folders (per model: tasks, passed, weighted score, median latency).",
                "With --compare A B: per question score and latency deltas from A to B, and the regression gate's paired",
                "result (McNemar's exact test, bootstrap interval; --gate makes it fail the command).",
                "With --html OUT.html: one self-contained page over the run folders, models or runs side by side.",
                "Without arguments: the leaderboard over every submissions/<handle>/<device>/run-*.",
                "report merge OUT RUN...: join the run folders of the shards of one run (bench.shard=i/n) into OUT/run-<id>.",
                "report catalogue [ROOT] --out DIR: a static site over every submitted run (leaderboards, devices, compare)."})
final class ReportCommand implements Callable<Integer> {

    /** {@code report merge OUT RUN...}: the shards of one run joined into one run folder (merge.ShardMerge). */
    @Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Join the run folders of the n shards of one run (bench.shard=i/n) into one, OUT/run-<id>:",
                    "refuses shards of different run groups, settings or harness versions, a missing or doubled shard,",
                    "and a test in two shards or without an outcome, naming them. Then writes the merged ledger,",
                    "results.json, metadata.json, report.md, run.md and each machine's hardware; exits 1 below --min-score",
                    "or on a real drop against --baseline (or the baseline the shards recorded)."})
    static final class Merge implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "OUT", description = "Where the merged run folder run-<id> goes (as --out of run).")
        Path out;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "RUN", description = "The shard run folders.")
        List<Path> shards = new ArrayList<>();

        @Option(names = "--min-score", paramLabel = "0-100",
                description = "Quality gate on the merged weighted total: exit 1 below it.")
        Double minScore;

        @Option(names = "--leaderboard", paramLabel = "FILE", description = "Add the merged run to this leaderboard.json.")
        Path leaderboard;

        @Option(names = "--baseline", paramLabel = "RUN",
                description = "Regression gate on the merged run against this baseline run (default: the baseline the shards"
                        + " recorded, bench.baseline): exit 1 on a real drop, 3 when the runs cannot be paired.")
        Path baseline;

        @picocli.CommandLine.Mixin
        GateOptions gate = new GateOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            org.llmbench.merge.ShardMerge.Merged merged;
            // A shard's scores are its answers re-scored, never its lines taken on trust.
            List<String> forged = RescoredRun.problems(shards);
            if (!forged.isEmpty()) {
                throw new CliException(ExitCodes.INPUT, "cannot merge the shards: a shard does not say what its ledger "
                        + "supports:\n  - " + String.join("\n  - ", forged));
            }
            try {
                merged = org.llmbench.merge.ShardMerge.merge(this.out, shards, leaderboard, out::println,
                        spec.commandLine().getErr()::println);
            } catch (org.llmbench.merge.ShardMerge.Refused refused) {
                throw new CliException(ExitCodes.INPUT, "cannot merge the shards:\n  - "
                        + String.join("\n  - ", refused.problems()));
            }
            out.printf(Locale.ROOT, "merged %d shards of run group %s into %s: %d scored, %s%n",
                    merged.shards(), merged.runGroup(), merged.folder(), merged.summary().scored(),
                    merged.summary().totalsLine());
            out.print(TerminalText.escapeKeepingLines(merged.summary().table()));
            out.flush();
            if (minScore != null) {
                var failure = org.llmbench.report.QualityGate.verdict(merged.folder(), minScore, out::println);
                if (failure.isPresent()) {
                    out.println(failure.get());
                    return ExitCodes.FINDINGS;
                }
            }
            // The shards skip the gate (a part of a run is held to nothing); the merged run is the one judged.
            GateSettings recorded = GateSettings.of(ManifestCodec.read(merged.folder().resolve(RunFolders.MANIFEST))
                    .settingValues());
            Path against = baseline != null ? baseline : recorded != null ? recorded.baseline() : null;
            if (against == null) {
                return ExitCodes.OK;
            }
            return GateOptions.apply(merged.folder(), gate.settings(against, recorded), true, out);
        }
    }

    @Parameters(paramLabel = "RUN", arity = "0..*", description = "Run folders to summarise.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--compare", arity = "2", paramLabel = "RUN", description = "Compare two run folders: A then B.")
    List<Path> compare;

    @Option(names = "--gate",
            description = "With --compare A B: hold B to A with the regression gate (A the baseline): exit 1 on a real drop,"
                    + " 3 when the runs cannot be paired. Without it the paired result is only shown.")
    boolean gate;

    @picocli.CommandLine.Mixin
    GateOptions gateOptions = new GateOptions();

    @Option(names = "--html", paramLabel = "OUT.html",
            description = "Write one self-contained HTML page over the RUN folders (several models or several runs).")
    Path html;

    @Option(names = "--submissions", paramLabel = "DIR", defaultValue = "submissions",
            description = "Root of the leaderboard (default: ${DEFAULT-VALUE}).")
    Path submissions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (html != null) {
            if (runs.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "--html needs at least one RUN folder");
            }
            runs.forEach(RunFolder::read);
            HtmlReport.write(runs, html);
            out.println("report: " + html.toAbsolutePath() + " (" + java.nio.file.Files.size(html) / 1024 + " KiB)");
        } else if (compare != null) {
            compare(RunFolder.read(compare.get(0)), RunFolder.read(compare.get(1)), out);
            return GateOptions.apply(compare.get(1), gateOptions.settings(compare.get(0), null), gate, out);
        } else if (!runs.isEmpty()) {
            runs.forEach(r -> summary(RunFolder.read(r), out));
        } else {
            List<RunFolder> all = RunFolder.submissions(submissions);
            if (all.isEmpty()) {
                throw new CliException(ExitCodes.INPUT, "no finished runs under " + submissions);
            }
            return verifiedLeaderboard(all, out);
        }
        return ExitCodes.OK;
    }

    static void summary(RunFolder run, PrintWriter out) {
        out.printf(Locale.ROOT, "run %s (%s, %s, started %s)%n", run.runId(), run.fromManifest(Manifest::provider, "?"),
                run.fromManifest(Manifest::device, "?"), run.fromManifest(Manifest::startedAt, "?"));
        String format = "  %-32s %6s %6s %8s %10s%n";
        out.printf(Locale.ROOT, format, "model", "tasks", "passed", "score", "p50 ms");
        for (RunFolder.ModelFigures f : run.byModel()) {
            out.printf(Locale.ROOT, format, f.model(), f.tasks(), f.passed(), String.format(Locale.ROOT, "%.2f", f.scorePercent()),
                    f.latencyP50Ms());
        }
        // Each row is a model's weighted total; with several models there is no run total to add.
    }

    /**
     * Per question, score and latency from A to B (RunComparison over both runs re-scored from their recorded answers),
     * then each model's weighted totals; refused when a run records anything its answers do not give.
     */
    static void compare(RunFolder a, RunFolder b, PrintWriter out) throws IOException {
        try (RescoredRun rescoredA = RescoredRun.of(a.path()); RescoredRun rescoredB = RescoredRun.of(b.path())) {
            List<String> forged = new ArrayList<>();
            rescoredA.findings().forEach(f -> forged.add(RescoredRun.line(a.path(), f)));
            rescoredB.findings().forEach(f -> forged.add(RescoredRun.line(b.path(), f)));
            if (!forged.isEmpty()) {
                throw new CliException(ExitCodes.INPUT, "cannot compare: a run does not say what its ledger supports:\n  - "
                        + String.join("\n  - ", forged));
            }
            RunComparison comparison;
            try {
                comparison = RunComparison.of(rescoredA.rescoredFolder(), rescoredB.rescoredFolder());
            } catch (org.llmbench.report.BaselineProblem unreadable) {
                throw new CliException(ExitCodes.INPUT, TerminalText.escapeKeepingLines("cannot compare the runs:\n  - "
                        + String.join("\n  - ", unreadable.reasons())));
            }
            out.printf(Locale.ROOT, "compare A=%s B=%s%n", a.runId(), b.runId());
            out.print(TerminalText.escapeKeepingLines(comparison.table()));
        }
        Map<String, Double> before = new LinkedHashMap<>();
        a.byModel().forEach(f -> before.put(f.model(), f.scorePercent()));
        for (RunFolder.ModelFigures f : b.byModel()) {
            Double sa = before.get(f.model());
            out.printf(Locale.ROOT, "weighted total of %s: A %s, B %.2f%s%n", TerminalText.escape(f.model()),
                    sa == null ? "-" : String.format(Locale.ROOT, "%.2f", sa), f.scorePercent(),
                    sa == null ? "" : String.format(Locale.ROOT, ", delta %+.2f", f.scorePercent() - sa));
        }
    }

    /**
     * The leaderboard of the runs that say what their ledgers support (each re-scored from its recorded answers);
     * every other run is left out and named with its first finding, and the exit code says so.
     */
    static int verifiedLeaderboard(List<RunFolder> runs, PrintWriter out) throws IOException {
        List<RunFolder> verified = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (RunFolder run : runs) {
            try (RescoredRun rescored = RescoredRun.of(run.path())) {
                if (rescored.verified()) {
                    verified.add(run);
                } else {
                    left.add(RescoredRun.line(run.path(), rescored.findings().get(0)) + (rescored.findings().size() > 1
                            ? " (and " + (rescored.findings().size() - 1) + " more finding(s))" : ""));
                }
            }
        }
        leaderboard(verified, out);
        if (left.isEmpty()) {
            return ExitCodes.OK;
        }
        out.println(left.size() + " run(s) left out: not what their ledgers support (check-submission names every finding):");
        left.forEach(line -> out.println("  " + line));
        return ExitCodes.FINDINGS;
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
            String hash = run.results().configHash() == null ? "" : run.results().configHash();
            for (RunFolder.ModelFigures f : run.byModel()) {
                rows.add(new Row(handle, device, f.model(), run.fromManifest(Manifest::provider, "?"), f,
                        hash.length() > 15 ? hash.substring(7, 15) : hash,
                        run.fromManifest(Manifest::startedAt, "").replaceAll("T.*", "")));
            }
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -r.figures().scorePercent()).thenComparing(Row::model));
        String format = "%4s %-28s %-16s %-20s %-8s %8s %6s %9s %-8s %s%n";
        out.printf(Locale.ROOT, format, "rank", "model", "handle", "device", "provider", "score", "tasks", "p50 ms", "config", "date");
        int rank = 0;
        for (Row r : rows) {
            // Model, handle and device come from other people's submissions: printed escaped.
            out.printf(Locale.ROOT, format, ++rank, TerminalText.escape(r.model()), TerminalText.escape(r.handle()),
                    TerminalText.escape(r.device()), TerminalText.escape(r.provider()),
                    String.format(Locale.ROOT, "%.2f", r.figures().scorePercent()), r.figures().tasks(),
                    r.figures().latencyP50Ms(), r.hash(), r.date());
        }
        out.println("Scores are comparable only between rows with the same config hash (same suites, options and seed).");
    }
}
