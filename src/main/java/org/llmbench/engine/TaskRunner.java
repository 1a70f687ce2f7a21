package org.llmbench.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.llmbench.ledger.RunLedger;
import org.llmbench.ledger.TestRef;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.ReplayClient;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.Score;
import org.llmbench.tasks.Task;
import org.llmbench.tasks.TaskPrompts;
import org.llmbench.tasks.TaskScorer;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one generated task: call the model, score the answer; in strict-JSON mode an unreadable envelope is
 * retried with a stricter instruction up to {@code bench.retryOnParseFail} times, every call recorded. The score
 * goes to the ledger with the kind's weight and the parse outcome, apart from the raw output.
 */
final class TaskRunner {

    private final BenchExecutionContext context;

    TaskRunner(BenchExecutionContext context) {
        this.context = context;
    }

    void run(TestDescriptor descriptor, TestRef ref, Task task) {
        var config = context.config();
        boolean strict = config.strictJson();
        QuestionRunner plain = new QuestionRunner(context);
        String prompt = TaskPrompts.prompt(task, strict);
        RunLedger ledger = context.ledger();
        QuestionReport report = new QuestionReport(AllureRecorder.forTest(ref.testId()), ref, config, context.client().provider());
        report.describe(task.kind().wireName(), prompt);
        int retries = 0;
        CallResult call;
        TaskScorer.Graded graded = null;
        // One replay scope for all attempts, so a parse retry replays the ledger's second call of this task.
        try (var scope = ReplayClient.scope(ref.testId(), ref.model(), ref.suite(), ref.item())) {
            while (true) {
                ChatRequest request = new ChatRequest(ref.model(), plain.messages(prompt), plain.options(),
                        TaskPrompts.referenceAnswer(task, strict));
                call = report.call(() -> context.client().chat(request));
                ledger.recordCall(ref, request, call);
                report.exchange(request, call, retries);
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
        }
        Score score = call.ok() ? graded.score() : Score.of(List.of(Check.failed("model call", 1,
                call.errorKind().wireName() + ": " + call.errorMessage())), config.passScore());
        report.breakdown(score, Weights.ofTask(config, task.kind()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", task.kind().wireName());
        details.put("strict_json", strict);
        details.put("parse_ok", graded != null && graded.parseOk());
        details.put("parse_retries", retries);
        if (graded != null && graded.parse() != null) {
            details.put("parse_recoveries", graded.parse().recoveries());
            details.put("parse_error", graded.parse().error());
        }
        details.put("parsed", graded == null ? null : graded.parsed());
        java.util.Optional.ofNullable(org.llmbench.tasks.CodeRunner.layers(task)).ifPresent(l -> details.put("sandbox_layers", l));
        report.parsed(details);
        ledger.recordScore(ref, score, Weights.ofTask(config, task.kind()), call, details);
        Map<String, String> entry = QuestionRunner.reportEntry(score, call);
        entry.put("parse_ok", String.valueOf(details.get("parse_ok")));
        entry.put("parse_retries", String.valueOf(retries));
        context.listener().reportingEntryPublished(descriptor, ReportEntry.from(entry));
        if (!score.passed()) {
            throw new AssertionFailedError(score.failureSummary());
        }
    }
}
