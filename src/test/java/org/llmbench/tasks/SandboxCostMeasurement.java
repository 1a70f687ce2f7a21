package org.llmbench.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test but a measurement, skipped unless asked for: what the sandbox costs per run (25 sandboxed {@code true}
 * per setup) and per code_fix answer (the reference answers, 3 rounds). Run with
 * {@code mvn -o -q test -Dtest=SandboxCostMeasurement -Dllmbench.measure=true}; it fails if a run does not succeed.
 */
@EnabledIfSystemProperty(named = "llmbench.measure", matches = "true")
class SandboxCostMeasurement {

    @Test
    void measure() {
        for (Sandbox.Options options : List.of(new Sandbox.Options(true, true, true), new Sandbox.Options(false, true, true),
                new Sandbox.Options(false, false, true))) {
            Sandbox s = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(20), 64 * 1024, 10 * 1024), options);
            List<Long> trivial = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                Sandbox.Result r = s.run(Map.of(), new Sandbox.Command(List.of("true"), null), "");
                if (r.exitCode() != 0) throw new AssertionError(r.toString());
                trivial.add(r.millis());
            }
            System.out.println("MEASURE trivial " + options + " median " + median(trivial) + " ms " + trivial);
        }
        Sandbox sandbox = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(20), 64 * 1024, 10 * 1024));
        List<Long> trivial = new ArrayList<>();
        List<Task> tasks = new TaskCatalog(sandbox).generate(42, 0).stream().filter(t -> t.kind() == TaskKind.CODE_FIX).toList();
        List<Long> java = new ArrayList<>();
        List<Long> python = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (Task t : tasks) {
                long start = System.nanoTime();
                double score = TaskScorer.score(t, TaskPrompts.referenceAnswer(t, false), false, 70).score().value();
                if (score != 100.0) throw new AssertionError(t.id() + " " + score);
                (t.id().contains("java") ? java : python).add((System.nanoTime() - start) / 1_000_000);
            }
        }
        System.out.println("MEASURE java code_fix median " + median(java) + " ms " + java);
        System.out.println("MEASURE python code_fix median " + median(python) + " ms " + python);
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
