package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The macOS boundary: the profile's text (checked everywhere) and, on macOS (the sandbox-macos workflow), what a
 * child under it can and cannot do.
 */
class SeatbeltTest {

    @Test
    void theProfileDeniesByDefaultAndAllowsWritesOnlyInTheWorkingDirectory() {
        String profile = Seatbelt.profile(Path.of("/private/var/folders/x/llm-bench-sandbox-1/work"),
                List.of(Path.of("/opt/homebrew/Cellar/python@3.12/3.12.4")));
        assertThat(profile).startsWith("(version 1)\n(deny default)\n");
        assertThat(profile).doesNotContain("network", "(allow default", "(subpath \"/Users", "(subpath \"/private/var/folders\")",
                "(subpath \"/tmp", "(subpath \"/private/tmp");
        List<String> writes = profile.lines().filter(l -> l.contains("file-write")).toList();
        assertThat(writes).containsExactly(
                "(allow file-read* file-write* (subpath \"/private/var/folders/x/llm-bench-sandbox-1/work\"))",
                "(allow file-write-data (literal \"/dev/null\") (literal \"/dev/zero\"))");
        assertThat(profile).contains("(subpath \"/opt/homebrew/Cellar/python@3.12/3.12.4\")");
    }

    @Test
    void pathsAreQuotedAndControlCharactersRefused() {
        assertThat(Seatbelt.quote("/a \"b\"\\c")).isEqualTo("\"/a \\\"b\\\"\\\\c\"");
        assertThatThrownBy(() -> Seatbelt.quote("/a\n(allow default)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
        String injected = Seatbelt.profile(Path.of("/w\")) (allow network*) (x \""), List.of());
        assertThat(injected).doesNotContain("\n(allow network*)").contains("(subpath \"/w\\\")) (allow network*) (x \\\"\")");
    }

    @Test
    void theCommandLineIsSandboxExecWithTheProfileThenTheCommand() {
        List<String> argv = Seatbelt.wrap(Path.of("/w"), List.of(), List.of("bash", "-c", "true"));
        assertThat(argv.subList(0, 2)).containsExactly("/usr/bin/sandbox-exec", "-p");
        assertThat(argv.get(2)).startsWith("(version 1)");
        assertThat(argv.subList(3, 6)).containsExactly("bash", "-c", "true");
    }

    @Test
    @EnabledOnOs(OS.MAC)
    void onMacosTheChildWritesOnlyItsDirectoryReadsNoHomeAndHasNoNetwork() throws Exception {
        assertThat(Seatbelt.available()).as("sandbox-exec on this Mac").isTrue();
        Sandbox sandbox = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(20), 64 * 1024, 1024), new Sandbox.Options(true, true, false));
        assertThat(sandbox.isolated()).isTrue();
        Path outside = Path.of(System.getProperty("java.io.tmpdir"), "llm-bench-escape-" + UUID.randomUUID());
        Path home = Path.of(System.getProperty("user.home"));
        Path secret = Files.createTempFile(home, "llm-bench-canary-", ".txt");
        Files.writeString(secret, "canary-" + UUID.randomUUID());
        try (var listening = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String script = "echo x > inside.txt && echo inside-written; "
                    + "echo x > '" + outside + "' && echo OUTSIDE-WRITTEN; "
                    + "cat '" + secret + "' && echo HOME-READ; ls '" + home + "' && echo HOME-LISTED; "
                    + "(exec 3<>/dev/tcp/127.0.0.1/" + listening.getLocalPort() + ") && echo CONNECTED || echo no-network";
            Sandbox.Result r = sandbox.run(Map.of(), new Sandbox.Command(List.of("bash", "-c", script), null), "");
            assertThat(r.startError()).isNull();
            assertThat(r.layers()).contains(Sandbox.Layer.MACOS_SANDBOX).doesNotContain(Sandbox.Layer.UNISOLATED);
            assertThat(r.stdout()).as(r.stderr()).contains("inside-written", "no-network")
                    .doesNotContain("OUTSIDE-WRITTEN", "HOME-READ", "HOME-LISTED", "CONNECTED", "canary-");
        } finally {
            Files.deleteIfExists(secret);
        }
        assertThat(outside).doesNotExist();
    }
}
