package org.llmbench.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the single Java source file a code_fix answer runs in: a harness class first (the source launcher runs
 * the first class), a guard that confines file writes to the sandbox directory and refuses process creation and
 * System.exit where the JDK still allows a SecurityManager (up to 23), then the model's code. Each test runs on
 * its own thread with a time limit and reports one line tagged with a nonce read from stdin, which model code
 * cannot know, so it cannot forge results by printing.
 */
final class JavaHarness {

    static final String FILE = "LlmBenchHarness.java";
    static final long CASE_TIMEOUT_MS = 2_000;

    private JavaHarness() {
    }

    /** The source file: the harness, the guard and the model's code (imports hoisted, package dropped). */
    static String source(String modelCode, List<TestCase> cases) {
        List<String> imports = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        for (String line : modelCode.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("import ") && t.endsWith(";")) {
                imports.add(t);
            } else if (!(t.startsWith("package ") && t.endsWith(";"))) {
                code.append(line).append('\n');
            }
        }
        String solution = code.toString().contains("class Solution") ? code.toString()
                : "class Solution {\n" + code + "\n}\n";
        StringBuilder sb = new StringBuilder();
        imports.forEach(i -> sb.append(i).append('\n'));
        sb.append(HEAD);
        for (int i = 0; i < cases.size(); i++) {
            TestCase c = cases.get(i);
            sb.append("        run(out, nonce, ").append(i + 1).append(", () -> same(").append(c.expected())
                    .append(", ").append(c.call()).append("));\n");
        }
        sb.append(TAIL).append(solution);
        return sb.toString();
    }

    static List<String> command() {
        List<String> argv = new ArrayList<>(List.of(Toolchain.java(), "-Xmx64m", "-Xss1m", "-XX:MaxMetaspaceSize=96m",
                "-XX:MaxDirectMemorySize=16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Xshare:auto", "-Djava.io.tmpdir=.", "-Duser.home=.", "-Dfile.encoding=UTF-8"));
        int feature = Runtime.version().feature();
        if (feature >= 18 && feature < 24) {
            argv.add("-Djava.security.manager=allow");
        }
        argv.add(FILE);
        return argv;
    }

    private static final String HEAD = """
            @SuppressWarnings({"removal", "deprecation"})
            public class LlmBenchHarness {
                interface Case { String run() throws Throwable; }

                public static void main(String[] args) throws Exception {
                    java.io.PrintStream out = System.out;
                    String nonce = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
                    LlmBenchGuard.install();
            """;

    private static final String TAIL = """
                    out.println(nonce + " DONE");
                    out.flush();
                    Runtime.getRuntime().halt(0);
                }

                static String same(Object expected, Object actual) {
                    return expected.equals(actual) ? null : "expected " + expected + ", got " + actual;
                }

                private static boolean stopped;

                static void run(java.io.PrintStream out, String nonce, int n, Case c) throws InterruptedException {
                    if (stopped) {
                        out.println(nonce + " FAIL " + n + " not run: an earlier test timed out");
                        return;
                    }
                    String[] failure = {"timed out after {CASE_TIMEOUT} ms"};
                    Thread t = new Thread(() -> {
                        try {
                            failure[0] = c.run();
                        } catch (Throwable e) {
                            failure[0] = "threw " + e;
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                    t.join({CASE_TIMEOUT});
                    stopped = t.isAlive();
                    String f = stopped ? "timed out after {CASE_TIMEOUT} ms" : failure[0];
                    out.println(nonce + (f == null ? " PASS " + n : " FAIL " + n + " " + f.replace('\\n', ' ').replace('\\r', ' ')));
                    out.flush();
                }
            }

            @SuppressWarnings({"removal", "deprecation"})
            class LlmBenchGuard extends SecurityManager {
                private final java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath().normalize();
                private final Thread harness = Thread.currentThread();

                static void install() {
                    try {
                        System.setSecurityManager(new LlmBenchGuard());
                    } catch (UnsupportedOperationException | SecurityException e) {
                        // JDK 24+ has no SecurityManager: the process limits alone contain the code.
                    }
                }

                @Override
                public void checkPermission(java.security.Permission p) {
                    String name = p.getName();
                    if (p instanceof RuntimePermission && name.startsWith("exitVM") && Thread.currentThread() == harness) {
                        return; // the harness halts when done; model code never runs on its thread
                    }
                    if (p instanceof RuntimePermission && (name.startsWith("exitVM") || name.equals("setSecurityManager")
                            || name.equals("setIO"))) {
                        throw new SecurityException("sandbox: " + name + " is not allowed");
                    }
                    if (p instanceof java.nio.file.LinkPermission) {
                        throw new SecurityException("sandbox: links are not allowed");
                    }
                    if (p instanceof java.io.FilePermission) {
                        String actions = p.getActions();
                        if (actions.contains("execute")) {
                            throw new SecurityException("sandbox: starting processes is not allowed");
                        }
                        if ((actions.contains("write") || actions.contains("delete")) && !inside(name)) {
                            throw new SecurityException("sandbox: writing outside the sandbox directory is not allowed: " + name);
                        }
                    }
                }

                @Override
                public void checkPermission(java.security.Permission p, Object context) {
                    checkPermission(p);
                }

                private boolean inside(String name) {
                    try {
                        return root.resolve(name).toAbsolutePath().normalize().startsWith(root);
                    } catch (RuntimeException e) {
                        return false;
                    }
                }
            }

            """.replace("{CASE_TIMEOUT}", Long.toString(CASE_TIMEOUT_MS));
}
