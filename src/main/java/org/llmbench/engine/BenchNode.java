package org.llmbench.engine;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.hierarchical.Node;
import org.llmbench.record.TestStatus;

/**
 * A node of the llm-bench tree: how it ended is an event of the run's recording, taken from the execution context.
 * The engine records outcomes itself, on the thread that ran the node, so no recorder needs a listener and each
 * test ends exactly once whatever the executor's concurrency.
 */
interface BenchNode extends Node<BenchExecutionContext> {

    @Override
    default void nodeSkipped(BenchExecutionContext context, TestDescriptor descriptor, SkipResult result) {
        if (context != null && descriptor.isTest()) {
            context.recording().testSkipped(descriptor.getUniqueId().toString(), result.getReason().orElse(""));
        }
    }

    @Override
    default void nodeFinished(BenchExecutionContext context, TestDescriptor descriptor, TestExecutionResult result) {
        if (context == null) {
            return;
        }
        String message = result.getThrowable().map(t -> firstLine(t.getMessage())).orElse(null);
        if (descriptor.isTest()) {
            context.recording().testEnd(descriptor.getUniqueId().toString(), TestStatus.valueOf(result.getStatus().name()), message);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            context.recording().containerFailed(descriptor.getUniqueId().toString(), message);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
