package org.llmbench.tasks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills a sandboxed child and everything it started: its live descendants, then its process group (which also
 * reaches orphans that were re-parented and so are no longer descendants). Called after every run, finished or
 * not, so no background process outlives its run.
 */
final class ProcessTrees {

    private ProcessTrees() {
    }

    static void kill(Process process, boolean ownGroup) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (ownGroup) {
            killGroup(process.pid());
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static void killGroup(long pgid) {
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + pgid)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No kill command: the descendants were already destroyed one by one.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
