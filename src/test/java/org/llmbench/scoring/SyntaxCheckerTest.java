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
    void switchedOffIsUnavailableNotFailed() {
        Check check = new SyntaxChecker(false).check(SyntaxChecker.Language.PYTHON, "def (");
        assertThat(check.status()).isEqualTo(Check.Status.UNAVAILABLE);
        assertThat(Score.of(java.util.List.of(Check.passed("shape", 1, "ok"), check), 70).value()).isEqualTo(100.0);
    }
}
