package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Prompts are a function of the seed alone: seed 42's are fixed in a golden file (regenerate it with
 * {@code -Dllmbench.updateGolden=true} after an intended change), and seeds 1..50 never repeat a prompt.
 */
class DeterminismTest {

    private static final String GOLDEN = "tasks/seed-42-prompts.txt";

    static String render(List<Task> tasks) {
        StringBuilder sb = new StringBuilder();
        for (Task t : tasks) {
            sb.append("=== ").append(t.id()).append(" ===\n").append(TaskPrompts.prompt(t, true)).append("\n\n");
        }
        return sb.toString();
    }

    @Test
    void seed42PromptsMatchTheGoldenFile() throws IOException {
        String actual = render(TaskFixtures.SEED_42);
        if (Boolean.getBoolean("llmbench.updateGolden")) {
            Files.writeString(Path.of("src/test/resources", GOLDEN), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theSameSeedGivesTheSamePromptsAndTasksAreIndependent() {
        TaskCatalog catalog = new TaskCatalog(TaskFixtures.SANDBOX);
        assertThat(render(catalog.generate(42, 0))).isEqualTo(render(TaskFixtures.SEED_42));
        List<Task> capped = catalog.generate(42, 1);
        assertThat(capped).extracting(Task::id).containsExactly("json_extraction-01", "code_fix-java-01",
                "algorithm-shortest_path-01", "reasoning-01", "planning-01", "etl-01", "security-01");
        capped.forEach(t -> assertThat(TaskPrompts.prompt(t, true))
                .isEqualTo(TaskPrompts.prompt(TaskFixtures.task(t.id()), true)));
    }

    @Test
    void seedsOneToFiftyNeverRepeatAPrompt() {
        TaskCatalog catalog = new TaskCatalog(TaskFixtures.SANDBOX);
        Set<String> seen = new HashSet<>();
        int count = 0;
        for (long seed = 1; seed <= 50; seed++) {
            for (Task t : catalog.generate(seed, 0)) {
                count++;
                assertThat(seen.add(t.body())).as("seed %d task %s repeats a prompt", seed, t.id()).isTrue();
            }
        }
        assertThat(count).isEqualTo(50 * TaskFixtures.SEED_42.size());
    }
}
