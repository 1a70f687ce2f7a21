package org.llmbench.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run folder's manifest.json: who ran what, with which settings, on which host, and the facts added at the end
 * of the run (phase figures, model details), on resume (resumes) and by a merge (merged). {@link ManifestCodec}
 * is the only place that knows its field names. Nullable fields are those older manifests lack.
 *
 * @param options the canonical options as run ({@code temperature}, {@code num_ctx}...): each with its own type,
 *                {@code num_ctx} a number or why it does not apply, so they stay JSON
 * @param canonicalOptionsOverrides the options that deviate from the canonical ones, as the settings name them
 * @param effectiveConfig every setting with its value and where the value came from
 * @param phaseFigures each phase's figures, as its {@code phase_figures} event recorded them (without the line's
 *                     stamp; a merged run's marked with the shard that measured them)
 * @param modelDetails what the server said about each model, as it said it
 * @param suiteVersions each suite file's declared version by suite id; null in manifests written before it was recorded
 * @param footprints each model's memory and energy in the last process of the run, as its {@code footprint} events
 *                   recorded them (without the line's stamp); the ledger holds every process's
 * @param unknown fields this build does not know (a newer harness's, a synthetic example's), kept in order
 */
public record Manifest(int schemaVersion, String runId, String harnessVersion, String gitSha, Instant startedAt,
                       boolean resumed, int questionsScoredBeforeResume, String provider, String targetUrl,
                       List<String> models, List<String> phases, List<String> suites, ObjectNode options,
                       Map<String, PhaseLanes> phaseLanes, Long testsPlanned, Long testsAddedAtRunTime,
                       Map<String, List<String>> sandboxLayers, String sandbox, ShardSection shard,
                       JsonNode canonicalOptionsOverrides, Map<String, Double> weights,
                       Map<String, Setting> effectiveConfig, String cellIdPrefix, String handle, String device, Host host,
                       List<Resume> resumes, Merged merged, List<RunEvent.PhaseFigures> phaseFigures, JsonNode modelDetails,
                       Map<String, String> suiteVersions, List<RunEvent.Footprint> footprints, ObjectNode unknown) {

    public Manifest {
        models = List.copyOf(models);
        phases = List.copyOf(phases);
        suites = List.copyOf(suites);
        unknown = unknown == null ? RecordCodec.emptyObject() : unknown;
    }

    /** The lanes a phase ran and where that number came from. */
    public record PhaseLanes(int lanes, String source) {
    }

    /** A setting's value as text (null when unset) and where it came from ({@code parameter}, {@code default}...). */
    public record Setting(String value, String source) {
    }

    /**
     * The machine, without its name: a run folder is shared as it is.
     *
     * @param shortNameReview a reviewer's note on the short name (hand-edited submissions); null otherwise
     */
    public record Host(String shortName, String shortNameReview, String os, String jvm, int cpus, long maxHeapMb) {

        /** The short name a run writes, and the only one check-submission accepts besides null. */
        public static final String REDACTED = "redacted";
    }

    /** A later process of the same run id. */
    public record Resume(Instant at, int questionsScoredBefore, boolean retryErrors) {
    }

    /**
     * A shard's part of a run split across machines: what {@code report merge} checks.
     *
     * @param units the units (tests, or containers that run whole) this shard runs
     * @param runUnits the units of the whole run
     */
    public record ShardSection(String shard, int index, int count, String runGroup, String configHash, List<String> units,
                               int runUnitsPlanned, List<String> runUnits) {
        public ShardSection {
            units = List.copyOf(units);
            runUnits = List.copyOf(runUnits);
        }
    }

    /** A merged run's origin: its shards, each with its run id, machine and hardware file. */
    public record Merged(String runGroup, String configHash, Instant mergedAt, int runUnits, List<MergedShard> shards) {
        public Merged {
            shards = List.copyOf(shards);
        }
    }

    /** One merged shard. */
    public record MergedShard(String shard, String runId, Instant startedAt, long testsPlanned, int units, String targetUrl,
                              Host host, String hardware) {
    }

    /** The setting values the run was given, key to value text, for a replay to take the same. */
    public Map<String, String> settingValues() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        if (effectiveConfig != null) {
            effectiveConfig.forEach((key, setting) -> {
                if (setting.value() != null) {
                    values.put(key, setting.value());
                }
            });
        }
        return values;
    }

    /** The same manifest with {@code change} applied to a builder of it. */
    public Manifest with(java.util.function.UnaryOperator<Builder> change) {
        return change.apply(new Builder(this)).build();
    }

    /** A copy of a manifest with the fields a resume, the end of a run or a merge change. */
    public static final class Builder {
        private final Manifest m;
        private String runId;
        private boolean resumed;
        private List<Resume> resumes;
        private Instant startedAt;
        private Long testsPlanned;
        private Long testsAddedAtRunTime;
        private ShardSection shard;
        private Merged merged;
        private List<RunEvent.PhaseFigures> phaseFigures;
        private JsonNode modelDetails;
        private List<RunEvent.Footprint> footprints;

        private Builder(Manifest m) {
            this.m = m;
            runId = m.runId;
            resumed = m.resumed;
            resumes = m.resumes;
            startedAt = m.startedAt;
            testsPlanned = m.testsPlanned;
            testsAddedAtRunTime = m.testsAddedAtRunTime;
            shard = m.shard;
            merged = m.merged;
            phaseFigures = m.phaseFigures;
            modelDetails = m.modelDetails;
            footprints = m.footprints;
        }

        /** Marks the run resumed and adds this resume to its history. */
        public Builder resumedAgain(Resume resume) {
            List<Resume> all = new java.util.ArrayList<>(resumes == null ? List.of() : resumes);
            all.add(resume);
            resumed = true;
            resumes = List.copyOf(all);
            return this;
        }

        /** The end-of-run facts: each phase's figures and what the server said of the models (null: keep). */
        public Builder endOfRun(List<RunEvent.PhaseFigures> figures, JsonNode details) {
            phaseFigures = figures == null ? phaseFigures : List.copyOf(figures);
            modelDetails = details == null ? modelDetails : details;
            return this;
        }

        /** The models' memory and energy at the end of the run (null or empty: keep). */
        public Builder footprints(List<RunEvent.Footprint> all) {
            footprints = all == null || all.isEmpty() ? footprints : List.copyOf(all);
            return this;
        }

        /** A merged run's manifest: the first shard's, with the whole run's id, plan and start, and no shard. */
        public Builder merged(String id, long planned, long addedAtRunTime, Instant started, Merged origin) {
            runId = id;
            testsPlanned = planned;
            testsAddedAtRunTime = addedAtRunTime;
            startedAt = started;
            shard = null;
            merged = origin;
            return this;
        }

        public Manifest build() {
            return new Manifest(m.schemaVersion, runId, m.harnessVersion, m.gitSha, startedAt, resumed,
                    m.questionsScoredBeforeResume, m.provider, m.targetUrl, m.models, m.phases, m.suites, m.options,
                    m.phaseLanes, testsPlanned, testsAddedAtRunTime, m.sandboxLayers, m.sandbox, shard,
                    m.canonicalOptionsOverrides, m.weights, m.effectiveConfig, m.cellIdPrefix, m.handle, m.device, m.host,
                    resumes, merged, phaseFigures, modelDetails, m.suiteVersions, footprints, m.unknown);
        }
    }
}
