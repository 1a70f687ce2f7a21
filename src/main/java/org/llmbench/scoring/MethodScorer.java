package org.llmbench.scoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmbench.suite.CodeTests;
import org.llmbench.suite.MethodPlan;
import org.llmbench.suite.Objective;
import org.llmbench.suite.ScoringMethod;

/**
 * Reads one answer by every method a question names. Methods that make the same program share one run of the
 * tests (the sandbox is the expensive part); {@code loglikelihood} is not read from text and is left to the engine.
 */
final class MethodScorer {

    private MethodScorer() {
    }

    /** Each method's outcome, in the plan's order (methods not read from text left out). */
    static Map<ScoringMethod, MethodOutcome> score(Objective objective, String answer, CodeJudge judge) {
        MethodPlan plan = objective.methods();
        Map<ScoringMethod, MethodOutcome> out = new LinkedHashMap<>();
        Map<String, List<Check>> runs = new HashMap<>();
        for (ScoringMethod m : plan.methods()) {
            switch (m) {
                case STRICT_MATCH, FLEXIBLE_EXTRACT -> out.put(m, Gsm8kMethods.check(m,
                        plan.target() == null ? objective.answer() : plan.target(), answer));
                case BY_VALUE -> {
                    BigDecimal n = NumberAnswer.extract(answer);
                    out.put(m, new MethodOutcome(List.of(NumberAnswer.check(objective.answer(), answer)),
                            n == null ? null : n.toPlainString()));
                }
                case GENERATIVE -> out.put(m, MmluGenerative.check(objective.answer(), answer));
                case LENIENT -> out.put(m, new MethodOutcome(List.of(ChoiceAnswer.check(objective.answer(), objective.choices(),
                        answer)), ChoiceAnswer.extract(answer, objective.choices()).label()));
                case EVALPLUS, HUMAN_EVAL, FIRST_BLOCK -> out.put(m, code(m, objective.tests(), plan.answerForm(), answer, judge, runs));
                case LOGLIKELIHOOD -> { } // scored from log-probabilities, by the engine
            }
        }
        return out;
    }

    private static MethodOutcome code(ScoringMethod m, CodeTests tests, String form, String answer, CodeJudge judge,
                                      Map<String, List<Check>> runs) {
        CodeChecks.Program p = CodeChecks.program(m, tests, form, answer);
        if (p.unavailable()) {
            return new MethodOutcome(List.of(Check.unavailable("tests", p.problem())), null);
        }
        if (p.code() == null) {
            return new MethodOutcome(List.of(Check.failed("tests", 1, m.wireName() + ": " + p.problem())), null);
        }
        List<Check> checks = runs.computeIfAbsent(p.code(), c -> CodeChecks.run(judge, tests, c));
        return new MethodOutcome(checks, firstLine(p.code(), tests.prefix(), m));
    }

    /** The first line of the code the method took from the answer (after a prefix it added), to show which it took. */
    private static String firstLine(String program, String prefix, ScoringMethod m) {
        String own = m != ScoringMethod.EVALPLUS && prefix != null && program.startsWith(prefix)
                ? program.substring(prefix.length()) : program;
        for (String line : own.split("\n", 50)) {
            if (!line.isBlank()) {
                return LmEvalText.clip(line.strip());
            }
        }
        return "";
    }
}
