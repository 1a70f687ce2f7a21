package org.llmbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmbench.json.Json;

/** Every golden manifest (and the submission example) reads to a typed manifest and writes back to the same JSON. */
class GoldenManifestTest {

    @TempDir
    Path dir;

    static Stream<Path> manifests() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(GoldenLedgerTest.GOLDEN), Files.walk(Path.of("submissions")))) {
            List<Path> all = files.filter(p -> p.getFileName().toString().equals("manifest.json")).sorted().toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(9);
            return all.stream();
        }
    }

    /** The same tree whatever the number node types (a long written where an int was read). */
    private static JsonNode normal(JsonNode tree) throws IOException {
        return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(tree));
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void readsAndWritesBackTheSameFields(Path file) throws IOException {
        Manifest manifest = ManifestCodec.read(file);
        assertThat(manifest.runId()).isNotBlank();
        Path again = dir.resolve("manifest.json");
        ManifestCodec.write(again, manifest);
        assertThat(normal(Json.MAPPER.readTree(again.toFile()))).isEqualTo(normal(Json.MAPPER.readTree(file.toFile())));
        assertThat(ManifestCodec.read(again)).isEqualTo(manifest);
    }

    @Test
    void aBadManifestNamesItsFileAndField() throws IOException {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, "{\"schema_version\":1,\"run_id\":\"r\",\"resumed\":\"no\"}");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ManifestCodec.read(file)))
                .isInstanceOf(ManifestCodec.BadManifest.class).hasMessage(file + ": resumed: expected true or false, got a string");
        Files.writeString(file, "[1]");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ManifestCodec.read(file)))
                .hasMessage(file + ": not a JSON object");
        Files.writeString(file, "{\"schema_version\":1,");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ManifestCodec.read(file)))
                .hasMessageStartingWith(file + ": not JSON");
    }
}
