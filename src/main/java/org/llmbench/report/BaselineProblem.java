package org.llmbench.report;

import java.io.IOException;
import java.util.List;

/**
 * Why two runs cannot be paired question by question (a file that cannot be read or does not hold together, other
 * questions, a model missing): a refusal with its reasons, never a verdict on quality.
 */
public final class BaselineProblem extends IOException {

    private final List<String> reasons;

    BaselineProblem(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    BaselineProblem(String reason) {
        this(List.of(reason));
    }

    /** Each reason, naming the file and field or the questions it is about. */
    public List<String> reasons() {
        return reasons;
    }
}
