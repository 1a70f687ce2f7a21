package org.llmbench.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;

/**
 * Threads for the harness's work that can wait (writing Allure's files): each lowers its own scheduling priority
 * to the lowest (nice 19) when it starts, so that it runs on CPU time the model leaves idle instead of taking a
 * core from a model that shares the machine. Java's own thread priorities do nothing on Linux by default, so the
 * thread's nice value is set with {@code setpriority(2)} (any process may lower its own threads' priority). Where
 * that is not possible (not Linux, no JNA) the thread keeps the normal priority: the work is the same, only less
 * polite. Never for threads that time a call: a reader at nice 19 would be woken late and overstate latency.
 */
final class YieldingThreads {

    private static final int PRIO_PROCESS = 0;
    private static final int LOWEST = 19;

    private YieldingThreads() {
    }

    /** A factory of daemon threads named {@code name} that yield to everything else on the machine. */
    static ThreadFactory named(String name) {
        return work -> {
            Thread t = new Thread(() -> {
                lowerThisThread();
                work.run();
            }, name);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
    }

    /** Sets the calling thread's nice value to 19; false when the platform does not allow it. */
    static boolean lowerThisThread() {
        Integer tid = threadId();
        if (tid == null) {
            return false;
        }
        try {
            return LibC.INSTANCE.setpriority(PRIO_PROCESS, tid, LOWEST) == 0;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /**
     * Lowers the JVM's JIT compiler threads to nice 19 (they compile in the background: the harness's code runs
     * interpreted a little longer instead of a compiler taking a core from the model); how many were lowered.
     */
    static int lowerCompilerThreads() {
        int lowered = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = Files.readString(task.resolve("comm")).strip();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    lowered += LibC.INSTANCE.setpriority(PRIO_PROCESS, Integer.parseInt(task.getFileName().toString()), LOWEST) == 0 ? 1 : 0;
                }
            }
        } catch (java.io.IOException | LinkageError | RuntimeException e) {
            return lowered;
        }
        return lowered;
    }

    /** {@link #lowerCompilerThreads()} on a short-lived thread: loading JNA takes about 20 ms the run need not wait for. */
    static void lowerCompilerThreadsInBackground() {
        Thread t = new Thread(YieldingThreads::lowerCompilerThreads, "llm-bench-lower-jit");
        t.setDaemon(true);
        t.start();
    }

    /** The calling thread's nice value as the kernel reports it ({@code /proc/thread-self/stat}), null off Linux. */
    static Integer niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // Fields after the command name (which may hold spaces, so it is skipped up to its closing parenthesis);
            // nice is field 19, the 17th after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** The kernel's id of the calling thread, from {@code /proc/thread-self} (a link to {@code PID/task/TID}). */
    private static Integer threadId() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Integer.parseInt(self.getFileName().toString());
        } catch (java.io.IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
            return null;
        }
    }

    /** The one C library call needed; loaded only when a yielding thread starts. */
    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int setpriority(int which, int who, int prio);
    }
}
