package org.llmbench.engine;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * The lines the engine shows the user ({@code [llm-bench] ...}): what the run did (standard output) and what went
 * wrong beside it (standard error). The engine owns one and hands it down; the streams are looked up at each line,
 * so a caller that redirects {@code System.out} (the CLI's tests, Surefire) gets the lines where it expects them.
 */
final class BenchConsole {

    /** The process's standard output and error. */
    static final BenchConsole STANDARD = new BenchConsole(() -> System.out, () -> System.err);

    private static final PrintStream NOWHERE = new PrintStream(java.io.OutputStream.nullOutputStream());

    /** Shows nothing: the console of a run that is part of another command's output. */
    static final BenchConsole NONE = new BenchConsole(() -> NOWHERE, () -> NOWHERE);

    private final Supplier<PrintStream> out;
    private final Supplier<PrintStream> err;

    BenchConsole(Supplier<PrintStream> out, Supplier<PrintStream> err) {
        this.out = out;
        this.err = err;
    }

    /** One line on standard output; one call per line, so lines of concurrent lanes never interleave. */
    void line(String text) {
        out.get().println(text);
    }

    /** One line on standard error: something went wrong that does not stop the run. */
    void problem(String text) {
        err.get().println(text);
    }
}
