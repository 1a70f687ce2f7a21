package org.llmbench.perf;

import java.io.OutputStream;
import java.io.PrintStream;

/** Silences System.out while a measured run prints its summary table, so only the figures are shown. */
final class PrintStreamMute {

    private PrintStreamMute() {
    }

    /** Runs {@code action} with System.out silenced and returns its result. */
    static <T> T call(java.util.concurrent.Callable<T> action) throws Exception {
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return action.call();
        } finally {
            System.setOut(original);
        }
    }

    static void run(Runnable action) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
    }
}
