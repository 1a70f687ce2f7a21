package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmbench.scoring.Score;

/**
 * The Java attacks of issue 25, each a model's answer to the Java code_fix tasks of seed 42, scored through the real
 * task scoring with the namespace layer on and off (with and without a uid of its own): a top-level class named
 * {@code java} that obscured the harness's names, writes outside the directory, a {@code sleep} left alive, reading
 * the harness JVM's {@code /proc/<pid>/environ} and {@code /proc/<pid>/mem}, sockets to the harness's machine.
 * Each earns no more than its honest part (the same answer without the attack), leaves no process and no file, and
 * reaches no listener and no secret. An attack that got what it went for throws {@code ArithmeticException}, a name
 * the reasons show, so a success cannot hide in a zero score (the sleep is judged by what is left running: starting
 * a process inside is no escape where the operating system is the boundary).
 *
 * <p>On JDK 24 and later there is no SecurityManager: without namespaces nothing but the process layers stands
 * between the code and the machine, so those setups are skipped with the reason (running model code there is the
 * user's explicit choice, the sandbox's {@code unisolated} setting).
 */
class JavaAttackTest {

    /** What the attacks throw when they got what they went for. */
    private static final String GOT_IT = "java.lang.ArithmeticException";
    private static final String CANARY_TEXT = "llmbench-java-canary-" + UUID.randomUUID();
    private static Path canary;
    private static ServerSocket tcp;
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    static final List<SandboxAttackTest.Attack> ATTACKS = List.of(
            // Written so that the generated cases class of 1bbcff0 compiled against it: its IntFunction, Object and
            // IllegalArgumentException became these (so the method returns this Object), and the interface's field ran
            // Boot when the runner loaded the cases, before the guard was installed.
            new SandboxAttackTest.Attack("java: a class named java obscures the harness's names", CodeRunner.Language.JAVA, """
                    import java.net.Socket;
                    import java.nio.file.Files;
                    import java.nio.file.Path;

                    class Boot {
                        static Object run() {
                            try {
                                Files.writeString(Path.of("ESCAPE"), "x");
                            } catch (Throwable e) {
                            }
                            try {
                                new ProcessBuilder("setsid", "bash", "-c", "exec -a MARKER sleep 60").start();
                            } catch (Throwable e) {
                            }
                            try (Socket s = new Socket("127.0.0.1", TCPPORT)) {
                                s.getOutputStream().write(1);
                            } catch (Throwable e) {
                            }
                            try {
                                String stat = Files.readString(Path.of("/proc/self/stat"));
                                String parent = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1];
                                if (Files.readString(Path.of("/proc/" + parent + "/environ")).contains("HOME=")) {
                                    Files.writeString(Path.of("ESCAPE.environ"), "x");
                                }
                            } catch (Throwable e) {
                            }
                            return null;
                        }
                    }

                    class java {
                        static class lang {
                            interface Object { // a class of this name makes javac 17 and 25 crash
                            }

                            static class IllegalArgumentException extends RuntimeException {
                            }
                        }

                        static class util {
                            static class function {
                                interface IntFunction<T> {
                                    Object BOOT = Boot.run();

                                    T apply(int n);

                                    default void touch() {
                                    }
                                }
                            }
                        }
                    }

                    class Solution {
                        OBJSIG {
                            return null;
                        }
                    }
                    """),
            new SandboxAttackTest.Attack("java: writes outside its directory", CodeRunner.Language.JAVA, """
                    class Solution {
                        SIG {
                            boolean wrote = false;
                            for (String p : new String[]{"ESCAPE", "../../ESCNAME", "../ESCNAME", "/tmp/ESCNAME"}) {
                                try {
                                    java.nio.file.Files.writeString(java.nio.file.Path.of(p), "x");
                                    wrote = true;
                                } catch (Throwable e) {
                                }
                            }
                            if (wrote) {
                                throw new ArithmeticException();
                            }
                            return 0;
                        }
                    }
                    """),
            new SandboxAttackTest.Attack("java: leaves a sleep alive", CodeRunner.Language.JAVA, """
                    class Solution {
                        static {
                            try {
                                new ProcessBuilder("setsid", "bash", "-c", "exec -a MARKER sleep 60").start();
                            } catch (Throwable e) {
                            }
                        }

                        SIG {
                            try { // starting one may work where the OS is the boundary (JDK 24+); outliving the run may not
                                Runtime.getRuntime().exec(new String[]{"bash", "-c", "(exec -a MARKER sleep 60 &)"}).waitFor();
                            } catch (Throwable e) {
                            }
                            return 0;
                        }
                    }
                    """),
            new SandboxAttackTest.Attack("java: reads the harness JVM's environ and mem", CodeRunner.Language.JAVA, """
                    class Solution {
                        SIG {
                            boolean got = false;
                            java.util.List<Long> pids = new java.util.ArrayList<>();
                            try {
                                long pid = Long.parseLong(new java.io.File("/proc/self").getCanonicalFile().getName());
                                while (pid > 1 && pids.size() < 10) {
                                    pids.add(pid);
                                    String stat = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/" + pid + "/stat")));
                                    pid = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                                }
                            } catch (Throwable e) {
                            }
                            try {
                                for (java.nio.file.Path p : java.nio.file.Files.list(java.nio.file.Path.of("/proc")).toList()) {
                                    if (p.getFileName().toString().matches("\\\\d+")) {
                                        pids.add(Long.parseLong(p.getFileName().toString()));
                                    }
                                }
                            } catch (Throwable e) {
                            }
                            for (long pid : pids) {
                                try {
                                    String environ = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/" + pid + "/environ")));
                                    got |= environ.contains("HOME=");
                                } catch (Throwable e) {
                                }
                                try (java.io.RandomAccessFile mem = new java.io.RandomAccessFile("/proc/" + pid + "/mem", "r")) {
                                    for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/maps"))) {
                                        if (line.contains(" r")) {
                                            mem.seek(Long.parseUnsignedLong(line.substring(0, line.indexOf('-')), 16));
                                            got |= mem.read() >= 0 && pid != ProcessHandle.current().pid();
                                            break;
                                        }
                                    }
                                } catch (Throwable e) {
                                }
                            }
                            try {
                                got |= java.nio.file.Files.readString(java.nio.file.Path.of("CANARY")).length() > 0;
                            } catch (Throwable e) {
                            }
                            if (got) {
                                throw new ArithmeticException();
                            }
                            return 0;
                        }
                    }
                    """),
            new SandboxAttackTest.Attack("java: opens sockets to the harness's machine", CodeRunner.Language.JAVA, """
                    class Solution {
                        SIG {
                            boolean connected = false;
                            for (int i = 0; i < 20; i++) {
                                try (java.net.Socket s = new java.net.Socket("127.0.0.1", TCPPORT)) {
                                    s.getOutputStream().write(1);
                                    connected = true;
                                } catch (Throwable e) {
                                }
                                try (var c = java.nio.channels.SocketChannel.open(new java.net.InetSocketAddress("127.0.0.1", TCPPORT))) {
                                    connected = true;
                                } catch (Throwable e) {
                                }
                            }
                            if (connected) {
                                throw new ArithmeticException();
                            }
                            return 0;
                        }
                    }
                    """));

    @BeforeAll
    static void plant() throws IOException {
        canary = Files.createTempFile("llm-bench-java-canary-", ".txt");
        Files.writeString(canary, CANARY_TEXT);
        canary.toFile().setReadable(true, false);
        tcp = SandboxAttackTest.countingListener(CONNECTIONS);
    }

    @AfterAll
    static void unplant() throws IOException {
        tcp.close();
        Files.deleteIfExists(canary);
    }

    static Stream<Arguments> runs() {
        return Stream.of(SandboxAttackTest.Setup.values()).flatMap(s -> ATTACKS.stream().map(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("runs")
    void aJavaAttackEarnsOnlyItsHonestPartAndLeavesNothingBehind(SandboxAttackTest.Setup setup, SandboxAttackTest.Attack attack)
            throws Exception {
        assumeTrue(setup.namespaces || JavaHarness.hasGuard(), "JDK " + Runtime.version().feature() + " has no SecurityManager: "
                + "without namespaces there is no isolation, and model code runs only where the user opts into it (unisolated)");
        assumeTrue(!setup.namespaces || Toolchain.hasNamespaces(), "no namespaces on this machine");
        String marker = "llmbenchjava" + UUID.randomUUID().toString().replace("-", "");
        Path escape = Path.of(System.getProperty("java.io.tmpdir"), "llm-bench-escape-" + UUID.randomUUID());
        List<Task> tasks = new CodeFixTasks(new CodeRunner(setup.sandbox())).generate(42, 0).stream()
                .filter(t -> t.id().contains("java")).toList();
        int connectionsBefore = CONNECTIONS.get();
        List<String> problems = new ArrayList<>();
        for (Task task : tasks) {
            String signature = SandboxAttackTest.signature(task);
            String code = attack.template().replace("MARKER", marker).replace("CANARY", canary.toString())
                    .replace("ESCAPE", escape.toString()).replace("ESCNAME", escape.getFileName().toString())
                    .replace("TCPPORT", Integer.toString(tcp.getLocalPort()))
                    .replace("OBJSIG", signature.replaceFirst("^static \\S+ ", "static java.lang.Object ")).replace("SIG", signature);
            String honest = "class Solution {\n    " + signature + " {\n        return 0;\n    }\n}\n";
            double honestScore = TaskScorer.score(task, "Fixed.\n\n```java\n" + honest + "```\n", false, 70).score().value();
            Score score = TaskScorer.score(task, "Fixed.\n\n```java\n" + code + "```\n", false, 70).score();
            Thread.sleep(300);
            String reasons = SandboxAttackTest.reasons(score);
            List<Long> left = SandboxAttackTest.processesWith(marker);
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            System.out.println("JAVA ATTACK " + setup + " | " + attack + " | " + task.id() + " score=" + score.value()
                    + " honest=" + honestScore + " processes_left=" + left.size());
            if (score.value() > honestScore) {
                problems.add(task.id() + " scored " + score.value() + " > honest " + honestScore + ": " + reasons);
            }
            if (reasons.contains(GOT_IT)) {
                problems.add(task.id() + " got what it went for: " + reasons);
            }
            if (!left.isEmpty()) {
                problems.add(task.id() + " left " + left.size() + " processes");
            }
            if (reasons.contains(CANARY_TEXT.substring(0, 24)) || !SandboxAttackTest.leaked(reasons).isEmpty()) {
                problems.add(task.id() + " leaked into its reasons: " + reasons);
            }
        }
        for (Path p : List.of(escape, Path.of(escape + ".environ"), Path.of("/tmp", escape.getFileName().toString()),
                Path.of("/", escape.getFileName().toString()))) {
            if (Files.deleteIfExists(p)) {
                problems.add("wrote " + p);
            }
        }
        if (CONNECTIONS.get() != connectionsBefore) {
            problems.add((CONNECTIONS.get() - connectionsBefore) + " TCP connections reached the harness's machine");
        }
        System.out.println("JAVA ATTACK RESULT " + setup + " | " + attack + " | " + (problems.isEmpty() ? "contained" : problems));
        assertThat(problems).isEmpty();
    }
}
