package org.llmbench.tasks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A sandboxed process the harness talks to line by line: lines go to its stdin from a writer thread (a child that
 * stops reading cannot block the harness), lines come from its stdout through a reader thread, each capped
 * ({@link #OVERSIZE} stands for a longer one). Closing it kills every process of the run and removes its directory.
 */
final class SandboxSession implements AutoCloseable {

    /** The longest line a session passes on; a longer one arrives as {@link #OVERSIZE}. */
    static final int LINE_CAP = 1 << 20;
    /** What {@link #receive} returns for a line longer than {@link #LINE_CAP}. */
    static final String OVERSIZE = "\u0000oversize";
    /** What {@link #receive} returns once the process closed its stdout (ended). */
    static final String ENDED = "\u0000ended";

    private static final byte[] STOP = new byte[0];

    private final Process process;
    private final Path base;
    private final Set<Sandbox.Layer> layers;
    private final Consumer<Process> killer;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(64);
    private final BlockingQueue<byte[]> outgoing = new LinkedBlockingQueue<>();
    private volatile boolean ended;
    private volatile boolean closed;

    SandboxSession(Process process, Path base, Set<Sandbox.Layer> layers, Consumer<Process> killer) {
        this.process = process;
        this.base = base;
        this.layers = layers;
        this.killer = killer;
        daemon(this::readLines, "sandbox-reader");
        daemon(this::writeLines, "sandbox-writer");
    }

    Set<Sandbox.Layer> layers() {
        return layers;
    }

    /** Queues one line (a newline is added) for the process's stdin. */
    void send(String line) {
        outgoing.add((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The next line of its stdout, {@link #OVERSIZE}, {@link #ENDED}, or null when none came within the time. */
    String receive(long timeoutMillis) {
        if (ended && lines.isEmpty()) {
            return ENDED;
        }
        try {
            return lines.poll(Math.max(0, timeoutMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        outgoing.add(STOP);
        killer.accept(process);
        TempDirs.delete(base);
    }

    private void readLines() {
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean oversize = false;
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        if (line.size() < LINE_CAP) {
                            line.write(buffer[i]);
                        } else {
                            oversize = true;
                        }
                        continue;
                    }
                    if (!hand(oversize ? OVERSIZE : line.toString(StandardCharsets.UTF_8))) {
                        return;
                    }
                    line.reset();
                    oversize = false;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The process was killed: what it said so far is all there is.
        } finally {
            ended = true;
            lines.offer(ENDED);
        }
    }

    /** Waits for room in the queue (the harness reads at its own pace), giving up once the session is closed. */
    private boolean hand(String line) throws InterruptedException {
        while (!lines.offer(line, 100, TimeUnit.MILLISECONDS)) {
            if (closed) {
                return false;
            }
        }
        return true;
    }

    private void writeLines() {
        try (OutputStream out = process.getOutputStream()) {
            for (byte[] line; (line = outgoing.take()) != STOP; ) {
                out.write(line);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The process stopped reading or ended; the reader side says so.
        }
    }

    private static void daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
