package org.llmbench.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.ConfigLoader;
import org.llmbench.config.Constants;
import org.llmbench.config.ModelGroup;

/**
 * Writes the run folder of every test plan that holds llm-bench tests: manifest.json and hardware.json at
 * the start, run.jsonl throughout (the engine adds calls and scores), results.json, a drafted run.md and a
 * console table at the end.
 * Registered through ServiceLoader, so Surefire, IDEs and the console launcher all pick it up.
 */
public final class LedgerListener implements TestExecutionListener {

    private static final String ENGINE_PREFIX = "[engine:" + Constants.ENGINE_ID + "]";

    private RunLedger ledger;
    private BenchConfig config;
    private long startNanos;
    private final Map<String, Integer> statusCounts = new LinkedHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (!hasBenchTests(plan)) {
            return;
        }
        try {
            config = ConfigLoader.load(key -> plan.getConfigurationParameters().get(key)).config();
            String runId = config.runId() != null ? config.runId() : UUID.randomUUID().toString();
            Path folder = RunFolders.folder(config, runId);
            ledger = RunLedger.open(runId, folder, config);
            startNanos = System.nanoTime();
            // A mixed-lanes phase sits under a group container "a,b": the models are its members, listed already.
            List<String> models = segments(plan, "model").stream().filter(m -> !ModelGroup.isGroup(m)).toList();
            List<String> suites = segments(plan, "suite");
            ManifestWriter.write(folder, ledger, config, models, suites);
            writeHardware(folder);
            ledger.record("run_start", Map.of("harness_version", ManifestWriter.harnessVersion(),
                    "resumed", ledger.resumed(), "models", models, "suites", suites,
                    "tests_planned", plan.countTestIdentifiers(TestIdentifier::isTest)));
            Files.createDirectories(config.out());
            Files.writeString(config.out().resolve(RunFolders.LATEST), folder.toAbsolutePath().toString());
            System.out.println("[llm-bench] run " + runId + " -> " + folder);
        } catch (IOException | RuntimeException e) {
            System.err.println("[llm-bench] cannot open the run folder; this run is not recorded: " + e);
            if (ledger != null) {
                ledger.close();
            }
            ledger = null;
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (ledger != null && id.isTest() && isBench(id)) {
            statusCounts.merge("skipped", 1, Integer::sum);
            ledger.record("test_skipped", Map.of("test_id", id.getUniqueId(), "reason", reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (ledger == null || !isBench(id)) {
            return;
        }
        if (id.isTest()) {
            String status = result.getStatus().name().toLowerCase(java.util.Locale.ROOT);
            statusCounts.merge(status, 1, Integer::sum);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("test_id", id.getUniqueId());
            fields.put("status", status);
            result.getThrowable().ifPresent(t -> fields.put("message", firstLine(t.getMessage())));
            ledger.record("test_end", fields);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // A container that fails (a broken suite, a bad config) is part of what happened to the run.
            ledger.record("container_failed", Map.of("test_id", id.getUniqueId(),
                    "message", result.getThrowable().map(t -> firstLine(t.getMessage())).orElse("")));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (ledger == null) {
            return;
        }
        try {
            long durationMs = (System.nanoTime() - startNanos) / 1_000_000;
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("duration_ms", durationMs);
            end.put("tests", statusCounts);
            end.put("weighted_total", ledger.summary().total());
            ledger.record("run_end", end);
            ManifestWriter.addEndOfRunFacts(ledger.folder(), ledger.phaseFigures(), ledger.modelDetails());
            Map<String, Leaderboard.Rank> ranks = RunReports.write(ledger, config);
            RunNotesWriter.write(ledger.folder(), config, durationMs);
            System.out.println();
            System.out.println("[llm-bench] run " + ledger.runId() + " finished in " + durationMs + " ms; " + statusCounts);
            System.out.print(ledger.summary().table());
            ranks.forEach((model, rank) -> System.out.printf(java.util.Locale.ROOT,
                    "%s: percentile rank %.1f among %d earlier comparable run(s)%n", model, rank.percentile(), rank.earlierRuns()));
            System.out.println("[llm-bench] ledger: " + ledger.ledgerFile());
            System.out.println("[llm-bench] report: " + ledger.folder().resolve(MarkdownReport.FILE));
        } catch (IOException | RuntimeException e) {
            System.err.println("[llm-bench] could not finish the run folder: " + e);
        } finally {
            ledger.close();
            ledger = null;
            statusCounts.clear();
        }
    }

    /** The hardware probe is a courtesy to the contributor: if it fails, the run goes on without it. */
    private static void writeHardware(Path folder) {
        try {
            HardwareWriter.writeIfAbsent(folder);
        } catch (IOException | RuntimeException e) {
            System.err.println("[llm-bench] could not write " + HardwareWriter.FILE + ": " + e);
        }
    }

    private static boolean hasBenchTests(TestPlan plan) {
        return plan.getRoots().stream().anyMatch(r -> r.getUniqueId().equals(ENGINE_PREFIX)
                && plan.getDescendants(r).stream().anyMatch(TestIdentifier::isTest));
    }

    private static boolean isBench(TestIdentifier id) {
        return id.getUniqueId().startsWith(ENGINE_PREFIX);
    }

    private static List<String> segments(TestPlan plan, String type) {
        Set<String> values = new LinkedHashSet<>();
        plan.getRoots().stream().filter(r -> r.getUniqueId().equals(ENGINE_PREFIX))
                .flatMap(r -> plan.getDescendants(r).stream())
                .forEach(id -> UniqueId.parse(id.getUniqueId()).getSegments().stream()
                        .filter(s -> s.getType().equals(type)).forEach(s -> values.add(s.getValue())));
        return List.copyOf(values);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
