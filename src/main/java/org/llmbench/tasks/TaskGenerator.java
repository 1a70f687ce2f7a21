package org.llmbench.tasks;

import java.util.List;

/** Generates the tasks of one kind from the seed; each task draws from its own random stream. */
interface TaskGenerator {

    TaskKind kind();

    /** At most {@code max} tasks (0 = the kind's own count), always the same first ones for a seed. */
    List<Task> generate(long seed, int max);
}
