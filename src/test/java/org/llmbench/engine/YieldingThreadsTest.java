package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The harness's background threads run at the lowest priority on Linux, and the threads that time calls do not. */
class YieldingThreadsTest {

    @Test
    void aYieldingThreadRunsAtNiceNineteenAndTheCallerKeepsItsPriority() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        Integer before = YieldingThreads.niceOfThisThread();
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        Thread t = YieldingThreads.named("test-yielding").newThread(() -> nice.complete(YieldingThreads.niceOfThisThread()));
        t.start();

        assertThat(nice.get(10, TimeUnit.SECONDS)).isEqualTo(19);
        assertThat(t.isDaemon()).isTrue();
        assertThat(YieldingThreads.niceOfThisThread()).isEqualTo(before);
    }

    @Test
    void theJitCompilerThreadsAreLoweredAndNoOtherThread() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/task")), "Linux only");
        Integer mine = YieldingThreads.niceOfThisThread();

        assertThat(YieldingThreads.lowerCompilerThreads()).isPositive();
        assertThat(YieldingThreads.niceOfThisThread()).isEqualTo(mine);
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = Files.readString(task.resolve("comm")).strip();
                String stat = Files.readString(task.resolve("stat"));
                int nice = Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    assertThat(nice).as(name).isEqualTo(19);
                } else if (name.equals("main")) {
                    assertThat(nice).as(name).isNotEqualTo(19);
                }
            }
        }
    }
}
