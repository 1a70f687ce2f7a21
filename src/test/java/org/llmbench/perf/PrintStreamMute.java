package org.llmbench.perf;

import java.io.OutputStream;
import java.io.PrintStream;

/** Silences System.out while a measured run prints its summary table, so only the figures are shown. */
final class PrintStreamMute {

    private PrintStreamMute() {
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
