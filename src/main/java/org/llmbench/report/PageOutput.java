package org.llmbench.report;

import gg.jte.TemplateOutput;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A page rendered into its file: the template's text through a UTF-8 writer, binary content (the charting library,
 * already UTF-8) straight to the file, never decoded and encoded again as jte's own outputs do.
 */
public final class PageOutput implements TemplateOutput, Closeable {

    private final OutputStream file;
    private final Writer text;

    /** Creates or replaces {@code target}. */
    public PageOutput(Path target) throws IOException {
        this.file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
        this.text = new OutputStreamWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public void writeContent(String value) {
        try {
            text.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        try {
            text.write(value, beginIndex, endIndex - beginIndex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        try {
            text.flush();
            file.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
