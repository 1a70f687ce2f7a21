package org.llmbench.model;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends stalled calls: one daemon thread looks at the open calls every {@link #SWEEP_MS} ms and aborts each call
 * past its deadline (disconnects its connection), so a blocked connect, write or read fails instead of hanging. Registering a call costs a set insert; a timer task per call would wake a thread on every call, a cost
 * the benchmark measured.
 */
final class CallDeadlines {

    /** How late a deadline may fire; negligible next to call timeouts measured in seconds. */
    static final long SWEEP_MS = 50;

    /** The deadline of one call; closing it (call done) takes it off the watch list. */
    static final class Deadline implements AutoCloseable {
        private final long dueNanos;
        private final AtomicBoolean expired = new AtomicBoolean();
        private volatile Runnable abort;

        private Deadline(long dueNanos) {
            this.dueNanos = dueNanos;
        }

        boolean expired() {
            return expired.get();
        }

        /** What ends the call once it is late (run at once when it already is); it may run twice and must not mind. */
        void onExpiry(Runnable action) {
            abort = action;
            if (expired.get()) {
                action.run();
            }
        }

        @Override
        public void close() {
            OPEN.remove(this);
        }

        private void expireIfDue(long now) {
            if (now - dueNanos >= 0 && expired.compareAndSet(false, true)) {
                OPEN.remove(this);
                Runnable action = abort;
                if (action != null) {
                    action.run();
                }
            }
        }
    }

    private static final Set<Deadline> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Thread sweeper = new Thread(CallDeadlines::sweep, "llm-bench-call-deadlines");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    private CallDeadlines() {
    }

    /** Watches a call until {@code dueNanos} (a {@link System#nanoTime()} value). */
    static Deadline watch(long dueNanos) {
        Deadline deadline = new Deadline(dueNanos);
        OPEN.add(deadline);
        return deadline;
    }

    private static void sweep() {
        while (true) {
            try {
                Thread.sleep(SWEEP_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Deadline deadline : OPEN) {
                deadline.expireIfDue(now);
            }
        }
    }
}
