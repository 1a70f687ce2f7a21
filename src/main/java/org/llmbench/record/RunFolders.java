package org.llmbench.record;

import java.nio.file.Path;

/** Where a run's files go (SPEC section 8): the submission folder when a handle is set, else under bench.out. */
public final class RunFolders {

    /** Name of the file in bench.out that points at the newest run folder (read by the quality gate). */
    public static final String LATEST = "latest-run.txt";

    /** The run's record, one event per line. */
    public static final String LEDGER = "run.jsonl";

    /** What the run was: settings, models, host, and the facts added at its end. */
    public static final String MANIFEST = "manifest.json";

    private RunFolders() {
    }

    /**
     * The folder of run {@code runId}: {@code submissions/<handle>/<device>/run-<id>} when a handle is set, else
     * {@code <out>/run-<id>}.
     */
    public static Path folder(Path out, String handle, String device, String runId) {
        String name = "run-" + safe(runId);
        if (handle != null) {
            return Path.of("submissions", safe(handle), safe(device), name);
        }
        return out.resolve(name);
    }

    /** Keeps a path segment to letters, digits, dot, dash and underscore, so no value can climb out of its folder. */
    static String safe(String segment) {
        String cleaned = segment.replaceAll("[^A-Za-z0-9_.-]", "-");
        return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.') ? "unnamed" : cleaned;
    }
}
