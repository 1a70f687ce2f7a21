package org.llmbench.engine;

import org.junit.platform.engine.UniqueId;
import org.llmbench.suite.SuiteException;

/**
 * A suite file that could not be read, shown as one failed test in its place so every report counts it,
 * while the other suites run. Its source points at the line of the problem.
 */
final class BrokenSuiteDescriptor extends BenchDescriptor {

    private final SuiteException problem;

    BrokenSuiteDescriptor(UniqueId parent, String suiteId, SuiteException problem) {
        super(parent.append(Segments.SUITE, suiteId),
                ReportingNames.modelOf(parent) + "/" + suiteId + " (invalid suite file)",
                Sources.of(problem.origin(), problem.line(), problem.column()), Type.TEST);
        this.problem = problem;
    }

    @Override
    public BenchExecutionContext execute(BenchExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        throw new InvalidSuiteError(problem.getMessage());
    }

    /** The failure of a broken suite; its message names file, line and field. */
    static final class InvalidSuiteError extends AssertionError {
        InvalidSuiteError(String message) {
            super(message);
        }
    }
}
