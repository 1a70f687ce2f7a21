package org.llmbench.tasks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One random stream per task: the seed mixed with a hash of the task id, so adding or removing a task never
 * shifts another task's content, and the same seed gives the same task on every JVM.
 */
final class TaskRandom {

    private final SplittableRandom random;

    private TaskRandom(SplittableRandom random) {
        this.random = random;
    }

    static TaskRandom forTask(long seed, String taskId) {
        long hash = 0xcbf29ce484222325L; // FNV-1a over UTF-8: the same on every JVM and platform
        for (byte b : taskId.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new TaskRandom(new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ hash));
    }

    /** A value in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return random.nextInt(lo, hi + 1);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A shuffled copy, Fisher-Yates on this stream. */
    <T> List<T> shuffled(List<T> items) {
        var copy = new java.util.ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            java.util.Collections.swap(copy, i, random.nextInt(i + 1));
        }
        return copy;
    }

    /** {@code n} distinct items in random order. */
    <T> List<T> sample(List<T> items, int n) {
        return shuffled(items).subList(0, Math.min(n, items.size()));
    }
}
