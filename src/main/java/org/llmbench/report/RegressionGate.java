package org.llmbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.llmbench.config.TerminalText;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;

/**
 * The regression gate ({@code bench.baseline=RUN}): each model of a run against its model in a baseline run, question
 * by question. A question passes when its final score reaches its pass mark (the test's own verdict; a partly scored
 * question at 75 with a pass mark of 70 passes, one at 65 fails). Per model: McNemar's exact test on the pass/fail
 * pairs ({@link McNemar}) and the paired bootstrap interval of the weighted score difference ({@link PairedBootstrap},
 * the baseline's weights). A model fails the gate only when its drop is significant (more pass-to-fail than
 * fail-to-pass flips, with p below {@code alpha}) or its weighted score fell by more than {@code maxDrop} points;
 * noise passes. Runs that do not hold the same questions are refused ({@link BaselineProblem}), never judged.
 */
public final class RegressionGate {

    /** How many flipped questions the console lists per direction (the page lists them all). */
    static final int LISTED_FLIPS = 25;

    /** A question whose pass/fail verdict changed from the baseline to the run. */
    public record Flip(String question, double baselineScore, double score) {
        /** The score change, run minus baseline. */
        public double delta() {
            return score - baselineScore;
        }
    }

    /**
     * One model held to its baseline.
     *
     * @param passToFail b: questions that passed in the baseline and fail now (worst first: the biggest drop)
     * @param failToPass c: questions that failed in the baseline and pass now (the biggest gain first)
     * @param pValue McNemar's exact two-sided p-value
     * @param difference the weighted score difference over the paired questions, run minus baseline, in points
     * @param low the bootstrap interval's low end (null: no question), at level 1 - alpha
     */
    public record ModelVerdict(String model, String baselineModel, String pairedBecause, int paired, int passedBefore,
                               int passedNow, List<Flip> passToFail, List<Flip> failToPass, double pValue,
                               double baselineScore, double score, double difference, Double low, Double high,
                               boolean significantDrop, boolean overMaxDrop) {
        /** Whether this model fails the gate. */
        public boolean failed() {
            return significantDrop || overMaxDrop;
        }
    }

    /** Every model's verdict against the baseline, under these settings. */
    public record Verdict(Path baseline, GateSettings settings, List<ModelVerdict> models) {

        public boolean failed() {
            return models.stream().anyMatch(ModelVerdict::failed);
        }

        /** Why the gate fails, in one line, if it does. */
        public Optional<String> failure() {
            List<String> why = new ArrayList<>();
            for (ModelVerdict m : models) {
                if (m.failed()) {
                    why.add(m.model() + " " + reason(m));
                }
            }
            return why.isEmpty() ? Optional.empty()
                    : Optional.of("regression gate: FAILED against " + baseline + ": " + String.join("; ", why));
        }

        /** What the console shows (escaped for a terminal): the settings, each model's figures and verdict, the flipped questions worst first. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add("regression gate: baseline " + baseline + " (" + settings.describe() + ")");
            for (ModelVerdict m : models) {
                lines.add(String.format(Locale.ROOT, "  %s vs baseline %s%s: %d paired; passed %d -> %d; pass->fail %d,"
                                + " fail->pass %d; McNemar exact p = %s", m.model(), m.baselineModel(),
                        m.pairedBecause().isEmpty() ? "" : " (" + m.pairedBecause() + ")", m.paired(), m.passedBefore(),
                        m.passedNow(), m.passToFail().size(), m.failToPass().size(), p(m.pValue())));
                lines.add(String.format(Locale.ROOT, "    weighted score %s -> %s: difference %+.2f points, %s%% bootstrap"
                                + " interval %s (%d resamples, seed fixed): %s", RunSummary.twoDecimals(m.baselineScore()),
                        RunSummary.twoDecimals(m.score()), m.difference(), level(settings.alpha()),
                        m.low() == null ? "none" : String.format(Locale.ROOT, "%+.2f to %+.2f", m.low(), m.high()),
                        PairedBootstrap.RESAMPLES, m.failed() ? "FAILED: " + reason(m) : "passed: " + passedBecause(m)));
                flips(lines, "pass->fail, worst first", m.passToFail());
                flips(lines, "fail->pass", m.failToPass());
            }
            lines.add(failure().orElse("regression gate: passed against " + baseline));
            // Model names and question ids come from files and servers: printed escaped (config.TerminalText).
            return lines.stream().map(TerminalText::escape).toList();
        }

        private String reason(ModelVerdict m) {
            List<String> why = new ArrayList<>();
            if (m.significantDrop()) {
                why.add(String.format(Locale.ROOT, "a significant drop (%d pass->fail against %d fail->pass, p = %s < %s)",
                        m.passToFail().size(), m.failToPass().size(), p(m.pValue()), RunSummary.twoDecimals(settings.alpha())));
            }
            if (m.overMaxDrop()) {
                why.add(String.format(Locale.ROOT, "its score fell %.2f points, more than the %.2f allowed",
                        -m.difference(), settings.maxDrop()));
            }
            return String.join(" and ", why);
        }

        private String passedBecause(ModelVerdict m) {
            if (m.passToFail().isEmpty()) {
                return "no question went from pass to fail";
            }
            return m.passToFail().size() <= m.failToPass().size() ? "no more pass->fail than fail->pass flips"
                    : "the drop is within noise (p = " + p(m.pValue()) + " >= " + RunSummary.twoDecimals(settings.alpha()) + ")";
        }

        private static void flips(List<String> lines, String title, List<Flip> flips) {
            if (flips.isEmpty()) {
                return;
            }
            lines.add("    " + title + ":");
            for (Flip f : flips.subList(0, Math.min(LISTED_FLIPS, flips.size()))) {
                lines.add(String.format(Locale.ROOT, "      %-40s %6.1f -> %6.1f (%+.1f)", f.question(), f.baselineScore(),
                        f.score(), f.delta()));
            }
            if (flips.size() > LISTED_FLIPS) {
                lines.add("      ... and " + (flips.size() - LISTED_FLIPS) + " more (report.html lists them all)");
            }
        }
    }

    private RegressionGate() {
    }

    /** The verdict of a run folder against the baseline its settings name. */
    public static Verdict judge(Path run, GateSettings settings) throws BaselineProblem {
        RunScores baseline = RunScores.read(settings.baseline(), "bench.baseline " + settings.baseline());
        return judge(baseline, RunScores.readLedger(run, "the run " + run), settings);
    }

    /** The verdict of a run's scores against a baseline's. */
    public static Verdict judge(RunScores baseline, RunScores run, GateSettings settings) throws BaselineProblem {
        List<String> refused = new ArrayList<>();
        List<ModelVerdict> verdicts = new ArrayList<>();
        if (run.byModel().isEmpty()) {
            refused.add("the run " + run.folder() + " scored no question, so there is nothing to hold to the baseline");
        }
        run.suiteVersions().forEach((suite, version) -> {
            String theirs = baseline.suiteVersions().get(suite);
            if (theirs != null && !theirs.equals(version)) {
                refused.add("the baseline is of another version of suite " + suite + ": " + baseline.folder() + "/"
                        + RunFolders.MANIFEST + " field " + ManifestCodec.SUITE_VERSIONS + "." + suite + " is \"" + theirs
                        + "\", this run's is \"" + version + "\" (make a new baseline with this version of the suite)");
            }
        });
        for (var entry : run.byModel().entrySet()) {
            String model = entry.getKey();
            String[] pairing = baselineModel(model, run, baseline, settings, refused);
            if (pairing == null) {
                continue;
            }
            Map<String, RunScores.Scored> before = baseline.byModel().get(pairing[0]);
            Map<String, RunScores.Scored> now = entry.getValue();
            String difference = QuestionSets.difference(before.keySet(), now.keySet());
            if (difference != null) {
                refused.add("the question sets differ for " + model + " (baseline model " + pairing[0] + " in "
                        + baseline.folder() + "): " + difference);
                continue;
            }
            verdicts.add(verdict(model, pairing[0], pairing[1], before, now, settings));
        }
        if (!refused.isEmpty()) {
            throw new BaselineProblem(refused);
        }
        return new Verdict(baseline.folder(), settings, List.copyOf(verdicts));
    }

    /** The baseline's model a run's model is held to and why, or null (with the reason in {@code refused}). */
    private static String[] baselineModel(String model, RunScores run, RunScores baseline, GateSettings settings,
                                          List<String> refused) {
        Set<String> theirs = baseline.byModel().keySet();
        String mapped = settings.baselineModels().get(model);
        String because = "bench.baselineModel";
        if (mapped == null && run.byModel().size() == 1) {
            mapped = settings.baselineModels().get(GateSettings.ANY);
        }
        if (mapped == null && theirs.contains(model)) {
            return new String[] {model, ""};
        }
        if (mapped == null && run.byModel().size() == 1 && theirs.size() == 1) {
            mapped = theirs.iterator().next();
            because = "each run holds one model";
        }
        if (mapped == null) {
            refused.add("model " + model + " is not in the baseline " + baseline.folder() + ", which holds " + theirs
                    + "; to hold it to one of them set bench.baselineModel=" + model + "=<baseline model>");
            return null;
        }
        if (!theirs.contains(mapped)) {
            refused.add("bench.baselineModel holds " + model + " to " + mapped + ", which the baseline "
                    + baseline.folder() + " does not hold (it holds " + theirs + ")");
            return null;
        }
        return new String[] {mapped, because};
    }

    private static ModelVerdict verdict(String model, String baselineModel, String because,
                                        Map<String, RunScores.Scored> before, Map<String, RunScores.Scored> now,
                                        GateSettings settings) {
        int n = before.size();
        double[] differences = new double[n];
        double[] weights = new double[n];
        double weightedBefore = 0;
        double weightedNow = 0;
        double weight = 0;
        int passedBefore = 0;
        int passedNow = 0;
        List<Flip> down = new ArrayList<>();
        List<Flip> up = new ArrayList<>();
        int i = 0;
        for (RunScores.Scored a : before.values()) {
            RunScores.Scored b = now.get(a.question());
            // One weight per question, the baseline's: a change of weights is no change of quality.
            differences[i] = b.score() - a.score();
            weights[i] = a.weight();
            weightedBefore += a.weight() * a.score();
            weightedNow += a.weight() * b.score();
            weight += a.weight();
            passedBefore += a.passed() ? 1 : 0;
            passedNow += b.passed() ? 1 : 0;
            if (a.passed() && !b.passed()) {
                down.add(new Flip(a.question(), a.score(), b.score()));
            } else if (!a.passed() && b.passed()) {
                up.add(new Flip(a.question(), a.score(), b.score()));
            }
            i++;
        }
        down.sort(Comparator.comparingDouble(Flip::delta).thenComparing(Flip::question));
        up.sort(Comparator.comparingDouble((Flip f) -> -f.delta()).thenComparing(Flip::question));
        double p = McNemar.exactP(down.size(), up.size());
        double scoreBefore = weight == 0 ? 0 : weightedBefore / weight;
        double scoreNow = weight == 0 ? 0 : weightedNow / weight;
        double difference = scoreNow - scoreBefore;
        PairedBootstrap.Interval interval = PairedBootstrap.of(differences, weights, settings.alpha());
        boolean significant = down.size() > up.size() && p < settings.alpha();
        // Rounded to the hundredths the console shows, so "fell 5.00, more than 5.00" never happens.
        boolean overMaxDrop = settings.maxDrop() != null && Math.round(-difference * 100) > Math.round(settings.maxDrop() * 100);
        return new ModelVerdict(model, baselineModel, because, n, passedBefore, passedNow, List.copyOf(down), List.copyOf(up),
                p, scoreBefore, scoreNow, difference, interval == null ? null : interval.low(),
                interval == null ? null : interval.high(), significant, overMaxDrop);
    }

    /** The interval's level in percent, as people write it: 95, 99.5. */
    static String level(double alpha) {
        return java.math.BigDecimal.valueOf(100 * (1 - alpha)).setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    private static String p(double p) {
        return p >= 0.001 ? String.format(Locale.ROOT, "%.4f", p) : String.format(Locale.ROOT, "%.2e", p);
    }

    /** Which questions one side has and the other lacks, in words. */
    static final class QuestionSets {

        /** How many names of each side a refusal lists. */
        static final int LISTED = 10;

        private QuestionSets() {
        }

        /** Null when both hold the same questions. */
        static String difference(Set<String> baseline, Set<String> run) {
            Set<String> onlyBaseline = new LinkedHashSet<>(baseline);
            onlyBaseline.removeAll(run);
            Set<String> onlyRun = new LinkedHashSet<>(run);
            onlyRun.removeAll(baseline);
            if (onlyBaseline.isEmpty() && onlyRun.isEmpty()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            if (!onlyBaseline.isEmpty()) {
                parts.add("missing in this run (only in the baseline) " + names(onlyBaseline));
            }
            if (!onlyRun.isEmpty()) {
                parts.add("missing in the baseline (only in this run) " + names(onlyRun));
            }
            return String.join("; ", parts) + " (the gate pairs every question; run the same suites and questions)";
        }

        private static String names(Set<String> names) {
            List<String> list = new ArrayList<>(names);
            return list.size() + ": " + String.join(", ", list.subList(0, Math.min(LISTED, list.size())))
                    + (list.size() > LISTED ? ", ... and " + (list.size() - LISTED) + " more" : "");
        }
    }
}
