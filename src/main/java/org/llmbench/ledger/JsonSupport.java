package org.llmbench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one ObjectMapper of the ledger package, shared because mappers are thread-safe and costly to build. */
final class JsonSupport {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonSupport() {
    }

    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
