package org.llmbench.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigKeysTest {

    private static ConfigLoader.Result load(Map<String, String> params) {
        return ConfigLoader.load(k -> Optional.ofNullable(params.get(k)));
    }

    @Test
    void theHashOfTheSameSettingsIsTheSameAsBeforeKeysWereDeclaredOnce(@TempDir Path dir) throws Exception {
        // Values computed by the record-based BenchConfig before the key declarations: leaderboard runs
        // are compared by this hash, so it must not move when the way settings are held changes.
        assertThat(load(Map.of()).config().hash())
                .isEqualTo("sha256:95a567c4cbd38f25cb3cbad822d364101550a2940e1c9dea2f759c130cc90b56");
        Path file = Files.writeString(dir.resolve("c.json"), "{\"model\":{\"provider\":\"openai_compatible\","
                + "\"temperature\":0.2},\"suite\":{\"weights\":{\"code_fix\":3.0}}}");
        Map<String, String> p = Map.of("bench.config", file.toString(), "bench.model", "a,b", "bench.seed", "7",
                "bench.phases", "hello,tasks", "bench.systemPrompt", "Be brief.", "bench.strictJson", "false");
        assertThat(load(p).config().hash())
                .isEqualTo("sha256:90aefb08c11ab31fb7f12ea85ba4f31773ba5b552b268bebab26554c8a203a8a");
    }

    @Test
    void everyDeclaredKeyHasAnEffectiveValueOrIsOptionalAndOnePrefix() {
        BenchConfig c = load(Map.of()).config();
        for (Key<?> key : BenchKeys.ALL) {
            assertThat(key.name()).startsWith(BenchKeys.PREFIX);
            assertThat(key.meaning()).as(key.name()).isNotBlank();
            if (c.get(key) != null) {
                assertThat(c.source(key)).as(key.name()).isPresent();
            }
        }
        assertThat(c.source(BenchKeys.PROVIDER)).contains(Source.INFERRED);
        assertThat(c.source(BenchKeys.SEED)).contains(Source.DEFAULT);
        assertThat(c.get(BenchKeys.SEED)).isEqualTo(42L);
        assertThat(c.source(BenchKeys.HANDLE)).isEmpty();
    }

    @Test
    void everyKeyConstantIsListedOnceInAll() throws IllegalAccessException {
        var constants = new java.util.ArrayList<Object>();
        for (var field : BenchKeys.class.getFields()) {
            if (field.getType() == Key.class) {
                constants.add(field.get(null));
            }
        }
        assertThat(BenchKeys.ALL).containsExactlyInAnyOrderElementsOf(constants.stream().map(k -> (Key<?>) k).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void everyKeyDeclaredByAConcernIsNamedInBenchKeysUnderItsOwnName() throws IllegalAccessException {
        var declared = new java.util.ArrayList<Key<?>>();
        for (Class<?> concern : java.util.List.of(ModelKeys.class, RunKeys.class, ScoringKeys.class, ReportKeys.class)) {
            for (var field : concern.getDeclaredFields()) {
                if (field.getType() == Key.class) {
                    Key<?> key = (Key<?>) field.get(null);
                    declared.add(key);
                    try {
                        assertThat(BenchKeys.class.getField(field.getName()).get(null))
                                .as(concern.getSimpleName() + "." + field.getName()).isSameAs(key);
                    } catch (NoSuchFieldException e) {
                        throw new AssertionError("BenchKeys does not name " + concern.getSimpleName() + "." + field.getName(), e);
                    }
                }
            }
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(BenchKeys.ALL);
    }

    @Test
    void keyNamesAreDeclaredOnlyInBenchKeysNotRepeatedInConstants() throws IllegalAccessException {
        for (var field : Constants.class.getFields()) {
            if (field.getType() == String.class) {
                assertThat((String) field.get(null)).as("Constants." + field.getName() + ": write BenchKeys.X.name()")
                        .doesNotStartWith(BenchKeys.PREFIX);
            }
        }
    }

    @Test
    void sourcesAreTypedAndRenderedInTheManifestAsBefore(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"model\":{\"num_ctx\":8192}}");
        BenchConfig c = load(Map.of(BenchKeys.CONFIG.name(), file.toString(), BenchKeys.SEED.name(), "7")).config();
        assertThat(c.source(BenchKeys.NUM_CTX)).contains(new Source.ConfigFile(file.toString()));
        assertThat(c.source(BenchKeys.SEED)).contains(Source.PARAMETER);
        String json = new ObjectMapper().writeValueAsString(c.effective());
        assertThat(new ObjectMapper().readTree(json).path("bench.numCtx").path("source").asText())
                .isEqualTo("config file " + file);
        assertThat(new ObjectMapper().readTree(json).path("bench.seed").path("source").asText()).isEqualTo("parameter");
        assertThat(new ObjectMapper().readTree(json).path("bench.seed").path("value").asText()).isEqualTo("7");
    }

    @Test
    void withReplacesOneValueAndRecordsItsSource() {
        BenchConfig c = load(Map.of()).config();
        BenchConfig four = c.withLanes(4, "lanes of the selected parallel phases");
        assertThat(four.lanes()).isEqualTo(4);
        assertThat(four.lanesGiven()).isTrue();
        assertThat(four.effective().get(BenchKeys.LANES.name()))
                .isEqualTo(new Setting("4", new Source.Derived("lanes of the selected parallel phases")));
        assertThat(c.lanes()).isEqualTo(1);
        assertThat(c.lanesGiven()).isFalse();
        BenchConfig seeded = c.with(BenchKeys.SEED, 9L, Source.PARAMETER);
        assertThat(seeded.seed()).isEqualTo(9L);
        assertThat(seeded.hash()).isNotEqualTo(c.hash());
        assertThat(c.withModels(java.util.List.of("a", "b")).effective().get(BenchKeys.MODEL.name()).value()).isEqualTo("a,b");
    }

    @Test
    void theProviderIsAType() {
        assertThat(load(Map.of(BenchKeys.PROVIDER.name(), "OpenAI_Compatible", BenchKeys.MODEL.name(), "m")).config().provider())
                .isEqualTo(Provider.OPENAI);
        assertThat(Provider.of("gemini")).isEmpty();
        assertThat(load(Map.of(BenchKeys.PROVIDER.name(), "gemini")).problems()).extracting(ConfigProblem::reason)
                .contains("'gemini' is not one of [ollama, openai, mock, replay, gguf]");
    }

    @Test
    void theOldParallelNamesStillWorkAndAreRecordedAsSuch() {
        Map<String, String> old = Map.of("llm-bench.execution.parallel.enabled", "true",
                "llm-bench.execution.parallel.config.fixed.parallelism", "3");
        assertThat(ParallelKeys.enabled(k -> Optional.ofNullable(old.get(k)))).isTrue();
        assertThat(ParallelKeys.config(k -> Optional.ofNullable(old.get(k))).apply("fixed.parallelism")).contains("3");
        BenchConfig c = load(old).config();
        assertThat(c.parallelEnabled()).isTrue();
        assertThat(c.source(BenchKeys.PARALLEL_ENABLED)).contains(new Source.Parameter("llm-bench.execution.parallel.enabled"));

        Map<String, String> both = new HashMap<>(old);
        both.put("bench.execution.parallel.enabled", "false");
        both.put("bench.execution.parallel.config.fixed.parallelism", "5");
        assertThat(ParallelKeys.enabled(k -> Optional.ofNullable(both.get(k)))).isFalse();
        assertThat(ParallelKeys.config(k -> Optional.ofNullable(both.get(k))).apply("fixed.parallelism")).contains("5");
        assertThat(ParallelKeys.enabled(k -> Optional.empty())).isFalse();
    }

    @Test
    void anUnknownKeyIsAWarningNamingTheNearestKnownKey() {
        Set<String> given = new HashSet<>(Set.of("bench.phase", "bench.numctx", "bench.model", "java.home",
                "bench.execution.parallel.config.strategy", "bench.zzzzzzzzzzzz"));
        var problems = BenchKeys.unknown(given);
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("bench.numctx", "bench.phase", "bench.zzzzzzzzzzzz");
        assertThat(problems).allSatisfy(p -> assertThat(p.fatal()).isFalse());
        assertThat(problems.get(0).reason()).contains("did you mean bench.numCtx?");
        assertThat(problems.get(1).reason()).contains("did you mean bench.phases?");
        assertThat(problems.get(2).reason()).doesNotContain("did you mean");
    }

    @Test
    void configFileFieldsComeFromTheDeclarations() {
        assertThat(ConfigFile.fieldOf(BenchKeys.TEMPERATURE.name())).isEqualTo("/model/temperature");
        assertThat(ConfigFile.fieldOf(BenchKeys.NUM_PREDICT.name())).isEqualTo("/model/max_tokens");
        assertThat(ConfigFile.fieldOf(BenchKeys.SEED.name())).isEmpty();
        assertThat(ConfigFile.fieldOf("model.foo")).isEqualTo("/model/foo");
    }
}
