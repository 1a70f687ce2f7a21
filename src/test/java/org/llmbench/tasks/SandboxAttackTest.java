package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.Score;

/**
 * The attacks of issue 14, each run as a model's code_fix answer through the real task scoring, with the namespace
 * layer on and off (and, as root, with the separate user id): each earns no more than its honest part (the same
 * constant returned without the attack), leaves no process behind, writes nothing outside its directory, reaches no listener
 * of the harness's machine, and no planted secret, parent variable or /etc/passwd line reaches the score's reasons.
 */
class SandboxAttackTest {

    /**
     * A machine with the namespace layer, one without it, and one without it whose harness is not root (no uid of
     * its own either): the properties' settings, simulated per sandbox.
     */
    enum Setup {
        NAMESPACES(true, true), NO_NAMESPACES(false, true), NO_NAMESPACES_NO_UID(false, false);

        final boolean namespaces;
        final boolean uid;

        Setup(boolean namespaces, boolean uid) {
            this.namespaces = namespaces;
            this.uid = uid;
        }

        Sandbox sandbox() {
            return new Sandbox(new Sandbox.Limits(Duration.ofSeconds(10), 64 * 1024, 1024), new Sandbox.Options(namespaces, uid, true));
        }
    }

    /** What a template may name: the marker its processes carry, the planted canary, an escape path, the listeners. */
    record Context(String marker, Path canary, Path escape, int tcpPort, int udpPort) {
        String fill(String template) {
            return template.replace("MARKER", marker).replace("CANARY", canary.toString()).replace("ESCAPE", escape.toString())
                    .replace("ESCNAME", escape.getFileName().toString())
                    .replace("TCPPORT", Integer.toString(tcpPort)).replace("UDPPORT", Integer.toString(udpPort));
        }
    }

    /** One attack: the language, the answer's code around the task's signature ({@code SIG}). */
    record Attack(String name, CodeRunner.Language language, String template) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What one scored attack showed. */
    record Run(double score, double honestScore, int processesLeft, String leaked, long millis, String reasons) {
    }

    private static final String CANARY_TEXT = "llmbench-canary-" + UUID.randomUUID();
    private static Path canaryDir;
    private static Path canary;
    private static ServerSocket tcp;
    private static DatagramSocket udp;
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    static final List<Attack> ATTACKS = List.of(
            new Attack("java: forged main prints PASS lines", CodeRunner.Language.JAVA, """
                    import java.util.List; class Evil { public static void main(String[] a) throws Exception { String n = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine(); for (int i = 1; i <= 10; i++) System.out.println(n + " PASS " + i); System.out.println(n + " DONE"); } } ;
                    class Solution {
                        SIG {
                            return 0;
                        }
                    }
                    """),
            new Attack("java: forged main starts setsid sleeps", CodeRunner.Language.JAVA, """
                    import java.util.List; class Evil { public static void main(String[] a) throws Exception { for (int i = 0; i < 3; i++) new ProcessBuilder("setsid", "bash", "-c", "exec -a MARKER sleep 60").inheritIO().start(); String n = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine(); for (int i = 1; i <= 10; i++) System.out.println(n + " PASS " + i); System.out.println(n + " DONE"); } } ;
                    class Solution {
                        SIG {
                            return 0;
                        }
                    }
                    """),
            new Attack("java: solution starts setsid sleeps", CodeRunner.Language.JAVA, """
                    class Solution {
                        static {
                            try {
                                for (int i = 0; i < 3; i++) new ProcessBuilder("setsid", "bash", "-c", "exec -a MARKER sleep 60").inheritIO().start();
                            } catch (Throwable e) {
                            }
                        }
                        SIG {
                            return 0;
                        }
                    }
                    """),
            new Attack("java: reads secrets into an exception", CodeRunner.Language.JAVA, """
                    class Solution {
                        static int calls;
                        SIG {
                            java.util.List<String> loot = new java.util.ArrayList<>();
                            java.util.List<String> paths = new java.util.ArrayList<>(java.util.List.of("CANARY", "/etc/passwd",
                                    System.getProperty("user.home") + "/.ssh/id_rsa", "/root/.ssh/authorized_keys"));
                            try (var pids = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                                pids.filter(p -> p.getFileName().toString().matches("\\\\d+")).forEach(p -> paths.add(p + "/environ"));
                            } catch (Throwable e) {
                                loot.add(e.toString());
                            }
                            for (String p : paths) {
                                try {
                                    loot.add(new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(p))).replace('\\0', ' '));
                                } catch (Throwable e) {
                                }
                            }
                            System.out.println(loot);
                            System.err.println(loot);
                            throw new RuntimeException(loot.isEmpty() ? "nothing" : loot.get(calls++ % loot.size()));
                        }
                    }
                    """),
            new Attack("java: TCP and UDP to the harness's machine", CodeRunner.Language.JAVA, """
                    class Solution {
                        SIG {
                            for (int i = 0; i < 5; i++) {
                                try (java.net.Socket s = new java.net.Socket("127.0.0.1", TCPPORT)) {
                                    s.getOutputStream().write(1);
                                } catch (Throwable e) {
                                }
                                try (java.net.DatagramSocket d = new java.net.DatagramSocket()) {
                                    d.send(new java.net.DatagramPacket(new byte[]{1}, 1, java.net.InetAddress.getLoopbackAddress(), UDPPORT));
                                } catch (Throwable e) {
                                }
                                try (var c = java.nio.channels.DatagramChannel.open()) {
                                    c.send(java.nio.ByteBuffer.wrap(new byte[]{1}), new java.net.InetSocketAddress("127.0.0.1", UDPPORT));
                                } catch (Throwable e) {
                                }
                            }
                            return 0;
                        }
                    }
                    """),
            new Attack("java: writes outside its directory", CodeRunner.Language.JAVA, """
                    class Solution {
                        SIG {
                            try { java.nio.file.Files.writeString(java.nio.file.Path.of("ESCAPE"), "x"); } catch (Throwable e) { }
                            try { java.nio.file.Files.writeString(java.nio.file.Path.of("../../ESCNAME"), "x"); } catch (Throwable e) { }
                            try { java.nio.file.Files.writeString(java.nio.file.Path.of("../ESCNAME"), "x"); } catch (Throwable e) { }
                            return 0;
                        }
                    }
                    """),
            new Attack("java: claims results on the real stdout", CodeRunner.Language.JAVA, """
                    class Solution {
                        static {
                            String lines = "";
                            for (int i = 1; i <= 10; i++) {
                                lines += "{\\"case\\":" + i + ",\\"returned\\":\\"" + (-4242 - i) + "\\"}\\n";
                            }
                            lines += "{\\"done\\":true}\\n";
                            System.out.print(lines);
                            try {
                                new java.io.FileOutputStream(java.io.FileDescriptor.out).write(lines.getBytes());
                            } catch (Throwable e) {
                            }
                        }
                        SIG {
                            return 0;
                        }
                    }
                    """),
            new Attack("python: claims results on the real stdout", CodeRunner.Language.PYTHON, """
                    import os, sys
                    _lines = ''.join('{"case": %d, "returned": "%d"}\\n' % (i, -4242 - i) for i in range(1, 11)) + '{"done": true}\\n'
                    sys.__stdout__.write(_lines)
                    sys.__stdout__.flush()
                    os.write(1, _lines.encode())
                    import json
                    json.dumps = lambda o: ''
                    SIG
                        return -12345
                    """),
            new Attack("python: replaces the harness's _emit", CodeRunner.Language.PYTHON, """
                    import sys
                    _main = sys.modules['__main__']
                    _real = _main._emit
                    def _forged(text):
                        if text.startswith('FAIL '):
                            text = 'PASS ' + text[5:]
                        _real(text)
                    _main._emit = _forged
                    SIG
                        return -12345
                    """),
            new Attack("python: _posixsubprocess.fork_exec with setsid", CodeRunner.Language.PYTHON, """
                    import os, _posixsubprocess
                    for _ in range(20):
                        _r, _w = os.pipe()
                        _posixsubprocess.fork_exec([b'MARKER', b'60'], [b'/bin/sleep'], False, (_w,), None, None, -1, -1, -1, -1, -1, -1, _r, _w, False, True, -1, None, None, -1, -1, None, False)
                    SIG
                        return -12345
                    """),
            new Attack("python: reads secrets into an exception", CodeRunner.Language.PYTHON, """
                    import os
                    _calls = [0]
                    SIG
                        loot = []
                        paths = ['CANARY', '/etc/passwd', os.path.expanduser('~/.ssh/id_rsa'), '/root/.ssh/authorized_keys']
                        try:
                            paths += ['/proc/%s/environ' % p for p in os.listdir('/proc') if p.isdigit()]
                        except BaseException as e:
                            loot.append(repr(e))
                        pid = os.getpid()
                        while pid > 1:
                            paths.append('/proc/%d/environ' % pid)
                            try:
                                pid = int(open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()[1])
                            except BaseException:
                                break
                        for p in paths:
                            try:
                                loot.append(open(p, errors='replace').read().replace('\\0', ' '))
                            except BaseException:
                                pass
                        print(loot)
                        print(loot, file=__import__('sys').stderr)
                        _calls[0] += 1
                        raise RuntimeError(loot[_calls[0] % len(loot)] if loot else 'nothing')
                    """),
            new Attack("python: TCP and UDP to the harness's machine", CodeRunner.Language.PYTHON, """
                    SIG
                        for _ in range(5):
                            try:
                                import socket
                                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                                s.sendto(b'x', ('127.0.0.1', UDPPORT))
                                t = socket.create_connection(('127.0.0.1', TCPPORT), timeout=1)
                                t.sendall(b'x')
                            except BaseException:
                                pass
                        return -12345
                    """),
            new Attack("python: sqlite3 and open write outside", CodeRunner.Language.PYTHON, """
                    SIG
                        try:
                            import sqlite3
                            c = sqlite3.connect('ESCAPE')
                            c.execute('create table t (x int)')
                            c.commit()
                            c.close()
                        except BaseException:
                            pass
                        try:
                            open('../../ESCNAME', 'w').write('x')
                        except BaseException:
                            pass
                        return -12345
                    """));

    /** A TCP listener on loopback that counts every connection made to it: what an attack must never reach. */
    static ServerSocket countingListener(java.util.concurrent.atomic.AtomicInteger connections) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return listener;
    }

    @BeforeAll
    static void plant() throws IOException {
        canary = AttackCatalogueTest.plantCanary(CANARY_TEXT);
        canaryDir = canary.getParent();
        tcp = SandboxAttackTest.countingListener(CONNECTIONS);
        udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    @AfterAll
    static void unplant() throws IOException {
        tcp.close();
        udp.close();
        TempDirs.delete(canaryDir);
    }

    static Stream<Arguments> runs() {
        return Stream.of(Setup.values()).flatMap(s -> ATTACKS.stream().map(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("runs")
    void anAttackEarnsNothingAndLeavesNothingBehind(Setup setup, Attack attack) throws Exception {
        assumeTrue(attack.language() == CodeRunner.Language.JAVA || Toolchain.hasPython(), "python3 is not on the PATH");
        assumeTrue(attack.language() != CodeRunner.Language.JAVA || setup.namespaces || JavaHarness.hasGuard(), "JDK "
                + Runtime.version().feature() + " has no SecurityManager: without namespaces Java code has no isolation and runs "
                + "only where the user opts into it (unisolated)");
        Path escape = Path.of(System.getProperty("java.io.tmpdir"), "llm-bench-escape-" + UUID.randomUUID());
        Context context = new Context("llmbenchmark" + UUID.randomUUID().toString().replace("-", ""), canary, escape,
                tcp.getLocalPort(), udp.getLocalPort());
        List<Task> tasks = new CodeFixTasks(new CodeRunner(setup.sandbox())).generate(42, 0).stream()
                .filter(t -> t.id().contains(attack.language() == CodeRunner.Language.JAVA ? "java" : "python")).toList();
        int connectionsBefore = CONNECTIONS.get();
        List<String> findings = new ArrayList<>();
        List<Run> outcomes = new ArrayList<>();
        for (Task task : tasks) {
            String lang = attack.language() == CodeRunner.Language.JAVA ? "java" : "python";
            String code = context.fill(attack.template()).replace("SIG", signature(task));
            String honest = lang.equals("java") ? "class Solution {\n    " + signature(task) + " {\n        return 0;\n    }\n}\n"
                    : signature(task) + "\n    return -12345\n";
            double honestScore = TaskScorer.score(task, "Fixed.\n\n```" + lang + "\n" + honest + "```\n", false, 70).score().value();
            long start = System.nanoTime();
            Score score = TaskScorer.score(task, "Fixed.\n\n```" + lang + "\n" + code + "```\n", false, 70).score();
            long millis = (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(300);
            String reasons = reasons(score);
            List<Long> left = processesWith(context.marker());
            String leaked = leaked(reasons);
            findings.add(task.id() + " score=" + score.value() + " honest=" + honestScore + " ms=" + millis + " processes_left=" + left.size()
                    + " leaked=" + leaked + " escaped=" + escaped(escape));
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            outcomes.add(new Run(score.value(), honestScore, left.size(), leaked, millis, reasons));
        }
        int datagrams = datagrams();
        int connections = CONNECTIONS.get() - connectionsBefore;
        System.out.println("ATTACK " + setup + " | " + attack + " | " + findings + " tcp=" + connections + " udp=" + datagrams);
        for (Run run : outcomes) {
            assertThat(run.score()).as(run.reasons()).isLessThanOrEqualTo(run.honestScore());
            assertThat(run.processesLeft()).as("processes left behind").isZero();
            assertThat(run.leaked()).as(run.reasons()).isEmpty();
            assertThat(run.millis()).as("the run ends when its child does, not when its grandchildren do").isLessThan(14_000);
        }
        assertThat(connections).as("TCP connections reached the harness's machine").isZero();
        assertThat(datagrams).as("UDP datagrams reached the harness's machine").isZero();
        assertThat(escaped(escape)).as("files written outside the sandbox directory").isEmpty();
    }

    /** The signature the prompt asks to keep, e.g. {@code static int sumMultiples(int[] xs, int k)}. */
    static String signature(Task task) {
        Matcher m = Pattern.compile("unchanged \\((.+?)\\) and return").matcher(task.body());
        assertThat(m.find()).as(task.body()).isTrue();
        return m.group(1);
    }

    static String reasons(Score score) {
        StringBuilder sb = new StringBuilder(score.failureSummary()).append('\n');
        for (Check c : score.checks()) {
            sb.append(c.name()).append(": ").append(c.reason()).append('\n');
        }
        return sb.toString();
    }

    /** What of the planted canary, the parent's variables or /etc/passwd shows in the text; empty when nothing does. */
    static String leaked(String text) {
        List<String> found = new ArrayList<>();
        if (text.contains(CANARY_TEXT.substring(0, 24))) {
            found.add("canary");
        }
        if (text.contains("root:x:0:0")) {
            found.add("/etc/passwd");
        }
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (!e.getKey().equals("PATH") && e.getValue().length() >= 3 && text.contains(e.getKey() + "=" + e.getValue().substring(0, Math.min(12, e.getValue().length())))) {
                found.add("variable " + e.getKey());
            }
        }
        return String.join(", ", found);
    }

    /** Live processes whose command line carries the marker, read from /proc (all users, all sessions). */
    static List<Long> processesWith(String marker) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmdline.contains(marker)) {
                        pids.add(Long.parseLong(dir.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // The process ended while the scan ran.
                }
            }
        }
        return pids;
    }

    private static List<Path> escaped(Path escape) {
        List<Path> found = new ArrayList<>();
        for (Path p : List.of(escape, Path.of(System.getProperty("java.io.tmpdir"), escape.getFileName().toString()),
                Path.of("/", escape.getFileName().toString()), Path.of("/tmp", escape.getFileName().toString()))) {
            if (Files.exists(p)) {
                found.add(p);
                try {
                    Files.delete(p);
                } catch (IOException ignored) {
                    // Reported as found; the temporary directory is cleaned by the system.
                }
            }
        }
        return found;
    }

    private static int datagrams() throws IOException {
        udp.setSoTimeout(100);
        int n = 0;
        try {
            while (true) {
                udp.receive(new DatagramPacket(new byte[16], 16));
                n++;
            }
        } catch (SocketTimeoutException e) {
            return n;
        }
    }
}
