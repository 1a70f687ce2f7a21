package org.llmbench.tasks;

/**
 * The source of {@code llmbench.Runner}, the program that runs a Java answer's calls in the sandbox (see
 * {@link JavaHarness}): it installs the guard, loads the model's classes with a loader of their own, runs each call on
 * its own thread with a time limit and prints one JSON line per call. {@link JavaRunnerJar} compiles it in the harness.
 */
final class JavaRunnerSource {

    static final String TEXT = """
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
            """.replace("{CASE_TIMEOUT}", Long.toString(JavaHarness.CASE_TIMEOUT_MS));

    private JavaRunnerSource() {
    }
}
