package org.llmbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Answers from a saved run.jsonl instead of a server, so today's scorers can re-score old outputs without
 * any network. A call is matched on the test's unique id, then on model/suite/item, then on model and the
 * exact messages; what cannot be matched is a {@link ErrorKind#NOT_REPLAYABLE} result, never a guess.
 */
public final class ReplayClient implements ModelClient {

    /** Which test the calls on this thread belong to; set by the engine around a test's calls. */
    public record Key(String testId, String model, String suite, String item) {
    }

    /** The scope of one test's calls: the n-th call in it gets the test's n-th recorded call. */
    public static final class Scope implements AutoCloseable {
        private final Key key;
        private final Scope outer;
        private int calls;

        private Scope(Key key, Scope outer) {
            this.key = key;
            this.outer = outer;
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path ledger;
    private final Map<String, List<JsonNode>> byTestId = new HashMap<>();
    private final Map<String, List<JsonNode>> byItem = new HashMap<>();
    private final Map<String, JsonNode> byMessages = new HashMap<>();
    private final LinkedHashSet<String> models = new LinkedHashSet<>();

    /** Reads the ledger once; a missing or unreadable file is an error of the configuration, reported at once. */
    public ReplayClient(Path ledger) {
        this.ledger = ledger;
        Map<String, List<JsonNode>> pending = new HashMap<>();
        Map<String, List<JsonNode>> scored = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(ledger, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode e = parse(line);
                String id = e == null ? null : e.path("test_id").asText(null);
                if (id == null) {
                    continue;
                }
                switch (e.path("event").asText()) {
                    case "call" -> pending.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
                    // A test's calls are those since its previous score: a resumed or retried test keeps its last try.
                    case "score" -> {
                        List<JsonNode> calls = pending.remove(id);
                        if (calls != null) {
                            scored.put(id, calls);
                        }
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the replay ledger " + ledger, e);
        }
        pending.forEach(scored::putIfAbsent);
        scored.forEach((id, calls) -> {
            if (calls.isEmpty()) {
                return;
            }
            JsonNode first = calls.get(0);
            models.add(first.path("model").asText());
            byTestId.put(id, calls);
            byItem.put(itemKey(first.path("model").asText(), first.path("suite").asText(), first.path("item").asText()), calls);
            calls.forEach(c -> byMessages.put(messagesKey(c.path("model").asText(), c.path("messages")), c));
        });
    }

    /** Marks the calls made on this thread until the scope closes as belonging to one test. */
    public static Scope scope(String testId, String model, String suite, String item) {
        Scope scope = new Scope(new Key(testId, model, suite, item), CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    @Override
    public CallResult chat(ChatRequest request) {
        Scope scope = CURRENT.get();
        JsonNode recorded;
        if (scope != null && Objects.equals(scope.key.model(), request.model())) {
            List<JsonNode> calls = byTestId.get(scope.key.testId());
            if (calls == null) {
                calls = byItem.get(itemKey(scope.key.model(), scope.key.suite(), scope.key.item()));
            }
            int n = scope.calls++;
            if (calls == null) {
                return notReplayable(request, "no call of " + scope.key.model() + "/" + scope.key.suite() + "/"
                        + scope.key.item() + " in " + ledger);
            }
            if (n >= calls.size()) {
                return notReplayable(request, "the ledger holds " + calls.size() + " call(s) of this test, this is call " + (n + 1));
            }
            recorded = calls.get(n);
            if (!sameMessages(recorded.path("messages"), request.messages())) {
                return notReplayable(request, "the prompt differs from the one recorded in " + ledger);
            }
        } else {
            recorded = byMessages.get(messagesKey(request.model(), MAPPER.valueToTree(request.messages())));
            if (recorded == null) {
                return notReplayable(request, "no call of " + request.model() + " with this prompt in " + ledger);
            }
        }
        return restore(recorded);
    }

    /** The call as it was recorded, figures included, so a replay reproduces the run's latencies and errors. */
    static CallResult restore(JsonNode c) {
        String kindName = c.path("error_kind").asText(null);
        ErrorKind kind = null;
        String message = c.path("error").asText(null);
        if (kindName != null) {
            try {
                kind = ErrorKind.valueOf(kindName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                kind = ErrorKind.PROTOCOL;
                message = "recorded error kind '" + kindName + "': " + message;
            }
        }
        List<Long> waits = new ArrayList<>();
        c.path("retry_waits_ms").forEach(w -> waits.add(w.asLong()));
        @SuppressWarnings("unchecked")
        Map<String, Object> timings = c.path("server_timings").isObject()
                ? MAPPER.convertValue(c.path("server_timings"), Map.class) : Map.of();
        return new CallResult(text(c, "raw_output"), text(c, "thinking"), kind, message,
                c.hasNonNull("http_status") ? c.path("http_status").asInt() : null,
                c.path("latency_ms").asLong(), c.hasNonNull("ttft_ms") ? c.path("ttft_ms").asLong() : null,
                c.hasNonNull("prompt_tokens") ? c.path("prompt_tokens").asInt() : null,
                c.hasNonNull("completion_tokens") ? c.path("completion_tokens").asInt() : null,
                c.path("tokens_estimated").asBoolean(), text(c, "finish_reason"), Math.max(1, c.path("attempts").asInt(1)),
                List.copyOf(waits), timings, c.path("chars_in").asInt(), c.path("chars_out").asInt(),
                c.path("token_gaps_ms").isObject() ? MAPPER.convertValue(c.path("token_gaps_ms"), TokenGaps.class) : null,
                c.path("streamed").asBoolean(), null, implausible(c.path("implausible")));
    }

    /** The recorded call's implausible figures, so the replay's ledger keeps them apart too. */
    private static List<Implausible> implausible(JsonNode recorded) {
        List<Implausible> figures = new ArrayList<>();
        recorded.forEach(i -> figures.add(new Implausible(i.path("figure").asText(), i.path("raw").asText(), i.path("why").asText())));
        return figures;
    }

    private static CallResult notReplayable(ChatRequest request, String why) {
        return CallResult.failure(new CallFailure(ErrorKind.NOT_REPLAYABLE, why), 0, 1, List.of(), request.charsIn());
    }

    private static boolean sameMessages(JsonNode recorded, List<ChatMessage> messages) {
        if (recorded.size() != messages.size()) {
            return false;
        }
        for (int i = 0; i < messages.size(); i++) {
            if (!recorded.get(i).path("role").asText().equals(messages.get(i).role())
                    || !recorded.get(i).path("content").asText().equals(messages.get(i).content())) {
                return false;
            }
        }
        return true;
    }

    private static String messagesKey(String model, JsonNode messages) {
        StringBuilder sb = new StringBuilder(model);
        messages.forEach(m -> sb.append('\u0000').append(m.path("role").asText()).append('\u0001').append(m.path("content").asText()));
        return sb.toString();
    }

    private static String itemKey(String model, String suite, String item) {
        return model + '\u0000' + suite + '\u0000' + item;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = line.isBlank() ? null : MAPPER.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null; // a torn last line of a killed run
        }
    }

    @Override
    public List<String> listModels() {
        return List.copyOf(models);
    }

    @Override
    public String provider() {
        return "replay";
    }
}
