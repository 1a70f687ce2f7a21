package org.llmbench.engine;

import java.util.Locale;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;

/**
 * The prompt an MMLU question is scored on by log-likelihood: lm-evaluation-harness's {@code mmlu} default task,
 * zero-shot: {@code The following are multiple choice questions (with answers) about SUBJECT.} then the question,
 * its lettered choices and {@code Answer:} (the question's own prompt after its generative instruction).
 * Temporary: the n-shot prompt with the dev split's examples comes from the public formats ("methods", issue 28).
 */
final class MmluPrompts {

    private MmluPrompts() {
    }

    static String zeroShot(Suite suite, Question question) {
        String prompt = question.prompt();
        int body = prompt.indexOf("\n\n");
        String doc = body < 0 ? prompt : prompt.substring(body + 2);
        return "The following are multiple choice questions (with answers) about " + subject(suite.id()) + ".\n\n" + doc;
    }

    /** {@code high_school_biology_test} is "high school biology", as lm-eval names each subject's task. */
    static String subject(String suiteId) {
        String s = suiteId.replaceAll("_(test|val|dev)$", "");
        return s.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
