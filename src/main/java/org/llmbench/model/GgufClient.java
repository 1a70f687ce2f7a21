package org.llmbench.model;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmbench.config.BenchKeys;

/**
 * Runs GGUF model files in this process through java-llama.cpp, with no server: each model (a file path) is loaded
 * once per run, the conversation goes through the library's chat template (chatml when the file has none) and that
 * prompt is what it generates from; timings are the arrival of its tokens (time to first token, every gap, tokens/s)
 * and the prompt's tokens are the library's tokenizer over that prompt (java-llama.cpp returns no figures of its own). One sequence at a time: several lanes queue here, which the model details say.
 * A native failure during a call becomes a recorded error on that question; a crash of the native code itself
 * cannot be caught and ends the JVM (the README says so).
 */
public final class GgufClient implements ModelClient {

    private final int numCtx;
    private final int lanes;
    private final Map<String, Loaded> loaded = new LinkedHashMap<>();

    private record Loaded(LlamaModel model, GgufFile file, int contextSize, long loadMs, Long rssDeltaMb) {
    }

    public GgufClient(int numCtx, int lanes) {
        this.numCtx = numCtx;
        this.lanes = lanes;
    }

    /**
     * Checks that java-llama.cpp's native library loads on this platform, naming the platform when it does not.
     * Loading a model would fail the same way; this says why before any question runs.
     */
    public static void checkNativeLibrary() throws CallFailure {
        try {
            LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new CallFailure(ErrorKind.PROTOCOL, "java-llama.cpp has no native library for this platform ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e);
        }
    }

    private synchronized Loaded load(String path) throws CallFailure {
        Loaded l = loaded.get(path);
        if (l != null) {
            return l;
        }
        GgufFile file;
        try {
            file = GgufFile.read(Path.of(path)).withSha256();
        } catch (GgufFile.BadFile e) {
            throw new CallFailure(ErrorKind.PROTOCOL, e.getMessage());
        }
        checkNativeLibrary();
        Long rssBefore = rssMb();
        long start = System.nanoTime();
        int contextSize = contextSize(file, numCtx);
        ModelParameters parameters = new ModelParameters().setModel(path).setCtxSize(contextSize).setParallel(1);
        if (file.chatTemplate() == null) {
            parameters.setChatTemplate("chatml");
        }
        try {
            LlamaModel model = new LlamaModel(parameters);
            Long rssAfter = rssMb();
            l = new Loaded(model, file, contextSize, (System.nanoTime() - start) / 1_000_000,
                    rssBefore == null || rssAfter == null ? null : rssAfter - rssBefore);
        } catch (RuntimeException e) {
            throw new CallFailure(ErrorKind.PROTOCOL, "cannot load " + path + ": " + e.getMessage());
        }
        loaded.put(path, l);
        return l;
    }

    /** The context a model is loaded with: the run's {@code num_ctx}, at most the file's own context length. */
    public static int contextSize(GgufFile file, int numCtx) {
        long fileCtx = file.contextLength() == null ? numCtx : file.contextLength();
        return (int) Math.min(numCtx, fileCtx);
    }

    @Override
    public synchronized CallResult chat(ChatRequest request) {
        int charsIn = request.charsIn();
        Loaded model;
        try {
            model = load(request.model());
        } catch (CallFailure e) {
            return CallResult.failure(e, 0, 1, List.of(), charsIn);
        }
        InferenceParameters parameters;
        int promptTokens;
        try {
            // The library's own template and tokenizer: the prompt it is handed is the prompt it decodes.
            String prompt = model.model().applyTemplate(withMessages(request));
            promptTokens = model.model().encode(prompt).length + (model.file().addsBosToken() ? 1 : 0);
            parameters = options(new InferenceParameters(prompt), request.options());
        } catch (RuntimeException e) {
            return CallResult.failure(new CallFailure(ErrorKind.PROTOCOL, "in-process chat template failed: " + e.getMessage()),
                    0, 1, List.of(), charsIn);
        }
        List<Double> gaps = new ArrayList<>();
        StringBuilder answer = new StringBuilder();
        long start = System.nanoTime();
        long first = -1;
        long previous = start;
        int tokens = 0;
        int outputs = 0;
        try {
            for (LlamaOutput output : model.model().generate(parameters)) {
                long now = System.nanoTime();
                outputs++;
                if (output.text.isEmpty()) {
                    continue;
                }
                if (first < 0) {
                    first = now;
                } else {
                    gaps.add((now - previous) / 1e6);
                }
                previous = now;
                tokens++;
                answer.append(output.text);
            }
        } catch (RuntimeException e) {
            return CallResult.failure(new CallFailure(ErrorKind.PROTOCOL, "in-process generation failed: " + e.getMessage()),
                    (System.nanoTime() - start) / 1_000_000, 1, List.of(), charsIn);
        }
        long end = System.nanoTime();
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("in_process", true);
        timings.put("prompt_n", promptTokens);
        // llama.cpp's slot keeps the first half and the end of a prompt that does not fit its context (its own rule).
        timings.put("truncated", promptTokens >= model.contextSize());
        timings.put("n_ctx", model.contextSize());
        timings.put("prompt_ms", first < 0 ? null : (first - start) / 1e6);
        timings.put("predicted_n", tokens);
        double generationMs = first < 0 ? 0 : (end - first) / 1e6;
        timings.put("predicted_ms", generationMs);
        if (tokens > 1 && generationMs > 0) {
            timings.put("predicted_per_second", (tokens - 1) * 1000.0 / generationMs);
        }
        String content = answer.toString();
        return new CallResult(content, null, null, null, null, Math.round((end - start) / 1e6),
                first < 0 ? null : Math.round((first - start) / 1e6), promptTokens, tokens, false,
                outputs >= request.options().numPredict() ? "length" : "stop", 1, List.of(), timings, charsIn,
                content.length(), gapsOf(gaps), true);
    }

    /**
     * None: java-llama.cpp 4.2.0 aborts the whole JVM when asked for token probabilities ({@code n_probs} > 0 ends in
     * a failed {@code GGML_ASSERT} in its JSON reading, with {@code generate} and {@code complete} alike: checked with
     * stories260K, docs/BENCHMARKS.md), and no exception can be caught from that. The question falls back to the
     * generative method, and the message says how to get log-likelihood from the same file.
     */
    @Override
    public LogprobResult logprobs(LogprobRequest request) {
        return LogprobResult.unsupported("the in-process .gguf provider gives no log-probabilities (java-llama.cpp "
                + "4.2.0 aborts the process when asked for token probabilities), so MMLU's loglikelihood method cannot run "
                + "on it; its questions are asked by the generative method instead. For log-likelihood serve the file "
                + "with llama-server (`llama-server -m " + request.model() + " --port 8080`, then --url "
                + "http://127.0.0.1:8080/v1)", request.prompt().length());
    }

    /** The conversation as the library's chat template takes it; its prompt is only the template's input. */
    private static InferenceParameters withMessages(ChatRequest request) {
        String system = null;
        List<Pair<String, String>> messages = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            if (m.role().equals("system") && system == null && messages.isEmpty()) {
                system = m.content();
            } else {
                messages.add(new Pair<>(m.role(), m.content()));
            }
        }
        return new InferenceParameters("").setMessages(system, messages).setUseChatTemplate(true);
    }

    private static InferenceParameters options(InferenceParameters p, GenerationOptions o) {
        p.setTemperature((float) o.temperature()).setNPredict(o.numPredict());
        return o.seed() == null ? p : p.setSeed((int) o.seed().longValue());
    }

    private static TokenGaps gapsOf(List<Double> gaps) {
        if (gaps.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(gaps);
        sorted.sort(null);
        return new TokenGaps(sorted.size(), at(sorted, 0.5), at(sorted, 0.9), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double q) {
        double h = (sorted.size() - 1) * q;
        int lower = (int) Math.floor(h);
        int upper = Math.min(lower + 1, sorted.size() - 1);
        return sorted.get(lower) + (h - lower) * (sorted.get(upper) - sorted.get(lower));
    }

    @Override
    public List<String> listModels() {
        return List.copyOf(loaded.keySet());
    }

    /** The models loaded so far. */
    @Override
    public synchronized Map<String, Map<String, Object>> modelDetails() {
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();
        loaded.forEach((path, l) -> details.put(path, describe(l)));
        return details;
    }

    /** Loads the models of a run (once, at its start) and says what each is; a model that cannot load is said so. */
    @Override
    public synchronized Map<String, Map<String, Object>> prepare(List<String> models) {
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();
        for (String m : models) {
            try {
                details.put(m, describe(load(m)));
            } catch (CallFailure e) {
                details.put(m, Map.of("unavailable", e.getMessage()));
            }
        }
        return details;
    }

    private Map<String, Object> describe(Loaded l) {
        Map<String, Object> d = new LinkedHashMap<>(l.file().details());
        d.put("load_ms", l.loadMs());
        d.put("memory_rss_delta_mb", l.rssDeltaMb());
        d.put("in_process", "java-llama.cpp");
        d.put("sequences", lanes > 1 ? "one at a time (" + BenchKeys.LANES.name() + "=" + lanes + " queue here)" : "one at a time");
        return d;
    }

    /** This process's resident memory, from /proc (Linux); null elsewhere. */
    private static Long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    @Override
    public String provider() {
        return "gguf";
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(l -> l.model().close());
        loaded.clear();
    }
}
