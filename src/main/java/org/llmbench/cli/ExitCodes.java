package org.llmbench.cli;

import java.util.Map;

/**
 * The CLI's exit codes, listed in every command's {@code --help} and in the README.
 *
 * <p>A question that scores below its pass mark is a failed test but not a failed command (as in Maven):
 * {@code run} exits 0 unless {@code --min-score} says otherwise.
 */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /**
     * It ran, and found something wrong: validation errors, submission findings, a failed gate (a total below
     * --min-score, a real drop against --baseline: significant, or larger than --max-drop).
     */
    public static final int FINDINGS = 1;
    /** Bad command line (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** Bad input: a configuration or file that cannot be used, or nothing to run; a baseline that cannot be paired. */
    public static final int INPUT = 3;
    /** The model server could not be reached or did not answer. */
    public static final int MODEL = 4;
    /** A bug in llm-bench: the message says where. */
    public static final int INTERNAL = 5;

    static final String OK_LINE = "0:done";
    static final String FINDINGS_LINE = "1:findings: validation errors, submission findings, a failed gate";
    static final String USAGE_LINE = "2:bad command line";
    static final String INPUT_LINE = "3:unusable input: configuration, file, folder or baseline; nothing selected";
    static final String MODEL_LINE = "4:the model server could not be reached or failed the call";
    static final String INTERNAL_LINE = "5:internal error";

    private ExitCodes() {
    }

    /** The exit code for an exception that escaped a command. */
    static int of(Throwable e) {
        if (e instanceof CliException c) {
            return c.exitCode();
        }
        if (e instanceof picocli.CommandLine.ParameterException) {
            return USAGE;
        }
        return INTERNAL;
    }

    /** Every code with its meaning, for tests and docs. */
    static Map<Integer, String> all() {
        return Map.of(OK, OK_LINE, FINDINGS, FINDINGS_LINE, USAGE, USAGE_LINE, INPUT, INPUT_LINE, MODEL, MODEL_LINE,
                INTERNAL, INTERNAL_LINE);
    }
}
