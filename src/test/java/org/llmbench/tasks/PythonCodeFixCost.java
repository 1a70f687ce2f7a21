package org.llmbench.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test but a measurement, skipped unless asked for: the wall-clock cost of judging one Python code_fix answer
 * (the reference answer of code_fix-python-01), median of 25 runs, with the namespace layer on and off. Run with
 * {@code mvn -o -q test -Dtest=PythonCodeFixCost -Dllmbench.measure=true}; it fails if the answer does not score 100.
 */
@EnabledIfSystemProperty(named = "llmbench.measure", matches = "true")
class PythonCodeFixCost {

    @Test
    void measure() {
        for (boolean namespaces : List.of(true, false)) {
            Sandbox sandbox = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(20), 64 * 1024, 10 * 1024),
                    new Sandbox.Options(namespaces, true, true));
            Task task = new CodeFixTasks(new CodeRunner(sandbox)).generate(42, 0).stream()
                    .filter(t -> t.id().equals("code_fix-python-01")).findFirst().orElseThrow();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 26; i++) {
                long start = System.nanoTime();
                double score = TaskScorer.score(task, TaskPrompts.referenceAnswer(task, false), false, 70).score().value();
                if (score != 100.0) {
                    throw new AssertionError(task.id() + " scored " + score);
                }
                if (i > 0) { // the first run warms the JVM and the probes
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
            }
            List<Long> sorted = new ArrayList<>(millis);
            sorted.sort(null);
            System.out.println("MEASURE python code_fix namespaces=" + namespaces + " median " + sorted.get(12) + " ms " + millis);
        }
    }
}
