package org.llmbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.llmbench.record.Sampling;
import org.llmbench.record.TaskParse;
import org.llmbench.record.TestRef;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.Score;
import org.llmbench.tasks.ParsedEnvelope;
import org.llmbench.tasks.Task;
import org.llmbench.tasks.TaskPrompts;
import org.llmbench.tasks.TaskScorer;

/**
 * Runs one generated task: call the model, score the answer; in strict-JSON mode an unreadable envelope is
 * retried with a stricter instruction up to {@code bench.retryOnParseFail} times, every call recorded. The score
 * is recorded with the kind's weight and the parse outcome, apart from the raw output.
 */
final class TaskRunner {

    private final BenchExecutionContext context;

    TaskRunner(BenchExecutionContext context) {
        this.context = context;
    }

    void run(TestRef ref, Task task) {
        var config = context.config();
        boolean strict = config.strictJson();
        QuestionRunner plain = new QuestionRunner(context);
        String prompt = TaskPrompts.prompt(task, strict);
        QuestionReport report = new QuestionReport(context.allure().forTest(ref.testId()), ref, config, context.client().provider());
        report.describe(task.kind().wireName(), prompt);
        int samples = config.samples();
        List<Double> values = new ArrayList<>(samples);
        int passedSamples = 0;
        Attempt attempt = null;
        // Each request names its test, so a parse retry (or sample i) replays the ledger's matching call.
        for (int i = 0; i < samples; i++) {
            attempt = attempt(ref, task, report, plain, samples > 1 ? i : null);
            values.add(attempt.score().value());
            passedSamples += attempt.score().passed() ? 1 : 0;
        }
        TaskScorer.Graded graded = attempt.graded();
        int retries = attempt.retries();
        Score score = attempt.score();
        Sampling sampling = null;
        if (samples > 1) {
            Map<String, Double> passAtK = org.llmbench.scoring.PassAtK.usual(samples, passedSamples);
            double mean = Math.round(100.0 * values.stream().mapToDouble(Double::doubleValue).average().orElse(0)) / 100.0;
            List<Check> checks = new ArrayList<>(score.checks());
            checks.add(Check.passed("samples", 0, String.format(java.util.Locale.ROOT,
                    "%d of %d samples reached the pass mark; pass@1 %.3f; the score is the mean over samples",
                    passedSamples, samples, passAtK.get("1"))));
            score = new Score(mean, score.passMark(), List.copyOf(checks));
            sampling = new Sampling(samples, values, passedSamples, passAtK);
        }
        report.breakdown(score, Weights.ofTask(config, task.kind()));
        ParsedEnvelope parse = graded == null ? null : graded.parse();
        TaskParse parsed = new TaskParse(task.kind().wireName(), strict,
                graded != null && graded.parseOk(), retries, parse == null ? null : parse.recoveries(),
                parse == null ? null : parse.error(), graded == null ? null : graded.parsed());
        report.parsed(parsed);
        context.recording().score(ref, score, Weights.ofTask(config, task.kind()), parsed, sampling,
                org.llmbench.tasks.CodeRunner.layers(task, config.unisolatedSandbox()));
        if (!score.passed()) {
            throw new BelowPassMark(score);
        }
    }

    /** One sample: how its last answer was graded, its parse retries, and its score (or the call's failure as a score). */
    private record Attempt(TaskScorer.Graded graded, int retries, Score score) {
    }

    /** Asks for one sample of the task (sample null: the run's seed, as without sampling) and scores it. */
    private Attempt attempt(TestRef ref, Task task, QuestionReport report, QuestionRunner plain, Integer sample) {
        var config = context.config();
        boolean strict = config.strictJson();
        String prompt = TaskPrompts.prompt(task, strict);
        int retries = 0;
        CallResult call;
        TaskScorer.Graded graded = null;
        while (true) {
            ChatRequest request = new ChatRequest(ref.model(), plain.messages(prompt),
                    sample == null ? plain.options() : plain.options(sample), TaskPrompts.referenceAnswer(task, strict), ref);
            call = report.call(() -> context.client().chat(request));
            context.recording().call(ref, request, call, sample);
            QuestionRunner.abortIfNotReplayable(call);
            if (!call.ok()) {
                break;
            }
            String answer = call.content();
            graded = report.score(() -> TaskScorer.score(task, answer, strict, config.passScore()), TaskScorer.Graded::score);
            if (graded.parseOk() || retries >= config.retryOnParseFail()) {
                break;
            }
            retries++;
            prompt = TaskPrompts.retry(task, graded.parse().error());
        }
        Score score = call.ok() ? graded.score() : Score.of(List.of(Check.failed("model call", 1,
                call.errorKind().wireName() + ": " + call.errorMessage())), config.passScore());
        return new Attempt(graded, retries, score);
    }
}
