package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.Constants;
import org.llmbench.config.Provider;
import org.llmbench.config.PlannedRun;
import org.llmbench.record.Manifest;

/**
 * Drafts run.md at the end of a run: the summary, the methodology deviations the harness can see, the
 * command to reproduce, and the privacy attestation that only the contributor can tick.
 */
final class RunNotesWriter {

    /** File name inside the run folder. */
    static final String FILE = "run.md";

    private RunNotesWriter() {
    }

    static void write(Path folder, Manifest manifest, PlannedRun plan, long durationMs, RunSummary summary,
                      ResultsFile.Totals results) throws IOException {
        BenchConfig config = plan.config();
        StringBuilder md = new StringBuilder();
        md.append("# llm-bench run ").append(plan.runId()).append("\n\n");
        md.append("> Drafted by llm-bench at the end of the run. Review every section, complete the deviations,\n")
                .append("> and tick the attestation before you submit this folder.\n\n");
        md.append("## Summary\n\n");
        md.append("- harness: ").append(orUnknown(manifest.harnessVersion()))
                .append(", provider: ").append(config.provider())
                .append(", models: ").append(String.join(", ", plan.models())).append('\n');
        md.append("- phases: ").append(String.join(", ", config.phases()))
                .append(", seed: ").append(config.seed())
                .append(", device: ").append(config.device()).append(" (see hardware.json)\n");
        md.append("- started: ").append(orUnknown(manifest.startedAt()))
                .append(", duration: ").append(durationMs / 1000).append(" s\n");
        Manifest.Merged merged = manifest.merged();
        Manifest.ShardSection shard = manifest.shard();
        if (merged != null) {
            md.append("- merged from ").append(merged.shards().size()).append(" shards of run group ")
                    .append(merged.runGroup()).append(" (`report merge`; each shard's machine in ")
                    .append("manifest.json `merged.shards` and hardware-shard-*.json); duration: the longest shard's\n");
        } else if (shard != null) {
            md.append("- shard ").append(shard.shard()).append(" of run group ").append(shard.runGroup())
                    .append(": part of a run; `report merge` joins the shards into the run to review and submit\n");
        }
        md.append(MarkdownReport.totals(results.models())).append('\n');
        appendTable(md, summary);
        md.append("\n## Methodology deviations\n\n");
        appendDeviations(md, config);
        md.append("\nAdd what the harness cannot see: quantisation, runtime and its version, GPU offload, "
                + "other load on the machine, anything you changed to make the run fit.\n\n");
        md.append("- [ ] The deviations above are complete.\n");
        md.append("\n## Reproduce\n\n```bash\n").append(ReproduceCommand.jar(config)).append('\n')
                .append(ReproduceCommand.maven(config)).append("\n```\n");
        md.append("\n## Privacy attestation\n\n");
        md.append("- [ ] I reviewed every file in this folder (manifest.json, hardware.json, run.jsonl, results.json, "
                + "this file) and it holds no private address, host name, user path, e-mail address, key or token.\n");
        md.append("- [ ] `java -jar target/llm-bench.jar check-submission <this folder>` reports no findings.\n");
        Files.writeString(folder.resolve(FILE), md.toString());
    }

    private static void appendTable(StringBuilder md, RunSummary summary) {
        Map<String, RunSummary.PhaseTotal> byName = new TreeMap<>();
        summary.phaseTotals().forEach(t -> byName.put(t.model() + " | " + t.suite(), t));
        md.append("| model | suite | tasks | passed | score |\n|---|---|---:|---:|---:|\n");
        byName.forEach((key, t) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f |%n", key, t.scored(),
                t.passed(), t.score())));
    }

    private static void appendDeviations(StringBuilder md, BenchConfig config) {
        Map<String, Object> overrides = config.canonicalOverrides();
        if (overrides.isEmpty()) {
            md.append(String.format(Locale.ROOT, "- Canonical generation options (temperature %s, num_ctx %d, num_predict %d).%n",
                    Constants.CANONICAL_TEMPERATURE, Constants.CANONICAL_NUM_CTX, Constants.CANONICAL_NUM_PREDICT));
        } else {
            overrides.forEach((option, value) -> md.append("- `").append(option).append("` = ").append(value)
                    .append(" (canonical: ").append(canonical(option)).append(")\n"));
        }
        if (config.provider() == Provider.OPENAI) {
            md.append("- num_ctx is not applicable on an OpenAI-compatible server: the server's own context size applied.\n");
        }
        if (config.maxTasks() > 0) {
            md.append("- generated tasks capped at ").append(config.maxTasks()).append(" per kind (`--max-tasks`).\n");
        }
        if (!config.phases().equals(List.of("hello", "5q", "20q", "tasks"))) {
            md.append("- phases differ from the default set: ").append(String.join(", ", config.phases())).append('\n');
        }
        if (config.systemPrompt() != null) {
            md.append("- a system prompt was sent before every question.\n");
        }
    }

    private static Object canonical(String option) {
        return switch (option) {
            case "temperature" -> Constants.CANONICAL_TEMPERATURE;
            case "num_ctx" -> Constants.CANONICAL_NUM_CTX;
            default -> Constants.CANONICAL_NUM_PREDICT;
        };
    }

    private static String orUnknown(Object value) {
        return value == null ? "unknown" : value.toString();
    }
}
