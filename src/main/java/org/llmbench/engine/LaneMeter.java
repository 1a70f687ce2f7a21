package org.llmbench.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.ModelClient;
import org.llmbench.report.Percentiles;

/**
 * Lets at most {@code lanes} calls of one parallel phase through at a time and measures them: calls in flight
 * (counted as they start and end, so the maximum is what really happened, not a guess from timings), wall time,
 * completion tokens and each lane's latencies.
 */
final class LaneMeter {

    private final int lanes;
    private final Semaphore gate;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong completionTokens = new AtomicLong();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicBoolean estimated = new AtomicBoolean();
    private final Map<Integer, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    // Per server of bench.url=a,b (calls that name their server): latencies and errors; in first-answer order.
    private final Map<String, ConcurrentLinkedQueue<Long>> serverLatencies = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();

    LaneMeter(int lanes) {
        this.lanes = lanes;
        this.gate = new Semaphore(lanes, true);
    }

    /** A client that sends this lane's calls through the meter to {@code delegate}. */
    ModelClient client(ModelClient delegate, int lane) {
        return new ModelClient() {
            @Override
            public CallResult chat(ChatRequest request) {
                return call(delegate, lane, request);
            }

            @Override
            public List<String> listModels() throws org.llmbench.model.CallFailure {
                return delegate.listModels();
            }

            @Override
            public java.util.Map<String, java.util.Map<String, Object>> modelDetails() throws org.llmbench.model.CallFailure {
                return delegate.modelDetails();
            }

            @Override
            public String provider() {
                return delegate.provider();
            }
        };
    }

    private CallResult call(ModelClient delegate, int lane, ChatRequest request) {
        gate.acquireUninterruptibly();
        CallResult result;
        try {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                result = delegate.chat(request);
            } finally {
                inFlight.decrementAndGet();
            }
        } finally {
            gate.release();
        }
        latencies.computeIfAbsent(lane, l -> new ConcurrentLinkedQueue<>()).add(result.latencyMs());
        if (!result.ok()) {
            errors.incrementAndGet();
        }
        if (result.server() != null) {
            serverLatencies.computeIfAbsent(result.server(), k -> new ConcurrentLinkedQueue<>()).add(result.latencyMs());
            serverErrors.computeIfAbsent(result.server(), k -> new AtomicInteger()).addAndGet(result.ok() ? 0 : 1);
        }
        if (result.completionTokens() != null) {
            completionTokens.addAndGet(result.completionTokens());
        }
        if (result.tokensEstimated()) {
            estimated.set(true);
        }
        return result;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    /** The phase's figures so far; {@code laneModels} names the model of each lane (1-based). */
    Map<String, Object> figures(List<String> laneModels) {
        long wallMs = Math.max(1, (System.nanoTime() - startNanos) / 1_000_000);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("lanes", lanes);
        f.put("wall_ms", wallMs);
        List<Long> all = new ArrayList<>();
        latencies.values().forEach(all::addAll);
        f.put("requests", all.size());
        f.put("errors", errors.get());
        f.put("max_in_flight", maxInFlight.get());
        f.put("completion_tokens", completionTokens.get());
        f.put("completion_tokens_estimated", estimated.get());
        f.put("completion_tokens_per_s", Double.parseDouble(String.format(Locale.ROOT, "%.2f",
                completionTokens.get() * 1000.0 / wallMs)));
        f.put("latency_ms", Percentiles.of(all).latencies());
        Map<String, Object> perLane = new LinkedHashMap<>();
        for (int lane = 1; lane <= lanes; lane++) {
            List<Long> own = new ArrayList<>(latencies.getOrDefault(lane, new ConcurrentLinkedQueue<>()));
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("model", laneModels.get((lane - 1) % laneModels.size()));
            l.put("requests", own.size());
            l.put("latency_ms", Percentiles.of(own).latencies());
            perLane.put(Integer.toString(lane), l);
        }
        f.put("per_lane", perLane);
        if (!serverLatencies.isEmpty()) {
            f.put("per_server", perServer(wallMs));
        }
        return f;
    }

    /** Each server's share of the phase: requests, errors, latency percentiles and requests per second. */
    private Map<String, Object> perServer(long wallMs) {
        Map<String, Object> perServer = new LinkedHashMap<>();
        synchronized (serverLatencies) {
            serverLatencies.forEach((server, queue) -> {
                List<Long> own = new ArrayList<>(queue);
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("requests", own.size());
                s.put("errors", serverErrors.get(server).get());
                s.put("requests_per_s", Double.parseDouble(String.format(Locale.ROOT, "%.2f", own.size() * 1000.0 / wallMs)));
                s.put("latency_ms", Percentiles.of(own).latencies());
                perServer.put(server, s);
            });
        }
        return perServer;
    }
}
