package org.llmbench.scoring;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The score of one answer: 0-100, the weighted share of the checks that passed, with every check kept.
 *
 * @param passMark the score needed to pass, 0-100
 * @param methods every scoring method's verdict where the question names methods (public formats), else null
 */
public record Score(double value, double passMark, List<Check> checks, Methods methods) {

    public Score(double value, double passMark, List<Check> checks) {
        this(value, passMark, checks, null);
    }

    /** This score with the methods' verdicts. */
    public Score withMethods(Methods m) {
        return new Score(value, passMark, checks, m);
    }

    /**
     * This score with one more method's verdict (a method the engine scores itself, e.g. the log-likelihood of
     * each choice); as the headline, its verdict replaces the {@code answer} check and so decides the score.
     */
    public Score withMethod(Methods.Verdict v, boolean asHeadline, String promptFormat) {
        Methods m = (methods == null ? new Methods(v.method(), promptFormat, List.of()) : methods).with(v, asHeadline);
        if (!asHeadline) {
            return withMethods(m);
        }
        List<Check> kept = new java.util.ArrayList<>(checks.stream().filter(c -> !c.name().equals("answer")
                && !c.name().equals("tests") && !c.name().startsWith("test ")).toList());
        kept.add(v.score() >= 100 ? Check.passed("answer", 1, v.method() + ": right")
                : Check.failed("answer", 1, v.method() + ": wrong"));
        return Score.of(kept, passMark).withMethods(m);
    }

    /** Combines checks into a score; unavailable checks are left out of the total. */
    public static Score of(List<Check> checks, double passMark) {
        double total = 0;
        double earned = 0;
        for (Check c : checks) {
            if (c.status() != Check.Status.UNAVAILABLE) {
                total += c.weight();
                earned += c.passed() ? c.weight() : 0;
            }
        }
        double value = total == 0 ? 0 : Math.round(10_000.0 * earned / total) / 100.0;
        return new Score(value, passMark, List.copyOf(checks));
    }

    public boolean passed() {
        return value >= passMark;
    }

    public List<Check> failedChecks() {
        return checks.stream().filter(c -> c.status() == Check.Status.FAILED).toList();
    }

    /**
     * The one rule a failing score broke, most specific first, in words that are the same for every answer that
     * broke it (Allure groups failures by message, its categories match on it; the particulars are in
     * {@link #failureSummary()}): {@code model call failed: <error kind>}, {@code answer envelope not parsed},
     * {@code answer part missing}, {@code format rule not met: <rule>}, else {@code below the pass mark}.
     * The check names are those the engine and the task scorer give ({@code model call}, {@code strict-json
     * envelope}, {@code part present}) and the format checks' own {@code format:<rule>}.
     */
    public String failureRule() {
        List<Check> failed = failedChecks();
        for (Check c : failed) {
            if (c.name().equals("model call")) {
                return "model call failed: " + c.reason().split(":", 2)[0].strip();
            }
        }
        for (Check c : failed) {
            if (c.name().equals("strict-json envelope")) {
                return "answer envelope not parsed";
            }
        }
        for (Check c : failed) {
            if (c.name().equals("part present")) {
                return "answer part missing";
            }
        }
        for (Check c : failed) {
            if (c.name().startsWith("format:")) {
                return "format rule not met: " + c.name().substring("format:".length());
            }
        }
        return "below the pass mark";
    }

    /** One line per failed check, for a failed test's message. */
    public String failureSummary() {
        return String.format(java.util.Locale.ROOT, "score %.2f below pass mark %.2f; failed checks:%n", value, passMark)
                + failedChecks().stream().map(c -> "  - " + c.name() + ": " + c.reason())
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
