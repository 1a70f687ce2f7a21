package org.llmbench.engine;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.TerminalText;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;
import org.llmbench.report.BaselineProblem;
import org.llmbench.report.GateSettings;
import org.llmbench.report.RegressionGate;
import org.llmbench.report.RunScores;

/**
 * The end of a run with {@code bench.baseline} set: the regression gate's lines on the engine's console (each model's
 * paired figures, the flipped questions worst first, the verdict), from the settings the run recorded. It only shows:
 * what fails a build is its caller's ({@code cli.QualityGateMain} for Maven, {@code run}'s exit code for the jar), which
 * judges the same ledgers the same way. A shard is not judged: a part of a run is held to nothing; its merge is.
 */
final class BaselineGate {

    private BaselineGate() {
    }

    /**
     * At discovery: whether the baseline a run names can be read (a typo in its path is told before the run, not after
     * it); an error issue, and no run, when not.
     */
    static boolean readable(BenchConfig config, DiscoveryIssueReporter issues) {
        Path baseline = config.baseline();
        if (baseline == null) {
            return true;
        }
        try {
            RunScores.read(baseline, "bench.baseline " + baseline);
            return true;
        } catch (BaselineProblem refused) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR, String.join("; ", refused.reasons())));
            return false;
        }
    }

    /** At the end of a run: the gate's lines, or why the run cannot be paired with its baseline. */
    static void show(Path folder, boolean shard, BenchConsole console) throws IOException {
        GateSettings settings = GateSettings.of(ManifestCodec.read(folder.resolve(RunFolders.MANIFEST)).settingValues());
        if (settings == null) {
            return;
        }
        if (shard) {
            console.line("[llm-bench] regression gate: not applied to a shard; `report merge --baseline` applies it to the merged run");
            return;
        }
        try {
            RegressionGate.judge(folder, settings).lines().forEach(line -> console.line("[llm-bench] " + line));
        } catch (BaselineProblem refused) {
            console.problem("[llm-bench] regression gate: REFUSED: the run cannot be paired with its baseline:");
            refused.reasons().forEach(reason -> console.problem("[llm-bench]   - " + TerminalText.escape(reason)));
        }
    }
}
