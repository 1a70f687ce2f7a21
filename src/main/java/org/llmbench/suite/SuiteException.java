package org.llmbench.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A suite file that cannot be used; the message names the file, the line and the field of its first problem
 * and then, one a line, every other problem the loader found in the same pass ({@link #problems()}).
 */
public final class SuiteException extends Exception {

    private final transient SuiteOrigin origin;
    private final int line;
    private final int column;
    private final String field;
    private final String reason;
    private final transient List<SuiteException> others;

    public SuiteException(SuiteOrigin origin, int line, int column, String field, String reason) {
        this(origin, line, column, field, reason, List.of());
    }

    private SuiteException(SuiteOrigin origin, int line, int column, String field, String reason, List<SuiteException> others) {
        super(where(origin, line, column, field) + reason
                + others.stream().map(o -> System.lineSeparator() + o.getMessage()).collect(Collectors.joining()));
        this.origin = origin;
        this.line = line;
        this.column = column;
        this.field = field;
        this.reason = reason;
        this.others = List.copyOf(others);
    }

    private static String where(SuiteOrigin origin, int line, int column, String field) {
        return origin.display() + ":" + line + ":" + column + ": " + (field == null ? "" : field + ": ");
    }

    /** One exception for several problems of one file: the first, carrying the rest. */
    static SuiteException of(List<SuiteException> problems) {
        SuiteException first = problems.get(0);
        return problems.size() == 1 ? first : new SuiteException(first.origin, first.line, first.column, first.field,
                first.reason, problems.subList(1, problems.size()));
    }

    /** Every problem this exception stands for, each with its own file, line and field; the first first. */
    public List<SuiteException> problems() {
        if (others.isEmpty()) {
            return List.of(this);
        }
        List<SuiteException> all = new ArrayList<>();
        all.add(new SuiteException(origin, line, column, field, reason));
        all.addAll(others);
        return List.copyOf(all);
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
