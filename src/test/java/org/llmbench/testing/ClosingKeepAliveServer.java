package org.llmbench.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keep-alive server that answers the first request on each connection and drops the connection, unanswered,
 * when a second request arrives on it: what a client sees when a server closes an idle connection just as the
 * client reuses it (llama.cpp's and Go's servers close idle keep-alive connections after a few seconds).
 */
public final class ClosingKeepAliveServer implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    /** @param json the body of every answer (application/json) */
    public ClosingKeepAliveServer(String json) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        executor.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    executor.submit(() -> serve(socket, body));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void serve(Socket socket, byte[] body) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            RawHttpServer.readRequest(in);
            // Counted before the answer goes out: a client may read it and ask for the count before this thread runs on.
            answered.incrementAndGet();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            if (RawHttpServer.readRequest(in) != null) {
                dropped.incrementAndGet();
            }
        } catch (IOException ignored) {
            // The client went away.
        }
    }

    public int answered() {
        return answered.get();
    }

    /** Requests that arrived on a reused connection and were dropped unanswered. */
    public int dropped() {
        return dropped.get();
    }

    public String openAiUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
