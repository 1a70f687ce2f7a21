package org.llmbench.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Kills a sandboxed child and everything it started, called after every run, finished or not. In a PID namespace
 * killing the child ({@code unshare}) is enough: the kernel kills the rest of the namespace. With a uid of its
 * own, every process of that uid is killed, in rounds until none is left (this reaches children that called
 * {@code setsid} or were re-parented to init). Otherwise its live descendants, its process group, and every
 * process whose environment still carries the run's marker.
 */
final class ProcessTrees {

    private static final int ROUNDS = 50;

    /** A survivor is rare and no task's fault: it goes to the platform log, which an embedding program can route. */
    private static final System.Logger LOG = System.getLogger(ProcessTrees.class.getName());

    private ProcessTrees() {
    }

    static void kill(Process process, boolean namespace, boolean ownGroup, Integer uid, String marker) {
        List<ProcessHandle> descendants = namespace ? List.of() : process.descendants().toList();
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
        if (uid != null) {
            killAll(pid -> ownedBy(pid, uid));
        } else if (marker != null) {
            killAll(pid -> carries(pid, marker));
        }
    }

    /** Kills every process the test picks, scanning /proc again after each round, until a scan finds none. */
    private static void killAll(Predicate<Path> picked) {
        for (int round = 0; round < ROUNDS; round++) {
            List<Long> pids = scan(picked);
            if (pids.isEmpty()) {
                return;
            }
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            try {
                Thread.sleep(round < 5 ? 2 : 20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.log(System.Logger.Level.WARNING, "[llm-bench] sandbox processes survived " + ROUNDS + " rounds of kills");
    }

    private static List<Long> scan(Predicate<Path> picked) {
        List<Long> pids = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(d -> {
                long pid = Long.parseLong(d.getFileName().toString());
                if (pid != self && picked.test(d)) {
                    pids.add(pid);
                }
            });
        } catch (IOException | RuntimeException e) {
            // No /proc: the descendants and the process group were killed already.
        }
        return pids;
    }

    /**
     * Whether the real uid of a live process (the first of the "Uid:" line in its status) is {@code uid}; zombies
     * are dead already and wait only for a parent (perhaps an init that never reaps) to collect them.
     */
    private static boolean ownedBy(Path proc, int uid) {
        try {
            boolean zombie = false;
            for (String line : Files.readAllLines(proc.resolve("status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("State:")) {
                    String state = line.substring(6).strip();
                    zombie = state.startsWith("Z") || state.startsWith("X");
                } else if (line.startsWith("Uid:")) {
                    return !zombie && line.substring(4).strip().split("\\s+")[0].equals(Integer.toString(uid));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended during the scan.
        }
        return false;
    }

    /** Whether the environment of a process carries the marker (a zombie's is empty: it is dead already). */
    private static boolean carries(Path proc, String marker) {
        try {
            byte[] env = Files.readAllBytes(proc.resolve("environ"));
            return new String(env, StandardCharsets.ISO_8859_1).contains(marker);
        } catch (IOException | RuntimeException gone) {
            return false;
        }
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
