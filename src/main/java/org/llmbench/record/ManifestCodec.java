package org.llmbench.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.llmbench.json.Json;
import org.llmbench.record.Manifest.Host;
import org.llmbench.record.Manifest.Merged;
import org.llmbench.record.Manifest.ShardSection;

/** The one codec of manifest.json: the only place that knows its field names and their order. */
public final class ManifestCodec {

    private static final String FOOTPRINTS = "footprints";

    /** Version of the manifest format. */
    public static final int SCHEMA_VERSION = 1;

    static final String RUN_ID = "run_id";
    static final String STARTED_AT = "started_at";
    static final String TESTS_PLANNED = "tests_planned";
    static final String TARGET_URL = "target_url";
    static final String SHARD = "shard";
    /** Each suite file's version, by suite id (optional: older manifests lack it). */
    public static final String SUITE_VERSIONS = "suite_versions";
    static final String RUN_GROUP = "run_group";
    static final String CONFIG_HASH = "config_hash";
    static final String UNITS = "units";
    static final String RUN_UNITS = "run_units";
    static final String HOST = "host";
    private static final String SOURCE = "source";

    /** A manifest that cannot be read: not JSON, or a field missing or of the wrong type. */
    public static final class BadManifest extends IOException {
        private static final long serialVersionUID = 1L;

        BadManifest(Path file, String message) {
            super(file + ": " + message);
        }
    }

    private ManifestCodec() {
    }

    /** JSON pointers of the fields check-submission names by line: the host's short name, the handle, the run id. */
    public static final String HOST_SHORT_NAME_POINTER = "/host/short_name";
    public static final String HANDLE_POINTER = "/handle";
    public static final String RUN_ID_POINTER = "/run_id";

    /** Reads {@code file}. */
    public static Manifest read(Path file) throws IOException {
        return parse(file, Files.readString(file));
    }

    /** Reads {@code text}, the content of {@code file} (named in what is wrong with it). */
    public static Manifest parse(Path file, String text) throws BadManifest {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadManifest(file, "not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new BadManifest(file, "not a JSON object");
        }
        try {
            return read(new Fields((ObjectNode) tree));
        } catch (Fields.BadField e) {
            throw new BadManifest(file, e.getMessage());
        }
    }

    /** Writes {@code manifest} to {@code file}, indented for people to read. */
    public static void write(Path file, Manifest manifest) throws IOException {
        Json.PRETTY.writeValue(file.toFile(), toTree(manifest));
    }

    /** The manifest as the JSON object its file holds. */
    public static ObjectNode toTree(Manifest m) {
        ObjectNode o = RecordCodec.emptyObject();
        o.put("schema_version", m.schemaVersion());
        o.put(RUN_ID, m.runId());
        o.put("harness_version", m.harnessVersion());
        o.put("git_sha", m.gitSha());
        o.put(STARTED_AT, text(m.startedAt()));
        o.put("resumed", m.resumed());
        o.put("questions_scored_before_resume", m.questionsScoredBeforeResume());
        o.put("provider", m.provider());
        o.put(TARGET_URL, m.targetUrl());
        RecordCodec.strings(o, "models", m.models());
        RecordCodec.strings(o, "phases", m.phases());
        RecordCodec.strings(o, "suites", m.suites());
        if (m.suiteVersions() != null) {
            ObjectNode versions = o.putObject(SUITE_VERSIONS);
            m.suiteVersions().forEach(versions::put);
        }
        o.set("options", m.options());
        if (m.phaseLanes() != null) {
            ObjectNode lanes = o.putObject("phase_lanes");
            m.phaseLanes().forEach((phase, l) -> lanes.putObject(phase).put("lanes", l.lanes()).put(SOURCE, l.source()));
        }
        if (m.testsPlanned() != null) {
            o.put(TESTS_PLANNED, m.testsPlanned());
        }
        if (m.testsAddedAtRunTime() != null) {
            o.put("tests_added_at_run_time", m.testsAddedAtRunTime());
        }
        if (m.sandboxLayers() != null) {
            ObjectNode layers = o.putObject("sandbox_layers");
            m.sandboxLayers().forEach((task, l) -> RecordCodec.strings(layers, task, l));
        }
        if (m.sandbox() != null) {
            o.put("sandbox", m.sandbox());
        }
        if (m.shard() != null) {
            ManifestSections.writeShard(o.putObject(SHARD), m.shard());
        }
        o.set("canonical_options_overrides", m.canonicalOptionsOverrides());
        if (m.weights() != null) {
            ObjectNode weights = o.putObject("weights");
            m.weights().forEach(weights::put);
        }
        if (m.effectiveConfig() != null) {
            ObjectNode config = o.putObject("effective_config");
            m.effectiveConfig().forEach((key, s) -> config.putObject(key).put("value", s.value()).put(SOURCE, s.source()));
        }
        o.put("cell_id_prefix", m.cellIdPrefix());
        o.put("handle", m.handle());
        o.put("device", m.device());
        if (m.host() != null) {
            ManifestSections.writeHost(o.putObject(HOST), m.host());
        }
        if (m.resumes() != null) {
            var resumes = o.putArray("resumes");
            m.resumes().forEach(r -> resumes.addObject().put("at", r.at().toString())
                    .put("questions_scored_before", r.questionsScoredBefore()).put("retry_errors", r.retryErrors()));
        }
        if (m.merged() != null) {
            ManifestSections.writeMerged(o.putObject("merged"), m.merged());
        }
        if (m.phaseFigures() != null) {
            var figures = o.putArray("phase_figures");
            m.phaseFigures().forEach(p -> figures.add(RecordCodec.figuresOf(p)));
        }
        if (m.modelDetails() != null) {
            o.set("model_details", m.modelDetails());
        }
        if (m.footprints() != null) {
            var footprints = o.putArray(FOOTPRINTS);
            m.footprints().forEach(f -> footprints.add(FootprintCodec.fields(f)));
        }
        o.setAll(m.unknown());
        return o;
    }

    /** The options section: the canonical options as run; {@code numCtx} a number, or why it does not apply. */
    public static ObjectNode options(double temperature, Object numCtx, int numPredict, long seed, int timeoutS, int retries,
                                     int lanes, double passScore) {
        ObjectNode o = RecordCodec.emptyObject();
        o.put("temperature", temperature);
        o.set("num_ctx", Json.MAPPER.valueToTree(numCtx));
        o.put("num_predict", numPredict);
        o.put("seed", seed);
        o.put("timeout_s", timeoutS);
        o.put("retries", retries);
        o.put("lanes", lanes);
        o.put("pass_score", passScore);
        return o;
    }

    private static Manifest read(Fields f) {
        int version = f.intValue("schema_version");
        String runId = f.text(RUN_ID);
        String harness = f.optText("harness_version");
        String gitSha = f.optText("git_sha");
        Instant started = instant(STARTED_AT, f.optText(STARTED_AT));
        boolean resumed = f.has("resumed") && f.bool("resumed");
        Integer before = f.optInt("questions_scored_before_resume");
        String provider = f.optText("provider");
        String targetUrl = f.optText(TARGET_URL);
        List<String> models = orEmpty(f.optList("models", Fields.TEXT));
        List<String> phases = orEmpty(f.optList("phases", Fields.TEXT));
        List<String> suites = orEmpty(f.optList("suites", Fields.TEXT));
        JsonNode options = f.json("options");
        Map<String, Manifest.PhaseLanes> lanes = f.has("phase_lanes") ? f.map("phase_lanes", Fields.objects(l ->
                new Manifest.PhaseLanes(l.intValue("lanes"), l.optText(SOURCE)))) : null;
        Long planned = f.optLong(TESTS_PLANNED);
        Long atRunTime = f.optLong("tests_added_at_run_time");
        Map<String, List<String>> layers = f.has("sandbox_layers") ? f.map("sandbox_layers", Fields.TEXTS) : null;
        String sandbox = f.optText("sandbox");
        ShardSection shard = f.has(SHARD) ? ManifestSections.readShard(f.nested(SHARD)) : null;
        JsonNode overrides = f.json("canonical_options_overrides");
        Map<String, Double> weights = f.has("weights") ? f.map("weights", Fields.DOUBLE) : null;
        Map<String, Manifest.Setting> config = f.has("effective_config") ? f.map("effective_config", Fields.objects(s ->
                new Manifest.Setting(s.has("value") && s.json("value").isValueNode() && !s.json("value").isNull()
                        ? s.json("value").asText() : null, s.optText(SOURCE)))) : null;
        String cellIdPrefix = f.optText("cell_id_prefix");
        String handle = f.optText("handle");
        String device = f.optText("device");
        Host host = f.has(HOST) ? ManifestSections.readHost(f.nested(HOST)) : null;
        List<Manifest.Resume> resumes = f.optList("resumes", Fields.objects(r -> new Manifest.Resume(
                instant("resumes.at", r.text("at")), r.intValue("questions_scored_before"), r.bool("retry_errors"))));
        Merged merged = f.has("merged") ? ManifestSections.readMerged(f.nested("merged")) : null;
        List<RunEvent.PhaseFigures> figures = f.optList("phase_figures", v -> {
            if (!v.isObject()) {
                throw new Fields.BadField("", "expected an object");
            }
            try {
                return RecordCodec.phaseFigures((ObjectNode) v);
            } catch (RecordCodec.BadLine e) {
                throw new Fields.BadField(e.field() == null ? "" : e.field(), e.reason());
            }
        });
        JsonNode details = f.json("model_details");
        List<RunEvent.Footprint> footprints = f.optList(FOOTPRINTS, Fields.objects(v -> FootprintCodec.read(null, v)));
        return new Manifest(version, runId, harness, gitSha, started, resumed, before == null ? 0 : before, provider,
                targetUrl, models, phases, suites, options == null ? null : (options.isObject() ? (ObjectNode) options : null),
                lanes, planned, atRunTime, layers, sandbox, shard, overrides, weights, config, cellIdPrefix, handle, device,
                host, resumes, merged, figures, details,
                f.has(SUITE_VERSIONS) ? f.map(SUITE_VERSIONS, Fields.TEXT) : null, footprints, f.unread());
    }

    /** A phase's figures as the manifest lists them, one JSON object (report.html charts a parallel phase's). */
    public static ObjectNode phaseFigures(RunEvent.PhaseFigures figures) {
        return RecordCodec.figuresOf(figures);
    }

    /** A phase's figures as a merged run's manifest lists them: marked with the shard that measured them. */
    public static RunEvent.PhaseFigures fromShard(RunEvent.PhaseFigures figures, String shardName) {
        Stamp s = figures.stamp();
        return figures.withStamp(new Stamp(s.schemaVersion(), s.ts(), s.runId(), s.shard(),
                s.unknown().deepCopy().put(SHARD, shardName)));
    }

    static Instant instant(String field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instants.parse(text);
        } catch (DateTimeParseException e) {
            throw new Fields.BadField(field, "not an instant: '" + text + "'");
        }
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Whether {@code folder} has a manifest. */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(RunFolders.MANIFEST));
    }
}
