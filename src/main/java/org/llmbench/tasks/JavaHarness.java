package org.llmbench.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files and command a Java code_fix answer runs with. The model's code is its own compilation unit,
 * {@code Solution.java}, as written (a bare method is wrapped in {@code class Solution}, a lone {@code package}
 * line is blanked); {@code LlmBenchCases.java} holds only the test calls, never an expected value; the runner is
 * a fixed class in package {@code llmbench}, which default-package code can neither shadow nor be mistaken for.
 * The child compiles the three with {@code javac -proc:none} and starts {@code llmbench.Runner} by class name.
 * The runner installs a guard (a SecurityManager, JDK 17 to 23), runs each call on its own thread with a time
 * limit and prints what it returned or threw as one JSON line; the harness compares ({@link CaseReports}).
 */
final class JavaHarness {

    static final String SOLUTION = "Solution.java";
    static final String CASES = "LlmBenchCases.java";
    static final String RUNNER = "llmbench/Runner.java";
    static final long CASE_TIMEOUT_MS = 2_000;
    /** The child's exit code when javac rejected the sources; model code never ran then. */
    static final int COMPILE_FAILED = 3;

    private JavaHarness() {
    }

    /** The sources the child compiles: the model's code, the calls, the runner. */
    static Map<String, String> files(String modelCode, List<TestCase> cases) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SOLUTION, solution(modelCode));
        files.put(CASES, cases(cases));
        files.put(RUNNER, RUNNER_SOURCE);
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

    /** The calls, by number; names are qualified so no class of the model's can stand in for a JDK one. */
    static String cases(List<TestCase> cases) {
        StringBuilder sb = new StringBuilder("""
                public final class LlmBenchCases implements java.util.function.IntFunction<java.lang.Object> {
                    public java.lang.Object apply(int n) {
                        switch (n) {
                """);
        for (int i = 0; i < cases.size(); i++) {
            sb.append("            case ").append(i + 1).append(": return ").append(cases.get(i).call()).append(";\n");
        }
        return sb.append("""
                            default: throw new java.lang.IllegalArgumentException();
                        }
                    }
                }
                """).toString();
    }

    /** {@code javac} the three files into {@code classes/}, then run the runner on the number of cases. */
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
        java.addAll(List.of("-cp", "classes", "llmbench.Runner", Integer.toString(cases)));
        List<String> javac = new ArrayList<>(List.of(Toolchain.javac(), "-J-Xmx256m", "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1",
                "-J-XX:-UsePerfData", "-J-Xshare:auto"));
        // Its warnings (an archive of another JDK) would reach javac's output, which the harness reads for errors.
        javacArchive.ifPresent(a -> javac.addAll(List.of("-J-XX:SharedArchiveFile=" + a, "-J-Xlog:cds=off", "-J-Xlog:cds+dynamic=off")));
        javac.addAll(List.of("-proc:none", "-implicit:none", "-nowarn", "-encoding", "UTF-8", "-d", "classes", SOLUTION, CASES, RUNNER));
        return compileThenRun(javac, java);
    }

    private static List<String> compileThenRun(List<String> javac, List<String> java) {
        // bash runs javac with the first javac.size() arguments, then replaces itself with the JVM on the rest.
        List<String> argv = new ArrayList<>(List.of("bash", "-c",
                "n=$1; shift; \"${@:1:$n}\" 1>&2 || exit " + COMPILE_FAILED + "; shift \"$n\"; exec \"$@\"", "compile-then-run",
                Integer.toString(javac.size())));
        argv.addAll(javac);
        argv.addAll(java);
        return argv;
    }

    /** Whether the JDK still has a SecurityManager, the guard this harness installs (removed in JDK 24). */
    static boolean hasGuard() {
        return Runtime.version().feature() < 24;
    }

    private static final String RUNNER_SOURCE = """
            package llmbench;

            /** Runs the calls of LlmBenchCases and prints what each returned or threw, one JSON line per call. */
            @SuppressWarnings({"removal", "deprecation", "unchecked"})
            public final class Runner {
                private Runner() {
                }

                public static void main(String[] args) throws Exception {
                    java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
                    System.setOut(System.err); // what the model's code prints goes to stderr, never into the report
                    int count = Integer.parseInt(args[0]);
                    java.util.function.IntFunction<Object> cases = (java.util.function.IntFunction<Object>)
                            Class.forName("LlmBenchCases").getConstructor().newInstance();
                    Guard.install();
                    boolean stopped = false;
                    for (int n = 1; n <= count; n++) {
                        if (stopped) {
                            out.println("{\\"case\\":" + n + ",\\"skipped\\":true}");
                            continue;
                        }
                        final int number = n;
                        Object[] returned = new Object[1];
                        Throwable[] thrown = new Throwable[1];
                        Thread t = new Thread(() -> {
                            try {
                                returned[0] = cases.apply(number);
                            } catch (Throwable e) {
                                thrown[0] = e;
                            }
                        });
                        t.setDaemon(true);
                        t.start();
                        t.join({CASE_TIMEOUT});
                        if (t.isAlive()) {
                            stopped = true;
                            out.println("{\\"case\\":" + n + ",\\"timeout\\":true}");
                        } else if (thrown[0] != null) {
                            out.println("{\\"case\\":" + n + ",\\"threw\\":" + json(thrown[0].getClass().getName()) + "}");
                        } else {
                            out.println("{\\"case\\":" + n + ",\\"returned\\":" + json(literal(returned[0])) + "}");
                        }
                        out.flush();
                    }
                    out.println("{\\"done\\":true}");
                    out.flush();
                    Runtime.getRuntime().halt(0);
                }

                /** A Java literal of the value; never calls a method of the model's objects (only final JDK types are read). */
                private static String literal(Object v) {
                    if (v == null) {
                        return "null";
                    }
                    if (v instanceof Integer || v instanceof Boolean) {
                        return v.toString();
                    }
                    if (v instanceof Long) {
                        return v + "L";
                    }
                    if (v instanceof Character) {
                        return "'" + v + "'";
                    }
                    if (v instanceof String s) {
                        if (s.length() > 1000) {
                            return "<long string>";
                        }
                        StringBuilder sb = new StringBuilder("\\"");
                        for (char c : s.toCharArray()) {
                            if (c == '"' || c == '\\\\') {
                                sb.append('\\\\');
                            }
                            sb.append(c);
                        }
                        return sb.append('"').toString();
                    }
                    if (v instanceof int[] xs) {
                        if (xs.length > 1000) {
                            return "<long int[]>";
                        }
                        StringBuilder sb = new StringBuilder("new int[]{");
                        for (int i = 0; i < xs.length; i++) {
                            sb.append(i == 0 ? "" : ", ").append(xs[i]);
                        }
                        return sb.append('}').toString();
                    }
                    return "<" + v.getClass().getName() + ">";
                }

                /** A JSON string of ASCII characters only. */
                private static String json(String s) {
                    StringBuilder sb = new StringBuilder("\\"");
                    for (char c : s.toCharArray()) {
                        if (c == '"' || c == '\\\\') {
                            sb.append('\\\\').append(c);
                        } else if (c < 0x20 || c > 0x7e) {
                            sb.append(String.format("\\\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                    return sb.append('"').toString();
                }

                /**
                 * Refuses what a function has no business doing: exiting, starting processes, loading native code,
                 * any network, links, reading outside its directory and the JDK, writing outside its directory,
                 * replacing this guard or the standard streams, and reflection past access checks.
                 */
                private static final class Guard extends SecurityManager {
                    private final java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath().normalize();
                    private final java.nio.file.Path jdk = java.nio.file.Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
                    private final Thread runner = Thread.currentThread();

                    static void install() {
                        try {
                            System.setSecurityManager(new Guard());
                        } catch (UnsupportedOperationException | SecurityException e) {
                            // JDK 24+ has no SecurityManager: the process layers alone contain the code.
                        }
                    }

                    @Override
                    public void checkPermission(java.security.Permission p) {
                        String name = p.getName();
                        if (p instanceof RuntimePermission && name.startsWith("exitVM") && Thread.currentThread() == runner) {
                            return; // the runner halts when done; model code never runs on its thread
                        }
                        if (p instanceof RuntimePermission && (name.startsWith("exitVM") || name.equals("setSecurityManager")
                                || name.equals("createSecurityManager") || name.equals("setIO") || name.startsWith("loadLibrary.")
                                || name.equals("writeFileDescriptor") || name.equals("readFileDescriptor")
                                || name.equals("manageProcess"))) {
                            throw new SecurityException("sandbox: " + name + " is not allowed");
                        }
                        if (p instanceof java.net.SocketPermission || p instanceof java.nio.file.LinkPermission
                                || (p instanceof java.lang.reflect.ReflectPermission && name.equals("suppressAccessChecks"))) {
                            throw new SecurityException("sandbox: " + p.getClass().getSimpleName() + " is not allowed");
                        }
                        if (p instanceof java.io.FilePermission) {
                            String actions = p.getActions();
                            if (actions.contains("execute")) {
                                throw new SecurityException("sandbox: starting processes is not allowed");
                            }
                            java.nio.file.Path path = resolve(name);
                            boolean inside = path != null && path.startsWith(root);
                            if ((actions.contains("write") || actions.contains("delete")) && !inside) {
                                throw new SecurityException("sandbox: writing outside the sandbox directory is not allowed");
                            }
                            if (actions.contains("read") && !inside && (path == null || !path.startsWith(jdk))) {
                                throw new SecurityException("sandbox: reading outside the sandbox directory is not allowed");
                            }
                        }
                    }

                    @Override
                    public void checkPermission(java.security.Permission p, Object context) {
                        checkPermission(p);
                    }

                    private java.nio.file.Path resolve(String name) {
                        try {
                            return root.resolve(name).toAbsolutePath().normalize();
                        } catch (RuntimeException e) {
                            return null;
                        }
                    }
                }
            }
            """.replace("{CASE_TIMEOUT}", Long.toString(CASE_TIMEOUT_MS));
}
