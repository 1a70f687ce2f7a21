package org.llmbench.tasks;

import java.util.ArrayList;
import java.util.List;

/** All generated tasks of a seed, kind by kind in a fixed order; the entry point the engine uses. */
public final class TaskCatalog {

    private final List<TaskGenerator> generators;

    /** The seven generators; code_fix answers run in the given sandbox. */
    public TaskCatalog(Sandbox sandbox) {
        this.generators = List.of(new JsonExtractionTasks(), new CodeFixTasks(new CodeRunner(sandbox)), new AlgorithmTasks(),
                new ReasoningTasks(), new PlanningTasks(), new EtlTasks(), new SecurityTasks());
    }

    /** The tasks of a seed; {@code maxPerKind} caps each kind (0 = every task of the kind). */
    public List<Task> generate(long seed, int maxPerKind) {
        List<Task> tasks = new ArrayList<>();
        generators.forEach(g -> tasks.addAll(g.generate(seed, maxPerKind)));
        return tasks;
    }
}
