package org.llmbench.model;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The built-in deterministic model, offline. The model name picks the mode:
 * {@code mock} answers with each question's reference answer (a mock run scores 100);
 * {@code mock:junk} answers seeded random text; {@code mock:failing} fails every call as a connection error;
 * {@code mock:slow} (or {@code mock:slow:MILLIS}) answers like the oracle after a delay;
 * {@code mock:flaky} (or {@code mock:flaky:PERCENT}, 20 by default) answers junk to that share of the prompts, drawn
 * from the seed and the prompt, and the oracle's answer to the rest (a model that got worse, or noise between seeds).
 * Offered functions ({@code tools} phase), the oracle makes the reference calls through the tool API and junk makes
 * one call to a made-up function with arguments that are no JSON.
 */
public final class MockModelClient implements ModelClient {

    /** The mock's behaviours. */
    public enum Mode { ORACLE, JUNK, FAILING, SLOW, FLAKY }

    private final long seed;

    public MockModelClient(long seed) {
        this.seed = seed;
        TokenCounter.warmUp();
    }

    public static Mode modeOf(String model) {
        String[] parts = model.split(":");
        if (parts.length < 2) {
            return Mode.ORACLE;
        }
        return switch (parts[1]) {
            case "junk" -> Mode.JUNK;
            case "failing" -> Mode.FAILING;
            case "slow" -> Mode.SLOW;
            case "flaky" -> Mode.FLAKY;
            default -> Mode.ORACLE;
        };
    }

    @Override
    public CallResult chat(ChatRequest request) {
        long start = System.nanoTime();
        int charsIn = request.charsIn();
        Mode mode = modeOf(request.model());
        if (mode == Mode.FAILING) {
            return CallResult.failure(new CallFailure(ErrorKind.CONNECTION, "mock:failing refuses every call"),
                    0, 1, List.of(), charsIn);
        }
        if (mode == Mode.SLOW) {
            sleep(slowMillis(request.model()));
        }
        boolean junk = mode == Mode.JUNK || mode == Mode.FLAKY && missed(request);
        boolean calls = request.tools() != null && (junk || !request.tools().reference().isEmpty());
        String answer = junk ? junk(request) : calls ? "" : oracle(request);
        ToolCalls made = !calls ? null : junk
                ? new ToolCalls(List.of(new ToolCall("call_0", "x_" + junk(request).strip().replace(' ', '_'), junk(request))), 0, null)
                : new ToolCalls(request.tools().reference(), 0, null);
        long latency = (System.nanoTime() - start) / 1_000_000;
        CallResult result = CallResult.answer(answer, latency, charsIn, TokenCounter.count(request.messages()),
                TokenCounter.count(made == null ? answer : answer + made.text()), true);
        return made == null ? result : result.withToolCalls(made);
    }

    /**
     * The oracle gives the reference letter the highest log-probability (a mock run scores 100 by log-likelihood too);
     * {@code mock:junk} ranks only tokens that are no answer letter (it scores 0: no letter wins);
     * {@code mock:failing} fails the call.
     */
    @Override
    public LogprobResult logprobs(LogprobRequest request) {
        Mode mode = modeOf(request.model());
        if (mode == Mode.FAILING) {
            return LogprobResult.failed(CallResult.failure(new CallFailure(ErrorKind.CONNECTION, "mock:failing refuses every call"),
                    0, 1, List.of(), request.prompt().length()));
        }
        if (mode == Mode.SLOW) {
            sleep(slowMillis(request.model()));
        }
        return ContinuationWalk.walk(request, prompt -> {
            List<ContinuationWalk.NextToken> top = new java.util.ArrayList<>();
            if (mode == Mode.JUNK) {
                var random = new SplittableRandom(seed ^ prompt.hashCode());
                for (int i = 0; i < 5; i++) {
                    top.add(new ContinuationWalk.NextToken("junk" + random.nextInt(1000), -1.0 - i));
                }
            } else {
                request.letters().forEach(l -> top.add(new ContinuationWalk.NextToken(LogprobRequest.continuation(l),
                        l.equals(request.referenceLetter()) ? -0.05 : -4.0)));
            }
            return ContinuationWalk.Step.of(CallResult.answer("", 0, prompt.length(), TokenCounter.count(prompt), 1, true), top);
        });
    }

    private static String oracle(ChatRequest request) {
        return request.referenceAnswer() != null ? request.referenceAnswer() : "I have no reference answer for this prompt.";
    }

    private String junk(ChatRequest request) {
        String last = request.messages().get(request.messages().size() - 1).content();
        var random = new SplittableRandom(seed ^ last.hashCode());
        int length = 1 + random.nextInt(200);
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) (random.nextInt(5) == 0 ? ' ' : 'a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    /** Whether {@code mock:flaky[:PERCENT]} misses this prompt: a draw from the seed and the prompt, so a run repeats. */
    private boolean missed(ChatRequest request) {
        String[] parts = request.model().split(":");
        int percent = 20;
        try {
            percent = parts.length > 2 ? Integer.parseInt(parts[2]) : percent;
        } catch (NumberFormatException e) {
            // Not a number: the default share.
        }
        String last = request.messages().get(request.messages().size() - 1).content();
        return new SplittableRandom(seed * 31 + last.hashCode()).nextInt(100) < percent;
    }

    private static long slowMillis(String model) {
        String[] parts = model.split(":");
        try {
            return parts.length > 2 ? Long.parseLong(parts[2]) : 200;
        } catch (NumberFormatException e) {
            return 200;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<String> listModels() {
        return List.of("mock", "mock:junk", "mock:failing", "mock:slow", "mock:flaky");
    }

    @Override
    public String provider() {
        return "mock";
    }
}
