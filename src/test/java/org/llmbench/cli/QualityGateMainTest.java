package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maven's gate step: no minimum is no gate; a bad minimum or no run fails the build with the gate's reason. */
class QualityGateMainTest {

    @TempDir
    Path dir;

    @Test
    void noMinimumIsNoGate() {
        assertThatCode(() -> QualityGateMain.main(new String[] {dir.resolve("none").toString(), " "})).doesNotThrowAnyException();
    }

    @Test
    void aMinimumThatIsNoNumberFailsTheBuild() {
        assertThatThrownBy(() -> QualityGateMain.main(new String[] {dir.resolve("none").toString(), "high"}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bench.minScore 'high' is not a number");
    }

    @Test
    void aBuildThatRanNothingFailsTheGate() {
        assertThatThrownBy(() -> QualityGateMain.main(new String[] {dir.resolve("none").toString(), "70"}))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("quality gate: FAILED: this build ran no llm-bench run");
    }
}
