package org.llmbench.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

/**
 * The one Jackson configuration of llm-bench. Mappers are thread-safe and costly to build (each one loads and
 * caches its serializers), so every package reads and writes JSON through these instead of its own; a caller
 * that needs other reading rules takes one of the named readers below, derived from {@link #MAPPER}.
 */
public final class Json {

    /** Reads any JSON; writes one compact line (ledger lines, wire requests). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** Writes indented JSON, for the files of a run folder that people read (manifest, results, metadata). */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    /**
     * Reads one JSON value and nothing after it, rejecting an object that names a field twice: an answer that
     * says two things (two {@code "final"}s, text after the object) must not be read as either.
     */
    public static final ObjectReader STRICT = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    /** {@link #STRICT}, but forgiving the trailing commas models write ({@code [1, 2,]}); used only after it fails. */
    public static final ObjectReader LENIENT = STRICT.with(JsonReadFeature.ALLOW_TRAILING_COMMA);

    /** Reads floats as {@link java.math.BigDecimal}, so a config file's {@code 0.1} keeps its written digits. */
    public static final ObjectReader DECIMAL = MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }

    /**
     * Reads CSV (RFC 4180, no header assumed): each row an array of strings, quoted fields as written. Made on first
     * use: only public data sets in CSV need it, and a run that reads none does not load its classes.
     */
    public static CsvMapper csv() {
        return CsvHolder.CSV;
    }

    private static final class CsvHolder {
        static final CsvMapper CSV = new CsvMapper();
    }
}
