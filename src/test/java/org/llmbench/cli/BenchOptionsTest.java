package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.Key;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class BenchOptionsTest {

    private static CommandLine command(String name) {
        return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().get(name);
    }

    @Test
    void everyDeclaredFlagIsAnOptionOfEveryCommandThatTakesTheBenchOptionsWithItsKeyAndDefaultInTheHelp() {
        for (String name : List.of("run", "smoke", "list", "replay", "validate", "probe")) {
            CommandLine command = command(name);
            for (Key<?> key : BenchKeys.ALL) {
                if (key.flags().isEmpty()) {
                    assertThat(command.getCommandSpec().findOption(key.name())).isNull();
                    continue;
                }
                OptionSpec option = command.getCommandSpec().findOption(key.flag().orElseThrow());
                assertThat(option).as(name + " " + key.name()).isNotNull();
                assertThat(option.names()).containsExactlyElementsOf(key.flags());
                assertThat(String.join(" ", option.description())).contains(key.name());
            }
            assertThat(command.getCommandSpec().findOption("--verbose")).isNotNull();
            assertThat(command.getCommandSpec().findOption("-D")).isNotNull();
        }
        assertThat(String.join(" ", command("run").getCommandSpec().findOption("--seed").description()))
                .contains("bench.seed", "default 42");
    }

    @Test
    void flagsBecomeTheParametersOfTheirKeysAndOnlyGivenOnes() {
        CommandLine top = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        top.parseArgs("run", "--num-ctx", "8192", "--timeout", "30", "--strict-json", "--retry-errors=false",
                "-D", "bench.execution.parallel.enabled=true", "--verbose", "--model", "a,b");
        BenchOptions options = ((RunCommand) top.getSubcommands().get("run").getCommand()).bench;
        assertThat(options.verbose).isTrue();
        assertThat(options.parameters()).containsOnly(
                java.util.Map.entry("bench.numCtx", "8192"), java.util.Map.entry("bench.timeoutS", "30"),
                java.util.Map.entry("bench.strictJson", "true"), java.util.Map.entry("bench.retryErrors", "false"),
                java.util.Map.entry("bench.execution.parallel.enabled", "true"), java.util.Map.entry("bench.model", "a,b"));

        // Parsing again resets what the first command line gave.
        top.parseArgs("run");
        assertThat(((RunCommand) top.getSubcommands().get("run").getCommand()).bench.parameters()).isEmpty();
        assertThat(((RunCommand) top.getSubcommands().get("run").getCommand()).bench.verbose).isFalse();
    }
}
