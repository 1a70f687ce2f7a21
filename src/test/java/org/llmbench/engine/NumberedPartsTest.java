package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NumberedPartsTest {

    @Test
    void splitsAtHeadingsOutsideCodeFences() {
        String answer = "intro\n### 1\n```bash\n## 2\necho hi\n```\n### 2\n- a\n### 2\nrepeat stays in part 2\n";
        Map<Integer, String> parts = NumberedParts.split(answer, 3);
        assertThat(parts).containsOnlyKeys(1, 2);
        assertThat(parts.get(1)).isEqualTo("```bash\n## 2\necho hi\n```");
        assertThat(parts.get(2)).isEqualTo("- a\n### 2\nrepeat stays in part 2");
    }

    @Test
    void ignoresNumbersOutOfRangeAndHostileInput() {
        assertThat(NumberedParts.split("### 0\n### 9\n# 10", 3)).isEmpty();
        assertThat(NumberedParts.split(null, 3)).isEmpty();
        assertThat(NumberedParts.split("#".repeat(100_000) + " 1\n" + "x".repeat(1_000_000), 3)).isEmpty();
        assertThat(NumberedParts.split("1. step\n2. step", 2)).isEmpty();
    }
}
