package org.llmbench.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmbench.json.Json;
import org.llmbench.model.ContinuationWalk.NextToken;

/**
 * The top-k log-probabilities of the first generated token, read from a completion answer in any of the shapes real
 * servers send (each read from the server's source or documentation):
 * <ul>
 *   <li>OpenAI's legacy completions and vLLM: {@code choices[0].logprobs.top_logprobs[0]}, an object token to logprob;</li>
 *   <li>llama-server's {@code /v1/completions}: {@code choices[0].logprobs.content[0].top_logprobs}, a list of
 *       {@code {token, logprob}};</li>
 *   <li>llama-server's native {@code /completion}: {@code completion_probabilities[0].top_logprobs} (or
 *       {@code top_probs} of {@code {token, prob}} with {@code post_sampling_probs});</li>
 *   <li>Ollama's {@code /api/generate}: {@code logprobs[0].top_logprobs}.</li>
 * </ul>
 * A log-probability that is null (vLLM writes -inf so) or -Infinity is {@link LetterLogprobs#IMPOSSIBLE}; NaN, a
 * positive value or a probability outside 0..1 is a protocol error naming the token, never a silent number.
 */
final class CompletionLogprobs {

    /** Body fields the parser reads, besides the log-probabilities: token counts and llama.cpp's timings. */
    record Parsed(List<NextToken> candidates, Integer promptTokens, Integer completionTokens, Map<String, Object> timings,
                  String finishReason) {
    }

    /** Python's json writes NaN and -Infinity as bare words; they are read, then judged, rather than failing the body. */
    private static final ObjectReader READER = Json.MAPPER.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    /** A log-probability a little above 0 is float rounding of a probability of 1. */
    private static final double ROUNDING = 1e-4;
    /** More candidates than any server is asked for are not read. */
    static final int MAX_CANDIDATES = 1000;
    private static final int TOKEN_IN_MESSAGE = 40;

    private CompletionLogprobs() {
    }

    /** The first token's candidates, with the answer's counts; candidates null when it carries no log-probabilities. */
    static Parsed firstToken(String body) throws CallFailure {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the response is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CallFailure(ErrorKind.PROTOCOL, "the response is not a JSON object");
        }
        CallFailure error = BodyError.in(root, "in the body");
        if (error != null) {
            throw error;
        }
        List<NextToken> candidates = candidates(root);
        JsonNode usage = root.path("usage");
        Integer prompt = count(usage.path("prompt_tokens"), root.path("prompt_eval_count"), root.path("tokens_evaluated"));
        Integer completion = count(usage.path("completion_tokens"), root.path("eval_count"), root.path("tokens_predicted"));
        Map<String, Object> timings = new LinkedHashMap<>();
        root.path("timings").fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                timings.put(e.getKey(), e.getValue().numberValue());
            }
        });
        for (String ns : List.of("total_duration", "load_duration", "prompt_eval_duration", "eval_duration")) {
            if (root.path(ns).isNumber()) {
                timings.put(ns, root.path(ns).numberValue());
            }
        }
        JsonNode choice = root.path("choices").path(0);
        String finish = WireJson.text(choice, "finish_reason");
        return new Parsed(candidates, prompt, completion, timings, finish != null ? finish : WireJson.text(root, "done_reason"));
    }

    private static List<NextToken> candidates(JsonNode root) throws CallFailure {
        if (root.has("completion_probabilities")) {
            return entries(root.path("completion_probabilities"), "completion_probabilities");
        }
        if (root.has("choices")) {
            JsonNode choices = root.path("choices");
            if (!choices.isArray() || choices.isEmpty()) {
                throw new CallFailure(ErrorKind.PROTOCOL, "the response has no choices");
            }
            JsonNode logprobs = choices.get(0).path("logprobs");
            if (logprobs.isMissingNode() || logprobs.isNull()) {
                return null;
            }
            if (logprobs.has("content")) {
                return entries(logprobs.path("content"), "choices[0].logprobs.content");
            }
            JsonNode top = logprobs.path("top_logprobs");
            if (top.isArray()) {
                if (top.isEmpty() || top.get(0).isNull()) {
                    throw new CallFailure(ErrorKind.PROTOCOL, "choices[0].logprobs.top_logprobs holds no token");
                }
                return byToken(top.get(0), "choices[0].logprobs.top_logprobs[0]");
            }
            throw new CallFailure(ErrorKind.PROTOCOL, "choices[0].logprobs has neither content nor top_logprobs");
        }
        JsonNode ollama = root.path("logprobs");
        return ollama.isMissingNode() || ollama.isNull() ? null : entries(ollama, "logprobs");
    }

    /** A list of generated tokens, each {@code {token, logprob, top_logprobs: [{token, logprob}]}}: the first one's list. */
    private static List<NextToken> entries(JsonNode list, String where) throws CallFailure {
        if (!list.isArray() || list.isEmpty() || !list.get(0).isObject()) {
            throw new CallFailure(ErrorKind.PROTOCOL, where + " holds no generated token");
        }
        JsonNode first = list.get(0);
        boolean probs = !first.has("top_logprobs") && first.has("top_probs");
        JsonNode top = probs ? first.path("top_probs") : first.path("top_logprobs");
        if (!top.isArray() || top.isEmpty()) {
            throw new CallFailure(ErrorKind.PROTOCOL, where + "[0] has no top_logprobs list");
        }
        List<NextToken> out = new ArrayList<>();
        for (JsonNode t : top) {
            if (out.size() == MAX_CANDIDATES) {
                break;
            }
            if (t.path("token").isTextual()) {
                String token = t.path("token").asText();
                out.add(new NextToken(token, probs ? fromProbability(t.path("prob"), token) : logprob(t.path("logprob"), token)));
            }
        }
        if (out.isEmpty()) {
            throw new CallFailure(ErrorKind.PROTOCOL, where + "[0]'s top_logprobs name no token");
        }
        return out;
    }

    /** An object token to log-probability (the legacy completions shape). */
    private static List<NextToken> byToken(JsonNode object, String where) throws CallFailure {
        if (!object.isObject() || object.isEmpty()) {
            throw new CallFailure(ErrorKind.PROTOCOL, where + " is not an object of tokens");
        }
        List<NextToken> out = new ArrayList<>();
        var fields = object.fields();
        while (fields.hasNext() && out.size() < MAX_CANDIDATES) {
            var e = fields.next();
            out.add(new NextToken(e.getKey(), logprob(e.getValue(), e.getKey())));
        }
        return out;
    }

    private static double logprob(JsonNode value, String token) throws CallFailure {
        if (value.isNull()) {
            return LetterLogprobs.IMPOSSIBLE;
        }
        if (!value.isNumber()) {
            throw bad("a log-probability that is not a number", token);
        }
        double v = value.doubleValue();
        if (Double.isNaN(v)) {
            throw bad("NaN as the log-probability", token);
        }
        if (v > ROUNDING) {
            throw bad("a positive log-probability (" + v + ")", token);
        }
        return Math.max(Math.min(v, 0), LetterLogprobs.IMPOSSIBLE);
    }

    private static double fromProbability(JsonNode value, String token) throws CallFailure {
        if (!value.isNumber() || Double.isNaN(value.doubleValue()) || value.doubleValue() < 0 || value.doubleValue() > 1 + ROUNDING) {
            throw bad("a probability outside 0..1 (" + value + ")", token);
        }
        double p = value.doubleValue();
        return p == 0 ? LetterLogprobs.IMPOSSIBLE : Math.min(Math.log(p), 0);
    }

    private static CallFailure bad(String what, String token) {
        String shown = token.length() > TOKEN_IN_MESSAGE ? token.substring(0, TOKEN_IN_MESSAGE) + "..." : token;
        return new CallFailure(ErrorKind.PROTOCOL, "the server sent " + what + " for the token '" + shown + "'");
    }

    private static Integer count(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isIntegralNumber() && n.asLong() >= 0 && n.asLong() <= Integer.MAX_VALUE) {
                return n.asInt();
            }
        }
        return null;
    }
}
