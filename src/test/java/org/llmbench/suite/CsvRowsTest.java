package org.llmbench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV as MMLU publishes it and as people break it: quoted fields, line breaks inside them, unclosed quotes. */
class CsvRowsTest {

    @TempDir
    Path dir;

    private static final SuiteOrigin ORIGIN = SuiteOrigin.ofFile(Path.of("mmlu.csv"));

    private static List<String> rows(String csv) throws Exception {
        CsvRows rows = new CsvRows(ORIGIN, new StringReader(csv));
        List<String> out = new ArrayList<>();
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            out.add(rows.rowLine() + ":" + row);
        }
        return out;
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() throws Exception {
        assertThat(rows("\"a, b\",\"say \"\"hi\"\"\",c\nplain,\"\",x\n"))
                .containsExactly("1:[a, b, say \"hi\", c]", "2:[plain, , x]");
        assertThat(rows("\"two\r\nlines\",x\r\nthird,\"cr\ronly\"\n\nlast,row"))
                .as("a row's line is the line it starts on (a lone CR ends a line, as for BufferedReader); CRLF and CR inside a field read as \\n")
                .containsExactly("1:[two\nlines, x]", "3:[third, cr\nonly]", "5:[]", "6:[last, row]");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() throws Exception {
        assertThat(rows("ab\"c,d\n  ,e\n")).containsExactly("1:[ab\"c, d]", "2:[  , e]");
    }

    @Test
    void brokenCsvNamesFileAndLine() {
        assertThatThrownBy(() -> rows("ok,row\n\"never closed,x\nmore\n"))
                .isInstanceOf(SuiteException.class)
                .hasMessageStartingWith(ORIGIN.display() + ":2:1: not valid CSV: ")
                .hasMessageContaining("quote");
        assertThatThrownBy(() -> rows("a,b\nc,\"d\"e\n"))
                .isInstanceOf(SuiteException.class)
                .hasMessageStartingWith(ORIGIN.display() + ":2:")
                .satisfies(e -> assertThat(((SuiteException) e).line()).isEqualTo(2));
    }

    @Test
    void anMmluFileWithBrokenCsvIsASuiteErrorWithItsLine() throws Exception {
        Path file = dir.resolve("bad_test.csv");
        Files.writeString(file, "\"Q1\",a,b,c,d,A\n\"Q2\",a,b,c,\"d,B\n");
        assertThatThrownBy(() -> SuiteLoader.load(SuiteOrigin.ofFile(file)))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("bad_test.csv:2:")
                .hasMessageContaining("not valid CSV");
        Files.writeString(file, "\"Q1\nwith a second line\",a,b,c,d,A\n\"Q2\",a,b,c,d,X\n");
        assertThatThrownBy(() -> SuiteLoader.load(SuiteOrigin.ofFile(file)))
                .as("the answer error names the line its row starts on")
                .hasMessageContaining("bad_test.csv:3:");
    }
}
