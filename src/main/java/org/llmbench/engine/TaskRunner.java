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
        RunLedger ledger = RunLedger.current();
        int retries = 0;
        CallResult call;
        TaskScorer.Graded graded = null;
        while (true) {
            ChatRequest request = new ChatRequest(ref.model(), plain.messages(prompt), plain.options(),
                    TaskPrompts.referenceAnswer(task, strict));
            call = context.client().chat(request);
            ledger.recordCall(ref, request, call);
            if (!call.ok()) {
                break;
            }
            graded = TaskScorer.score(task, call.content(), strict, config.passScore());
            if (graded.parseOk() || retries >= config.retryOnParseFail()) {
                break;
            }
            retries++;
            prompt = TaskPrompts.retry(task, graded.parse().error());
        }
        Score score = call.ok() ? graded.score() : Score.of(List.of(Check.failed("model call", 1,
                call.errorKind().wireName() + ": " + call.errorMessage())), config.passScore());
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
        ledger.recordScore(ref, score, config.weightOf(task.kind().wireName()), call, details);
        Map<String, String> entry = QuestionRunner.reportEntry(score, call);
        entry.put("parse_ok", String.valueOf(details.get("parse_ok")));
        entry.put("parse_retries", String.valueOf(retries));
        context.listener().reportingEntryPublished(descriptor, ReportEntry.from(entry));
        if (!score.passed()) {
            throw new AssertionFailedError(score.failureSummary());
        }
    }
}
