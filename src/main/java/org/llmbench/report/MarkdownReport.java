package org.llmbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.llmbench.json.Json;
import org.llmbench.record.Check;
import org.llmbench.record.CheckStatus;
import org.llmbench.record.Manifest;
import org.llmbench.record.PhaseMeasures;
import org.llmbench.record.RunEvent;
import org.llmbench.record.TestRef;

/**
 * Writes report.md beside the run's other files: the run's settings, a table per model and phase (score,
 * passes, latency and token-rate percentiles, errors), the percentile rank, and each question below its
 * pass mark with the checks that failed, from the ledger's final outcomes ({@link FinalScores}), at most
 * {@link #MAX_LISTED}.
 */
public final class MarkdownReport {

    /** The file name in the run folder. */
    public static final String FILE = "report.md";

    /** The manifest's {@code sandbox} when model code ran without an operating-system boundary. */
    static final String UNISOLATED = "unisolated";
    static final int MAX_LISTED = 500;
    private static final int MAX_REASON = 160;

    private MarkdownReport() {
    }

    /**
     * Which scoring method and prompt format produced each public-format phase's score, and its score under every
     * other method (docs/BENCHMARKS.md says what each reproduces).
     */
    private static void methods(Writer out, List<ResultsFile.Suite> suites) throws IOException {
        List<ResultsFile.Suite> read = suites.stream().filter(s -> s.methods() != null).toList();
        if (read.isEmpty()) {
            return;
        }
        out.write("\n## Scoring methods\n\n");
        out.write("The score above is the headline method's; every method's verdict is recorded per question (run.jsonl `methods`).\n\n");
        out.write("| model | phase | headline method | prompt format | score under each method |\n|---|---|---|---|---|\n");
        for (ResultsFile.Suite s : read) {
            List<String> each = new ArrayList<>();
            s.methods().methods().forEach((m, v) -> each.add(text(m) + " " + String.format(Locale.ROOT, "%.1f", v)));
            out.write("| " + text(s.model()) + " | " + text(s.suite()) + " | " + text(s.methods().method()) + " | "
                    + text(s.methods().promptFormat()) + " | " + String.join(", ", each) + " |\n");
        }
    }

    static void write(Path folder, FinalScores scores, Manifest manifest, MetadataFile metadata, String configHash,
                      ResultsFile.Totals results) throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8)) {
            out.write("# llm-bench run " + text(manifest.runId()) + "\n\n");
            out.write("- started: " + text(manifest.startedAt()) + "\n");
            out.write("- provider: " + text(manifest.provider()) + ", models: " + String.join(", ", manifest.models())
                    + ", phases: " + String.join(", ", manifest.phases()) + "\n");
            out.write("- options: " + text(manifest.options()) + "\n");
            if (UNISOLATED.equals(manifest.sandbox())) {
                out.write("- sandbox: **unisolated**: model code ran without an operating-system boundary (bench.sandbox=unisolated)\n");
            }
            out.write("- config hash: `" + configHash + "`\n");
            out.write(totals(results.models()));
            if (results.summary().notReplayable() > 0) {
                out.write("- not replayable (missing from the replayed ledger, not counted): "
                        + results.summary().notReplayable() + "\n");
            }
            for (var rank : results.percentileRank().entrySet()) {
                out.write(String.format(Locale.ROOT, "- %s: percentile rank %.1f among %d earlier comparable run(s)%n",
                        rank.getKey(), rank.getValue().percentile(), rank.getValue().earlierRuns()));
            }
            out.write("\n## Per model and phase\n\n");
            out.write("| model | phase | tests | passed | score | 95 % interval | latency p50 / p95 ms | ttft p50 ms | tpot p50 ms | tokens/s p50 | errors |\n");
            out.write("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (var model : metadata.models().entrySet()) {
                for (var phase : model.getValue().phases().entrySet()) {
                    out.write(row(model.getKey(), phase.getKey(), phase.getValue()));
                }
            }
            out.write("\nLatency, ttft, tpot and tokens/s are over the calls that answered (as on the console); failed calls"
                    + " are counted under errors.\n");
            methods(out, results.suites());
            contextCuts(out, manifest);
            out.write(PairedMarkdown.section(PairedView.of(List.of(folder))));
            out.write("\n## Below the pass mark\n\n");
            int[] listed = {0};
            scores.forEach(outcome -> {
                if (outcome.score() != null && !outcome.score().passed() && listed[0]++ < MAX_LISTED) {
                    write(out, failure(outcome.score()));
                }
            });
            out.write(listed[0] == 0 ? "None.\n" : listed[0] > MAX_LISTED ? "\n(" + (listed[0] - MAX_LISTED)
                    + " more: see results.json)\n" : "");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Each model's weighted total with its 95 % interval, from results.json's {@code models}: one line for one
     * model, a line per model for several (a total across models would describe none of them).
     */
    static String totals(List<ResultsFile.Model> models) {
        StringBuilder sb = new StringBuilder();
        for (ResultsFile.Model m : models) {
            String name = models.size() == 1 ? "weighted total" : cell(m.model()) + ": weighted total";
            sb.append(String.format(Locale.ROOT, "- %s: **%.2f / 100** (%d of %d passed)", name,
                    orZero(m.total().scorePercent()), m.passed(), m.tasks()));
            ScoreError e = m.error();
            if (e.scoreStderr() != null) {
                sb.append(String.format(Locale.ROOT, ", 95 %% interval %.2f to %.2f (standard error %.2f of the mean over"
                        + " questions)", e.scoreCi95Low(), e.scoreCi95High(), e.scoreStderr()));
            }
            sb.append('\n');
        }
        return models.isEmpty() ? "- weighted total: none (no question scored)\n" : sb.toString();
    }

    /** As results.json gives it, where a number that is not finite is null and reads back as 0. */
    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    /** The conversations whose context the server cut (edge_append): from which turn, how many turns, and why. */
    private static void contextCuts(Writer out, Manifest manifest) throws IOException {
        List<String> lines = new ArrayList<>();
        List<RunEvent.PhaseFigures> figures = manifest.phaseFigures() == null ? List.of() : manifest.phaseFigures();
        figures.forEach(f -> {
            if (f.measures() instanceof PhaseMeasures.Append a && a.contextCutFromTurn() != null) {
                String why = a.turns().stream().filter(PhaseMeasures.Turn::contextCut).findFirst()
                        .map(t -> Objects.toString(t.contextCutBecause(), "")).orElse("");
                lines.add(String.format(Locale.ROOT, "- **%s / %s**: the server cut the context from turn %d (%d of %d turns"
                        + " cut): %s; those turns answered a conversation shorter than the one sent.%n",
                        cell(f.model()), cell(f.phase()), a.contextCutFromTurn(), a.contextCutTurns(), a.turnsRun(), cell(why)));
            }
        });
        if (!lines.isEmpty()) {
            out.write("\n## Context cut by the server\n\n");
            for (String line : lines) {
                out.write(line);
            }
        }
    }

    private static String row(String model, String phase, MetadataFile.Figures f) {
        ScoreError e = f.score().error();
        String interval = e.scoreStderr() != null ? String.format(Locale.ROOT, "%.1f-%.1f", e.scoreCi95Low(),
                e.scoreCi95High()) : "-";
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %s | %s / %s | %s | %s | %s | %s |%n", cell(model),
                cell(phase), f.tests(), f.passed(), f.score().score(), interval, num(f.latencyMs().p50()),
                num(f.latencyMs().p95()), num(f.ttftMs().p50()), num(f.tpotMs().p50()), num(f.completionTokensPerS().p50()),
                f.errorsByKind().isEmpty() ? "" : cell(Json.MAPPER.valueToTree(f.errorsByKind()).toString()));
    }

    private static String failure(RunEvent.Score score) {
        TestRef ref = score.ref();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "- **%s / %s / %s**: %.1f (pass mark %.1f)%n",
                cell(ref.model()), cell(ref.suite()), cell(ref.item()), score.score(), score.passMark()));
        for (Check c : score.checks()) {
            if (c.status() == CheckStatus.FAILED) {
                sb.append("  - ").append(cell(c.name())).append(": ").append(cell(clip(Objects.toString(c.reason(), ""))))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** Model output and names are untrusted: keep them on one line and out of table syntax. */
    static String cell(String s) {
        return s.replaceAll("[\\r\\n]+", " ").replace("|", "\\|").replace("<", "&lt;");
    }

    private static String clip(String s) {
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "...";
    }

    private static String num(Double n) {
        return n != null ? String.format(Locale.ROOT, "%.0f", n) : "-";
    }

    /** A manifest's value as text; an older manifest may lack it. */
    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
