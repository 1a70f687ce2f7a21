package org.llmbench.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * Streams the events of a run.jsonl one line at a time, so no run is ever held in memory whole. It never fails on
 * what a line holds: a line that is no event (junk, a field missing or of the wrong type, a line too long, a torn
 * last line) is skipped and named in the {@link Reading}; an event of a kind this build does not know is handed on
 * as {@link RunEvent.Unknown}, and fields it does not know stay in the event's {@link Stamp}.
 */
public final class RecordReader {

    /** The longest line read; a longer one is skipped and named (a ledger line is a call with its answer). */
    static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    /** How many problems a reading keeps to name; the count goes on. */
    private static final int KEPT_PROBLEMS = 100;

    /**
     * What one reading found.
     *
     * @param lines lines read (blank lines included)
     * @param events events handed on
     * @param problemCount lines skipped
     * @param problems the first of those, each naming file, line and field
     */
    public record Reading(long lines, long events, long problemCount, List<LineProblem> problems) {
        public Reading {
            problems = List.copyOf(problems);
        }

        /** Whether every line was an event, a torn last line aside. */
        public boolean clean() {
            return problems.stream().allMatch(LineProblem::tornTail) && problemCount == problems.size();
        }
    }

    private RecordReader() {
    }

    /** Calls {@code consumer} with each event in file order; what could not be read is in the result. */
    public static Reading forEach(Path ledger, Consumer<? super RunEvent> consumer) throws IOException {
        return forEachNumbered(ledger, (event, number) -> consumer.accept(event));
    }

    /** {@link #forEach}, handing on each event with its 1-based line (for a check that names the line it doubts). */
    public static Reading forEachNumbered(Path ledger, ObjLongConsumer<? super RunEvent> consumer) throws IOException {
        List<LineProblem> problems = new ArrayList<>();
        long lines = 0;
        long events = 0;
        long problemCount = 0;
        try (InputStream in = Files.newInputStream(ledger)) {
            LineSource source = new LineSource(in);
            LineSource.Line line;
            while ((line = source.next()) != null) {
                lines++;
                LineProblem problem = null;
                if (line.tooLong()) {
                    problem = new LineProblem(ledger, lines, null, "line longer than " + MAX_LINE_BYTES + " bytes, skipped", false);
                } else if (!line.text().isBlank()) {
                    try {
                        consumer.accept(RecordCodec.decode(line.text()), lines);
                        events++;
                    } catch (RecordCodec.BadLine e) {
                        boolean torn = !line.ended();
                        problem = new LineProblem(ledger, lines, e.field(),
                                torn ? "unfinished last line (a run killed mid-write?): " + e.reason() : e.reason(), torn);
                    }
                }
                if (problem != null) {
                    problemCount++;
                    if (problems.size() < KEPT_PROBLEMS) {
                        problems.add(problem);
                    }
                }
            }
        }
        return new Reading(lines, events, problemCount, problems);
    }

    /** Lines of bytes, each cut at {@link #MAX_LINE_BYTES} (the rest of a longer line is read and dropped). */
    private static final class LineSource {
        record Line(String text, boolean ended, boolean tooLong) {
        }

        private final InputStream in;
        private final byte[] block = new byte[1 << 16];
        private int position;
        private int limit;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);

        LineSource(InputStream in) {
            this.in = in;
        }

        Line next() throws IOException {
            buffer.reset();
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(block);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? line(false, tooLong) : null;
                    }
                }
                any = true;
                int end = position;
                while (end < limit && block[end] != '\n') {
                    end++;
                }
                int keep = Math.min(end - position, MAX_LINE_BYTES - buffer.size());
                buffer.write(block, position, keep);
                tooLong |= keep < end - position;
                if (end < limit) {
                    position = end + 1;
                    return line(true, tooLong);
                }
                position = limit;
            }
        }

        private Line line(boolean ended, boolean tooLong) {
            String text = tooLong ? "" : buffer.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            return new Line(text, ended, tooLong);
        }
    }
}
