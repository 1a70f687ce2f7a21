package org.llmbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * What the real clients share: at most {@code lanes} calls in flight, bounded retries, one timed attempt that
 * streams when the server streams and reads the whole body when it does not. Subclasses speak the wire format.
 * Every public method returns (or throws) through the {@link Redactor}, once, at its end: server text reaches
 * nothing the caller records without passing it, however it got into a result or a failure.
 */
abstract class HttpChatClient implements ModelClient {

    private final ClientSettings settings;
    private final String chatPath;
    private final String modelsPath;
    private final HttpTransport http;
    private final Retrier retrier;
    private final Semaphore lanes;
    private final Redactor redactor;
    // Parsed once: parsing the URL on every call cost 3 % of the CPU of a 16-lane run (harness benchmark).
    // Null when the base URL is not a valid URL; each call then fails as a connection error that says so.
    private final URI chatUri;
    private final URI modelsUri;

    HttpChatClient(ClientSettings settings, String chatPath, String modelsPath) {
        this.settings = settings;
        this.chatPath = chatPath;
        this.modelsPath = modelsPath;
        this.chatUri = parse(settings.baseUrl() + chatPath);
        this.modelsUri = parse(settings.baseUrl() + modelsPath);
        this.http = settings.transport();
        this.retrier = settings.retrier();
        this.lanes = new Semaphore(settings.lanes(), true);
        this.redactor = new Redactor(settings.apiKey());
        // No tokenizer warm-up: loading its vocabulary took CPU from the model during the first calls, and servers
        // that report their counts (llama.cpp, Ollama) never need it; it loads on the first count it is asked for.
    }

    abstract String requestBody(ChatRequest request);

    /** Whether a 2xx answer of this media type (lower case, no parameters) is a stream, read as it arrives. */
    abstract boolean isStream(String mediaType);

    /** Reads a stream up to its end marker; a body that ends before it is a protocol error. */
    abstract void readStream(BodyLines lines, AnswerParts parts, StreamTimer timer) throws IOException, CallFailure;

    /**
     * Whether a call that failed so is worth sending once more with its body written anew, because the failure
     * taught the client something about the server (llama.cpp builds that cannot stream tool calls). None by default.
     */
    boolean askAgain(ChatRequest request, CallResult failed) {
        return false;
    }

    /** Reads a whole (non-streamed) answer. */
    abstract void readWhole(JsonNode root, AnswerParts parts, StreamTimer timer) throws CallFailure;

    /** The scalar facts of each model in the server's listing, by name, in listing order. */
    abstract Map<String, Map<String, Object>> modelDetails(JsonNode listing);

    @Override
    public final CallResult chat(ChatRequest request) {
        String body = requestBody(request);
        int charsIn = request.charsIn();
        lanes.acquireUninterruptibly();
        try {
            CallResult result = retrier.call(charsIn, attempt -> once(body, request, charsIn));
            if (!result.ok() && askAgain(request, result)) {
                String again = requestBody(request);
                CallResult refused = result;
                CallResult second = retrier.call(charsIn, attempt -> once(again, request, charsIn));
                // The refused attempts stay on the record: attempts and waits count both tries.
                List<Long> waits = new java.util.ArrayList<>(refused.retryWaitsMs());
                waits.addAll(second.retryWaitsMs());
                result = second.afterAttempts(refused.attempts() + second.attempts(), waits);
            }
            return redactor.result(result);
        } catch (RuntimeException bug) {
            throw redactor.unexpected(bug);
        } finally {
            lanes.release();
        }
    }

    private CallResult once(String body, ChatRequest request, int charsIn) throws CallFailure {
        StreamTimer timer = new StreamTimer();
        HttpTransport.Opened opened = http.open(HttpTransport.post(uri(chatUri, chatPath), body, Map.of()), timer.startNanos(), this::isStream);
        AnswerParts parts = new AnswerParts();
        if (!opened.streamed()) {
            String whole = http.whole(opened);
            timer.finish();
            try {
                readWhole(WireJson.object(whole, "response"), parts, timer);
            } catch (CallFailure f) {
                throw f.inAnswer(opened.status(), false);
            }
            return parts.result(timer, request.messages(), charsIn, false);
        }
        try (CallDeadlines.Deadline ignored = opened.deadline(); InputStream in = opened.stream()) {
            readStream(new BodyLines(in, http.maxBodyBytes()), parts, timer);
            timer.finish();
            return parts.result(timer, request.messages(), charsIn, true);
        } catch (IOException e) {
            throw http.readFailure(opened.deadline(), e).inAnswer(opened.status(), true);
        } catch (CallFailure f) {
            // The deadline closes the body; a read may then see a clean end instead of an error.
            throw (opened.deadline().expired() ? http.readFailure(opened.deadline(), new IOException("closed")) : f)
                    .inAnswer(opened.status(), true);
        }
    }

    /**
     * One POST whose answer is read whole, with the client's lanes, retries and redaction: the body is the result's
     * content, unparsed (the log-probability requests, {@link LogprobEndpoint}).
     */
    final CallResult postWhole(String path, String body, int charsIn) {
        URI target = parse(settings.baseUrl() + path);
        lanes.acquireUninterruptibly();
        try {
            return redactor.result(retrier.call(charsIn, attempt -> {
                long start = System.nanoTime();
                String whole = http.exchange(HttpTransport.post(uri(target, path), body, Map.of()));
                return new CallResult(whole, null, null, null, 200, (System.nanoTime() - start) / 1_000_000, null, null,
                        null, false, null, 1, List.of(), Map.of(), charsIn, whole.length());
            }));
        } catch (RuntimeException bug) {
            throw redactor.unexpected(bug);
        } finally {
            lanes.release();
        }
    }

    /** A result made outside {@link #postWhole} from what the server sent, as it may be recorded. */
    final CallResult redacted(CallResult result) {
        return redactor.result(result);
    }

    @Override
    public final List<String> listModels() throws CallFailure {
        return List.copyOf(modelDetails().keySet());
    }

    @Override
    public final Map<String, Map<String, Object>> modelDetails() throws CallFailure {
        try {
            return redactor.details(modelDetails(WireJson.object(http.exchange(HttpTransport.get(uri(modelsUri, modelsPath))),
                    "model list")));
        } catch (CallFailure failure) {
            throw redactor.failure(failure);
        } catch (RuntimeException bug) {
            throw redactor.unexpected(bug);
        }
    }

    /** The base URL the client talks to (no secret in it). */
    public final String baseUrl() {
        return settings.baseUrl();
    }

    private URI uri(URI parsed, String path) throws CallFailure {
        if (parsed == null) {
            throw new CallFailure(ErrorKind.CONNECTION, "not a valid URL: " + settings.baseUrl() + path);
        }
        return parsed;
    }

    private static URI parse(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
