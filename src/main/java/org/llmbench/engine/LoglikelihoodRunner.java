package org.llmbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.LetterLogprobs;
import org.llmbench.model.LogprobRequest;
import org.llmbench.model.LogprobResult;
import org.llmbench.record.TestRef;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.Methods;
import org.llmbench.scoring.Score;
import org.llmbench.suite.Objective;
import org.llmbench.suite.Question;
import org.llmbench.suite.ScoringMethod;
import org.llmbench.suite.Suite;

/**
 * Runs an MMLU question by MMLU's published method, {@code loglikelihood} (its headline with
 * {@code bench.promptFormat=reference}, or with {@code bench.method=loglikelihood}): no text is
 * generated; the client gives each answer letter's log-likelihood after the prompt, the highest wins (the first on a
 * tie), and the question scores 100 when that is the answer letter. The call, with every letter's log-likelihood,
 * is recorded like any call. A server or provider that gives no log-probabilities is said once on the console (URL
 * and fix) and the question is asked by the {@code generative} method instead: never a silent zero.
 */
final class LoglikelihoodRunner {

    private final BenchExecutionContext context;

    LoglikelihoodRunner(BenchExecutionContext context) {
        this.context = context;
    }

    /**
     * Whether a question is run here: a multiple-choice question whose headline method is {@code loglikelihood} (MMLU
     * with {@code bench.promptFormat=reference}, or {@code bench.method=loglikelihood}).
     */
    static boolean applies(Question question) {
        Objective objective = Objective.of(question);
        return objective.methods() != null && objective.methods().headline() == ScoringMethod.LOGLIKELIHOOD
                && !objective.choices().isEmpty();
    }

    /** Runs the question; false when the client cannot give log-probabilities (the caller asks it generatively). */
    boolean run(TestRef ref, Suite suite, Question question) {
        Objective objective = Objective.of(question);
        List<String> letters = new ArrayList<>(objective.choices().keySet());
        LogprobRequest request = new LogprobRequest(ref.model(), question.prompt(), letters,
                question.referenceAnswer(), ref, LogprobRequest.DEFAULT_TOP_K);
        QuestionReport report = new QuestionReport(context.allure().forTest(ref.testId()), ref, context.config(),
                context.client().provider());
        report.describe("loglikelihood", request.prompt());
        LogprobResult[] result = new LogprobResult[1];
        CallResult call = report.call(() -> {
            result[0] = context.client().logprobs(request);
            return result[0].call();
        });
        if (result[0].unsupported()) {
            if (context.ledger() == null || context.ledger().firstNotice("no-logprobs\u0000" + ref.model())) {
                context.console().problem("[llm-bench] " + org.llmbench.config.TerminalText.escape(ref.model() + ": " + call.errorMessage()));
            }
            return false;
        }
        ChatRequest recorded = new ChatRequest(ref.model(), request.asMessages(), null, null, ref);
        context.recording().logprobCall(ref, recorded, call, result[0].letters());
        QuestionRunner.abortIfNotReplayable(call);
        double passMark = question.passScore() == null ? context.config().passScore() : question.passScore();
        Score score = report.score(() -> score(question, call, result[0].letters(), passMark));
        new QuestionRunner(context).finish(ref, suite, question, call, score);
        return true;
    }

    /**
     * The question's score: the {@code loglikelihood} verdict as its headline and only verdict (100 when the likeliest
     * letter is the answer), and a check whose reason gives every letter's log-likelihood.
     */
    static Score score(Question question, CallResult call, LetterLogprobs letters, double passMark) {
        Objective objective = Objective.of(question);
        String method = ScoringMethod.LOGLIKELIHOOD.wireName();
        Check detail;
        String chosen = letters == null ? null : letters.chosen();
        if (!call.ok() || letters == null) {
            detail = Check.failed("model call", 1, call.errorKind().wireName() + ": " + call.errorMessage());
        } else if (chosen == null) {
            detail = Check.failed(method, 0, "no answer letter among the top " + letters.topK()
                    + " next tokens, so none is chosen (" + describe(letters) + ")");
        } else if (chosen.equals(objective.answer())) {
            detail = Check.passed(method, 0, chosen + " has the highest log-likelihood, and it is the answer ("
                    + describe(letters) + ")");
        } else {
            detail = Check.failed(method, 0, chosen + " has the highest log-likelihood; the answer is " + objective.answer()
                    + " (" + describe(letters) + ")");
        }
        boolean right = chosen != null && chosen.equals(objective.answer());
        // Only this verdict: no text was generated, so the text methods have no reading (a 0 there would be a zero
        // the model never earned).
        return Score.of(List.of(detail), passMark).withMethod(new Methods.Verdict(method, right ? 100 : 0, chosen), true, objective.methods().promptFormat());
    }

    private static String describe(LetterLogprobs letters) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : letters.byLetter().entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                    .append(e.getValue() == null ? "not in the top " + letters.topK() : String.format(Locale.ROOT, "%.4f", e.getValue()));
        }
        return sb.toString();
    }
}
