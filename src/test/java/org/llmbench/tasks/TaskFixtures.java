package org.llmbench.tasks;

import java.time.Duration;
import java.util.List;

/** Tasks of seed 42 shared by the task tests, generated once, with a sandbox sized for tests. */
final class TaskFixtures {

    static final Sandbox SANDBOX = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(15), 64 * 1024, 10 * 1024));
    static final List<Task> SEED_42 = new TaskCatalog(SANDBOX).generate(42, 0);

    private TaskFixtures() {
    }

    static Task task(String id) {
        return SEED_42.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no task " + id));
    }

    static List<Task> ofKind(TaskKind kind) {
        return SEED_42.stream().filter(t -> t.kind() == kind).toList();
    }

    static double score(Task task, String raw) {
        return TaskScorer.score(task, raw, true, 70).score().value();
    }
}
