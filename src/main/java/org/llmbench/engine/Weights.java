package org.llmbench.engine;

import org.llmbench.config.BenchConfig;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;
import org.llmbench.tasks.TaskKind;

/**
 * The weight a test counts with in the weighted total: the one rule that the runs record in the ledger and that
 * {@code list} prints, so the two cannot disagree.
 */
public final class Weights {

    private Weights() {
    }

    /** A suite question: its own weight times its suite's ({@code suite.weights}, 1 when the config names none). */
    public static double ofQuestion(BenchConfig config, Suite suite, Question question) {
        return question.weight() * config.weightOf(suite.id());
    }

    /** A generated task: its kind's weight (by default 2 for code_fix and algorithm, 1.5 for reasoning). */
    public static double ofTask(BenchConfig config, TaskKind kind) {
        return config.weightOf(kind.wireName());
    }

    /** A tool task of the tools phase: the weight of {@code tools} (1 unless {@code suite.weights} names it). */
    public static double ofTool(BenchConfig config) {
        return config.weightOf(org.llmbench.tasks.ToolTask.KIND);
    }
}
