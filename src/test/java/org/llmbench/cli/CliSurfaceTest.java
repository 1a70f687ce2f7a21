package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.Key;
import org.llmbench.report.ReproduceCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The flags mirror the bench.* keys, the progress line reads well, and the exit codes are documented. */
class CliSurfaceTest {

    @Test
    void theFlagsOfTheIssueExistAndEachNamesARealKey() throws IllegalAccessException {
        CommandLine run = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().get("run");
        Set<String> names = run.getCommandSpec().options().stream().flatMap(o -> List.of(o.names()).stream())
                .collect(Collectors.toSet());
        assertThat(names).contains("--model", "--url", "--provider", "--phases", "--seed", "--max-tasks", "--timeout",
                "--temperature", "--num-ctx", "--num-predict", "--handle", "--device", "--cell-id-prefix", "--run-id",
                "--out", "--config", "--verbose");

        Set<String> flagsOfKeys = new java.util.HashSet<>();
        for (Key<?> key : BenchKeys.ALL) {
            flagsOfKeys.add(ReproduceCommand.flag(key.name()));
        }
        for (OptionSpec option : run.getCommandSpec().options()) {
            String longest = option.longestName();
            // --mock sets two keys (provider and model); aliases (--target-url) stand beside the key's own flag.
            if (!Set.of("--verbose", "--help", "--version", "-D", "--mock").contains(longest)) {
                assertThat(List.of(option.names())).as("the key behind " + longest).containsAnyElementsOf(flagsOfKeys);
            }
        }
    }

    @Test
    void flagsAreTheKeysInKebabCase() {
        assertThat(ReproduceCommand.flag(BenchKeys.NUM_CTX.name())).isEqualTo("--num-ctx");
        assertThat(ReproduceCommand.flag(BenchKeys.TIMEOUT_S.name())).isEqualTo("--timeout-s");
        assertThat(ReproduceCommand.flag(BenchKeys.CELL_ID_PREFIX.name())).isEqualTo("--cell-id-prefix");
        assertThat(ReproduceCommand.flag(BenchKeys.MODEL.name())).isEqualTo("--model");
    }

    @Test
    void everyExitCodeIsListedInTheHelp() {
        String help = Cli.run("--help").out();
        ExitCodes.all().forEach((code, line) -> assertThat(help).contains(code + "   " + line.substring(line.indexOf(':') + 1)));
    }

    @Test
    void theRunbooksAreByteIdentical() throws java.io.IOException {
        byte[] claude = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("CLAUDE.md"));
        byte[] agents = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("AGENTS.md"));

        assertThat(agents).as("AGENTS.md must be a byte-identical copy of CLAUDE.md").isEqualTo(claude);
        assertThat(new String(claude, StandardCharsets.UTF_8)).contains("check-submission", "--handle", "--device",
                "hardware.json", "run.md", "canonical");
    }
}
