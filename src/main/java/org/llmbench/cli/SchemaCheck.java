package org.llmbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates run-folder files against the JSON Schemas in {@code src/main/resources/schemas/} (on the
 * classpath as {@code schemas/}), with the networknt validator, draft 2020-12, formats asserted.
 */
final class SchemaCheck {

    /** Where the schemas' {@code $id}s point; mapped to the classpath so nothing is fetched. */
    private static final String ID_PREFIX = "https://llm-bench.org/schemas/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    /** One violation: the JSON Pointer of the bad value and the validator's message. */
    record Violation(String pointer, String message) {
    }

    private SchemaCheck() {
    }

    /** Violations of {@code node} against {@code schemas/<name>.schema.json}, in document order. */
    static List<Violation> validate(String name, JsonNode node) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(name, n -> FACTORY.getSchema(
                SchemaLocation.of(ID_PREFIX + n + ".schema.json"), CONFIG));
        return schema.validate(node).stream()
                .map(SchemaCheck::violation)
                .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::message))
                .toList();
    }

    private static Violation violation(ValidationMessage m) {
        String pointer = m.getInstanceLocation().toString();
        return new Violation(pointer, m.getMessage());
    }
}
