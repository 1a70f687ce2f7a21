package org.llmbench.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test but a measurement, skipped unless asked for: the wall time of one Java code_fix answer (the task's
 * reference answer, 10 tests) scored through the sandbox, 25 runs with the namespace layer on and 25 with it off;
 * prints the medians. {@code mvn -o -q test -Dtest=JavaCodeFixCost -Dllmbench.measure=true}
 */
@EnabledIfSystemProperty(named = "llmbench.measure", matches = "true")
class JavaCodeFixCost {

    @Test
    void measure() {
        for (boolean namespaces : List.of(true, false)) {
            Sandbox sandbox = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(20), 64 * 1024, 10 * 1024),
                    new Sandbox.Options(namespaces, true, true));
            Task task = new TaskCatalog(sandbox).generate(42, 0).stream().filter(t -> t.id().equals("code_fix-java-01"))
                    .findFirst().orElseThrow();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                long start = System.nanoTime();
                double score = TaskScorer.score(task, TaskPrompts.referenceAnswer(task, false), false, 70).score().value();
                millis.add((System.nanoTime() - start) / 1_000_000);
                if (score != 100.0) {
                    throw new AssertionError(task.id() + " scored " + score);
                }
            }
            List<Long> sorted = new ArrayList<>(millis);
            sorted.sort(null);
            System.out.println("MEASURE java code_fix namespaces=" + namespaces + " median " + sorted.get(12) + " ms " + millis);
        }
    }
}
