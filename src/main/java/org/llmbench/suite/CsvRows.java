package org.llmbench.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.llmbench.json.Json;

/**
 * The rows of a CSV file (RFC 4180, read by jackson-dataformat-csv): quoted fields may hold commas, doubled
 * quotes and line breaks; a file that is not CSV (an unclosed quote, text after a closing quote) is a
 * {@link SuiteException} naming the line its row starts on.
 */
final class CsvRows {

    private final SuiteOrigin origin;
    private final JsonParser parser;
    private int rowLine;
    private int nextLine = 1;

    CsvRows(SuiteOrigin origin, Reader reader) throws IOException {
        this.origin = origin;
        this.parser = Json.csv().createParser(reader);
    }

    /** The line the row last read starts on (1-based). */
    int rowLine() {
        return rowLine;
    }

    /** The next row's fields, a line break inside a quoted field read as {@code \n}; null after the last row. */
    List<String> next() throws IOException, SuiteException {
        rowLine = nextLine;
        try {
            if (parser.nextToken() == null) {
                return null;
            }
            List<String> row = new ArrayList<>();
            for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                row.add(parser.getText().replace("\r\n", "\n").replace('\r', '\n'));
            }
            nextLine = parser.currentLocation().getLineNr();
            return row;
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() == rowLine ? "" : " (found on line " + at.getLineNr() + ")";
            throw new SuiteException(origin, rowLine, at != null && at.getLineNr() == rowLine ? at.getColumnNr() : 1,
                    null, "not valid CSV: " + e.getOriginalMessage() + where);
        }
    }
}
