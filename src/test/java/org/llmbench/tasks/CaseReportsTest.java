package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The judge trusts no line of the child's: a claim counts only when it equals the expected value, a case reported
 * twice fails, and what a reason shows of a claim is its verdict or a well-known exception name, never a value.
 */
class CaseReportsTest {

    private static final List<TestCase> CASES = List.of(new TestCase("f(1)", "9", "f(1) should return 9"),
            new TestCase("f(2)", "true", "f(2) should return true"), new TestCase("f(3)", "\"ab\"", "f(3) should return \"ab\""));

    @Test
    void aClaimCountsOnlyWhenItIsTheExpectedValue() {
        CaseReports.Report r = CaseReports.judge("""
                {"case":1,"returned":"9"}
                {"case":2,"returned":"false"}
                {"case":3,"returned":"\\"ab\\""}
                {"done":true}
                """, CASES);
        assertThat(r.failures()).containsExactly(null, "wrong value", null);
        assertThat(r.done()).isTrue();
    }

    @Test
    void withTokensALineCountsOnlyWithItsCallsToken() {
        List<String> tokens = JavaHarness.tokens(3);
        assertThat(tokens).doesNotHaveDuplicates().allMatch(t -> t.matches("[0-9a-f]{24}"));
        CaseReports.Report r = CaseReports.judge("""
                {"case":1,"returned":"9"}
                {"case":2,"token":"TWO","returned":"true"}
                {"case":3,"token":"ONE","returned":"\\"ab\\""}
                {"case":1,"token":"forged","returned":"9"}
                """.replace("ONE", tokens.get(0)).replace("TWO", tokens.get(1)), CASES, tokens);
        // A line without a token, with another call's token or a made-up one stands for no call.
        assertThat(r.failures()).containsExactly("no result: the program stopped before this test", null,
                "no result: the program stopped before this test");
    }

    @Test
    void aCaseReportedTwiceFailsWhicheverLineWasRight() {
        CaseReports.Report r = CaseReports.judge("""
                {"case":1,"returned":"9"}
                {"case":1,"returned":"9"}
                {"case":2,"returned":"true"}
                {"case":2,"returned":"false"}
                """, CASES);
        assertThat(r.failures()).containsExactly("reported more than once", "reported more than once",
                "no result: the program stopped before this test");
        assertThat(r.done()).isFalse();
    }

    @Test
    void reasonsCarryNoTextTheCodeCouldHaveRead() {
        String secret = "root:x:0:0:root:/root:/bin/bash";
        CaseReports.Report r = CaseReports.judge("""
                {"case":1,"returned":"\\"SECRET\\""}
                {"case":2,"threw":"java.lang.RuntimeException: SECRET"}
                {"case":3,"returned":"<SECRET>"}
                {"load_error":"SECRET"}
                SECRET
                """.replace("SECRET", secret), CASES);
        assertThat(String.join(" ", r.failures()) + r.loadError()).doesNotContain("root:x", "/bin/bash");
        assertThat(r.failures()).containsExactly("wrong value", "threw an exception", "wrong value");
        CaseReports.Report small = CaseReports.judge("""
                {"case":1,"returned":"29547"}
                {"case":2,"not_plain":true}
                {"case":3,"too_large":true}
                """, CASES);
        assertThat(small.failures()).as("not even a small number of what the code computed")
                .containsExactly("wrong value", "returned something that is not plain data", "returned a value too large to compare");
        assertThat(PythonTests.reason("raised ValueError")).isEqualTo("raised ValueError");
        assertThat(PythonTests.reason("raised " + secret)).isEqualTo("raised an exception");
        assertThat(PythonTests.reason(secret)).isEqualTo("failed");
        assertThat(CaseReports.exception("java.lang.ArithmeticException")).isEqualTo("java.lang.ArithmeticException");
        assertThat(CaseReports.exception("ZeroDivisionError")).isEqualTo("ZeroDivisionError");
    }

    @Test
    void noExpectedValueEntersTheChild() {
        String expected = "7654321";
        List<TestCase> javaCases = List.of(new TestCase("Solution.f(1)", expected, "f(1) should return " + expected));
        assertThat(JavaHarness.files("class Solution { static int f(int x) { return x; } }", javaCases).values())
                .noneMatch(source -> source.contains(expected));
        assertThat(JavaHarness.command(1)).noneMatch(arg -> arg.contains(expected));
        assertThat(PythonHarness.files("def f(x):\n    return x\n").values()).noneMatch(source -> source.contains(expected));
        assertThat(PythonHarness.command(new Toolchain.Python("python3", java.nio.file.Path.of("/usr")), "f").argv())
                .noneMatch(arg -> arg.contains(expected));
        CaseReports.Report r = CaseReports.judge("{\"case\":1,\"returned\":\"" + expected + "\"}", javaCases);
        assertThat(r.failures()).containsExactly((String) null);
    }

    @Test
    void aCompileErrorShowsOnlyJavacsMessageInAPlainCharacterSet() {
        assertThat(CodeRunner.compileError("Solution.java:3: error: ';' expected\n    int x = 1\n")).isEqualTo("';' expected");
        assertThat(CodeRunner.compileError("x\nSolution.java:1: error: " + "A".repeat(100) + "\"$\n"))
                .hasSize(60).doesNotContain("\"", "$");
        assertThat(CodeRunner.compileError("nothing of javac's")).isEqualTo("see javac's output");
    }
}
