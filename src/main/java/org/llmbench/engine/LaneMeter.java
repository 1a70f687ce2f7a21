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
import org.llmbench.record.PhaseMeasures;
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

    /**
     * The phase's figures so far; {@code laneModels} names the model of each lane (1-based), {@code assignment} how
     * questions went to lanes, {@code note} (or null) a remark on it.
     */
    PhaseMeasures.Lanes figures(String assignment, List<String> laneModels, String note) {
        long wallMs = Math.max(1, (System.nanoTime() - startNanos) / 1_000_000);
        List<Long> all = new ArrayList<>();
        latencies.values().forEach(all::addAll);
        Map<String, PhaseMeasures.Lane> perLane = new LinkedHashMap<>();
        for (int lane = 1; lane <= lanes; lane++) {
            List<Long> own = new ArrayList<>(latencies.getOrDefault(lane, new ConcurrentLinkedQueue<>()));
            perLane.put(Integer.toString(lane), new PhaseMeasures.Lane(laneModels.get((lane - 1) % laneModels.size()),
                    own.size(), latencies(own)));
        }
        return new PhaseMeasures.Lanes(assignment, lanes, wallMs, all.size(), errors.get(), maxInFlight.get(),
                completionTokens.get(), estimated.get(), perSecond(completionTokens.get(), wallMs), latencies(all),
                perLane, serverLatencies.isEmpty() ? null : perServer(wallMs), note);
    }

    /** Each server's share of the phase: requests, errors, latency percentiles and requests per second. */
    private Map<String, PhaseMeasures.Server> perServer(long wallMs) {
        Map<String, PhaseMeasures.Server> perServer = new LinkedHashMap<>();
        synchronized (serverLatencies) {
            serverLatencies.forEach((server, queue) -> {
                List<Long> own = new ArrayList<>(queue);
                perServer.put(server, new PhaseMeasures.Server(own.size(), serverErrors.get(server).get(),
                        perSecond(own.size(), wallMs), latencies(own)));
            });
        }
        return perServer;
    }

    /** A rate rounded to two decimals, as the figures show it. */
    private static double perSecond(long count, long wallMs) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2f", count * 1000.0 / wallMs));
    }

    static PhaseMeasures.Latencies latencies(List<Long> latencies) {
        Percentiles.Latencies l = Percentiles.of(latencies).latencies();
        return new PhaseMeasures.Latencies(l.p50(), l.p90(), l.p95(), l.p99(), l.max());
    }
}
