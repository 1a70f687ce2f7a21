package org.llmbench.cli;

/** One thing check-submission found: where (file relative to the run folder, 1-based line), what kind, and why. */
record Finding(String file, int line, String kind, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + kind + ": " + message;
    }
}
