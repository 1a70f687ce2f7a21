package org.llmbench.engine;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.hierarchical.Node;
import org.llmbench.ledger.RunLedger;

/**
 * A node of the llm-bench tree: how it ended goes to the run's ledger, taken from the execution context. The
 * engine records outcomes itself, on the thread that ran the node, so the ledger needs no listener and counts
 * each test exactly once whatever the executor's concurrency.
 */
interface BenchNode extends Node<BenchExecutionContext> {

    @Override
    default void nodeSkipped(BenchExecutionContext context, TestDescriptor descriptor, SkipResult result) {
        RunLedger ledger = context == null ? null : context.ledger();
        if (ledger != null && descriptor.isTest()) {
            ledger.recordSkipped(descriptor.getUniqueId().toString(), result.getReason().orElse(""));
        }
    }

    @Override
    default void nodeFinished(BenchExecutionContext context, TestDescriptor descriptor, TestExecutionResult result) {
        RunLedger ledger = context == null ? null : context.ledger();
        if (ledger == null) {
            return;
        }
        String message = result.getThrowable().map(t -> firstLine(t.getMessage())).orElse(null);
        if (descriptor.isTest()) {
            ledger.recordTestEnd(descriptor.getUniqueId().toString(),
                    result.getStatus().name().toLowerCase(java.util.Locale.ROOT), message);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            ledger.recordContainerFailed(descriptor.getUniqueId().toString(), message);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
