package org.llmbench.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmbench.model.CallFailure;
import org.llmbench.model.ModelClient;

/**
 * Asks the server, once per run, what it knows of the models under test (Ollama's quantization and parameter
 * size, vLLM's context length...) and records it: two runs of "the same" model name can be different weights.
 */
final class ModelDetails {

    private ModelDetails() {
    }

    /**
     * Records the details of {@code models}: from the listing the pre-flight check already got, else asked now
     * (once per run); a server that cannot say is noted, never a failure of the run.
     */
    static void record(ModelClient client, Map<String, Map<String, Object>> alreadyListed, List<String> models, Recording recording) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        try {
            Map<String, Map<String, Object>> listed = alreadyListed != null ? alreadyListed : client.prepare(models);
            if (listed.isEmpty()) {
                return;
            }
            for (String model : models) {
                recorded.put(model, listed.getOrDefault(model, Map.of("listed", false)));
            }
        } catch (CallFailure e) {
            models.forEach(m -> recorded.put(m, Map.of("unavailable", e.kind().wireName() + ": " + e.getMessage())));
        } catch (RuntimeException e) {
            models.forEach(m -> recorded.put(m, Map.of("unavailable", String.valueOf(e.getMessage()))));
        }
        recording.modelDetails(recorded);
    }
}
