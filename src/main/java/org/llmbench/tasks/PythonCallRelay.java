package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The child's side of {@link PythonTests}' relay: waits for it to be ready once, then passes one call and one answer line at a
 * time; a call that takes too long ends the child, and every later call is answered "timeout" without it.
 */
final class PythonCallRelay {

    private final SandboxSession child;
    private final long deadline;
    private final long callTimeoutMs;
    private boolean ready;
    private String gone;
    private String loadError;

    PythonCallRelay(SandboxSession child, long deadline, long callTimeoutMs) {
        this.child = child;
        this.deadline = deadline;
        this.callTimeoutMs = callTimeoutMs;
    }

    /** Why the child did not load the model's code (its exception as it named it, or a fixed text), or null. */
    String loadError() {
        return loadError;
    }

    String call(String call) {
        if (gone == null && !ready) {
            awaitReady();
        }
        if (gone != null) {
            return failed(gone);
        }
        child.send(call);
        String answer = child.receive(Math.min(callTimeoutMs, deadline - System.currentTimeMillis()));
        if (answer == null) {
            gone = "timeout";
            child.close();
            return failed(gone);
        }
        if (answer.equals(SandboxSession.ENDED)) {
            gone = "exit";
            return failed(gone);
        }
        return answer.equals(SandboxSession.OVERSIZE) ? failed("not_plain") : answer;
    }

    private void awaitReady() {
        String line = child.receive(Math.min(callTimeoutMs * 3, deadline - System.currentTimeMillis()));
        JsonNode node = line == null ? null : TaskJson.parseObject(line);
        if (node != null && node.path("ready").asBoolean(false)) {
            ready = true;
            return;
        }
        gone = line == null ? "timeout" : "load";
        loadError = node != null && node.has("load_error") ? node.path("load_error").asText("") : line == null
                ? "timed out while loading" : "an exception";
        child.close();
    }

    private static String failed(String kind) {
        return "{\"x\": \"" + kind + "\"}";
    }
}
