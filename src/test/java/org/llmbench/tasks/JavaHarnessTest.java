package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java harness: idiomatic correct code scores what it earns (lambdas, streams, method references, records,
 * {@code String.format}, threads, checked exceptions, collections as return values); no name the model declares
 * changes what the harness's code means; the guard is in place before any of the model's code runs; each call
 * answers with a plain value or only its kind.
 */
class JavaHarnessTest {

    private static final CodeRunner RUNNER = new CodeRunner(new Sandbox(new Sandbox.Limits(Duration.ofSeconds(15), 64 * 1024, 1024)));
    private static final Path ESCAPE = Path.of(System.getProperty("java.io.tmpdir"), "llm-bench-escape-" + UUID.randomUUID());

    private static List<TestCase> cases(String... callAndExpected) {
        List<TestCase> cases = new java.util.ArrayList<>();
        for (int i = 0; i < callAndExpected.length; i += 2) {
            cases.add(new TestCase(callAndExpected[i], callAndExpected[i + 1], callAndExpected[i]));
        }
        return cases;
    }

    private static final List<TestCase> SUM = cases("Solution.sumMultiples(new int[]{3, 4, 6}, 3)", "9",
            "Solution.sumMultiples(new int[]{5}, 5)", "5", "Solution.sumMultiples(new int[]{}, 2)", "0");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "return java.util.stream.IntStream.of(xs).filter(x -> x % k == 0).sum();",
        "return java.util.Arrays.stream(xs).boxed().filter(x -> x % k == 0).mapToInt(Integer::intValue).sum();",
        "record Pick(int x) { boolean ok(int k) { return x % k == 0; } } int t = 0; for (int x : xs) { if (new Pick(x).ok(k)) t += x; } return t;",
        "int t = 0; for (int x : xs) { if (x % k == 0) t += x; } return Integer.parseInt(String.format(\"%d\", t));",
        "class Adder extends Thread { int t; public void run() { for (int x : xs) { if (x % k == 0) t += x; } } }"
                + " Adder a = new Adder(); a.start(); try { a.join(); } catch (InterruptedException e) { throw new IllegalStateException(e); } return a.t;",
        "java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(); try {"
                + " return pool.submit(() -> java.util.stream.IntStream.of(xs).filter(x -> x % k == 0).sum()).get(); } catch (Exception e) {"
                + " throw new IllegalStateException(e); } finally { pool.shutdown(); }",
        "java.util.function.IntPredicate p = x -> x % k == 0; return java.util.stream.IntStream.of(xs).filter(p).reduce(0, Integer::sum);",
        "java.util.List<Integer> l = new java.util.ArrayList<>(); for (int x : xs) l.add(x); l.sort(java.util.Comparator.naturalOrder());"
                + " return l.stream().filter(x -> x % k == 0).collect(java.util.stream.Collectors.summingInt(x -> x));"})
    void idiomaticCorrectCodeScoresAllItsTests(String body) {
        String code = "class Solution {\n    static int sumMultiples(int[] xs, int k) {\n" + body + "\n    }\n}\n";
        CodeRunner.Outcome outcome = RUNNER.run(CodeRunner.Language.JAVA, code, SUM);
        assertThat(outcome.failures()).as(outcome.diagnostic() + "\n" + outcome.result().stderr()).containsOnlyNulls();
    }

    @Test
    void aMethodDeclaringCheckedExceptionsAndPlainCollectionsAsValuesPass() {
        String code = """
                import java.util.*;
                import java.util.stream.*;

                class Solution {
                    static int parse(String s) throws Exception {
                        return Integer.parseInt(s.strip());
                    }

                    static List<Integer> sorted(int[] xs) {
                        return Arrays.stream(xs).sorted().boxed().collect(Collectors.toList());
                    }

                    static Map<String, Integer> counts(String s) {
                        return s.chars().mapToObj(c -> String.valueOf((char) c))
                                .collect(Collectors.toMap(c -> c, c -> 1, Integer::sum, TreeMap::new));
                    }

                    static Set<Integer> distinct(int[] xs) {
                        return Arrays.stream(xs).boxed().collect(Collectors.toSet());
                    }

                    static String[] words(String s) {
                        return s.split(" ");
                    }

                    static long big() {
                        return 1L << 40;
                    }

                    static double half(int x) {
                        return x / 2.0;
                    }

                    static char first(String s) {
                        return s.charAt(0);
                    }

                    static String nothing() {
                        return null;
                    }
                }
                """;
        List<TestCase> cases = cases("Solution.parse(\" 42 \")", "42", "Solution.sorted(new int[]{3, 1, 2})", "List.of(1, 2, 3)",
                "Solution.counts(\"abca\")", "Map.of(\"a\", 2, \"b\", 1, \"c\", 1)", "Solution.distinct(new int[]{2, 1, 2})", "Set.of(1, 2)",
                "Solution.words(\"a \\\"b\\\" é\")", "new String[]{\"a\", \"\\\"b\\\"\", \"é\"}", "Solution.big()", "1099511627776L",
                "Solution.half(3)", "1.5", "Solution.first(\"x\")", "'x'", "Solution.nothing()", "null");
        CodeRunner.Outcome outcome = RUNNER.run(CodeRunner.Language.JAVA, code, cases);
        assertThat(outcome.failures()).as(outcome.diagnostic() + "\n" + outcome.result().stderr()).containsOnlyNulls();
    }

    @Test
    void anythingButPlainDataIsAFailedCallAndNoReasonCarriesAValue() {
        String code = """
                class Solution {
                    record Point(int x) {
                        @Override
                        public String toString() {
                            return "29547";
                        }
                    }

                    static Object mine() {
                        return new Point(29547);
                    }

                    static Object wrapped() {
                        return java.util.List.of(new Point(1));
                    }

                    static int wrong() {
                        return 29547;
                    }

                    static int thrown() {
                        throw new IllegalStateException("29547");
                    }

                    static int own() {
                        class Secret29547 extends RuntimeException {
                        }
                        throw new Secret29547();
                    }

                    static int loops() {
                        while (true) {
                        }
                    }
                }
                """;
        List<TestCase> cases = cases("Solution.mine()", "1", "Solution.wrapped()", "1", "Solution.wrong()", "1",
                "Solution.thrown()", "1", "Solution.own()", "1", "Solution.loops()", "1");
        CodeRunner.Outcome outcome = RUNNER.run(CodeRunner.Language.JAVA, code, cases);
        assertThat(outcome.failures()).containsExactly("returned something that is not plain data",
                "returned something that is not plain data", "wrong value", "threw java.lang.IllegalStateException",
                "threw an exception", "timed out after 2000 ms");
        assertThat(String.join(" ", outcome.failures())).doesNotContain("29547", "Secret");
    }

    /**
     * Top-level types named like the JDK's classes and the harness's names, each with a static initializer that
     * writes outside its directory: none is loaded by the harness's code, so none runs, and the solution scores
     * all its tests as it would without them.
     */
    @Test
    void noNameTheModelDeclaresStandsInForOneOfTheHarnesss() {
        StringBuilder code = new StringBuilder();
        for (String name : List.of("Object", "Throwable", "Math", "Integer", "List", "Map", "Thread", "Runnable", "Class",
                "ClassLoader", "SecurityManager", "Runtime", "llmbench", "Runner", "Guard", "Plain", "T", "U", "box", "c1",
                "IntFunction", "Override", "SuppressWarnings", "Exception", "RuntimeException", "Error")) {
            code.append("class ").append(name).append(" {\n    static {\n        try {\n            java.nio.file.Files.writeString("
                    + "java.nio.file.Path.of(\"").append(ESCAPE).append("\"), \"").append(name).append("\");\n        } catch (java.lang.Throwable e) {\n"
                    + "        }\n    }\n}\n\n");
        }
        code.append("class Solution {\n    static int sumMultiples(int[] xs, int k) {\n        int t = 0;\n"
                + "        for (int x : xs) {\n            if (x % k == 0) {\n                t += x;\n            }\n        }\n        return t;\n    }\n}\n");
        CodeRunner.Outcome outcome = RUNNER.run(CodeRunner.Language.JAVA, code.toString(), SUM);
        assertThat(outcome.failures()).as(outcome.diagnostic() + "\n" + outcome.result().stderr()).containsOnlyNulls();
        assertThat(ESCAPE).doesNotExist();
    }

    @Test
    void aTypeNamedJavaOrAPackageIsRefusedBeforeAnyOfItRuns() {
        String java = "class java {\n    static class lang {\n        static class Throwable extends RuntimeException {\n        }\n    }\n}\n"
                + "class Solution {\n    static int sumMultiples(int[] xs, int k) {\n        return 9;\n    }\n}\n";
        CodeRunner.Outcome outcome = RUNNER.run(CodeRunner.Language.JAVA, java, SUM);
        assertThat(outcome.passed()).isZero();
        assertThat(outcome.diagnostic()).startsWith("refused: the code declares a package or a type named java");
        for (String pkg : List.of("package llmbench /* the runner's */;", "package /* a */ org.example;",
                "package llmbench /**/;\nfinal class Runner$Plain {\n}")) {
            String code = pkg + "\nclass Solution {\n    static int sumMultiples(int[] xs, int k) {\n        return 9;\n    }\n}\n"
                    + "class Extra {\n}\n";
            assertThat(RUNNER.run(CodeRunner.Language.JAVA, code, SUM).passed()).as(pkg).isZero();
        }
        String lonePackage = "package com.example;\n\nclass Solution {\n    static int sumMultiples(int[] xs, int k) {\n"
                + "        return java.util.stream.IntStream.of(xs).filter(x -> x % k == 0).sum();\n    }\n}\n";
        assertThat(RUNNER.run(CodeRunner.Language.JAVA, lonePackage, SUM).passed()).as("a lone package line is blanked").isEqualTo(3);
    }

    /**
     * Where nothing keeps the model's code out of harness.jar (JDK 24+ has no guard), it may overwrite it in place:
     * nothing of the runner is loaded after the model's code ran.
     */
    @Test
    void theRunnerLoadsNothingOfItsOwnOnceTheModelsCodeHasRun() {
        String code = """
                class Solution {
                    static {
                        try (java.io.RandomAccessFile jar = new java.io.RandomAccessFile("harness.jar", "rw")) {
                            jar.write(new byte[(int) jar.length()]);
                        } catch (Exception e) {
                            // refused where the guard keeps harness.jar (JDK 17-23); the runner must not need it anyway
                        }
                    }

                    static int sumMultiples(int[] xs, int k) {
                        return java.util.stream.IntStream.of(xs).filter(x -> x % k == 0).sum();
                    }
                }
                """;
        CodeRunner.Outcome outcome = RUNNER.run(CodeRunner.Language.JAVA, code, SUM);
        assertThat(outcome.failures()).as(outcome.diagnostic() + "\n" + outcome.result().stderr()).containsOnlyNulls();
    }

    /**
     * What the class path's loader reads gets every permission, so the guard keeps the model's code off harness.jar:
     * a class or a service file planted there (found later through a loader's lookup) would run with the runner's
     * rights. Its own directory stays writable, and the context class loader of a call is the model's own.
     */
    @Test
    void theModelsCodeCannotPlantAnythingWhereTheRunnersLoaderLooks() {
        String code = """
                class Solution {
                    static boolean planted(String path) {
                        try {
                            java.nio.file.Path at = java.nio.file.Path.of(path).toAbsolutePath();
                            java.nio.file.Files.createDirectories(at.getParent());
                            java.nio.file.Files.writeString(at, "Evil");
                            return true;
                        } catch (Exception e) {
                            return false;
                        }
                    }

                    static boolean ownLoader() throws Exception {
                        return Thread.currentThread().getContextClassLoader().loadClass("Solution") == Solution.class;
                    }
                }
                """;
        CodeRunner.Outcome outcome = RUNNER.run(CodeRunner.Language.JAVA, code, cases(
                "Solution.planted(\"harness.jar\")", JavaHarness.hasGuard() ? "false" : "true",
                "Solution.planted(\"./harness.jar\")", JavaHarness.hasGuard() ? "false" : "true",
                "Solution.planted(\"classes/own.txt\")", "true", "Solution.ownLoader()", "true"));
        assertThat(outcome.failures()).as(outcome.diagnostic() + "\n" + outcome.result().stderr()).containsOnlyNulls();
    }

    /** An exit code is the model's to choose once the runner started: a forged "does not compile" carries nothing. */
    @Test
    void aForgedCompileFailureOrExitCodeCarriesNothingIntoTheDiagnostic() {
        for (int code : List.of(JavaHarness.COMPILE_FAILED, JavaHarness.PACKAGE_DECLARED, 101)) {
            String source = """
                    class Solution {
                        static {
                            System.err.println("Solution.java:1: error: SECRET29547");
                            Runtime.getRuntime().halt(CODE);
                        }

                        static int sumMultiples(int[] xs, int k) {
                            return 0;
                        }
                    }
                    """.replace("CODE", Integer.toString(code));
            CodeRunner.Outcome outcome = RUNNER.run(CodeRunner.Language.JAVA, source, SUM);
            assertThat(outcome.passed()).isZero();
            assertThat(String.valueOf(outcome.diagnostic()) + outcome.failures()).as("exit " + code)
                    .doesNotContain("SECRET", "29547", "does not compile", "refused", Integer.toString(code));
        }
    }

    @Test
    void theGuardIsInPlaceBeforeTheModelsFirstLine() {
        String code = """
                class Solution {
                    static final boolean GUARDED = System.getSecurityManager() != null;

                    static boolean guarded() {
                        return GUARDED;
                    }
                }
                """;
        CodeRunner.Outcome outcome = RUNNER.run(CodeRunner.Language.JAVA, code, cases("Solution.guarded()", "true"));
        assertThat(outcome.passed()).as(outcome.result().stderr()).isEqualTo(JavaHarness.hasGuard() ? 1 : 0);
    }

    @Test
    void theGeneratedCallsNameNothingTheModelCouldDeclare() {
        String cases = JavaHarness.cases(SUM);
        String withoutCalls = cases;
        for (TestCase c : SUM) {
            withoutCalls = withoutCalls.replace(c.call(), "");
        }
        assertThat(withoutCalls.replaceAll("java\\.lang\\.Throwable", "").split("[^A-Za-z0-9_$.]+"))
                .allSatisfy(word -> assertThat(word).matches("|public|final|class|LlmBenchCases|static|T|U|c\\d+|throws|return|box|private|value"));
        assertThat(cases).doesNotContain("9", "import");
    }
}
