package org.llmbench.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.llmbench.config.TerminalText;

/**
 * How far a run has got: done/total, share, failures, elapsed time, an ETA and the last test. On a terminal it is
 * one line rewritten in place; elsewhere (Maven, CI logs, a pipe) a plain line at most every few seconds, so a
 * long run under {@code mvn test} is never silent.
 */
final class RunProgress {

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier clock;
    private long total;
    private long startNanos;
    private long lastPrinted;
    private int done;
    private int failed;
    private int lastWidth;

    /**
     * @param terminal whether {@code out} is an interactive terminal (one updating line) or a log (plain lines)
     * @param intervalNanos the least time between two plain lines
     */
    RunProgress(PrintStream out, boolean terminal, long intervalNanos, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
    }

    synchronized void planned(long tests) {
        total = tests;
        done = 0;
        failed = 0;
        startNanos = clock.getAsLong();
        lastPrinted = startNanos;
    }

    /** The run's own count of its tests, when it knows more than the test plan did (turns added as it runs). */
    synchronized void total(long tests) {
        total = Math.max(tests, done);
    }

    /** One test ended; {@code test} is its short name (model/suite/item), {@code status} passed, failed, ... */
    synchronized void ended(String test, String status) {
        done++;
        failed += status.equals("failed") || status.equals("aborted") ? 1 : 0;
        long now = clock.getAsLong();
        String line = line(TerminalText.escape(test), status, now);
        if (terminal) {
            String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
            out.print('\r' + padded);
            out.flush();
            lastWidth = line.length();
        } else if (now - lastPrinted >= intervalNanos || done == total) {
            out.println(line);
            lastPrinted = now;
        }
    }

    /** Clears the terminal line, so the summary starts on a clean one. */
    synchronized void end() {
        if (terminal && lastWidth > 0) {
            out.print('\r' + " ".repeat(lastWidth) + '\r');
            out.flush();
            lastWidth = 0;
        }
    }

    String line(String test, String status, long now) {
        long elapsedS = (now - startNanos) / 1_000_000_000L;
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        String eta = done == 0 || total <= done ? "-" : seconds(elapsedS * (total - done) / done);
        return String.format(Locale.ROOT, "[llm-bench] %d/%d (%d%%) %d failed, %s elapsed, ETA %s | %s %s",
                done, total, percent, failed, seconds(elapsedS), eta, test, status);
    }

    private static String seconds(long s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
