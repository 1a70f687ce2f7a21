package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the README that can run offline is run: {@code java -jar target/llm-bench.jar ...} through the
 * CLI in-process, {@code mvn test -Dbench.model=mock...} as its CLI equivalent ({@code run -D ...}). Commands that
 * need a model server (a real model, {@code ollama}, {@code vllm}...) are recognised and named, never run; a command
 * of neither kind fails the test, so a new README command is either run here or visibly needs a server.
 * Runs write under a temporary folder, never the user's target/bench-runs.
 */
class ReadmeCommandsTest {

    private static final String JAR = "java -jar target/llm-bench.jar ";
    private static final Pattern DEFINE = Pattern.compile("-D(\\S+?)=(\\S+)");

    @TempDir
    Path tmp;

    /** The lines of the README's bash blocks, comments cut, continuation lines joined. */
    static List<String> commands(String readme) {
        List<String> commands = new ArrayList<>();
        boolean inBash = false;
        StringBuilder pending = new StringBuilder();
        for (String line : readme.lines().toList()) {
            if (line.startsWith("```")) {
                inBash = line.equals("```bash");
                continue;
            }
            if (!inBash) {
                continue;
            }
            String code = line.replaceFirst("\\s+#\\s.*$", "").strip();
            if (code.endsWith("\\")) {
                pending.append(code, 0, code.length() - 1).append(' ');
                continue;
            }
            code = (pending + code).strip().replaceAll("\\s+", " ");
            pending.setLength(0);
            if (!code.isEmpty() && !code.startsWith("#")) {
                commands.add(code);
            }
        }
        return commands;
    }

    /** Whether a command needs a model server (or another program) and so is not run offline. */
    static boolean needsAServer(String command) {
        if (command.startsWith("ollama ") || command.startsWith("llama-server ") || command.startsWith("vllm ")
                || command.contains("<")) {
            return true;
        }
        if (command.startsWith("mvn test ") || command.startsWith("OPENAI_API_KEY=")) {
            Matcher models = Pattern.compile("-Dbench\\.model=(\\S+)").matcher(command);
            return !models.find() || !List.of(models.group(1).split(",")).stream().allMatch(m -> m.startsWith("mock"));
        }
        if (command.startsWith(JAR)) {
            String args = command.substring(JAR.length());
            boolean offline = args.contains("--mock") || args.contains("--model mock") || args.startsWith("validate ")
                    || args.startsWith("list ");
            return !offline;
        }
        return false;
    }

    /**
     * Maven builds other than a benchmark run: {@code mvn verify} is this very build, {@code mvn package} builds
     * the jar these commands stand for, the {@code perf} profile's benchmark is a run of its own.
     */
    static boolean isBuild(String command) {
        return command.startsWith("mvn ") && !command.startsWith("mvn test ");
    }

    /** The CLI arguments that do what the command does, its run folder (and results file) under {@code tmp}. */
    List<String> cliArguments(String command, int index) {
        Path out = tmp.resolve("run-" + index);
        List<String> args = new ArrayList<>();
        if (command.startsWith("mvn test ")) {
            args.add("run");
            Matcher define = DEFINE.matcher(command);
            while (define.find()) {
                args.add("-D");
                args.add(define.group(1) + "=" + define.group(2));
            }
            args.add("--out");
            args.add(out.toString());
            return args;
        }
        List<String> words = new ArrayList<>(List.of(command.substring(JAR.length()).split("\\s+")));
        if (words.get(0).equals("run")) {
            int at = words.indexOf("--out");
            if (at >= 0) {
                words.set(at + 1, tmp.resolve("results-" + index + ".json").toString());
                words.addAll(List.of("-D", "bench.out=" + out));
            } else {
                words.addAll(List.of("--out", out.toString()));
            }
        }
        return words;
    }

    @Test
    void everyOfflineCommandOfTheReadmeRunsAndExitsZero() throws IOException {
        List<String> commands = commands(Files.readString(Path.of("README.md")));
        List<String> ran = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            String command = commands.get(i);
            if (needsAServer(command)) {
                continue;
            }
            if (!command.startsWith("mvn ") && !command.startsWith(JAR)) {
                unknown.add(command);
                continue;
            }
            if (isBuild(command)) {
                continue;
            }
            List<String> args = cliArguments(command, i);
            Cli cli = Cli.run(args.toArray(String[]::new));
            assertThat(cli.exitCode()).as(command + "\n" + cli).isEqualTo(ExitCodes.OK);
            ran.add(command);
        }
        assertThat(unknown).as("README commands that are neither run here nor need a server").isEmpty();
        assertThat(ran).as("the README's offline commands").contains("mvn test -Dbench.model=mock",
                "mvn test -Dbench.model=mock,mock:junk -Dbench.phases=hello,5q -Dbench.reportEntries=none",
                JAR + "validate --config docs/config.example.json suites/", JAR + "run --mock");
    }

    @Test
    void theReadmeSaysWhatTheSlowMockWaitsAndNamesAConfigFileThatExists() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("`mock:slow` answers after 200 ms");
        Matcher config = Pattern.compile("--config (\\S+)").matcher(readme);
        while (config.find()) {
            assertThat(Path.of(config.group(1))).as("the README's --config file").isRegularFile();
        }
    }

    @Test
    void commandsAreReadFromBashBlocksOnly() {
        String readme = "text\n```bash\nmvn test -Dbench.model=mock   # comment\njava -jar target/llm-bench.jar list \\\n"
                + "  --phases 5q\n```\n```text\nmvn test -Dbench.model=x\n```\n";
        assertThat(commands(readme)).containsExactly("mvn test -Dbench.model=mock", JAR + "list --phases 5q");
        assertThat(needsAServer("mvn test -Dbench.model=qwen3.5:0.8b")).isTrue();
        assertThat(needsAServer("mvn test -Dbench.model=mock,mock:junk")).isFalse();
        assertThat(needsAServer(JAR + "probe")).isTrue();
    }
}
