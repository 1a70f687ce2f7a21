package org.llmbench.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's quantization, when its recorded details (Ollama's {@code quantization_level}, a GGUF file's
 * {@code general.file_type}) or its name (qwen2.5:0.5b-instruct-q4_K_M, x-Q8_0.gguf, ...-AWQ) give it; null otherwise,
 * never guessed.
 */
final class Quantization {

    /** llama.cpp's {@code llama_ftype}: the numbers a GGUF file's general.file_type holds. */
    private static final Map<Integer, String> GGUF_FILE_TYPES = Map.ofEntries(Map.entry(0, "F32"), Map.entry(1, "F16"),
            Map.entry(2, "Q4_0"), Map.entry(3, "Q4_1"), Map.entry(7, "Q8_0"), Map.entry(8, "Q5_0"), Map.entry(9, "Q5_1"),
            Map.entry(10, "Q2_K"), Map.entry(11, "Q3_K_S"), Map.entry(12, "Q3_K_M"), Map.entry(13, "Q3_K_L"),
            Map.entry(14, "Q4_K_S"), Map.entry(15, "Q4_K_M"), Map.entry(16, "Q5_K_S"), Map.entry(17, "Q5_K_M"),
            Map.entry(18, "Q6_K"), Map.entry(19, "IQ2_XXS"), Map.entry(20, "IQ2_XS"), Map.entry(21, "Q2_K_S"),
            Map.entry(22, "IQ3_XS"), Map.entry(23, "IQ3_XXS"), Map.entry(24, "IQ1_S"), Map.entry(25, "IQ4_NL"),
            Map.entry(26, "IQ3_S"), Map.entry(27, "IQ3_M"), Map.entry(28, "IQ2_S"), Map.entry(29, "IQ2_M"),
            Map.entry(30, "IQ4_XS"), Map.entry(31, "IQ1_M"), Map.entry(32, "BF16"), Map.entry(36, "TQ1_0"), Map.entry(37, "TQ2_0"));

    /** A quantization token between separators (or the ends) of a model name. */
    private static final Pattern IN_NAME = Pattern.compile(
            "(?:^|[^a-z0-9])(i?q[1-8](?:_[0-9a-z]{1,3}){0,2}|tq[12]_0|bf16|fp16|f16|fp32|f32|fp8|int4|int8|awq|gptq|[2-8]-?bit)(?=$|[^a-z0-9_])");

    private Quantization() {
    }

    /** The quantization of {@code model} as the run's details or the name give it, upper case; null when neither does. */
    static String of(String model, JsonNode details) {
        if (details != null) {
            JsonNode level = details.path("details").path("quantization_level");
            if (level.isTextual() && !level.asText().isBlank()) {
                return level.asText().trim().toUpperCase(Locale.ROOT);
            }
            JsonNode fileType = details.path("file_type");
            if (fileType.isNumber() || fileType.isTextual() && fileType.asText().matches("\\d{1,3}")) {
                String known = GGUF_FILE_TYPES.get(fileType.asInt());
                if (known != null) {
                    return known;
                }
            }
        }
        if (model == null) {
            return null;
        }
        Matcher m = IN_NAME.matcher(model.toLowerCase(Locale.ROOT));
        String found = null;
        while (m.find()) {
            found = m.group(1); // the last one: "q4-model-q8_0" names its file's quantization at the end
        }
        return found == null ? null : found.toUpperCase(Locale.ROOT).replace("-", "");
    }
}
