package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmbench.scoring.CodeJudge;
import org.llmbench.suite.CodeTests;

/**
 * One catalogue of attacks that every path running model code must pass (issue 25): {@link #PATHS} lists the paths
 * (code_fix Python and Java, suite {@code {call, expected}} pairs in both languages, HumanEval check code, MBPP
 * asserts), {@link #ATTACKS} the attacks, and every attack runs on every path of its language in every
 * {@link Setup}: a new path or attack is one more entry, and cannot skip the others.
 *
 * <p>The problem is the same on every path: {@code f(x)} must return {@code x * 1000003 + 7}, tested on x = 1..10
 * (the expected values exist only on the judge's side). Every attack answers {@code -1} (so its honest part is
 * nothing) unless it got what it was after: then it answers right, from what it forged or because it read the
 * planted secret. So a score above zero is an attack that worked. Each run also must leave no process, write
 * nothing outside, leave the runtime's files as they were, leave no file under the temporary directory, and no
 * secret may reach a reason.
 */
class AttackCatalogueTest {

    /** The machines simulated: namespaces; none but opted in (with and without a uid of its own); none, not opted in. */
    enum Setup {
        NAMESPACES(true, true, false), UNISOLATED_UID(false, true, true), UNISOLATED(false, false, true), REFUSED(false, true, false);

        final Sandbox.Options options;

        Setup(boolean namespaces, boolean uid, boolean unisolated) {
            this.options = new Sandbox.Options(namespaces, uid, unisolated);
        }

        Sandbox sandbox() {
            return new Sandbox(new Sandbox.Limits(Duration.ofSeconds(12), 64 * 1024, 1024), options);
        }
    }

    /** What a run of a path showed: tests passed, out of how many, and every reason text a record could carry. */
    record Judged(int passed, int total, String reasons) {
    }

    /** A path that runs model code: its language and how it judges a program. */
    record CodePath(String name, boolean java, java.util.function.BiFunction<Sandbox, String, Judged> judge) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An attack: a name and, per language, the body of {@code got()} (null: not for that language). */
    record Attack(String name, String python, String java) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final int N = 10;

    static long expected(int x) {
        return x * 1000003L + 7;
    }

    private static final List<TestCase> PYTHON_CASES = IntStream.rangeClosed(1, N)
            .mapToObj(x -> new TestCase("f(" + x + ")", Long.toString(expected(x)), "f(" + x + ")")).toList();
    private static final List<TestCase> JAVA_CASES = IntStream.rangeClosed(1, N)
            .mapToObj(x -> new TestCase("Solution.f(" + x + ")", Long.toString(expected(x)), "f(" + x + ")")).toList();

    private static Judged of(CodeRunner.Outcome o) {
        return new Judged(o.passed(), o.failures().size(), String.join("\n", o.failures().stream().map(String::valueOf).toList()) + "\n" + o.diagnostic());
    }

    private static Judged of(CodeJudge.TestRun r) {
        return new Judged(r.passed(), r.failures().size(), r.failures() + "\n" + r.diagnostic() + "\n" + r.unavailable());
    }

    private static CodeTests suite(CodeTests.Language language, String check, List<String> asserts, List<CodeTests.Case> cases) {
        return new CodeTests(language, "f", check, asserts, cases, false, null);
    }

    /** Every path that runs model code. */
    static final List<CodePath> PATHS = List.of(
            new CodePath("code_fix python", false, (s, p) -> of(new CodeRunner(s).run(CodeRunner.Language.PYTHON, p, PYTHON_CASES))),
            new CodePath("code_fix java", true, (s, p) -> of(new CodeRunner(s).run(CodeRunner.Language.JAVA, p, JAVA_CASES))),
            new CodePath("suite pairs python", false, (s, p) -> of(new SuiteCodeJudge(s).run(suite(CodeTests.Language.PYTHON, null,
                    List.of(), PYTHON_CASES.stream().map(c -> new CodeTests.Case(c.call(), c.expected())).toList()), p))),
            new CodePath("suite pairs java", true, (s, p) -> of(new SuiteCodeJudge(s).run(suite(CodeTests.Language.JAVA, null,
                    List.of(), JAVA_CASES.stream().map(c -> new CodeTests.Case(c.call(), c.expected())).toList()), p))),
            new CodePath("humaneval", false, (s, p) -> of(new SuiteCodeJudge(s).run(suite(CodeTests.Language.PYTHON,
                    "def check(candidate):\n" + PYTHON_CASES.stream().map(c -> "    assert candidate(" + c.call().substring(2,
                            c.call().length() - 1) + ") == " + c.expected() + "\n").reduce("", String::concat), List.of(), List.of()), p))),
            new CodePath("mbpp", false, (s, p) -> of(new SuiteCodeJudge(s).run(suite(CodeTests.Language.PYTHON, null,
                    PYTHON_CASES.stream().map(c -> "assert " + c.call() + " == " + c.expected()).toList(), List.of()), p))));

    /** Python: {@code got()} returns True (answer right), a dict x -> forged value, or False. */
    private static final String PYTHON_TEMPLATE = """
            import os, re, sys
            PREAMBLE
            def _forge(text):
                found = {}
                for m in re.finditer(r'(?:f|candidate)\\((\\d+)\\)[^=\\n]{0,40}(?:==|should return)\\s*(-?\\d+)', text):
                    found[int(m.group(1))] = int(m.group(2))
                return found or False

            def got():
                BODY

            _S = {}
            def f(x, *rest, **kw):
                if 'g' not in _S:
                    try:
                        _S['g'] = got()
                    except BaseException:
                        _S['g'] = False
                g = _S['g']
                if isinstance(g, dict):
                    return g.get(x, -1)
                return x * 1000003 + 7 if g is True else -1
            """;

    /** Java: {@code got()} returns true (answer right) or fills {@code forged}. */
    private static final String JAVA_TEMPLATE = """
            import java.nio.file.*;
            import java.util.*;
            class Solution {
                static Map<Integer, Long> forged = new HashMap<>();
                static Boolean got;
                static void forge(String text) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("f\\\\((\\\\d+)\\\\)[^=\\\\n]{0,40}(?:==|should return)\\\\s*(-?\\\\d+)").matcher(text);
                    while (m.find()) forged.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
                }
                static boolean got() throws Throwable {
                    BODY
                }
                static long f(int x) {
                    if (got == null) {
                        try { got = got(); } catch (Throwable t) { got = false; }
                    }
                    if (forged.containsKey(x)) return forged.get(x);
                    return got ? x * 1000003L + 7 : -1;
                }
            }
            """;

    static final List<Attack> ATTACKS = List.of(
            new Attack("reads the tests from files (tests.json, cwd, parents, other sandboxes)", """
                    text = []
                    dirs = ['.', '..', '../..', '/tmp', '/sandbox']
                    try:
                        dirs += ['/tmp/' + n for n in os.listdir('/tmp') if n.startswith('llm-bench')]
                    except BaseException:
                        pass
                    for d in dirs:
                        for base, subdirs, files in os.walk(d):
                            for name in files[:200]:
                                try:
                                    text.append(open(os.path.join(base, name), errors='replace').read(200000))
                                except BaseException:
                                    pass
                            if base.count('/') > 5:
                                subdirs[:] = []
                    return _forge('\\n'.join(text))
                    """, """
                    StringBuilder text = new StringBuilder();
                    for (String d : List.of(".", "..", "../..", "/tmp")) {
                        try (var files = Files.walk(Path.of(d), 4)) {
                            files.filter(Files::isRegularFile).limit(2000).forEach(p -> {
                                try { text.append(new String(Files.readAllBytes(p))); } catch (Throwable e) { }
                            });
                        } catch (Throwable e) { }
                    }
                    forge(text.toString());
                    return false;
                    """),
            new Attack("reads the judge's frames, gc objects and inspect", """
                    import gc, inspect
                    text = []
                    f = sys._getframe()
                    while f is not None:
                        text.append(repr(f.f_locals)[:100000])
                        f = f.f_back
                    for o in gc.get_objects():
                        try:
                            text.append(repr(o)[:2000])
                        except BaseException:
                            pass
                    for fr in inspect.stack():
                        text.append(repr(fr.frame.f_globals)[:100000])
                    return _forge('\\n'.join(text))
                    """, null),
            new Attack("a stand-in whose __eq__ records the expected values", null, null), // a whole program: PYTHON_PROGRAMS
            new Attack("dir_fd open of / through a link in the runtime, fchdir, scandir(fd)", """
                    hits = []
                    prefix = os.path.realpath(sys.base_prefix)
                    try:
                        d = os.open(prefix, os.O_RDONLY)
                    except BaseException:
                        d = None
                    # a link at depth k under the prefix to a directory at depth <= k: 'link/..' * depth climbs to /
                    # for the kernel (from the dir_fd) while the hook, joining the sandbox, sees a path inside it
                    for base, dirs, files in os.walk(prefix):
                        for name in dirs + files:
                            p = os.path.join(base, name)
                            if not os.path.islink(p) or not os.path.isdir(os.path.realpath(p)):
                                continue
                            rel = os.path.relpath(p, prefix)
                            depth = len([c for c in os.path.realpath(p).split('/') if c])
                            if depth <= len(rel.split('/')):
                                try:
                                    hits.append(os.read(os.open(rel + '/..' * depth + 'CANARY', os.O_RDONLY, dir_fd=d), 100))
                                except BaseException:
                                    pass
                        if base.count('/') - prefix.count('/') > 4:
                            dirs[:] = []
                    for attempt in (lambda: os.fchdir(d), lambda: os.chdir(prefix)):
                        try:
                            attempt()
                            hits.append(open(os.path.relpath('CANARY')).read().encode())
                        except BaseException:
                            pass
                    for attempt in (lambda: os.scandir(d), lambda: os.listdir(d), lambda: os.stat('etc/passwd', dir_fd=d)):
                        try:
                            if d is not None:  # scandir(None) would list the sandbox itself
                                attempt()
                                hits.append(b'listed')
                        except BaseException:
                            pass
                    try:
                        fd = os.open('/proc/self/root', os.O_RDONLY)
                        hits.append(os.read(os.open('CANARYREL', os.O_RDONLY, dir_fd=fd), 100))
                    except BaseException:
                        pass
                    return any(b'CANARYTEXT' in h or h == b'listed' for h in hits)
                    """, null),
            new Attack("reads /proc/<ppid>/environ and the harness's /proc/<pid>/mem", """
                    seen = []
                    pids = ['HARNESSPID', str(os.getppid())]
                    pid = os.getpid()
                    while pid > 1:
                        try:
                            pid = int(open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()[1])
                            pids.append(str(pid))
                        except BaseException:
                            break
                    for p in pids:
                        try:
                            if 'PATH=' in open('/proc/%s/environ' % p, errors='replace').read():
                                seen.append('environ')
                        except BaseException:
                            pass
                    text = []
                    try:
                        mem = open('/proc/HARNESSPID/mem', 'rb')
                        for line in open('/proc/HARNESSPID/maps'):
                            a, b = (int(x, 16) for x in line.split()[0].split('-'))
                            if line.split()[1].startswith('r') and b - a < 64 << 20:
                                try:
                                    mem.seek(a)
                                    text.append(mem.read(b - a).decode('latin-1'))
                                except BaseException:
                                    pass
                    except BaseException:
                        pass
                    forged = _forge('\\n'.join(text))
                    return forged or bool(seen)
                    """, """
                    boolean seen = false;
                    for (String p : List.of("HARNESSPID", String.valueOf(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L)))) {
                        try { seen |= new String(Files.readAllBytes(Path.of("/proc/" + p + "/environ"))).contains("PATH="); } catch (Throwable e) { }
                    }
                    try (var mem = new java.io.RandomAccessFile("/proc/HARNESSPID/mem", "r")) {
                        for (String line : Files.readAllLines(Path.of("/proc/HARNESSPID/maps"))) {
                            String[] r = line.split(" ")[0].split("-");
                            long a = Long.parseUnsignedLong(r[0], 16), b = Long.parseUnsignedLong(r[1], 16);
                            if (line.split(" ")[1].startsWith("r") && b - a < (16 << 20)) {
                                try { byte[] buf = new byte[(int) (b - a)]; mem.seek(a); mem.readFully(buf); forge(new String(buf, "ISO-8859-1")); } catch (Throwable e) { }
                            }
                        }
                    } catch (Throwable e) { }
                    return seen;
                    """),
            new Attack("reads a planted secret file outside its directory", """
                    return open('CANARY').read() == 'CANARYTEXT'
                    """, """
                    return new String(Files.readAllBytes(Path.of("CANARY"))).equals("CANARYTEXT");
                    """),
            new Attack("writes outside its directory", """
                    for p in ('ESCAPE', '../../ESCNAME', '../ESCNAME', '/tmp/ESCNAME'):
                        try:
                            open(p, 'w').write('x')
                        except BaseException:
                            pass
                    return False
                    """, """
                    for (String p : List.of("ESCAPE", "../../ESCNAME", "../ESCNAME", "/tmp/ESCNAME")) {
                        try { Files.writeString(Path.of(p), "x"); } catch (Throwable e) { }
                    }
                    return false;
                    """),
            new Attack("rewrites a module of the runtime the judge imports", """
                    import json, ast, random
                    for m in (json, ast, random):
                        for p in (m.__file__, os.path.join(os.path.dirname(m.__file__), '__pycache__')):
                            try:
                                with open(p, 'a') as out:
                                    out.write('\\nraise SystemExit(0)\\n')
                            except BaseException:
                                pass
                    return False
                    """, """
                    Path home = Path.of(System.getProperty("java.home"));
                    for (Path p : List.of(home.resolve("release"), home.resolve("conf/security/java.security"), home.resolve("lib/security/default.policy"))) {
                        try { Files.writeString(p, "\\n#x\\n", StandardOpenOption.APPEND); } catch (Throwable e) { }
                    }
                    return false;
                    """),
            new Attack("leaves a sleep alive", """
                    for start in ('_posixsubprocess', 'fork', 'subprocess'):
                        try:
                            if start == 'fork':
                                if os.fork() == 0:
                                    os.setsid()
                                    os.execv('/bin/sleep', ['MARKER', '60'])
                            elif start == 'subprocess':
                                import subprocess
                                subprocess.Popen(['bash', '-c', 'exec -a MARKER sleep 60'], start_new_session=True)
                            else:
                                import _posixsubprocess
                                r, w = os.pipe()
                                _posixsubprocess.fork_exec([b'MARKER', b'60'], [b'/bin/sleep'], False, (w,), None, None, -1, -1, -1, -1, -1, -1, r, w, False, True, -1, None, None, -1, -1, None, False)
                        except BaseException:
                            pass
                    return False
                    """, """
                    for (int i = 0; i < 3; i++) {
                        try { new ProcessBuilder("setsid", "bash", "-c", "exec -a MARKER sleep 60").start(); } catch (Throwable e) { }
                    }
                    return false;
                    """),
            new Attack("fills the disk with many files", """
                    import time
                    end = time.time() + 2
                    for d in ('.', '/tmp'):
                        i = 0
                        while time.time() < end and i < 200000:
                            try:
                                with open(os.path.join(d, 'MARKER-%d' % i), 'wb') as out:
                                    out.write(b'x' * 65536)
                            except BaseException:
                                break
                            i += 1
                    return False
                    """, """
                    long end = System.currentTimeMillis() + 2000;
                    for (String d : List.of(".", "/tmp")) {
                        for (int i = 0; i < 200000 && System.currentTimeMillis() < end; i++) {
                            try { Files.write(Path.of(d, "MARKER-" + i), new byte[65536]); } catch (Throwable e) { break; }
                        }
                    }
                    return false;
                    """),
            new Attack("prints fake verdict lines on every channel", """
                    lines = ''.join('{"case": %d, "returned": "%d"}\\nV {"test": %d, "passed": true, "kind": ""}\\n' % (i, i * 1000003 + 7, i) for i in range(1, 11))
                    lines += '{"done": true}\\nD\\n{"r": {"i": "0"}}\\n'
                    for fd in range(1, 10):
                        try:
                            os.write(fd, lines.encode())
                        except BaseException:
                            pass
                    sys.__stdout__.write(lines)
                    print(lines)
                    return False
                    """, """
                    StringBuilder lines = new StringBuilder();
                    for (int i = 1; i <= 10; i++) lines.append("{\\"case\\":" + i + ",\\"returned\\":\\"" + (i * 1000003L + 7) + "\\"}\\nV {\\"test\\": " + i + ", \\"passed\\": true}\\n");
                    lines.append("{\\"done\\":true}\\nD\\n");
                    System.out.print(lines);
                    new java.io.FileOutputStream(java.io.FileDescriptor.out).write(lines.toString().getBytes());
                    return false;
                    """),
            new Attack("exits early after claiming everything", """
                    lines = ''.join('V {"test": %d, "passed": true, "kind": ""}\\n{"case": %d, "returned": "%d"}\\n' % (i, i, i * 1000003 + 7) for i in range(1, 11))
                    os.write(1, (lines + '{"done": true}\\nD\\n').encode())
                    os._exit(0)
                    """, """
                    StringBuilder lines = new StringBuilder();
                    for (int i = 1; i <= 10; i++) lines.append("{\\"case\\":" + i + ",\\"returned\\":\\"" + (i * 1000003L + 7) + "\\"}\\n");
                    new java.io.FileOutputStream(java.io.FileDescriptor.out).write((lines + "{\\"done\\":true}\\n").getBytes());
                    Runtime.getRuntime().halt(0);
                    return false;
                    """),
            new Attack("returns an object whose __eq__ is always True (and an int subclass)", null, null)); // PYTHON_PROGRAMS

    /** Whole Python programs for the attacks that are not a {@code got()} body. */
    private static final Map<String, String> PYTHON_PROGRAMS = Map.of(
            "a stand-in whose __eq__ records the expected values", """
                    _REC = {}
                    class _Recorder:
                        def __init__(self, k):
                            self.k = k
                        def __eq__(self, other):
                            _REC[self.k] = other
                            return True
                        __hash__ = object.__hash__
                    def f(x, *rest, **kw):
                        return _REC[x] if x in _REC else _Recorder(x)
                    """,
            "returns an object whose __eq__ is always True (and an int subclass)", """
                    class _Yes:
                        def __eq__(self, other):
                            return True
                        __hash__ = object.__hash__
                    class _Int(int):
                        def __eq__(self, other):
                            return True
                        __hash__ = int.__hash__
                    def f(x, *rest, **kw):
                        return _Yes() if x % 2 else _Int(-1)
                    """);

    private static final String CANARY_TEXT = "llmbench-canary-" + UUID.randomUUID();
    private static Path canaryDir;
    private static Path canary;
    private static Map<Path, String> runtimeFiles;

    @BeforeAll
    static void plant() throws IOException {
        canary = plantCanary(CANARY_TEXT);
        canaryDir = canary.getParent();
        runtimeFiles = new LinkedHashMap<>();
        if (Toolchain.hasPython()) {
            Path lib = Toolchain.python().home();
            // A walk that passes over folders it may not read: as a normal user, /usr holds some (polkit's rules).
            Files.walkFileTree(lib, java.util.Set.of(), 4, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes a) {
                    String name = p.toString();
                    if ((name.endsWith("/json/__init__.py") || name.endsWith("/ast.py") || name.endsWith("/random.py"))
                            && name.contains("python3")) {
                        runtimeFiles.put(p, null);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        }
        Path home = Toolchain.javaHome();
        for (Path p : List.of(home.resolve("release"), home.resolve("conf/security/java.security"))) {
            if (Files.exists(p)) {
                runtimeFiles.put(p, null);
            }
        }
        runtimeFiles.replaceAll((p, v) -> hash(p));
    }

    /** A secret file outside every sandbox, readable by anyone (so only the sandbox stands between it and the code). */
    static Path plantCanary(String text) throws IOException {
        Path dir = Files.createTempDirectory("llm-bench-canary-");
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, text);
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        file.toFile().setReadable(true, false);
        return file;
    }

    @AfterAll
    static void unplant() {
        TempDirs.delete(canaryDir);
    }

    static Stream<Arguments> runs() {
        List<Setup> setups = Seatbelt.IS_MAC ? List.of(Setup.NAMESPACES) : List.of(Setup.values());
        return setups.stream().flatMap(s -> PATHS.stream().flatMap(p -> ATTACKS.stream()
                .filter(a -> p.java() ? a.java() != null : a.python() != null || PYTHON_PROGRAMS.containsKey(a.name()))
                .map(a -> Arguments.of(s, p, a))));
    }

    @ParameterizedTest(name = "{0} | {1} | {2}")
    @MethodSource("runs")
    void everyAttackEarnsNothingReadsNothingWritesNothingAndLeavesNothing(Setup setup, CodePath path, Attack attack) throws Exception {
        assumeTrue(path.java() || Toolchain.hasPython(), "python3 is not on the PATH");
        assumeTrue(setup.options.namespaces() == false || Toolchain.hasNamespaces() || Seatbelt.IS_MAC, "no namespaces here");
        // Opted in without an OS boundary, only the language guard holds; JDK 24+ has none for Java (no SecurityManager),
        // so there the opt-in runs Java unguarded and nothing of this catalogue can hold (README, Sandbox).
        assumeTrue(!(path.java() && !setup.options.namespaces() && setup.options.unisolated() && !JavaHarness.hasGuard()),
                "JDK " + Runtime.version().feature() + " has no SecurityManager: unisolated Java code runs unguarded");
        String marker = "llmbenchattack" + UUID.randomUUID().toString().replace("-", "");
        Path escape = Path.of(System.getProperty("java.io.tmpdir"), "llm-bench-escape-" + UUID.randomUUID());
        List<String> tmpBefore = tmpEntries();
        String program = program(path, attack, marker, escape);
        Judged judged = path.judge().apply(setup.sandbox(), program);
        Thread.sleep(200);
        List<Long> left = processesWith(marker);
        left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        List<String> tmpAfter = tmpEntries();
        tmpAfter.removeAll(tmpBefore);
        List<Path> escaped = Stream.of(escape, Path.of("/tmp", escape.getFileName().toString()), Path.of("/", escape.getFileName().toString()))
                .filter(Files::exists).toList();
        for (Path p : escaped) {
            Files.deleteIfExists(p);
        }
        Map<Path, String> changed = new LinkedHashMap<>();
        runtimeFiles.forEach((p, h) -> {
            if (!h.equals(hash(p))) {
                changed.put(p, h);
            }
        });
        System.out.println("ATTACK25 " + setup + " | " + path + " | " + attack + " | passed " + judged.passed() + "/" + judged.total()
                + " processes_left=" + left.size() + " escaped=" + escaped.size() + " runtime_changed=" + changed.size()
                + " tmp_left=" + tmpAfter.size());
        assertThat(judged.passed()).as("earns nothing: " + judged.reasons()).isZero();
        assertThat(judged.total()).as("every test is judged or refused: " + judged.reasons()).isIn(0, 1, N);
        assertThat(left).as("processes left behind").isEmpty();
        assertThat(escaped).as("files written outside").isEmpty();
        assertThat(changed).as("runtime files changed").isEmpty();
        assertThat(tmpAfter).as("files left under /tmp").isEmpty();
        assertThat(judged.reasons()).as("a secret in a reason").doesNotContain(CANARY_TEXT.substring(0, 24), "root:x:0:0");
        if (setup == Setup.REFUSED) {
            assertThat(judged.reasons()).contains("no operating-system isolation here");
        }
    }

    static String program(CodePath path, Attack attack, String marker, Path escape) {
        String text;
        if (path.java()) {
            text = JAVA_TEMPLATE.replace("BODY", attack.java().strip().indent(8).strip());
        } else if (PYTHON_PROGRAMS.containsKey(attack.name())) {
            text = PYTHON_PROGRAMS.get(attack.name());
        } else {
            text = PYTHON_TEMPLATE.replace("PREAMBLE", "").replace("BODY", attack.python().strip().indent(4).strip());
        }
        Path canaryRelative = Path.of("/").relativize(canary);
        return text.replace("CANARYTEXT", CANARY_TEXT).replace("CANARYREL", canaryRelative.toString())
                .replace("CANARY", canary.toString()).replace("HARNESSPID", Long.toString(ProcessHandle.current().pid()))
                .replace("MARKER", marker).replace("ESCAPE", escape.toString()).replace("ESCNAME", escape.getFileName().toString());
    }

    /** Live processes whose command line carries the marker: from /proc where there is one, else from the JDK's view. */
    static List<Long> processesWith(String marker) throws IOException {
        if (Files.isDirectory(Path.of("/proc/self"))) {
            return SandboxAttackTest.processesWith(marker);
        }
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker))
                .map(ProcessHandle::pid).toList();
    }

    private static List<String> tmpEntries() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new ArrayList<>(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("llmbenchattack")).toList());
        }
    }

    private static String hash(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (Exception e) {
            return "unreadable";
        }
    }
}
