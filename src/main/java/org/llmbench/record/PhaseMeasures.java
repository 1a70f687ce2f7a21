package org.llmbench.record;

import java.util.List;
import java.util.Map;

/**
 * What a phase measured as a whole, by its run mode: each mode measures other things. Their names in the ledger
 * are {@link PhaseMeasuresCodec}'s alone.
 */
public sealed interface PhaseMeasures {

    /**
     * Latency percentiles in milliseconds, each null (and left out) without calls; numbers as written (an older
     * ledger wrote whole numbers), so that a line reads back and writes out the same.
     */
    record Latencies(Number p50, Number p90, Number p95, Number p99, Number max) {
    }

    /**
     * A parallel phase: its lanes, wall time, requests, calls in flight at most, token rate and latencies.
     *
     * @param perServer each server's share when bench.url names several, else null
     * @param note a remark on how the lanes were bound, or null
     */
    record Lanes(String assignment, int lanes, long wallMs, int requests, int errors, int maxInFlight,
                 long completionTokens, boolean completionTokensEstimated, double completionTokensPerS,
                 Latencies latencyMs, Map<String, Lane> perLane, Map<String, Server> perServer, String note)
            implements PhaseMeasures {
        public Lanes {
            perLane = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perLane));
            perServer = perServer == null ? null
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perServer));
        }
    }

    /** One lane of a parallel phase (keyed by its 1-based number): its model, requests and latencies. */
    record Lane(String model, int requests, Latencies latencyMs) {
    }

    /** One server's share of a parallel phase. */
    record Server(int requests, int errors, double requestsPerS, Latencies latencyMs) {
    }

    /**
     * The whole-suite phase's one call: questions in the prompt, its size and tokens, and which numbered parts the
     * answer held.
     *
     * @param errorKind the call's error kind as the ledger names it, or null when it answered
     */
    record WholeSuite(int questions, long promptChars, Long promptTokens, Long completionTokens,
                      boolean tokensEstimated, long latencyMs, String errorKind, List<String> partsFound,
                      List<String> partsMissing) implements PhaseMeasures {
        public WholeSuite {
            partsFound = List.copyOf(partsFound);
            partsMissing = List.copyOf(partsMissing);
        }
    }

    /**
     * The append conversation: the context it had, the turns it ran and why it stopped, where answers first
     * failed and where the server cut the context.
     */
    record Append(long numCtx, int turnsRun, int questions, String stoppedBecause, long contextTokens,
                  Integer firstDegradedTurn, Integer contextCutFromTurn, long contextCutTurns, List<Turn> turns)
            implements PhaseMeasures {
        public Append {
            turns = List.copyOf(turns);
        }
    }

    /**
     * One turn of the append conversation.
     *
     * @param contextCutBecause why the server cut this turn's context, or null when nothing says it did
     */
    record Turn(int turn, String question, int messages, long promptTokens, long completionTokens, long contextTokens,
                boolean tokensEstimated, long latencyMs, double score, boolean passed, boolean contextCut,
                String contextCutBecause) {
    }
}
