package org.llmbench.scoring;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The score of one answer: 0-100, the weighted share of the checks that passed, with every check kept.
 *
 * @param passMark the score needed to pass, 0-100
 */
public record Score(double value, double passMark, List<Check> checks) {

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

    /** One line per failed check, for a failed test's message. */
    public String failureSummary() {
        return String.format(java.util.Locale.ROOT, "score %.2f below pass mark %.2f; failed checks:%n", value, passMark)
                + failedChecks().stream().map(c -> "  - " + c.name() + ": " + c.reason())
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
