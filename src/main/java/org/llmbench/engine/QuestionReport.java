package org.llmbench.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.llmbench.config.BenchConfig;
import org.llmbench.record.TestRef;
import org.llmbench.model.CallResult;
import org.llmbench.scoring.Score;

/**
 * What the Allure report shows of one question: its grouping, options, the steps call model / parse / score
 * with their figures, and the parsed output and score breakdown as attachments; what each call sent and got is
 * attached by {@link AllureRun}, one of the run's recorders.
 */
final class QuestionReport {

    private final AllureRecorder allure;
    private final TestRef ref;
    private final BenchConfig config;
    private final String provider;

    QuestionReport(AllureRecorder allure, TestRef ref, BenchConfig config, String provider) {
        this.allure = allure;
        this.ref = ref;
        this.config = config;
        this.provider = provider;
    }

    /** Labels for the Suites tab (model / phase / kind) and Behaviors tab, and the run's options as parameters. */
    void describe(String kind, String prompt) {
        if (!allure.active()) {
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("parentSuite", ref.model());
        labels.put("suite", ref.suite());
        labels.put("subSuite", kind);
        labels.put("epic", ref.model());
        labels.put("feature", ref.suite());
        labels.put("story", kind);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("model", ref.model());
        parameters.put("provider", provider);
        parameters.put("temperature", String.valueOf(config.temperature()));
        parameters.put("num_ctx", "openai".equals(provider) ? "not applicable" : String.valueOf(config.numCtx()));
        parameters.put("num_predict", String.valueOf(config.numPredict()));
        parameters.put("seed", String.valueOf(config.seed()));
        allure.describe(labels, parameters, prompt);
    }

    CallResult call(Supplier<CallResult> call) {
        return allure.step("call model", call, r -> new AllureRecorder.StepOutcome(figures(r),
                r.ok() ? null : r.errorKind().wireName() + ": " + r.errorMessage()));
    }

    void parse(String answer) {
        var parsed = allure.step("parse", () -> ParsedAnswer.of(answer), p -> new AllureRecorder.StepOutcome(
                Map.of("code_blocks", String.valueOf(p.path("code_blocks").size()), "json", String.valueOf(p.has("json"))), null));
        allure.attach("parsed output", "application/json", "json", parsed.toPrettyString());
    }

    /** Scores as a step; the breakdown is attached where every runner records its score. */
    Score score(Supplier<Score> scoring) {
        return score(scoring, s -> s);
    }

    /** Scores as a step whose result carries a score (a generated task's grading: parse, then checks). */
    <T> T score(Supplier<T> scoring, java.util.function.Function<T, Score> scoreOf) {
        return allure.step("score", scoring, r -> {
            Score s = scoreOf.apply(r);
            return new AllureRecorder.StepOutcome(Map.of("score", String.format(Locale.ROOT, "%.2f", s.value()),
                    "pass_mark", String.format(Locale.ROOT, "%.2f", s.passMark())),
                    s.passed() ? null : s.failedChecks().size() + " check(s) failed");
        });
    }

    /** What a generated task's parser made of the answer (the envelope's parts), as JSON. */
    void parsed(Object parsed) {
        if (allure.active() && parsed != null) {
            allure.attach("parsed output", "application/json", "json",
                    org.llmbench.json.Json.MAPPER.valueToTree(parsed).toPrettyString());
        }
    }

    void breakdown(Score score, double weight) {
        allure.attach("score breakdown", "application/json", "json", ScoreJson.text(score, weight));
    }

    private static Map<String, String> figures(CallResult r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("latency_ms", String.valueOf(r.latencyMs()));
        if (r.ttftMs() != null) {
            f.put("ttft_ms", String.valueOf(r.ttftMs()));
        }
        if (r.promptTokens() != null) {
            f.put("prompt_tokens", r.promptTokens() + (r.tokensEstimated() ? " (estimated)" : ""));
        }
        if (r.completionTokens() != null) {
            f.put("completion_tokens", r.completionTokens() + (r.tokensEstimated() ? " (estimated)" : ""));
        }
        if (r.completionTokensPerSecond() != null) {
            f.put("completion_tokens_per_s", String.format(Locale.ROOT, "%.1f", r.completionTokensPerSecond()));
        }
        f.put("attempts", String.valueOf(r.attempts()));
        return f;
    }
}
