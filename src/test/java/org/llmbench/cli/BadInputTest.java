package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input through the commands a user types: a clear error naming file, line and field, and nothing run. */
class BadInputTest {

    @TempDir
    Path tmp;

    private Path hugeWeights() throws IOException {
        return Files.writeString(tmp.resolve("weights.json"), """
                {
                  "suite": {
                    "weights": {
                      "json_extraction": 1e400,
                      "code_fix": 1e308
                    }
                  }
                }
                """);
    }

    @Test
    void validateRefusesWeightsOf1e400And1e308() throws IOException {
        Path config = hugeWeights();

        Cli cli = Cli.run("validate", "--config", config.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.out())
                .contains("error: " + config + ":4: suite.weights.json_extraction: must be a number from 0 to 1000 "
                        + "(a weight relative to the others), not 1E+400")
                .contains("error: " + config + ":5: suite.weights.code_fix: must be a number from 0 to 1000 "
                        + "(a weight relative to the others), not 1E+308");
    }

    @Test
    void theRunRefusesThemWithTheSameMessageAndRunsNothing() throws IOException {
        Path config = hugeWeights();

        Cli cli = Cli.run("run", "--model", "mock", "--phases", "hello", "--config", config.toString(),
                "--min-score", "70", "--out", tmp.resolve("out").toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.INPUT);
        assertThat(cli.err()).contains(config + ":4: suite.weights.json_extraction: must be a number from 0 to 1000")
                .contains(config + ":5: suite.weights.code_fix: must be a number from 0 to 1000");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void validatePrintsAQuestionIdWithNulRloAndAnsiBytesEscaped() throws IOException {
        Path suites = Files.createDirectories(tmp.resolve("suites"));
        // The JSON escapes put a NUL, a right-to-left override and an ANSI colour sequence into the id.
        Files.writeString(suites.resolve("evil.json"), """
                {"suite_name": "evil", "version": "1",
                 "questions": [{"id": "Q\\u0000\\u202etxt.exe\\u001b[31mRED", "prompt": "Say hi.", "expected_markers": ["hi"]}]}
                """);

        Cli cli = Cli.run("validate", suites.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.out()).contains("Q\\u0000\\u202etxt.exe\\u001b[31mRED")
                .doesNotContain("\u0000").doesNotContain("\u202e").doesNotContain("\u001b");
    }
}
