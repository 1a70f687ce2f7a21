package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Under the bench profile JUnit's discovery warnings (an unknown key) and errors (no server) reach the user through
 * java.util.logging: they print as "[llm-bench] WARNING: ..." on one line, without JUL's date and class line.
 */
class BenchLoggingTest {

    @Test
    void theBenchProfilesLoggingFormatPrintsTheMessageAloneMarkedAsLlmBenchs() throws IOException {
        Properties logging = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/bench-logging.properties"))) {
            logging.load(in);
        }
        String format = logging.getProperty("java.util.logging.SimpleFormatter.format");
        // SimpleFormatter's arguments: date, source, logger, level, message, thrown.
        String line = String.format(format, ZonedDateTime.now(), "org.junit.platform.launcher.core.DiscoveryIssueNotifier logIssues",
                "org.junit.platform.launcher.core.DiscoveryIssueNotifier", "WARNING", "unknown key bench.phase", "");

        assertThat(line).isEqualTo("[llm-bench] WARNING: unknown key bench.phase" + System.lineSeparator());
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<java.util.logging.config.file>${project.build.testOutputDirectory}/bench-logging.properties");
    }
}
