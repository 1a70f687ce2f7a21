package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GGUF header reader on files the test writes: a good one, and the ways a file can be wrong or hostile. */
class GgufFileTest {

    @TempDir
    Path dir;

    /** A little-endian GGUF v3 writer, enough for headers. */
    static final class Gguf {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Gguf raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Gguf u32(long v) {
            return raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        }

        Gguf u64(long v) {
            return raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }

        Gguf string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return u64(b.length).raw(b);
        }

        Gguf kvString(String key, String value) {
            return string(key).u32(8).string(value);
        }

        Gguf kvU32(String key, long value) {
            return string(key).u32(4).u32(value);
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        /** A model header: architecture, context length, a template, a vocabulary array, two tensors. */
        static byte[] model() {
            Gguf g = new Gguf().raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(3).u64(2).u64(5)
                    .kvString("general.architecture", "llama").kvString("general.name", "tiny")
                    .kvU32("llama.context_length", 512).kvString("tokenizer.chat_template", "{{ messages }}");
            g.string("tokenizer.ggml.tokens").u32(9).u32(8).u64(3).string("a").string("b").string("c");
            g.string("token_embd.weight").u32(2).u64(16).u64(32).u32(0).u64(0);
            g.string("output.weight").u32(1).u64(100).u32(0).u64(4096);
            return g.bytes();
        }
    }

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void aGoodHeaderGivesArchitectureContextTemplateAndParameterCount() throws Exception {
        GgufFile gguf = GgufFile.read(file("tiny.gguf", Gguf.model())).withSha256();

        assertThat(gguf.text("general.architecture")).isEqualTo("llama");
        assertThat(gguf.contextLength()).isEqualTo(512L);
        assertThat(gguf.chatTemplate()).isEqualTo("{{ messages }}");
        assertThat(gguf.parameterCount()).isEqualTo(16 * 32 + 100);
        assertThat(gguf.sha256()).startsWith("sha256:").hasSize(71);
        assertThat(gguf.details()).containsEntry("file", "tiny.gguf").containsEntry("parameter_count", 612L)
                .containsEntry("chat_template", "from the file");
        // The manifest's schema takes scalars only: what the file does not say is left out, not null.
        assertThat(gguf.details()).doesNotContainKey("file_type").doesNotContainValue(null);
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> GgufFile.read(dir.resolve("nope.gguf"))).isInstanceOf(GgufFile.BadFile.class)
                .hasMessageContaining("nope.gguf").hasMessageContaining("no such file");
    }

    @Test
    void aFileThatIsNotGgufSaysWhatItStartsWith() throws Exception {
        Path path = file("model.gguf", "<html>not a model</html>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> GgufFile.read(path)).hasMessageContaining("model.gguf").hasMessageContaining("not a GGUF file");
    }

    @Test
    void aTruncatedFileSaysWhereItEnded() throws Exception {
        byte[] whole = Gguf.model();
        for (int cut : new int[] {6, 20, 60, whole.length - 3}) {
            Path path = file("cut-" + cut + ".gguf", Arrays.copyOf(whole, cut));
            assertThatThrownBy(() -> GgufFile.read(path)).as("cut at %d", cut).hasMessageContaining("truncated at byte");
        }
    }

    @Test
    void hostileLengthsAreRefusedNotAllocated() throws Exception {
        byte[] huge = new Gguf().raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(3).u64(0).u64(1)
                .u64(Long.MAX_VALUE).bytes();
        assertThatThrownBy(() -> GgufFile.read(file("huge.gguf", huge))).hasMessageContaining("not plausible");
        byte[] version = new Gguf().raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(99).bytes();
        assertThatThrownBy(() -> GgufFile.read(file("v99.gguf", version))).hasMessageContaining("version 99");
    }
}
