package org.llmbench.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files and command a Java code_fix answer runs with. The model's code is its own compilation unit,
 * {@code Solution.java}, as written (a bare method is wrapped in {@code class Solution}, a lone {@code package}
 * line is blanked). {@code LlmBenchCases.java} holds only the test calls, never an expected value, and names
 * nothing the model's code could obscure (JLS 6.4.2: a type named {@code java} or {@code Object} wins over the
 * package or the JDK's class): see {@link #cases}. The child compiles these two with {@code javac -proc:none};
 * a compile that put a class in a package or declared a top-level type named {@code java} is refused
 * ({@link #PACKAGE_DECLARED}). The runner, {@code llmbench.Runner}, is compiled by the harness, never with the
 * model's code, and comes as {@code harness.jar}, the only class path entry. It installs the guard (JDK 17 to 23:
 * the JDK's SecurityManager under a policy that gives the JDK and {@code harness.jar} every permission and any
 * other code an allow-list), and only then loads the model's classes from {@code classes/} with a class loader of
 * their own. Each call runs on its own thread with a time limit and answers with one JSON line: the value as a
 * canonical literal when it is plain data (null, a boolean, a number, a char, a String, an array, list, set or map
 * of these), else only its kind (an exception's class name, not plain data, too large, timed out). The harness
 * compares the literal with the expected one ({@link CaseReports}).
 */
final class JavaHarness {

    static final String SOLUTION = "Solution.java";
    static final String CASES = "LlmBenchCases.java";
    static final String RUNNER = "llmbench/Runner.java";
    static final long CASE_TIMEOUT_MS = 2_000;
    /** The child's exit code when javac rejected the sources; model code never ran then. */
    static final int COMPILE_FAILED = 3;
    /** The child's exit code when the model's code declared a package or a type named {@code java}; it never ran. */
    static final int PACKAGE_DECLARED = 4;
    /** The runner's jar in the child's directory (its only class path entry), and the text it is decoded from. */
    static final String RUNNER_JAR = "harness.jar";
    static final String RUNNER_JAR_TEXT = "harness.jar.b64";

    private JavaHarness() {
    }

    /** The child's files: the model's code and the calls, which it compiles, and the runner, compiled by the harness. */
    static Map<String, String> files(String modelCode, List<TestCase> cases) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SOLUTION, solution(modelCode));
        files.put(CASES, cases(cases));
        files.put(RUNNER_JAR_TEXT, JavaRunnerJar.BASE64);
        return files;
    }

    /** The model's code as its own file: unchanged but for a lone package line (blanked) and a missing class. */
    static String solution(String modelCode) {
        StringBuilder code = new StringBuilder();
        for (String line : modelCode.split("\n", -1)) {
            String t = line.strip();
            boolean lonePackage = t.matches("package\\s+[\\w.]+\\s*;");
            code.append(lonePackage ? "" : line).append('\n');
        }
        String source = code.toString();
        return source.matches("(?s).*\\bclass\\s+Solution\\b.*") ? source : "class Solution {\n" + source + "\n}\n";
    }

    /**
     * The calls, one public static method each ({@code c1}, {@code c2}, ...). No simple name of the JDK or of the
     * harness appears, so no class of the model's can stand in for one: the value is boxed by inference into the
     * method's own type variable, and the runner finds the methods by reflection. The one JDK name,
     * {@code java.lang.Throwable} (so a solution may declare checked exceptions), could be obscured only by a
     * top-level type named {@code java}, which the command refuses.
     */
    static String cases(List<TestCase> cases) {
        StringBuilder sb = new StringBuilder("public final class LlmBenchCases {\n");
        for (int i = 0; i < cases.size(); i++) {
            sb.append("    public static <T> T c").append(i + 1).append("() throws java.lang.Throwable {\n        return box(")
                    .append(cases.get(i).call()).append(");\n    }\n\n");
        }
        return sb.append("""
                    private static <T, U> T box(U value) {
                        return (T) value;
                    }
                }
                """).toString();
    }

    /** {@code javac} the two files into {@code classes/}, then run the runner on the number of cases. */
    static List<String> command(int cases) {
        return command(cases, java.util.Optional.empty());
    }

    /** As {@link #command(int)}, javac started with a class-data archive ({@link Toolchain#javacArchive}) when given. */
    static List<String> command(int cases, java.util.Optional<java.nio.file.Path> javacArchive) {
        List<String> java = new ArrayList<>(List.of(Toolchain.java(), "-Xmx64m", "-Xss1m", "-XX:MaxMetaspaceSize=96m",
                "-XX:MaxDirectMemorySize=16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Xshare:auto", "-Djava.io.tmpdir=.", "-Duser.home=.", "-Dfile.encoding=UTF-8"));
        int feature = Runtime.version().feature();
        if (feature >= 18 && feature < 24) {
            java.add("-Djava.security.manager=allow");
        }
        java.addAll(List.of("-cp", RUNNER_JAR, "llmbench.Runner", Integer.toString(cases)));
        List<String> javac = new ArrayList<>(List.of(Toolchain.javac(), "-J-Xmx256m", "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1",
                "-J-XX:-UsePerfData", "-J-Xshare:auto"));
        // Its warnings (an archive of another JDK) would reach javac's output, which the harness reads for errors.
        javacArchive.ifPresent(a -> javac.addAll(List.of("-J-XX:SharedArchiveFile=" + a, "-J-Xlog:cds=off", "-J-Xlog:cds+dynamic=off")));
        javac.addAll(List.of("-proc:none", "-implicit:none", "-nowarn", "-encoding", "UTF-8", "-cp", "classes", "-d", "classes",
                SOLUTION, CASES));
        return compileThenRun(javac, java);
    }

    /**
     * bash decodes the runner's jar, runs javac with the first javac.size() arguments, refuses a compile that put a
     * class in a package or declared a type named {@code java}, then replaces itself with the JVM on the rest.
     */
    private static List<String> compileThenRun(List<String> javac, List<String> java) {
        // Shell built-ins only (globs, tests) after javac: each extra process would cost every answer milliseconds.
        String script = "base64 -d " + RUNNER_JAR_TEXT + " > " + RUNNER_JAR + " || exit 1; n=$1; shift; \"${@:1:$n}\" 1>&2 || exit "
                + COMPILE_FAILED + "; shift \"$n\"; shopt -s nullglob dotglob; for f in classes/*; do if [ -d \"$f\" ]; then exit "
                + PACKAGE_DECLARED + "; fi; done; [ ! -e classes/java.class ] || exit " + PACKAGE_DECLARED + "; exec \"$@\"";
        List<String> argv = new ArrayList<>(List.of("bash", "-c", script, "compile-then-run", Integer.toString(javac.size())));
        argv.addAll(javac);
        argv.addAll(java);
        return argv;
    }

    /**
     * Whether the runner started (its first line): then javac passed, and an exit code, even {@link #COMPILE_FAILED},
     * is the model's code's to choose, so it tells nothing.
     */
    static boolean started(String stdout) {
        return stdout.startsWith("{\"started\":true}");
    }

    private static final java.security.SecureRandom TOKENS = new java.security.SecureRandom();

    /**
     * One random token per call, given to the runner on its stdin before any model code runs; the runner's line for
     * a call carries its token. On JDK 24+ the model's code shares the runner's process with no guard and can write
     * to the real stdout: without the token its lines would be taken for the runner's (they could claim only values
     * the code knows, which returning them earns as well, but a claim must stand for a call that was made).
     */
    static List<String> tokens(int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(java.util.HexFormat.of().formatHex(randomBytes()));
        }
        return tokens;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        TOKENS.nextBytes(bytes);
        return bytes;
    }

    /** Whether the JDK still has a SecurityManager, the guard this harness installs (removed in JDK 24). */
    static boolean hasGuard() {
        return Runtime.version().feature() < 24;
    }
}
