package org.llmbench.suite;

/** A suite file that cannot be used; the message names the file, the line and the field. */
public final class SuiteException extends Exception {

    private final transient SuiteOrigin origin;
    private final int line;
    private final int column;
    private final String field;

    public SuiteException(SuiteOrigin origin, int line, int column, String field, String reason) {
        super(origin.display() + ":" + line + ":" + column + ": " + (field == null ? "" : field + ": ") + reason);
        this.origin = origin;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    public SuiteOrigin origin() {
        return origin;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }
}
