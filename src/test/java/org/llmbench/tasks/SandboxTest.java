package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile model code in the sandbox: each behaviour is contained, costs the answer its score (or the share of
 * tests it still passes), and the harness goes on; no file outside the sandbox changes, no parent variable shows.
 */
class SandboxTest {

    private static final Sandbox FAST = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(8), 64 * 1024, 1024));
    private static final CodeRunner RUNNER = new CodeRunner(FAST);
    private static final Path ESCAPE = Path.of(System.getProperty("java.io.tmpdir"), "llm-bench-escape-" + UUID.randomUUID());
    private static final Path HOME_ESCAPE = Path.of(System.getProperty("user.dir"), "target", "llm-bench-escape-" + UUID.randomUUID());

    private static final List<TestCase> JAVA_CASES = List.of(
            new TestCase("Solution.sumMultiples(new int[]{3, 4, 6}, 3)", "9", "a"),
            new TestCase("Solution.sumMultiples(new int[]{5}, 5)", "5", "b"));
    private static final List<TestCase> PYTHON_CASES = List.of(
            new TestCase("sum_multiples([3, 4, 6], 3)", "9", "a"),
            new TestCase("sum_multiples([5], 5)", "5", "b"));

    private static String java(String body) {
        return "class Solution {\n    static int sumMultiples(int[] xs, int k) {\n" + body + "\n    }\n}\n";
    }

    private static String python(String body) {
        return "def sum_multiples(xs, k):\n" + body.indent(4);
    }

    @Test
    void javaHostileCodeIsContainedAndScoresZero() throws Exception {
        List<String> hostile = List.of(
                "while (true) { }",
                "System.exit(0); return 0;",
                "java.util.List<long[]> hog = new java.util.ArrayList<>(); while (true) { hog.add(new long[1 << 20]); }",
                "try { while (true) { new ProcessBuilder(\"sleep\", \"60\").start(); } } catch (java.io.IOException e) { } return 0;",
                "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + ESCAPE + "\"), \"x\"); } catch (Exception e) { }"
                        + " try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"../../" + ESCAPE.getFileName() + "\"), \"x\"); }"
                        + " catch (Exception e) { } return 0;",
                "System.out.println(System.getenv()); System.out.println(System.getProperties()); return 0;");
        List<Long> millis = new ArrayList<>();
        for (String body : hostile) {
            CodeRunner.Outcome outcome = RUNNER.run(CodeRunner.Language.JAVA, java(body), JAVA_CASES);
            millis.add(outcome.result().millis());
            assertThat(outcome.passed()).as(body).isZero();
            assertThat(outcome.result().stderr()).as("it compiled: " + body).doesNotContain("compilation failed");
            assertThat(outcome.failures()).as(body).allSatisfy(f -> assertThat(f).isNotBlank());
            assertNoParentVariable(outcome.result());
        }
        assertThat(ESCAPE).doesNotExist();
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), ESCAPE.getFileName().toString())).doesNotExist();
        assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(9_000));
        assertThat(RUNNER.run(CodeRunner.Language.JAVA, java("int t = 0; for (int x : xs) { if (x % k == 0) t += x; } return t;"),
                JAVA_CASES).passed()).as("the harness goes on").isEqualTo(2);
    }

    @Test
    void pythonHostileCodeIsContainedAndScoresZero() {
        assumeTrue(Toolchain.hasPython(), "python3 is not on the PATH");
        List<String> hostile = List.of(
                "while True:\n    pass",
                "import sys\nsys.exit(0)",
                "import os\nos._exit(3)",
                "hog = []\nwhile True:\n    hog.append(bytearray(1 << 24))",
                "import os\nwhile True:\n    os.fork()",
                "import subprocess\nwhile True:\n    subprocess.Popen(['sleep', '60'])",
                "open('" + ESCAPE + "', 'w').write('x')\nreturn 0",
                "open('../../" + ESCAPE.getFileName() + "', 'w').write('x')\nreturn 0",
                "import os\nprint(dict(os.environ))\nreturn 0");
        for (String body : hostile) {
            CodeRunner.Outcome outcome = RUNNER.run(CodeRunner.Language.PYTHON, python(body), PYTHON_CASES);
            assertThat(outcome.passed()).as(body).isZero();
            assertThat(outcome.failures()).as("nothing the code printed reaches a reason")
                    .allSatisfy(f -> assertThat(f).doesNotContain("PATH", "="));
        }
        assertThat(ESCAPE).doesNotExist();
        assertThat(RUNNER.run(CodeRunner.Language.PYTHON, python("return sum(x for x in xs if x % k == 0)"), PYTHON_CASES)
                .passed()).as("the harness goes on").isEqualTo(2);
    }

    @Test
    void aForkLoopIsKilledWithItsWholeProcessGroupAtTheWallClockLimit() throws Exception {
        String marker = "llmbench" + UUID.randomUUID().toString().replace("-", "");
        Sandbox quick = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(2), 4096, 1024));
        Sandbox.Result r = quick.run(Map.of(), new Sandbox.Command(List.of("bash", "-c",
                "while true; do (exec -a " + marker + " sleep 300 &) ; sleep 0.01; done"), null), "");
        assertThat(r.timedOut()).isTrue();
        Thread.sleep(300);
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker)).count())
                .as("processes left behind").isZero();
    }

    @Test
    void outputIsCappedAndTheDirectoryIsEmptyAndRemoved() {
        Sandbox small = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(5), 1000, 1024));
        Sandbox.Result r = small.run(Map.of("a.txt", "hello"), new Sandbox.Command(List.of("bash", "-c",
                "ls -A; pwd; head -c 100000 /dev/zero | tr '\\0' x"), null), "");
        assertThat(r.stdout()).startsWith("a.txt\n").hasSizeLessThanOrEqualTo(1000);
        assertThat(r.outputTruncated()).isTrue();
        String dir = r.stdout().lines().skip(1).findFirst().orElseThrow();
        assertThat(Path.of(dir)).doesNotExist();
        assertThat(Files.exists(HOME_ESCAPE)).isFalse();
    }

    @Test
    void withNamespacesTheChildSeesOnlyItsDirectoryAndTheRuntimeAndHasNoNetwork() throws Exception {
        assumeTrue(Toolchain.hasNamespaces(), "no namespaces here");
        Files.createDirectories(HOME_ESCAPE.getParent());
        try (var listening = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String script = "echo x > inside.txt && echo inside-written; "
                    + "echo x > '" + ESCAPE + "' && echo OUTSIDE-WRITTEN; "
                    + "echo x > '" + HOME_ESCAPE + "' && echo HOME-WRITTEN; "
                    + "echo x > /usr/llm-bench-escape && echo USR-WRITTEN; "
                    + "test -e /proc/" + ProcessHandle.current().pid() + " && echo HARNESS-VISIBLE; "
                    + "test -e " + HOME_ESCAPE.getParent() + " && echo PROJECT-VISIBLE; "
                    + "test -e /home || test -e /root/.ssh || test -e /tmp && echo HOMES-VISIBLE; "
                    + "echo root=$(ls / | tr '\\n' ' '); "
                    + "(exec 3<>/dev/tcp/127.0.0.1/" + listening.getLocalPort() + ") && echo CONNECTED || echo no-network";
            Sandbox.Result r = FAST.run(Map.of(), new Sandbox.Command(List.of("bash", "-c", script), null), "");
            assertThat(r.stdout()).as(r.stderr()).contains("inside-written", "no-network")
                    .doesNotContain("OUTSIDE-WRITTEN", "HOME-WRITTEN", "USR-WRITTEN", "HARNESS-VISIBLE", "PROJECT-VISIBLE",
                            "HOMES-VISIBLE", "CONNECTED");
            assertThat(r.stdout()).contains("root=bin dev etc lib").contains(" proc sandbox sbin usr");
            assertThat(r.stderr()).contains("Read-only file system");
            assertThat(r.layers()).contains(Sandbox.Layer.PID_NAMESPACE, Sandbox.Layer.PRIVATE_ROOT, Sandbox.Layer.NO_NETWORK);
        }
        assertThat(ESCAPE).doesNotExist();
        assertThat(HOME_ESCAPE).doesNotExist();
    }

    /** With and without the separate uid: the child may write its directory and nothing a runtime reads code from. */
    static Stream<Sandbox.Options> namespaceSetups() {
        return Stream.of(new Sandbox.Options(true, true, true), new Sandbox.Options(true, false, true));
    }

    @ParameterizedTest
    @MethodSource("namespaceSetups")
    void withNamespacesOnlyTheSizeLimitedDirectoryIsWritable(Sandbox.Options options) {
        assumeTrue(Toolchain.hasNamespaces(), "no namespaces here");
        Sandbox sandbox = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(15), 64 * 1024, 1024), options);
        String script = "find / -xdev ! -type l -writable -print 2>/dev/null; for m in $(cut -d' ' -f2 /proc/mounts); do "
                + "case $m in /proc|/proc/*) ;; *) find \"$m\" -xdev ! -type l -writable -print 2>/dev/null ;; esac; done; "
                + "find /proc/sys /proc/sysrq-trigger ! -type l -writable -print 2>/dev/null | head -5; "
                + "i=0; while [ $i -lt 6000 ] && : > f$i 2>/dev/null; do i=$((i+1)); done; echo files=$i; rm -f f*; "
                + "j=0; while [ $j -lt 100 ] && head -c 1000000 /dev/zero > g$j 2>/dev/null; do j=$((j+1)); done; echo megabytes=$j";
        List<Path> runtimes = new ArrayList<>(List.of(Toolchain.javaHome()));
        if (Toolchain.hasPython()) {
            runtimes.add(Toolchain.python().home());
        }
        for (Path runtime : runtimes) { // the runtimes are bound (read-only) and so among the mounts searched
            script = "test -d '" + runtime + "' && echo visible=" + runtime + "; " + script;
        }
        Sandbox.Result r = sandbox.run(Map.of("a.txt", "x"), new Sandbox.Command(List.of("bash", "-c", script), null, runtimes), "");
        assertThat(r.stdout()).as(r.stderr()).contains(runtimes.stream().map(p -> "visible=" + p).toArray(String[]::new));
        List<String> writable = r.stdout().lines().filter(l -> l.startsWith("/")).distinct().toList();
        assertThat(writable).as(r.stderr()).allSatisfy(p -> assertThat(p).matches(
                "/sandbox(/.*)?|/dev/(null|zero|random|urandom)"));
        assertThat(writable).contains("/sandbox", "/sandbox/a.txt");
        int files = Integer.parseInt(r.stdout().lines().filter(l -> l.startsWith("files=")).findFirst().orElseThrow().substring(6));
        int megabytes = Integer.parseInt(r.stdout().lines().filter(l -> l.startsWith("megabytes=")).findFirst().orElseThrow().substring(10));
        assertThat(files).as("files the directory takes").isBetween(PrivateRoot.WORK_FILES - 10, PrivateRoot.WORK_FILES);
        assertThat(megabytes).as("MB the directory takes").isBetween(PrivateRoot.WORK_MIB - 2, PrivateRoot.WORK_MIB + 2);
    }

    /** The setups a machine may offer: namespaces; none but a uid of its own (root); neither (not root, no namespaces). */
    static Stream<Sandbox.Options> setups() {
        return Stream.of(new Sandbox.Options(true, true, true), new Sandbox.Options(false, true, true), new Sandbox.Options(false, false, true));
    }

    @ParameterizedTest
    @MethodSource("setups")
    void processesThatLeaveTheirSessionDieWithTheRunAndDoNotHoldItsOutput(Sandbox.Options options) throws Exception {
        String marker = "llmbench" + UUID.randomUUID().toString().replace("-", "");
        Sandbox sandbox = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(10), 4096, 1024), options);
        String script = "for i in 1 2 3 4 5; do setsid bash -c 'exec -a " + marker + " sleep 60' & done; "
                + "(setsid bash -c 'exec -a " + marker + " sleep 60' &); sleep 0.5; echo started";
        Sandbox.Result r = sandbox.run(Map.of(), new Sandbox.Command(List.of("bash", "-c", script), null), "");
        assertThat(r.stdout()).as(r.stderr()).contains("started");
        assertThat(r.timedOut()).isFalse();
        assertThat(r.millis()).as("the run ends with its child, not with the grandchildren holding its pipes").isLessThan(4_000);
        Thread.sleep(200);
        assertThat(SandboxAttackTest.processesWith(marker)).as("processes left behind").isEmpty();
    }

    @Test
    void theLayersInForceAreTheOnesAsked() {
        Sandbox.Command command = new Sandbox.Command(List.of("true"), null);
        Set<Sandbox.Layer> without = new Sandbox(Sandbox.Limits.DEFAULT, new Sandbox.Options(false, true, true)).layers(command);
        assertThat(without).contains(Sandbox.Layer.CLEAN_ENVIRONMENT, Sandbox.Layer.PROCESS_GROUP)
                .doesNotContain(Sandbox.Layer.PID_NAMESPACE, Sandbox.Layer.PRIVATE_ROOT, Sandbox.Layer.NO_NETWORK);
        assertThat(without.contains(Sandbox.Layer.SEPARATE_UID)).isEqualTo(Toolchain.IS_ROOT);
        assertThat(new Sandbox(Sandbox.Limits.DEFAULT, new Sandbox.Options(false, false, true)).layers(command))
                .doesNotContain(Sandbox.Layer.SEPARATE_UID);
        Sandbox.Result r = new Sandbox(Sandbox.Limits.DEFAULT, new Sandbox.Options(false, true, true)).run(Map.of(), command, "");
        assertThat(r.layers()).isEqualTo(without);
        if (Toolchain.hasNamespaces()) {
            assertThat(new Sandbox(Sandbox.Limits.DEFAULT, new Sandbox.Options(true, true, true)).layers(command))
                    .contains(Sandbox.Layer.PID_NAMESPACE, Sandbox.Layer.PRIVATE_ROOT, Sandbox.Layer.NO_NETWORK);
        }
        String before = System.getProperty(Sandbox.NAMESPACES_PROPERTY);
        try {
            System.setProperty(Sandbox.NAMESPACES_PROPERTY, "false");
            assertThat(Sandbox.Options.fromSystemProperties().namespaces()).isFalse();
            List<String> java = CodeRunner.layers(TaskFixtures.task("code_fix-java-01"), true);
            assertThat(java).contains("clean_environment").doesNotContain("pid_namespace");
            // JDK 24+ has no SecurityManager: the record must not claim a Java guard it does not have.
            assertThat(java.contains("language_guard")).isEqualTo(JavaHarness.hasGuard());
        } finally {
            if (before == null) {
                System.clearProperty(Sandbox.NAMESPACES_PROPERTY);
            } else {
                System.setProperty(Sandbox.NAMESPACES_PROPERTY, before);
            }
        }
        assertThat(CodeRunner.layers(TaskFixtures.ofKind(TaskKind.JSON_EXTRACTION).get(0), false)).as("no code, no sandbox").isNull();
    }

    @Test
    void withoutOsIsolationNothingRunsUnlessAllowedAndWhatRunsSaysUnisolated() {
        Sandbox.Command command = new Sandbox.Command(List.of("bash", "-c", "echo ran"), null);
        Sandbox refusing = new Sandbox(Sandbox.Limits.DEFAULT, new Sandbox.Options(false, true, false));
        assumeTrue(!Seatbelt.available(), "macOS has its own boundary");
        assertThat(refusing.isolated()).isFalse();
        Sandbox.Result refused = refusing.run(Map.of(), command, "");
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.startError()).contains("no operating-system isolation here", "namespace layer is switched off",
                "bench.sandbox=unisolated");
        assertThat(new PythonTests(refusing).run(new PythonTests.Spec(PythonTests.Kind.CASES, "f", "", List.of("f(1)"), List.of("1")),
                "def f(x):\n    return x\n")).satisfiesAnyOf(v -> assertThat(v).isNull(),
                v -> assertThat(v.diagnostic()).contains("no operating-system isolation here"));
        Sandbox allowed = new Sandbox(Sandbox.Limits.DEFAULT, new Sandbox.Options(false, true, true));
        assertThat(allowed.run(Map.of(), command, "").stdout()).isEqualTo("ran\n");
        assertThat(allowed.layers(command)).contains(Sandbox.Layer.UNISOLATED);
        if (Toolchain.hasNamespaces()) {
            assertThat(new Sandbox(Sandbox.Limits.DEFAULT, new Sandbox.Options(true, true, false)).layers(command))
                    .doesNotContain(Sandbox.Layer.UNISOLATED);
        }
    }

    private static void assertNoParentVariable(Sandbox.Result result) {
        String output = result.stdout() + result.stderr();
        System.getenv().forEach((name, value) -> {
            if (!name.equals("PATH") && !name.startsWith("PYENV") && !name.startsWith("_PYENV") && value.length() > 3) {
                assertThat(output).as("parent variable " + name).doesNotContain(name + "=" + value);
            }
        });
    }
}
