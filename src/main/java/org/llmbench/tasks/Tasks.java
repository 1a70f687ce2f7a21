package org.llmbench.tasks;

/** Small helpers the generators share: task ids, counts under bench.maxTasks, zero padding without locales. */
final class Tasks {

    private Tasks() {
    }

    /** {@code kind-variant-NN} or {@code kind-NN}: stable names, independent of the seed. */
    static String id(TaskKind kind, String variant, int n) {
        return kind.wireName() + (variant == null ? "" : "-" + variant) + "-" + pad2(n);
    }

    /** Makes one numbered task from its id, its own random stream and its number (1-based). */
    interface Numbered {
        Task make(String id, TaskRandom random, int n);
    }

    /** Tasks {@code kind-01}, {@code kind-02}, ... up to the kind's own count or bench.maxTasks. */
    static java.util.List<Task> numbered(TaskKind kind, int own, long seed, int max, Numbered maker) {
        java.util.List<Task> tasks = new java.util.ArrayList<>();
        for (int n = 1; n <= count(own, max); n++) {
            String id = id(kind, null, n);
            tasks.add(maker.make(id, TaskRandom.forTask(seed, id), n));
        }
        return tasks;
    }

    static int count(int own, int max) {
        return max > 0 ? Math.min(own, max) : own;
    }

    static String pad2(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
