package org.llmbench.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration of llm-bench. Mappers are thread-safe and costly to build (each one loads and
 * caches its serializers), so every package reads and writes JSON through these instead of its own.
 */
public final class Json {

    /** Reads any JSON; writes one compact line (ledger lines, wire requests). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** Writes indented JSON, for the files of a run folder that people read (manifest, results, metadata). */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }
}
