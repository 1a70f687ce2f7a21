package org.llmbench.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A socket-level HTTP server on 127.0.0.1 for faults that a real HTTP server library will not produce:
 * a connection reset in the middle of a body. It reads each request (head and body), then hands the socket to a responder.
 */
public final class RawHttpServer implements AutoCloseable {

    /** Writes whatever it likes to the socket, then may reset it. */
    @FunctionalInterface
    public interface Responder {
        void respond(String requestBody, Socket socket, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();

    public RawHttpServer(Responder responder) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    executor.submit(() -> handle(socket, responder));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void handle(Socket socket, Responder responder) {
        try (socket) {
            String body = readRequest(socket.getInputStream());
            if (body == null) {
                return;
            }
            requests.incrementAndGet();
            responder.respond(body, socket, socket.getOutputStream());
        } catch (IOException ignored) {
            // The client went away; nothing to answer.
        }
    }

    /** Reads one request, head and Content-Length body; returns the body, or null when the connection ended first. */
    static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while (last4 != 0x0D0A0D0A && (b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        if (last4 != 0x0D0A0D0A) {
            return null;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Writes a response head announcing {@code length} bytes, then part of the body, then resets the connection (RST). */
    public static void resetMidBody(Socket socket, OutputStream out, String contentType, int length, String partial)
            throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n"
                + partial).getBytes(StandardCharsets.UTF_8));
        out.flush();
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Writes a complete response with a body and closes the connection. */
    public static void respond(OutputStream out, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    public int requests() {
        return requests.get();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
