package org.llmbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.llmbench.config.TerminalText;
import org.llmbench.report.BaselineProblem;
import org.llmbench.report.GateSettings;
import org.llmbench.report.RegressionGate;
import picocli.CommandLine.Option;

/**
 * The regression gate's options of {@code report --compare} and {@code report merge} (the run's own are the
 * {@code bench.*} keys): its level, the drop allowed, the model mapping, and how a verdict becomes an exit code.
 */
final class GateOptions {

    @Option(names = "--baseline-alpha", paramLabel = "ALPHA",
            description = "Regression gate: a drop fails when McNemar's exact p-value is below this (default 0.05).")
    Double alpha;

    @Option(names = "--max-drop", paramLabel = "POINTS",
            description = "Regression gate: a fall of a model's weighted score by more points than this fails too.")
    Double maxDrop;

    @Option(names = "--baseline-model", paramLabel = "NEW=OLD",
            description = "Regression gate: hold the run's model NEW to the baseline's model OLD (comma list; OLD alone for one model).")
    String baselineModel;

    /** The settings for this baseline: these options over {@code recorded} (a merged run's own), else the defaults. */
    GateSettings settings(Path baseline, GateSettings recorded) {
        if (alpha != null && !(alpha >= 0 && alpha <= 1)) {
            throw new CliException(ExitCodes.USAGE, "--baseline-alpha " + alpha + " is not a number from 0 to 1");
        }
        if (maxDrop != null && !(maxDrop >= 0 && maxDrop <= 100)) {
            throw new CliException(ExitCodes.USAGE, "--max-drop " + maxDrop + " is not a number from 0 to 100");
        }
        return new GateSettings(baseline,
                alpha != null ? alpha : recorded != null ? recorded.alpha() : GateSettings.DEFAULT_ALPHA,
                maxDrop != null ? maxDrop : recorded != null ? recorded.maxDrop() : null,
                baselineModel != null ? GateSettings.models(baselineModel) : recorded != null ? recorded.baselineModels() : Map.of());
    }

    /**
     * Judges {@code run} against the baseline and prints the lines: exit 1 on a real drop, 3 when the runs cannot be
     * paired, when {@code binding}; otherwise the verdict is only shown (and a refusal too).
     */
    static int apply(Path run, GateSettings settings, boolean binding, PrintWriter out) {
        try {
            RegressionGate.Verdict verdict = RegressionGate.judge(run, settings);
            verdict.lines().forEach(out::println);
            return binding && verdict.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
        } catch (BaselineProblem refused) {
            String why = "the runs cannot be paired:\n  - " + String.join("\n  - ", refused.reasons());
            if (binding) {
                throw new CliException(ExitCodes.INPUT, TerminalText.escapeKeepingLines("regression gate: REFUSED: " + why));
            }
            out.println(TerminalText.escapeKeepingLines("regression gate: not applied: " + why));
            return ExitCodes.OK;
        } finally {
            out.flush();
        }
    }
}
