package org.llmbench.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a GGUF model file says about itself: its header's key-value metadata (architecture, name, context length,
 * chat template, file type) and its tensors' element count (the parameter count), read with bounds on every
 * length so a damaged or hostile file is an error naming what is wrong, never an allocation of what it claims.
 * The format: magic "GGUF", version, tensor count, key-value count, the key-values, then the tensor infos.
 */
public record GgufFile(Path path, long sizeBytes, String sha256, int version, Map<String, Object> metadata,
                       long parameterCount) {

    /** The longest string or array the reader accepts: far beyond any real vocabulary, far below a bad length. */
    private static final long MAX_LENGTH = 16L * 1024 * 1024;

    /** Why a file is not a usable GGUF model. */
    public static final class BadFile extends Exception {
        private static final long serialVersionUID = 1L;

        BadFile(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the header and tensor infos (fast: the tensors' data is not read); see {@link #withSha256()}. */
    public static GgufFile read(Path path) throws BadFile {
        if (!Files.isRegularFile(path)) {
            throw new BadFile(path + ": no such file");
        }
        try {
            long size = Files.size(path);
            Header header;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path)))) {
                header = new Reader(in, path).header();
            }
            return new GgufFile(path, size, null, header.version, header.metadata, header.parameters);
        } catch (NoSuchFileException e) {
            throw new BadFile(path + ": no such file");
        } catch (IOException e) {
            throw new BadFile(path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** The same file with the SHA-256 of its bytes (a read of the whole file: done once, when it is loaded). */
    public GgufFile withSha256() throws BadFile {
        try {
            return new GgufFile(path, sizeBytes, sha256(path), version, metadata, parameterCount);
        } catch (IOException e) {
            throw new BadFile(path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** A metadata value as text, or null. */
    public String text(String key) {
        Object v = metadata.get(key);
        return v == null ? null : v.toString();
    }

    /** The architecture's context length ({@code <arch>.context_length}), or null. */
    public Long contextLength() {
        Object v = metadata.get(text("general.architecture") + ".context_length");
        return v instanceof Number n ? n.longValue() : null;
    }

    /** The model's own chat template ({@code tokenizer.chat_template}), or null when it has none. */
    public String chatTemplate() {
        return text("tokenizer.chat_template");
    }

    /**
     * Whether llama.cpp's tokenizer puts a start-of-text token before a prompt: the file's
     * {@code tokenizer.ggml.add_bos_token} when it has one, else llama.cpp's default for the tokenizer model
     * (SentencePiece "llama" and WordPiece "bert" do, BPE "gpt2" and the rest do not).
     */
    public boolean addsBosToken() {
        Object v = metadata.get("tokenizer.ggml.add_bos_token");
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        String model = text("tokenizer.ggml.model");
        return "llama".equals(model) || "bert".equals(model);
    }

    /** What the manifest records as this model's details. */
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("file", path.getFileName().toString());
        d.put("size", sizeBytes);
        d.put("sha256", sha256);
        d.put("gguf_version", version);
        d.put("architecture", text("general.architecture"));
        d.put("name", text("general.name"));
        d.put("parameter_count", parameterCount);
        d.put("file_type", text("general.file_type"));
        d.put("quantization_version", text("general.quantization_version"));
        d.put("context_length", contextLength());
        d.put("chat_template", chatTemplate() == null ? "none in the file (chatml used)" : "from the file");
        // The manifest's details are the scalars a file gives: a key the file lacks is left out, never null.
        d.values().removeIf(java.util.Objects::isNull);
        return d;
    }

    private record Header(int version, Map<String, Object> metadata, long parameters) {
    }

    /** Little-endian reads with a position, so a truncated file says where it ended. */
    private static final class Reader {
        private final DataInputStream in;
        private final Path path;
        private long position;
        private String reading = "the header";

        Reader(DataInputStream in, Path path) {
            this.in = in;
            this.path = path;
        }

        Header header() throws IOException, BadFile {
            byte[] magic = bytes(4);
            if (!new String(magic, StandardCharsets.ISO_8859_1).equals("GGUF")) {
                throw new BadFile(path + ": not a GGUF file (it starts with " + HexFormat.of().formatHex(magic)
                        + ", a GGUF file with \"GGUF\")");
            }
            int version = (int) u32();
            if (version < 2 || version > 3) {
                throw new BadFile(path + ": GGUF version " + version + " is not supported (2 and 3 are)");
            }
            long tensors = count(u64(), "tensor count");
            long kvs = count(u64(), "key-value count");
            Map<String, Object> metadata = new LinkedHashMap<>();
            for (long i = 0; i < kvs; i++) {
                reading = "metadata entry " + i;
                String key = string();
                reading = "metadata " + key;
                Object value = value((int) u32(), 0);
                if (value != null) {
                    metadata.put(key, value);
                }
            }
            long parameters = 0;
            for (long i = 0; i < tensors; i++) {
                reading = "tensor info " + i;
                string();
                long dims = u32();
                if (dims > 8) {
                    throw new BadFile(path + ": tensor " + i + " claims " + dims + " dimensions");
                }
                long elements = 1;
                for (int d = 0; d < dims; d++) {
                    elements = Math.multiplyExact(elements, count(u64(), "tensor dimension"));
                }
                u32();
                u64();
                parameters += elements;
            }
            return new Header(version, metadata, parameters);
        }

        /** A value of a metadata type; arrays are skipped (a vocabulary), scalars and strings kept. */
        private Object value(int type, int depth) throws IOException, BadFile {
            return switch (type) {
                case 0, 1, 7 -> (long) (bytes(1)[0] & 0xff);
                case 2, 3 -> {
                    byte[] b = bytes(2);
                    yield (long) ((b[0] & 0xff) | (b[1] & 0xff) << 8);
                }
                case 4 -> u32();
                case 5 -> (long) (int) u32();
                case 6 -> (double) Float.intBitsToFloat((int) u32());
                case 8 -> string();
                case 9 -> {
                    if (depth > 2) {
                        throw new BadFile(path + ": arrays nested too deep in " + reading);
                    }
                    int itemType = (int) u32();
                    long n = count(u64(), "array length");
                    for (long k = 0; k < n; k++) {
                        value(itemType, depth + 1);
                    }
                    yield null;
                }
                case 10, 11 -> u64();
                case 12 -> Double.longBitsToDouble(u64());
                default -> throw new BadFile(path + ": unknown value type " + type + " in " + reading);
            };
        }

        private long count(long n, String what) throws BadFile {
            if (n < 0 || n > MAX_LENGTH) {
                throw new BadFile(path + ": " + what + " " + Long.toUnsignedString(n) + " in " + reading + " is not plausible");
            }
            return n;
        }

        private String string() throws IOException, BadFile {
            long n = count(u64(), "string length");
            return new String(bytes((int) n), StandardCharsets.UTF_8);
        }

        private long u32() throws IOException, BadFile {
            return Integer.toUnsignedLong(Integer.reverseBytes(readInt()));
        }

        private long u64() throws IOException, BadFile {
            try {
                long v = Long.reverseBytes(in.readLong());
                position += 8;
                return v;
            } catch (EOFException e) {
                throw truncated();
            }
        }

        private int readInt() throws IOException, BadFile {
            try {
                int v = in.readInt();
                position += 4;
                return v;
            } catch (EOFException e) {
                throw truncated();
            }
        }

        private byte[] bytes(int n) throws IOException, BadFile {
            try {
                byte[] b = new byte[n];
                in.readFully(b);
                position += n;
                return b;
            } catch (EOFException e) {
                throw truncated();
            }
        }

        private BadFile truncated() {
            return new BadFile(path + ": truncated at byte " + position + " (while reading " + reading + ")");
        }
    }

    private static String sha256(Path path) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the digest sees every byte
            }
            return "sha256:" + HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
