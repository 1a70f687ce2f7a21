package org.llmbench.cli;

/** A failure a command reports to its user with a message and an exit code, never a stack trace. */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
