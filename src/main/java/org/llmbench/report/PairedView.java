package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.llmbench.config.SharedPaths;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;

/**
 * report.html's paired result ({@link RegressionGate}): of the last run against the first when the page holds several,
 * or of a single run against the baseline it recorded ({@code bench.baseline}); preformatted for the template. Runs that
 * cannot be paired show why instead; the page is written either way.
 */
final class PairedView {

    private PairedView() {
    }

    /** The paired section of a page over these run folders, or null when there is nothing to pair. */
    static ReportPage.Paired of(List<Path> runFolders) throws IOException {
        Path last = runFolders.get(runFolders.size() - 1);
        Manifest manifest = ManifestCodec.exists(last) ? ManifestCodec.read(last.resolve(RunFolders.MANIFEST)) : null;
        GateSettings recorded = manifest == null ? null : GateSettings.of(manifest.settingValues());
        if (runFolders.size() == 1 && manifest != null && manifest.shard() != null) {
            return null; // a part of a run is held to nothing: its merge is
        }
        Path baseline;
        GateSettings settings;
        if (runFolders.size() > 1) {
            baseline = runFolders.get(0);
            settings = recorded == null ? new GateSettings(baseline, GateSettings.DEFAULT_ALPHA, null, java.util.Map.of())
                    : new GateSettings(baseline, recorded.alpha(), recorded.maxDrop(), recorded.baselineModels());
        } else if (recorded != null) {
            baseline = recorded.baseline();
            settings = recorded;
        } else {
            return null;
        }
        String about = String.format(Locale.ROOT, "%s against the baseline %s (%s)", name(last), name(baseline),
                settings.describe());
        try {
            RegressionGate.Verdict verdict = RegressionGate.judge(last, settings);
            List<ReportPage.PairedModel> models = new ArrayList<>();
            for (RegressionGate.ModelVerdict m : verdict.models()) {
                models.add(model(m, settings));
            }
            return new ReportPage.Paired(about, verdict.failed() ? "regression gate: FAILED" : "regression gate: passed",
                    null, models);
        } catch (BaselineProblem refused) {
            return new ReportPage.Paired(about, "not paired", shared(String.join("; ", refused.reasons()), last, baseline),
                    List.of());
        }
    }

    private static ReportPage.PairedModel model(RegressionGate.ModelVerdict m, GateSettings settings) {
        List<ReportPage.Flip> flips = new ArrayList<>();
        m.passToFail().forEach(f -> flips.add(flip(f, "pass → fail")));
        m.failToPass().forEach(f -> flips.add(flip(f, "fail → pass")));
        String verdict = m.failed() ? "FAILED" + (m.significantDrop() ? ": significant drop" : "")
                + (m.overMaxDrop() ? ": fell more than " + RunSummary.twoDecimals(settings.maxDrop()) + " points" : "")
                : "passed";
        return new ReportPage.PairedModel(m.model(), m.baselineModel(), String.valueOf(m.paired()),
                m.passedBefore() + " → " + m.passedNow(), m.passToFail().size() + " / " + m.failToPass().size(),
                m.pValue() >= 0.001 ? String.format(Locale.ROOT, "%.4f", m.pValue()) : String.format(Locale.ROOT, "%.2e", m.pValue()),
                String.format(Locale.ROOT, "%s → %s (%+.2f)", RunSummary.twoDecimals(m.baselineScore()),
                        RunSummary.twoDecimals(m.score()), m.difference()),
                m.low() == null ? "-" : String.format(Locale.ROOT, "%+.2f to %+.2f", m.low(), m.high()), verdict, flips);
    }

    private static ReportPage.Flip flip(RegressionGate.Flip f, String direction) {
        return new ReportPage.Flip(f.question(), direction, PageTables.fmt(f.baselineScore()), PageTables.fmt(f.score()),
                String.format(Locale.ROOT, "%+.1f", f.delta()));
    }

    /** The folders' paths in a message as a shared file names them (config.SharedPaths): never absolute. */
    static String shared(String text, Path... folders) {
        String out = text;
        for (Path folder : folders) {
            String absolute = folder.toAbsolutePath().normalize().toString();
            out = out.replace(absolute, SharedPaths.of(absolute));
        }
        return out;
    }

    /** A run folder's name, not its path: the page may be shared. */
    private static String name(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }
}
