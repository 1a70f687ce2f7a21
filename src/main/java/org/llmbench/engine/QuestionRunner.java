package org.llmbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.llmbench.record.Sampling;
import org.llmbench.record.TestRef;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatMessage;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.ErrorKind;
import org.llmbench.model.GenerationOptions;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.PassAtK;
import org.llmbench.scoring.QuestionScorer;
import org.llmbench.scoring.Score;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;
import org.opentest4j.TestAbortedException;

/**
 * Runs one question on the executing thread: call the model, record the call, score the answer, record the
 * score (the run's recorders make the ledger's lines, the reporting entry and Allure's attachments of these
 * events), and fail the test when the score is below its pass mark.
 */
final class QuestionRunner {

    private final BenchExecutionContext context;

    QuestionRunner(BenchExecutionContext context) {
        this.context = context;
    }

    void run(TestRef ref, Suite suite, Question question) {
        int samples = context.config().samples();
        if (samples > 1) {
            runSamples(ref, suite, question, samples);
            return;
        }
        ChatRequest request = new ChatRequest(ref.model(), messages(question.prompt()), options(), question.referenceAnswer(), ref);
        QuestionReport report = new QuestionReport(context.allure().forTest(ref.testId()), ref, context.config(), context.client().provider());
        report.describe(question.formatRule() == null ? "free text" : question.formatRule().wireName(), question.prompt());
        CallResult call = report.call(() -> context.client().chat(request));
        context.recording().call(ref, request, call, null);
        abortIfNotReplayable(call);
        report.parse(call.content());
        finish(ref, suite, question, call, report.score(() -> scoreOf(question, call, call.content())));
    }

    /**
     * Asks the question {@code samples} times with seeds {@code bench.seed + i}, each call recorded with its sample
     * index; the question scores the mean of the samples' scores, and the score event carries each sample's score
     * and pass@k ({@link PassAtK}), a sample passing when it reaches the pass mark.
     */
    private void runSamples(TestRef ref, Suite suite, Question question, int samples) {
        QuestionReport report = new QuestionReport(context.allure().forTest(ref.testId()), ref, context.config(), context.client().provider());
        report.describe(question.formatRule() == null ? "free text" : question.formatRule().wireName(), question.prompt());
        List<Double> values = new ArrayList<>(samples);
        int passed = 0;
        Score last = null;
        CallResult call = null;
        List<org.llmbench.scoring.Methods> methods = new ArrayList<>(samples);
        // Each request names its test, so a replay answers sample i with the ledger's i-th call of this test.
        for (int i = 0; i < samples; i++) {
            ChatRequest request = new ChatRequest(ref.model(), messages(question.prompt()), options(i),
                    question.referenceAnswer(), ref);
            CallResult sampleCall = report.call(() -> context.client().chat(request));
            context.recording().call(ref, request, sampleCall, i);
            abortIfNotReplayable(sampleCall);
            Score s = report.score(() -> scoreOf(question, sampleCall, sampleCall.content()));
            values.add(s.value());
            methods.add(s.methods());
            passed += s.passed() ? 1 : 0;
            last = s;
            call = sampleCall;
        }
        double mean = Math.round(100.0 * values.stream().mapToDouble(Double::doubleValue).average().orElse(0)) / 100.0;
        Map<String, Double> passAtK = PassAtK.usual(samples, passed);
        List<Check> checks = new ArrayList<>(last.checks());
        checks.add(Check.passed("samples", 0, String.format(java.util.Locale.ROOT,
                "%d of %d samples reached the pass mark; pass@1 %.3f; the score is the mean over samples", passed, samples,
                passAtK.get("1"))));
        finish(ref, suite, question, call, new Score(mean, last.passMark(), List.copyOf(checks),
                        org.llmbench.scoring.Methods.mean(methods)),
                new Sampling(samples, values, passed, passAtK));
    }

    /** A question the replayed ledger lacks is nothing the model did: the test is aborted, not failed. */
    static void abortIfNotReplayable(CallResult call) {
        if (call.errorKind() == ErrorKind.NOT_REPLAYABLE) {
            throw new TestAbortedException("not replayable: " + call.errorMessage());
        }
    }

    /** The score of an answer, or of the call's failure when there is no answer. */
    Score scoreOf(Question question, CallResult call, String answer) {
        return call.ok()
                ? context.scorer().score(question, answer, context.config().passScore())
                : Score.of(List.of(Check.failed("model call", 1, call.errorKind().wireName() + ": " + call.errorMessage())),
                        question.passScore() == null ? context.config().passScore() : question.passScore())
                        .withMethods(QuestionScorer.unanswered(question));
    }

    /** Records the score and fails the test when the score is below its pass mark. */
    void finish(TestRef ref, Suite suite, Question question, CallResult call, Score score) {
        finish(ref, suite, question, call, score, null);
    }

    private void finish(TestRef ref, Suite suite, Question question, CallResult call, Score score, Sampling sampling) {
        abortIfNotReplayable(call);
        double weight = Weights.ofQuestion(context.config(), suite, question);
        new QuestionReport(context.allure().forTest(ref.testId()), ref, context.config(), context.client().provider()).breakdown(score, weight);
        org.llmbench.suite.CodeTests tests = org.llmbench.suite.Objective.of(question).tests();
        // what stood between the answer's code and this machine, "unisolated" included
        List<String> layers = tests == null ? null : org.llmbench.tasks.SuiteCodeJudge.layers(tests, context.config().unisolatedSandbox());
        context.recording().score(ref, score, weight, null, sampling, layers);
        if (!score.passed()) {
            throw new BelowPassMark(score);
        }
    }

    List<ChatMessage> messages(String prompt) {
        List<ChatMessage> messages = new ArrayList<>(2);
        if (context.config().systemPrompt() != null) {
            messages.add(ChatMessage.system(context.config().systemPrompt()));
        }
        messages.add(ChatMessage.user(prompt));
        return messages;
    }

    GenerationOptions options() {
        var c = context.config();
        return new GenerationOptions(c.temperature(), c.numCtx(), c.numPredict(), c.seed());
    }

    /** The options of sample i: the run's, with seed {@code bench.seed + i} so samples differ at temperature > 0. */
    GenerationOptions options(int sample) {
        var c = context.config();
        return new GenerationOptions(c.temperature(), c.numCtx(), c.numPredict(), c.seed() + sample);
    }
}
