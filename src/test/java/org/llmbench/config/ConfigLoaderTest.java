package org.llmbench.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static ConfigLoader.Result load(Map<String, String> params) {
        return ConfigLoader.load(k -> Optional.ofNullable(params.get(k)));
    }

    @Test
    void defaultsAreTheCanonicalOptionsAndTheMock() {
        ConfigLoader.Result result = load(Map.of());
        BenchConfig c = result.config();
        assertThat(result.problems()).isEmpty();
        assertThat(c.models()).containsExactly("mock");
        assertThat(c.provider().wireName()).isEqualTo("mock");
        assertThat(c.phases()).containsExactly("hello", "5q", "20q", "tasks");
        assertThat(c.temperature()).isEqualTo(0.1);
        assertThat(c.numCtx()).isEqualTo(4096);
        assertThat(c.numPredict()).isEqualTo(2048);
        assertThat(c.timeoutS()).isEqualTo(360);
        assertThat(c.canonicalOverrides()).isEmpty();
        assertThat(c.effective().get(BenchKeys.MODEL.name()).source().label()).isEqualTo("default");
    }

    @Test
    void providerIsInferredFromModelAndUrl() {
        assertThat(load(Map.of(BenchKeys.MODEL.name(), "qwen3.5:0.8b")).config().provider().wireName()).isEqualTo("ollama");
        assertThat(load(Map.of(BenchKeys.MODEL.name(), "qwen3.5:0.8b")).config().url()).isEqualTo("http://127.0.0.1:11434");
        BenchConfig openai = load(Map.of(BenchKeys.MODEL.name(), "m", BenchKeys.URL.name(), "http://127.0.0.1:1234/v1/")).config();
        assertThat(openai.provider().wireName()).isEqualTo("openai");
        assertThat(openai.url()).isEqualTo("http://127.0.0.1:1234/v1");
        assertThat(load(Map.of(BenchKeys.MODEL.name(), "m", BenchKeys.PROVIDER.name(), "openai")).config().url())
                .isEqualTo("http://127.0.0.1:1234/v1");
    }

    @Test
    void malformedValuesNameTheKeyAndTheReasonAndFallBackToDefaults() {
        ConfigLoader.Result result = load(Map.of(BenchKeys.TEMPERATURE.name(), "hot", BenchKeys.NUM_CTX.name(), "-5",
                BenchKeys.PROVIDER.name(), "gemini", BenchKeys.STRICT_JSON.name(), "maybe"));
        assertThat(result.hasFatalProblems()).isTrue();
        assertThat(result.problems()).extracting(ConfigProblem::toString).anySatisfy(p ->
                assertThat(p).contains("bench.temperature").contains("'hot' is not a number"));
        assertThat(result.problems()).extracting(ConfigProblem::key)
                .contains(BenchKeys.NUM_CTX.name(), BenchKeys.PROVIDER.name(), BenchKeys.STRICT_JSON.name());
        assertThat(result.config().temperature()).isEqualTo(0.1);
    }

    @Test
    void configFileValuesRankBelowParametersAndAreRecordedWithTheirSource(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, """
                {"model": {"provider": "openai_compatible", "base_url": "http://localhost:1234/v1",
                           "api_key_env": "MY_KEY", "model_name": "local-model", "temperature": 0.2,
                           "max_tokens": 1200, "timeout_s": 30},
                 "suite": {"strict_json": false, "retry_on_parse_fail": 2, "weights": {"code_fix": 3.0}}}
                """);
        Map<String, String> params = new HashMap<>();
        params.put(BenchKeys.CONFIG.name(), file.toString());
        params.put(BenchKeys.TIMEOUT_S.name(), "45");
        BenchConfig c = load(params).config();
        assertThat(c.provider().wireName()).isEqualTo("openai");
        assertThat(c.models()).containsExactly("local-model");
        assertThat(c.temperature()).isEqualTo(0.2);
        assertThat(c.numPredict()).isEqualTo(1200);
        assertThat(c.timeoutS()).isEqualTo(45);
        assertThat(c.strictJson()).isFalse();
        assertThat(c.retryOnParseFail()).isEqualTo(2);
        assertThat(c.weightOf("code_fix")).isEqualTo(3.0);
        assertThat(c.weightOf("algorithm")).isEqualTo(2.0);
        assertThat(c.apiKeyEnv()).isEqualTo("MY_KEY");
        assertThat(c.effective().get(BenchKeys.TEMPERATURE.name()).source().label()).startsWith("config file");
        assertThat(c.effective().get(BenchKeys.TIMEOUT_S.name()).source().label()).isEqualTo("parameter");
        assertThat(c.canonicalOverrides()).containsEntry("temperature", 0.2).containsEntry("num_predict", 1200);
    }

    @Test
    void configFileProblemsNameTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"model\": {\"temprature\": 0.2}, \"suite\": {\"weights\": {\"poetry\": 1}}}");
        ConfigLoader.Result result = load(Map.of(BenchKeys.CONFIG.name(), file.toString()));
        assertThat(result.problems()).extracting(ConfigProblem::key).contains("model.temprature", "suite.weights.poetry");
        assertThat(result.problems()).filteredOn(p -> p.key().equals("suite.weights.poetry"))
                .allSatisfy(p -> assertThat(p.fatal()).isTrue());
    }

    @Test
    void invalidJsonInTheConfigFileGivesItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\n  \"model\": {\n    \"temperature\": ,\n  }\n}");
        ConfigLoader.Result result = load(Map.of(BenchKeys.CONFIG.name(), file.toString()));
        assertThat(result.hasFatalProblems()).isTrue();
        assertThat(result.problems().get(0).reason()).contains(file + ":3:");
    }

    @Test
    void theApiKeyIsReadFromTheNamedVariableAndNeverStored() {
        BenchConfig c = load(Map.of(BenchKeys.API_KEY_ENV.name(), "PATH")).config();
        assertThat(c.apiKey()).contains(System.getenv("PATH"));
        assertThat(c.effective().values()).noneMatch(s -> s.value().equals(System.getenv("PATH")));
    }

    @Test
    void theHashChangesWithWhatAffectsScoresOnly() {
        String base = load(Map.of()).config().hash();
        assertThat(load(Map.of(BenchKeys.OUT.name(), "elsewhere")).config().hash()).isEqualTo(base);
        assertThat(load(Map.of(BenchKeys.SEED.name(), "7")).config().hash()).isNotEqualTo(base);
    }
}
