package org.llmbench.report;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The charting library (ECharts, from its WebJar) that report.html and the catalogue inline: its code as bytes, safe
 * inside a script element, written into a page as they are. A megabyte of code decoded, rewritten by a regular
 * expression and encoded again at the end of every run took a fifth of the harness's CPU in a 20-call run
 * (docs/PERFORMANCE.md, sixth round); the code as shipped needs no rewriting, which is checked here with two
 * searches, not assumed.
 */
public final class ChartLibrary implements Content {

    private static final String PATH = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private final byte[] code;

    private ChartLibrary(byte[] code) {
        this.code = code;
    }

    /** The library this jar ships, made safe inside a script element should a new version ever need it. */
    public static ChartLibrary bundled() {
        return of(read());
    }

    /** The library with this code (UTF-8), rewritten only when it holds what would end its script element early. */
    static ChartLibrary of(byte[] code) {
        if (scriptSafe(code)) {
            return new ChartLibrary(code);
        }
        return new ChartLibrary(HtmlReport.safeScript(new String(code, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether the code holds neither {@code </script} (in any case) nor {@code <!--}: what {@link HtmlReport#safeScript}
     * would rewrite. Searched in a Latin-1 view of the UTF-8 bytes: every byte of a multi-byte character is above
     * 0x7F, so an ASCII pattern is found there exactly where it is in the text, and the search runs on the JDK's
     * intrinsics instead of a loop over a million characters.
     */
    static boolean scriptSafe(byte[] code) {
        String view = new String(code, StandardCharsets.ISO_8859_1);
        if (view.contains("<!--")) {
            return false;
        }
        for (int at = view.indexOf("</"); at >= 0; at = view.indexOf("</", at + 2)) {
            if (view.regionMatches(true, at + 2, "script", 0, 6)) {
                return false;
            }
        }
        return true;
    }

    /** The code as text, for comparing a page's script element with it. */
    public String text() {
        return new String(code, StandardCharsets.UTF_8);
    }

    /** Writes the code into its own file (the catalogue's run pages share one copy). */
    public void writeTo(Path file) throws IOException {
        Files.write(file, code);
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeBinaryContent(code);
    }

    private static byte[] read() {
        try (InputStream in = ChartLibrary.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + PATH + " (a build problem)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
