package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartLibraryTest {

    @Test
    void theShippedLibraryNeedsNoRewriting() {
        String text = ChartLibrary.bundled().text();
        assertThat(text).hasSizeGreaterThan(500_000);
        assertThat(HtmlReport.safeScript(text)).isEqualTo(text);
    }

    @Test
    void findsWhatWouldEndItsScriptElementInAnyCaseAndBesideMultiByteCharacters() {
        for (String unsafe : List.of("a</script>b", "x</SCRIPT", "é</ScRiPt>ü", "<!-- c", "ok</div></scriptz", "</script")) {
            assertThat(ChartLibrary.scriptSafe(unsafe.getBytes(StandardCharsets.UTF_8))).as(unsafe).isFalse();
        }
        for (String safe : List.of("a<\\/script>", "</div>", "</scrip", "<!-", "<!—-", "é</ßcript>", "", "</", "<")) {
            assertThat(ChartLibrary.scriptSafe(safe.getBytes(StandardCharsets.UTF_8))).as(safe).isTrue();
        }
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomText() {
        String[] pieces = {"<", "/", "!", "-", "s", "S", "c", "r", "i", "p", "t", "T", "é", "ſ", "K", " ", "script", "</", "<!--"};
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertThat(ChartLibrary.scriptSafe(s.getBytes(StandardCharsets.UTF_8))).as(s)
                    .isEqualTo(HtmlReport.safeScript(s).equals(s));
        }
    }

    @Test
    void codeThatWouldEndItsElementIsRewrittenAsSafeScriptDoes() {
        String code = "var a = '</script><!--é';";
        assertThat(ChartLibrary.of(code.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(HtmlReport.safeScript(code));
    }

    @Test
    void aPageHoldsTheLibraryByteForByteAndTheRestAsUtf8(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("p.html");
        byte[] library = "var é = 1;".getBytes(StandardCharsets.UTF_8);
        try (PageOutput out = new PageOutput(page)) {
            out.writeContent("<p>ü</p><script>");
            ChartLibrary.of(library).writeTo(out);
            out.writeContent("xx</script>yy", 2, 11);
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write("<p>ü</p><script>".getBytes(StandardCharsets.UTF_8));
        expected.write(library);
        expected.write("</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(page)).isEqualTo(expected.toByteArray());
    }
}
