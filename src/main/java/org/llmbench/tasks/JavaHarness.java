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
        files.put(RUNNER_JAR_TEXT, CompiledRunner.JAR_BASE64);
        return files;
    }

    /**
     * The runner, compiled once per harness process by the JDK's own compiler (the child runs the same JDK) and
     * packed as a jar, in base64 because the sandbox writes text files. The model's code is never compiled with it,
     * so nothing it declares can change what the runner's names mean, and javac in the child compiles two small
     * files instead of three.
     */
    private static final class CompiledRunner {
        static final String JAR_BASE64 = compile();

        private static String compile() {
            javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new IllegalStateException("Java answers need a JDK: this runtime has no Java compiler");
            }
            java.nio.file.Path dir = null;
            try {
                dir = java.nio.file.Files.createTempDirectory("llm-bench-runner-");
                java.nio.file.Path source = dir.resolve("src").resolve(RUNNER);
                java.nio.file.Files.createDirectories(source.getParent());
                java.nio.file.Files.writeString(source, RUNNER_SOURCE);
                java.nio.file.Path out = dir.resolve("out");
                java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
                int rc = javac.run(null, messages, messages, "-proc:none", "-nowarn", "-encoding", "UTF-8", "-d", out.toString(),
                        source.toString());
                if (rc != 0) {
                    throw new IllegalStateException("the Java runner does not compile: " + messages);
                }
                java.io.ByteArrayOutputStream jar = new java.io.ByteArrayOutputStream();
                try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(jar);
                     var classes = java.nio.file.Files.walk(out)) {
                    for (java.nio.file.Path f : classes.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                        zip.putNextEntry(new java.util.zip.ZipEntry(out.relativize(f).toString().replace('\\', '/')));
                        zip.write(java.nio.file.Files.readAllBytes(f));
                        zip.closeEntry();
                    }
                }
                return java.util.Base64.getMimeEncoder(76, new byte[]{'\n'}).encodeToString(jar.toByteArray()) + "\n";
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot compile the Java runner", e);
            } finally {
                if (dir != null) {
                    TempDirs.delete(dir);
                }
            }
        }
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

    private static final String RUNNER_SOURCE = """
            package llmbench;

            /**
             * Installs the guard, then runs the calls of LlmBenchCases, each on its own thread, and prints what each
             * came to as one JSON line. Nothing of the model's is loaded before the guard is in place.
             */
            @SuppressWarnings({"removal", "deprecation"})
            public final class Runner {
                private static final int MAX_LITERAL = 3000;

                private Runner() {
                }

                public static void main(String[] args) throws Exception {
                    java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
                    System.setOut(System.err); // what the model's code prints goes to stderr, never into the report
                    // One token per call, read before any model code runs: a line counts only with its call's token,
                    // so a line the model's code writes itself (on JDK 24+ nothing stops it) stands for no call.
                    String given = new java.io.BufferedReader(new java.io.InputStreamReader(
                            new java.io.FileInputStream(java.io.FileDescriptor.in), "UTF-8")).readLine();
                    String[] tokens = given == null ? new String[0] : given.split(" ");
                    out.println("{\\"started\\":true}"); // from here on an exit code is the model's to choose
                    out.flush();
                    int count = Integer.parseInt(args[0]);
                    // The model's classes get a loader of their own: the class path's loader would give them exitVM
                    // and a view of the runner; this one sees the JDK alone and gives nothing but reading classes/.
                    ClassLoader model = new java.net.URLClassLoader(new java.net.URL[]{java.nio.file.Path.of("classes")
                            .toAbsolutePath().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                    // Every class of the runner's is loaded now, while harness.jar holds what the harness wrote: the
                    // model's code may write in its directory, and a class loaded after it ran could be its own.
                    Plain.literal(java.util.List.of(new int[]{1}, 'c', "s", 1L, 1.0, 1.0f, java.util.Set.of(), java.util.Map.of()));
                    Guard.install();
                    Class<?> cases = Class.forName("LlmBenchCases", false, model);
                    boolean stopped = false;
                    for (int n = 1; n <= count; n++) {
                        if (stopped) {
                            out.println("{\\"case\\":" + n + ",\\"token\\":\\"" + (n <= tokens.length ? tokens[n - 1] : "") + "\\",\\"skipped\\":true}");
                            continue;
                        }
                        String[] answer = new String[1];
                        java.lang.reflect.Method call = cases.getMethod("c" + n);
                        Thread t = new Thread(() -> answer[0] = run(call));
                        t.setContextClassLoader(model); // the model's code finds its own classes, never through the runner's loader
                        t.setDaemon(true);
                        t.start();
                        t.join({CASE_TIMEOUT});
                        String line = answer[0];
                        if (t.isAlive() || line == null) {
                            stopped = t.isAlive();
                            line = t.isAlive() ? "\\"timeout\\":true" : "\\"threw\\":\\"java.lang.Error\\"";
                        }
                        out.println("{\\"case\\":" + n + ",\\"token\\":\\"" + (n <= tokens.length ? tokens[n - 1] : "") + "\\"," + line + "}");
                        out.flush();
                    }
                    out.println("{\\"done\\":true}");
                    out.flush();
                    Runtime.getRuntime().halt(0);
                }

                /** One call, on the call's thread (under the guard and the time limit): its answer's JSON fields. */
                private static String run(java.lang.reflect.Method call) {
                    try {
                        String literal = Plain.literal(call.invoke(null));
                        if (literal == null) {
                            return "\\"not_plain\\":true";
                        }
                        return literal.length() > MAX_LITERAL ? "\\"too_large\\":true" : "\\"returned\\":" + Plain.json(literal);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        return "\\"threw\\":" + Plain.json(e.getCause() == null ? "java.lang.Error" : e.getCause().getClass().getName());
                    } catch (Throwable e) {
                        return "\\"threw\\":" + Plain.json(e.getClass().getName());
                    }
                }

                /** Canonical literals of plain data; only JDK classes' values are read, so no model method runs here but a JDK collection's own. */
                private static final class Plain {
                    static String literal(Object v) {
                        StringBuilder sb = new StringBuilder();
                        return append(sb, v) ? sb.toString() : null;
                    }

                    private static boolean append(StringBuilder sb, Object v) {
                        if (sb.length() > MAX_LITERAL) {
                            return true; // reported as too large by the caller
                        }
                        if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                            sb.append(v);
                        } else if (v instanceof Long) {
                            sb.append(v).append('L');
                        } else if (v instanceof Double d) {
                            sb.append(d.isNaN() || d.isInfinite() ? "Double." + (d.isNaN() ? "NaN" : d > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY") : d.toString());
                        } else if (v instanceof Float f) {
                            sb.append(f).append('f');
                        } else if (v instanceof Character c) {
                            sb.append('\\'');
                            escape(sb, c, '\\'');
                            sb.append('\\'');
                        } else if (v instanceof String s) {
                            sb.append('"');
                            for (int i = 0; i < s.length() && sb.length() <= MAX_LITERAL; i++) {
                                escape(sb, s.charAt(i), '"');
                            }
                            sb.append('"');
                        } else if (v.getClass().isArray()) {
                            return array(sb, v);
                        } else if (v.getClass().getClassLoader() != null) {
                            return false; // a class of the model's: never asked to describe itself
                        } else if (v instanceof java.util.List<?> list) {
                            return sequence(sb.append("List.of("), new java.util.ArrayList<>(list), ")");
                        } else if (v instanceof java.util.Set<?> set) {
                            return sorted(sb.append("Set.of("), set, ")");
                        } else if (v instanceof java.util.Map<?, ?> map) {
                            java.util.List<String> entries = new java.util.ArrayList<>();
                            for (java.util.Map.Entry<?, ?> e : new java.util.ArrayList<>(map.entrySet())) {
                                StringBuilder entry = new StringBuilder();
                                if (!append(entry, e.getKey()) || !append(entry.append(", "), e.getValue())) {
                                    return false;
                                }
                                entries.add(entry.toString());
                            }
                            java.util.Collections.sort(entries);
                            sb.append("Map.of(").append(String.join(", ", entries)).append(')');
                        } else {
                            return false;
                        }
                        return true;
                    }

                    private static boolean array(StringBuilder sb, Object v) {
                        Class<?> component = v.getClass();
                        int depth = 0;
                        while (component.isArray()) {
                            component = component.getComponentType();
                            depth++;
                        }
                        if (component.getClassLoader() != null) {
                            return false;
                        }
                        String name = component.getName().startsWith("java.lang.") ? component.getSimpleName() : component.getName();
                        sb.append("new ").append(name);
                        sb.append("[]".repeat(depth)).append('{');
                        int length = java.lang.reflect.Array.getLength(v);
                        java.util.List<Object> items = new java.util.ArrayList<>();
                        for (int i = 0; i < length; i++) {
                            items.add(java.lang.reflect.Array.get(v, i));
                        }
                        return sequence(sb, items, "}");
                    }

                    private static boolean sequence(StringBuilder sb, java.util.List<?> items, String close) {
                        for (int i = 0; i < items.size(); i++) {
                            Object item = items.get(i);
                            if (!append(i == 0 ? sb : sb.append(", "), item)) {
                                return false;
                            }
                        }
                        sb.append(close);
                        return true;
                    }

                    private static boolean sorted(StringBuilder sb, java.util.Collection<?> items, String close) {
                        java.util.List<String> each = new java.util.ArrayList<>();
                        for (Object item : new java.util.ArrayList<>(items)) {
                            StringBuilder one = new StringBuilder();
                            if (!append(one, item)) {
                                return false;
                            }
                            each.add(one.toString());
                        }
                        java.util.Collections.sort(each);
                        sb.append(String.join(", ", each)).append(close);
                        return true;
                    }

                    /** As the harness writes its expected literals: only the quote and the backslash escaped. */
                    private static void escape(StringBuilder sb, char c, char quote) {
                        if (c == quote || c == '\\\\') {
                            sb.append('\\\\');
                        }
                        sb.append(c);
                    }

                    /** A JSON string of ASCII characters only. */
                    static String json(String s) {
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
                }

                /**
                 * The guard: a policy under the JDK's own SecurityManager. The JDK's classes and the runner's own
                 * (code source harness.jar) may do anything, so the JDK's lambdas, formatting, class loading and
                 * threads work as they do anywhere, each privileged step of theirs ending the stack walk as usual; a
                 * stack with the model's code (every other code source) on it gets an allow-list: reading its
                 * directory and the JDK, writing its directory but harness.jar (what the class path's loader reads is
                 * trusted), reading system properties, harmless runtime permissions, proxies, logging. So it is refused
                 * exiting, processes, native code, any network, links, class loaders, reflection past access checks,
                 * the security settings, writing system properties, replacing this guard or the standard streams.
                 */
                private static final class Guard extends java.security.Policy {
                    /**
                     * The runtime permissions the model's code is given, all harmless to the run; anything not named
                     * here or below (attaching to a JVM, flight recording, sockets, links, security settings ...) is
                     * refused, so a permission class the guard does not know is no way out.
                     */
                    private static final java.util.Set<String> RUNTIME = java.util.Set.of("accessDeclaredMembers",
                            "getStackTrace", "modifyThread", "modifyThreadGroup", "stopThread", "getClassLoader",
                            "setContextClassLoader", "getProtectionDomain", "setDefaultUncaughtExceptionHandler", "shutdownHooks",
                            "localeServiceProvider", "charsetProvider", "getFileSystemAttributes", "reflectionFactoryAccess");
                    private final java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath().normalize();
                    private final java.nio.file.Path jdk = java.nio.file.Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
                    private final String harness = Runner.class.getProtectionDomain().getCodeSource().getLocation().toExternalForm();
                    /** The runner's class path entry: whatever the class path's loader reads gets every permission. */
                    private final java.nio.file.Path runner = root.resolve("harness.jar");

                    static void install() {
                        if (Runtime.version().feature() >= 24) {
                            return; // JDK 24+ has no SecurityManager: the process layers alone contain the code.
                        }
                        java.security.Policy.setPolicy(new Guard());
                        System.setSecurityManager(new SecurityManager());
                    }

                    @Override
                    public boolean implies(java.security.ProtectionDomain domain, java.security.Permission p) {
                        java.security.CodeSource source = domain.getCodeSource();
                        String location = source == null || source.getLocation() == null ? "" : source.getLocation().toExternalForm();
                        if (location.startsWith("jrt:") || location.equals(harness)) {
                            return true;
                        }
                        return allowed(p);
                    }

                    private boolean allowed(java.security.Permission p) {
                        String name = p.getName();
                        if (p instanceof java.lang.reflect.ReflectPermission) {
                            return name.startsWith("newProxyInPackage.");
                        }
                        if (p instanceof java.util.PropertyPermission) {
                            return p.getActions().equals("read");
                        }
                        if (p instanceof RuntimePermission) {
                            return RUNTIME.contains(name) || name.startsWith("getenv.");
                        }
                        if (p instanceof java.util.logging.LoggingPermission) {
                            return true;
                        }
                        if (p instanceof java.io.FilePermission) {
                            String actions = p.getActions();
                            if (actions.contains("execute") || actions.contains("readlink")) {
                                return false;
                            }
                            java.nio.file.Path path = resolve(name);
                            boolean inside = path != null && path.startsWith(root);
                            if ((actions.contains("write") || actions.contains("delete")) && (!inside || path.startsWith(runner))) {
                                return false;
                            }
                            return !actions.contains("read") || inside || (path != null && path.startsWith(jdk));
                        }
                        return false;
                    }

                    private java.nio.file.Path resolve(String name) {
                        try {
                            return root.resolve(name).normalize();
                        } catch (RuntimeException e) {
                            return null;
                        }
                    }
                }
            }
            """.replace("{CASE_TIMEOUT}", Long.toString(CASE_TIMEOUT_MS));
}
