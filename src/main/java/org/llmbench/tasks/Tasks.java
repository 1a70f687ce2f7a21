package org.llmbench.tasks;

/** Small helpers the generators share: task ids, counts under bench.maxTasks, zero padding without locales. */
final class Tasks {

    private Tasks() {
    }

    /** {@code kind-variant-NN} or {@code kind-NN}: stable names, independent of the seed. */
    static String id(TaskKind kind, String variant, int n) {
        return kind.wireName() + (variant == null ? "" : "-" + variant) + "-" + pad2(n);
    }

    static int count(int own, int max) {
        return max > 0 ? Math.min(own, max) : own;
    }

    static String pad2(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
