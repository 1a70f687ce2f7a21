package org.llmbench.footprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * What Ollama says a loaded model takes ({@code GET /api/ps}: {@code size}, and {@code size_vram}, the part in GPU
 * memory), read at every tick: a model Ollama unloads and reloads with another context shows in the peak. Works for a
 * remote Ollama too (what its API gives).
 */
final class OllamaPs implements Meter {

    private final String url;
    private final String model;
    private Long sizeAtLoad;
    private long sizePeak;
    private Long vramAtLoad;
    private long vramPeak;
    private String problem;

    OllamaPs(String baseUrl, String model) {
        this.url = baseUrl.replaceAll("/+$", "") + "/api/ps";
        this.model = model;
        sample();
    }

    /** Ollama's name of a model: {@code llama3} is {@code llama3:latest}. */
    static String tagged(String name) {
        return name.contains(":") ? name : name + ":latest";
    }

    @Override
    public void sample() {
        JsonNode listed;
        try {
            listed = HttpGet.json(url).path("models");
        } catch (IOException | RuntimeException e) {
            problem = "GET " + url + " failed: " + e.getMessage();
            return;
        }
        for (JsonNode m : listed) {
            String name = m.path("name").asText(m.path("model").asText(""));
            if (tagged(name).equals(tagged(model)) && m.path("size").canConvertToLong()) {
                long size = m.path("size").asLong();
                sizeAtLoad = sizeAtLoad == null ? size : sizeAtLoad;
                sizePeak = Math.max(sizePeak, size);
                if (m.path("size_vram").canConvertToLong()) {
                    long vram = m.path("size_vram").asLong();
                    vramAtLoad = vramAtLoad == null ? vram : vramAtLoad;
                    vramPeak = Math.max(vramPeak, vram);
                }
                problem = null;
                return;
            }
        }
        problem = problem != null ? problem : "the model is not among those " + url + " lists as loaded";
    }

    @Override
    public void finish(Readings out) {
        sample();
        if (sizeAtLoad == null) {
            out.noMemory(Sources.OLLAMA_PS, problem == null ? "no size in " + url : problem);
            return;
        }
        out.memory(Sources.OLLAMA_PS, "Ollama's size of the loaded model (weights, KV cache and buffers; " + url + ")",
                sizeAtLoad, sizePeak);
        if (vramAtLoad != null) {
            out.memory(Sources.OLLAMA_PS_VRAM, "the part of it in GPU memory (size_vram)", vramAtLoad, vramPeak);
        }
    }
}
