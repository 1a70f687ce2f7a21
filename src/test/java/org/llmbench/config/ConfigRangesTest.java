package org.llmbench.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every number of the configuration is finite and in its range; a bad one is an error naming file, line and field. */
class ConfigRangesTest {

    @TempDir
    Path dir;

    private ConfigLoader.Result loadFile(String json) throws IOException {
        Path file = Files.writeString(dir.resolve("c.json"), json);
        return ConfigLoader.load(k -> java.util.Optional.ofNullable(Map.of(BenchKeys.CONFIG.name(), file.toString()).get(k)));
    }

    private String problems(ConfigLoader.Result result) {
        return String.join("\n", result.problems().stream().filter(ConfigProblem::fatal).map(ConfigProblem::toString).toList());
    }

    @Test
    void weightsOf1e400And1e308AndNaNAreErrorsWithFileLineAndField() throws IOException {
        ConfigLoader.Result result = loadFile("""
                {
                  "suite": {
                    "weights": {
                      "json_extraction": 1e400,
                      "code_fix": 1e308,
                      "planning": "NaN",
                      "etl": -1,
                      "algorithm": 3
                    }
                  }
                }
                """);

        String file = dir.resolve("c.json").toString();
        assertThat(result.hasFatalProblems()).isTrue();
        assertThat(problems(result))
                .contains(file + ":4: suite.weights.json_extraction: must be a number from 0 to 1000 (a weight relative to the others), not 1E+400")
                .contains(file + ":5: suite.weights.code_fix: must be a number from 0 to 1000 (a weight relative to the others), not 1E+308")
                .contains(file + ":6: suite.weights.planning: must be a number from 0 to 1000 (a weight relative to the others), not \"NaN\"")
                .contains(file + ":7: suite.weights.etl: must be a number from 0 to 1000");
        assertThat(result.config().weights().values()).allMatch(Double::isFinite);
        assertThat(result.config().weightOf("algorithm")).isEqualTo(3.0);
    }

    @Test
    void aBareNaNIsInvalidJsonWithItsLine() throws IOException {
        ConfigLoader.Result result = loadFile("{\n  \"suite\": {\"weights\": {\"etl\": NaN}}\n}\n");

        assertThat(problems(result)).contains(dir.resolve("c.json") + ":2:").contains("invalid JSON")
                .contains("(JSON numbers are finite: write a number, not NaN or Infinity)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"temperature\": 1e400 | model.temperature: '1E+400' is not a finite number in the range 0 to 2",
            "\"temperature\": \"NaN\" | model.temperature: 'NaN' is not a finite number in the range 0 to 2",
            "\"temperature\": \"-Infinity\" | model.temperature: '-Infinity' is not a finite number in the range 0 to 2",
            "\"temperature\": 2.5 | model.temperature: '2.5' is outside the range 0 to 2",
            "\"timeout_s\": 1e400 | model.timeout_s: '1E+400' is not a whole number from 1 to 86400",
            "\"timeout_s\": 0 | model.timeout_s: '0' is outside the range 1 to 86400",
            "\"num_ctx\": 99999999999999999999 | model.num_ctx: '99999999999999999999' is not a whole number from 1 to 10000000",
            "\"max_tokens\": 1.5 | model.max_tokens: '1.5' is not a whole number from 1 to 10000000"})
    void everyNumericKeyOfTheFileIsCheckedForRange(String field, String message) throws IOException {
        ConfigLoader.Result result = loadFile("{\n  \"model\": {\n    " + field + "\n  }\n}\n");

        assertThat(problems(result)).isEqualTo(dir.resolve("c.json") + ":3: " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bench.minScore | NaN | 'NaN' is not a finite number in the range 0 to 100",
            "bench.minScore | 1e308 | '1e308' is outside the range 0 to 100",
            "bench.minScore | 101 | '101' is outside the range 0 to 100",
            "bench.passScore | Infinity | 'Infinity' is not a finite number in the range 0 to 100",
            "bench.lanes | 0 | '0' is outside the range 1 to 256",
            "bench.samples | 1e3 | '1e3' is not a whole number from 1 to 1000",
            "bench.retries | -1 | '-1' is outside the range 0 to 20",
            "bench.maxBodyBytes | 1e400 | '1e400' is not a whole number from 1024 to 2147483647"})
    void everyNumericParameterIsCheckedForRange(String key, String value, String reason) {
        ConfigLoader.Result result = ConfigLoader.load(k -> java.util.Optional.ofNullable(Map.of(key, value).get(k)));

        assertThat(result.problems()).filteredOn(ConfigProblem::fatal).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo("configuration " + key + " (from parameter): " + reason));
    }
}
