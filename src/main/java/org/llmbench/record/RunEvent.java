package org.llmbench.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One line of a run's record ({@code run.jsonl}): what happened, typed. {@link RecordCodec} is the only place that
 * knows how each is written as a JSON line; every field here is named as in the ledger, in camel case.
 * Nullable fields are those the ledger writes as null or leaves out. The parts of an event that are not events
 * (a call's {@link Message}s, a score's {@link Check}s, a footprint's {@link Memory}...) are records of their own.
 */
public sealed interface RunEvent {

    /** Format version, time, run, shard mark and unknown fields of the line. */
    Stamp stamp();

    /** The same event with another stamp (a merge marks each line with its shard). */
    RunEvent withStamp(Stamp stamp);

    /** The unique id of the test (or container) the event belongs to; null for the run's own events. */
    default String testId() {
        return null;
    }

    /**
     * A process of the run began: a new run, or a resume of it (then {@code resumed}).
     *
     * @param testsAddedAtRunTime how many of {@code testsPlanned} are turns an append phase adds as it runs; null
     *                            in a merged run's own start, which never recorded it
     * @param shardPart the shard this process runs, when the run is split across machines
     * @param merge set on the one start of a merged run
     */
    record RunStart(Stamp stamp, String harnessVersion, boolean resumed, List<String> models, List<String> suites,
                    long testsPlanned, Long testsAddedAtRunTime, ShardPart shardPart, Merge merge) implements RunEvent {
        public RunStart {
            models = List.copyOf(models);
            suites = List.copyOf(suites);
        }

        @Override
        public RunStart withStamp(Stamp s) {
            return new RunStart(s, harnessVersion, resumed, models, suites, testsPlanned, testsAddedAtRunTime, shardPart, merge);
        }
    }

    /** A shard's own start, as {@code report merge} copies it into the merged ledger. */
    record ShardStart(RunStart start) implements RunEvent {
        @Override
        public Stamp stamp() {
            return start.stamp();
        }

        @Override
        public ShardStart withStamp(Stamp s) {
            return new ShardStart(start.withStamp(s));
        }
    }

    /**
     * What the server said about the run's models (size, quantization, context length...).
     *
     * @param models per model, the server's own description: open-ended (each server says other things, in its
     *               own names), so it stays the JSON the server sent
     */
    record ModelDetails(Stamp stamp, JsonNode models) implements RunEvent {
        @Override
        public ModelDetails withStamp(Stamp s) {
            return new ModelDetails(s, models);
        }
    }

    /**
     * One call of the model: the prompt, the answer as it came, timings, tokens and any error.
     *
     * @param sample the 0-based sample index when a question is asked several times; null otherwise
     * @param errorKind the failure's kind as the model package names it ({@code timeout}, {@code http_5xx}...);
     *                  a string here because the record sits below the model package and must read kinds it
     *                  no longer knows
     * @param serverTimings the timings the server reported, as it sent them (each server has its own fields)
     * @param implausible figures that cannot be true, kept apart from the counts; empty when none
     * @param server which of several servers answered; null for a run of one server
     * @param logprobs each answer letter's log-likelihood, for a question asked by log-likelihood; null otherwise
     * @param toolCalls the function calls the answer made through the server's tool API; null when it made none
     */
    record Call(Stamp stamp, TestRef ref, Integer sample, List<Message> messages, String rawOutput, String thinking,
                String errorKind, String error, Integer httpStatus, long latencyMs, Long ttftMs, Integer promptTokens,
                Integer completionTokens, boolean tokensEstimated, Double completionTokensPerS, Double tpotMs,
                TokenGaps tokenGaps, boolean streamed, Double serverCompletionTokensPerS, String finishReason,
                int attempts, List<Long> retryWaitsMs, JsonNode serverTimings, List<Implausible> implausible,
                int charsIn, int charsOut, String server, Logprobs logprobs,
                ToolCalls toolCalls) implements RunEvent {
        public Call {
            messages = List.copyOf(messages);
            retryWaitsMs = List.copyOf(retryWaitsMs);
            implausible = implausible == null ? List.of() : List.copyOf(implausible);
        }

        /** A call of the chat kind without function calls (the shape before either was recorded). */
        public Call(Stamp stamp, TestRef ref, Integer sample, List<Message> messages, String rawOutput, String thinking,
                    String errorKind, String error, Integer httpStatus, long latencyMs, Long ttftMs, Integer promptTokens,
                    Integer completionTokens, boolean tokensEstimated, Double completionTokensPerS, Double tpotMs,
                    TokenGaps tokenGaps, boolean streamed, Double serverCompletionTokensPerS, String finishReason,
                    int attempts, List<Long> retryWaitsMs, JsonNode serverTimings, List<Implausible> implausible,
                    int charsIn, int charsOut, String server) {
            this(stamp, ref, sample, messages, rawOutput, thinking, errorKind, error, httpStatus, latencyMs, ttftMs,
                    promptTokens, completionTokens, tokensEstimated, completionTokensPerS, tpotMs, tokenGaps, streamed,
                    serverCompletionTokensPerS, finishReason, attempts, retryWaitsMs, serverTimings, implausible, charsIn,
                    charsOut, server, null, null);
        }

        @Override
        public String testId() {
            return ref.testId();
        }

        /** Whether the call failed (it has an error kind). */
        public boolean failed() {
            return errorKind != null;
        }

        @Override
        public Call withStamp(Stamp s) {
            return new Call(s, ref, sample, messages, rawOutput, thinking, errorKind, error, httpStatus, latencyMs, ttftMs,
                    promptTokens, completionTokens, tokensEstimated, completionTokensPerS, tpotMs, tokenGaps, streamed,
                    serverCompletionTokensPerS, finishReason, attempts, retryWaitsMs, serverTimings, implausible, charsIn,
                    charsOut, server, logprobs, toolCalls);
        }
    }

    /**
     * A test's score with every check and its reason.
     *
     * @param task what a generated task's answer parsed to; null for a suite's question
     * @param sampling the samples' scores when the test was asked several times; null otherwise
     * @param sandboxLayers what stood between the answer's code and the machine, for code tasks; null otherwise
     * @param methods every scoring method's verdict, for a question read by several (public formats); null otherwise
     */
    record Score(Stamp stamp, TestRef ref, double score, double passMark, boolean passed, double weight,
                 double weightedScore, List<Check> checks, TaskParse task, Sampling sampling, List<String> sandboxLayers,
                 Methods methods)
            implements RunEvent {
        public Score {
            checks = List.copyOf(checks);
            sandboxLayers = sandboxLayers == null ? null : List.copyOf(sandboxLayers);
        }

        /** A score read by one method only (everything but a public-format question). */
        public Score(Stamp stamp, TestRef ref, double score, double passMark, boolean passed, double weight,
                     double weightedScore, List<Check> checks, TaskParse task, Sampling sampling, List<String> sandboxLayers) {
            this(stamp, ref, score, passMark, passed, weight, weightedScore, checks, task, sampling, sandboxLayers, null);
        }

        /** This score with the methods' verdicts. */
        public Score withMethods(Methods m) {
            return new Score(stamp, ref, score, passMark, passed, weight, weightedScore, checks, task, sampling, sandboxLayers, m);
        }

        @Override
        public String testId() {
            return ref.testId();
        }

        @Override
        public Score withStamp(Stamp s) {
            return new Score(s, ref, score, passMark, passed, weight, weightedScore, checks, task, sampling, sandboxLayers,
                    methods);
        }
    }

    /** How one test ended, with the first line of its message when it did not succeed. */
    record TestEnd(Stamp stamp, String testId, TestStatus status, String message) implements RunEvent {
        @Override
        public TestEnd withStamp(Stamp s) {
            return new TestEnd(s, testId, status, message);
        }
    }

    /** A test that did not run, and why (already scored in an earlier process, no python3...). */
    record TestSkipped(Stamp stamp, String testId, String reason) implements RunEvent {
        @Override
        public TestSkipped withStamp(Stamp s) {
            return new TestSkipped(s, testId, reason);
        }
    }

    /** A container that failed as a whole (a broken suite, a failing phase). */
    record ContainerFailed(Stamp stamp, String testId, String message) implements RunEvent {
        @Override
        public ContainerFailed withStamp(Stamp s) {
            return new ContainerFailed(s, testId, message);
        }
    }

    /**
     * What a phase measured as a whole.
     *
     * @param testId the phase container's unique id
     * @param measures the figures of its run mode (lanes and latency percentiles of a parallel phase, parts found of
     *                 a whole-suite prompt, turns of an append conversation), or null when the line holds none this
     *                 build reads whole: its figures are then kept untyped, as written, in the stamp's unknown fields
     */
    record PhaseFigures(Stamp stamp, String phase, String model, String runMode, String testId, PhaseMeasures measures)
            implements RunEvent {
        @Override
        public PhaseFigures withStamp(Stamp s) {
            return new PhaseFigures(s, phase, model, runMode, testId, measures);
        }
    }

    /**
     * What one model took of this machine while a process of the run asked it: memory at load and at its peak, and
     * energy over its window, each figure with where it came from, and why a source gave nothing. One per model and
     * process (a resumed run has one per process; the reports take the highest memory and add the energy).
     *
     * @param windowMs how long the model's part of the run lasted (the energy's window)
     * @param samples how many times the sampler read its sources in that window
     * @param periodMs the sampler's period
     */
    record Footprint(Stamp stamp, String model, long windowMs, int samples, long periodMs, Memory memory, Energy energy)
            implements RunEvent {
        @Override
        public Footprint withStamp(Stamp s) {
            return new Footprint(s, model, windowMs, samples, periodMs, memory, energy);
        }
    }

    /**
     * A process of the run ended, with totals derived from the whole ledger.
     *
     * @param tests how many tests ended with each status (and {@code skipped}); null in the oldest ledgers
     * @param scored how many tests have a score; null in the oldest ledgers
     * @param weightedTotal the one model's total, only when one model ran
     * @param modelTotals each model's weighted total, in the order the run scored them; null in the oldest ledgers
     * @param mergedShards on a merged run's own end: how many shards it merged
     */
    record RunEnd(Stamp stamp, long durationMs, Map<String, Integer> tests, Integer scored, Double weightedTotal,
                  Map<String, Double> modelTotals, Integer mergedShards) implements RunEvent {
        public RunEnd {
            tests = tests == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tests));
            modelTotals = modelTotals == null ? null
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modelTotals));
        }

        @Override
        public RunEnd withStamp(Stamp s) {
            return new RunEnd(s, durationMs, tests, scored, weightedTotal, modelTotals, mergedShards);
        }
    }

    /** A shard's own end, as {@code report merge} copies it into the merged ledger. */
    record ShardEnd(RunEnd end) implements RunEvent {
        @Override
        public Stamp stamp() {
            return end.stamp();
        }

        @Override
        public ShardEnd withStamp(Stamp s) {
            return new ShardEnd(end.withStamp(s));
        }
    }

    /**
     * An event of a kind this build does not know (written by a newer one): kept whole, so that reading and copying
     * a ledger never loses a line.
     *
     * @param event its kind as written
     * @param fields its fields after the stamp, in order
     */
    record Unknown(Stamp stamp, String event, ObjectNode fields) implements RunEvent {
        @Override
        public Unknown withStamp(Stamp s) {
            return new Unknown(s, event, fields);
        }
    }
}
