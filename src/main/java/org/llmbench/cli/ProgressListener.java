package org.llmbench.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One line on the terminal that a long run rewrites as questions finish: count, share, failures, the last
 * question. Only on an interactive terminal; piped output and CI logs get the ledger's own lines instead.
 */
final class ProgressListener implements TestExecutionListener {

    private final PrintStream out;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile long total;
    private volatile long startNanos;
    private int lastWidth;

    ProgressListener(PrintStream out) {
        this.out = out;
    }

    /** The listener for this process: a real one on a terminal, otherwise one that prints nothing. */
    static TestExecutionListener forTerminal() {
        return System.console() != null ? new ProgressListener(System.err) : new TestExecutionListener() { };
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        total = plan.countTestIdentifiers(TestIdentifier::isTest);
        startNanos = System.nanoTime();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            show(id, "skipped", done.incrementAndGet());
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            return;
        }
        boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        if (!ok) {
            failed.incrementAndGet();
        }
        show(id, ok ? "passed" : "failed", done.incrementAndGet());
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        synchronized (this) {
            if (lastWidth > 0) {
                out.print('\r' + " ".repeat(lastWidth) + '\r');
                out.flush();
                lastWidth = 0;
            }
        }
    }

    /** The line shown after {@code count} of {@code total} tests. */
    String line(TestIdentifier id, String status, int count) {
        long elapsedS = (System.nanoTime() - startNanos) / 1_000_000_000L;
        int percent = total == 0 ? 100 : (int) (count * 100 / total);
        return String.format(Locale.ROOT, "[llm-bench] %d/%d (%d%%) %d failed, %ds | %s %s",
                count, total, percent, failed.get(), elapsedS, ListCommand.shortName(id.getUniqueId()), status);
    }

    private synchronized void show(TestIdentifier id, String status, int count) {
        String line = line(id, status, count);
        String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
        out.print('\r' + padded);
        out.flush();
        lastWidth = line.length();
    }
}
