package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Path;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;

/** results.json's {@code regression_gate}: the run held to the baseline it recorded, as the console and the page show it. */
final class GateResults {

    private GateResults() {
    }

    /** The gate's result for a run folder, or null when it names no baseline (or is a shard, which is never gated). */
    static ResultsFile.Gate of(Path folder) throws IOException {
        if (!ManifestCodec.exists(folder)) {
            return null;
        }
        Manifest manifest = ManifestCodec.read(folder.resolve(RunFolders.MANIFEST));
        GateSettings settings = GateSettings.of(manifest.settingValues());
        if (settings == null || manifest.shard() != null) {
            return null;
        }
        String baseline = settings.baseline().toString();
        try {
            RegressionGate.Verdict verdict = RegressionGate.judge(folder, settings);
            return new ResultsFile.Gate(baseline, settings.alpha(), settings.maxDrop(), verdict.failed() ? "failed" : "passed",
                    null, verdict.models().stream().map(GateResults::model).toList());
        } catch (BaselineProblem refused) {
            return new ResultsFile.Gate(baseline, settings.alpha(), settings.maxDrop(), "refused",
                    PairedView.shared(String.join("; ", refused.reasons()), folder, settings.baseline()), java.util.List.of());
        }
    }

    private static ResultsFile.GateModel model(RegressionGate.ModelVerdict m) {
        return new ResultsFile.GateModel(m.model(), m.baselineModel(), m.paired(), m.passedBefore(), m.passedNow(),
                m.pValue(), ResultsFile.finite(m.baselineScore()), ResultsFile.finite(m.score()),
                ResultsFile.finite(m.difference()), m.low(), m.high(), m.significantDrop(), m.overMaxDrop(),
                m.passToFail().stream().map(RegressionGate.Flip::question).toList(),
                m.failToPass().stream().map(RegressionGate.Flip::question).toList());
    }
}
