package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntaxCheckerTest {

    private final SyntaxChecker checker = new SyntaxChecker(true);

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    @Test
    void bashParsesGoodCodeAndRejectsBrokenCodeWithoutRunningIt() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        Path marker = Files.createTempFile("never-deleted", ".txt");
        assertThat(checker.check(SyntaxChecker.Language.BASH, "rm -f " + marker + "\necho ok").status())
                .isEqualTo(Check.Status.PASSED);
        assertThat(marker).exists();
        Check broken = checker.check(SyntaxChecker.Language.BASH, "if true; then\n echo x\n");
        assertThat(broken.status()).isEqualTo(Check.Status.FAILED);
        assertThat(broken.reason()).startsWith("does not parse");
        Files.delete(marker);
    }

    @Test
    void pythonCompilesGoodCodeAndRejectsBrokenCode() {
        assumeTrue(onPath("python3"), "python3 is not installed");
        assertThat(checker.check(SyntaxChecker.Language.PYTHON, "def f(x):\n    return x * 2\n").status())
                .isEqualTo(Check.Status.PASSED);
        Check broken = checker.check(SyntaxChecker.Language.PYTHON, "def f(x)\n    return x\n");
        assertThat(broken.status()).isEqualTo(Check.Status.FAILED);
        assertThat(broken.reason()).contains("SyntaxError");
    }

    @Test
    void pythonCodeIsOnlyCompiledNeverRun() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed");
        Path marker = Files.createTempFile("never-deleted", ".txt");
        String hostile = "import os\nos.remove(" + pyString(marker) + ")\n__import__('os').remove(" + pyString(marker) + ")\n"
                + "raise SystemExit(3)\n";
        assertThat(checker.check(SyntaxChecker.Language.PYTHON, hostile).status()).isEqualTo(Check.Status.PASSED);
        // Text that tries to break the framing: a fake length line, a NUL byte, an unpaired surrogate.
        assertThat(checker.check(SyntaxChecker.Language.PYTHON, "12\nok\nx = 1\n").status()).isEqualTo(Check.Status.PASSED);
        assertThat(checker.check(SyntaxChecker.Language.PYTHON, "x = 1\0\n").reason()).startsWith("does not parse");
        assertThat(checker.check(SyntaxChecker.Language.PYTHON, "x = '\uD800'\n").status()).isEqualTo(Check.Status.PASSED);
        assertThat(checker.check(SyntaxChecker.Language.PYTHON, "(" .repeat(100_000)).reason()).startsWith("does not parse");
        assertThat(marker).exists();
        Files.delete(marker);
    }

    @Test
    void oneLongLivedPythonProcessChecksManyAnswers() {
        assumeTrue(onPath("python3"), "python3 is not installed");
        checker.check(SyntaxChecker.Language.PYTHON, "x = 0\n");
        long before = SyntaxChecker.pythonStarts();
        for (int i = 0; i < 30; i++) {
            assertThat(checker.check(SyntaxChecker.Language.PYTHON, "x = " + i + "\n").status()).isEqualTo(Check.Status.PASSED);
            assertThat(checker.check(SyntaxChecker.Language.PYTHON, "x = = " + i + "\n").status()).isEqualTo(Check.Status.FAILED);
        }
        assertThat(SyntaxChecker.pythonStarts()).isEqualTo(before);
    }

    @Test
    void aDeadOrHungCheckerIsReplacedAndTheAnswerNotPassed() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed");
        checker.check(SyntaxChecker.Language.PYTHON, "x = 0\n");
        SyntaxChecker.killPythonForTest();
        assertThat(checker.check(SyntaxChecker.Language.PYTHON, "x = 1\n").status()).isEqualTo(Check.Status.PASSED);
        // A check that outlives its timeout fails as timed out; the next check gets a fresh process.
        SyntaxChecker impatient = new SyntaxChecker(true, java.time.Duration.ofNanos(1));
        Check slow = impatient.check(SyntaxChecker.Language.PYTHON, "x = [" + "1, ".repeat(200_000) + "]\n");
        assertThat(slow.status()).isEqualTo(Check.Status.FAILED);
        assertThat(slow.reason()).isEqualTo("checker timed out");
        assertThat(checker.check(SyntaxChecker.Language.PYTHON, "def f(:\n").reason()).contains("SyntaxError");
        assertThat(checker.check(SyntaxChecker.Language.PYTHON, "y = 2\n").status()).isEqualTo(Check.Status.PASSED);
    }

    private static String pyString(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void switchedOffIsUnavailableNotFailed() {
        Check check = new SyntaxChecker(false).check(SyntaxChecker.Language.PYTHON, "def (");
        assertThat(check.status()).isEqualTo(Check.Status.UNAVAILABLE);
        assertThat(Score.of(java.util.List.of(Check.passed("shape", 1, "ok"), check), 70).value()).isEqualTo(100.0);
    }
}
