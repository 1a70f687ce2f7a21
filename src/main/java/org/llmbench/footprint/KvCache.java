package org.llmbench.footprint;

import java.util.Locale;
import java.util.Map;
import org.llmbench.model.GgufFile;

/**
 * The KV cache a llama.cpp context of {@code n_ctx} tokens allocates for a GGUF model, from the file's metadata:
 * keys and values of every layer for every position, in f16 (llama.cpp's default cache type):
 * {@code n_ctx x block_count x head_count_kv x (key_length + value_length) x 2 bytes}, where a head's length is
 * {@code embedding_length / head_count} unless the file says otherwise.
 */
final class KvCache {

    private KvCache() {
    }

    /** The estimate in bytes with how it was computed, or null when the metadata lacks what it needs. */
    static Estimate of(GgufFile file, long nCtx) {
        Map<String, Object> m = file.metadata();
        String arch = file.text("general.architecture");
        Long layers = whole(m.get(arch + ".block_count"));
        Long embedding = whole(m.get(arch + ".embedding_length"));
        Long heads = whole(m.get(arch + ".attention.head_count"));
        if (arch == null || layers == null || embedding == null || heads == null || heads == 0) {
            return null;
        }
        Long kvHeads = whole(m.get(arch + ".attention.head_count_kv"));
        long headsKv = kvHeads == null ? heads : kvHeads;
        Long keyLength = whole(m.get(arch + ".attention.key_length"));
        Long valueLength = whole(m.get(arch + ".attention.value_length"));
        long k = keyLength == null ? embedding / heads : keyLength;
        long v = valueLength == null ? embedding / heads : valueLength;
        long bytes = nCtx * layers * headsKv * (k + v) * 2;
        return new Estimate(bytes, String.format(Locale.ROOT, "%d tokens x %d layers x %d KV heads x (%d + %d) values x 2 bytes "
                + "(f16), from the GGUF metadata", nCtx, layers, headsKv, k, v));
    }

    private static Long whole(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    /** An estimate and its formula. */
    record Estimate(long bytes, String how) {
    }
}
