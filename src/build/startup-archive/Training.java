// The run that `mvn package` trains the jar's start-up archive on (pom.xml, execution app-cds-archive;
// docs/PERFORMANCE.md, "The start-up archive, per JDK"). An archive holds only the classes its training run loaded,
// and a mock run never loads the HTTP client, the SSE reader or the JDK's networking: a real run then loaded 569
// classes outside the archive. So this starts a stand-in for llama-server on 127.0.0.1 (its model list with a
// path-style id, streamed SSE chunks, usage and timings, like llama.cpp's server) and runs the fresh jar against
// it, through the jar's own relaunch, which makes the archive of the running JDK in llmbench.archive.dir (an
// AppCDS archive on 17, an AOT cache on 25, recorded by this very run). Run by the source launcher, JDK only:
//   java src/build/startup-archive/Training.java target/llm-bench.jar target
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

class Training {
    static final String MODEL = "/models/training-stand-in.gguf";

    /** What every question gets: markdown with the shapes the scorers look for (steps, bullets, code, JSON). */
    static final String ANSWER = """
            Here is the answer.

            1. Read the input.
            2. Parse it.
            3. Check it.
            4. Print it.

            - one
            - two
            - three
            - four
            - five

            ```python
            import sys

            def main():
                print(sum(int(x) for x in sys.argv[1:]))

            if __name__ == "__main__":
                main()
            ```

            ```json
            {"name": "Lily", "age": 3}
            ```
            """;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Training.java JAR ARCHIVE_DIR");
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path dir = Path.of(args[1]).toAbsolutePath();
        // Small streamed writes would otherwise wait for the client's delayed ACK: 40 ms per call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/models", e -> send(e, "application/json", """
                {"object":"list","data":[{"id":"%s","object":"model","created":1,"owned_by":"llamacpp"}]}""".formatted(MODEL)));
        server.createContext("/v1/chat/completions", Training::chat);
        server.createContext("/health", e -> send(e, "application/json", "{\"status\":\"ok\"}"));
        server.start();
        int code;
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dllmbench.archive.dir=" + dir,
                    "-Dallure.results.directory=" + dir.resolve("cds-training").resolve("allure-results"),
                    "-jar", jar.toString(), "run",
                    "--url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "--model", MODEL,
                    "--phases", "hello,5q,20q", "--out", dir.resolve("cds-training").toString()));
            Process run = new ProcessBuilder(command).inheritIO().start();
            if (!run.waitFor(10, TimeUnit.MINUTES)) {
                run.destroyForcibly();
                throw new IllegalStateException("the training run did not end in 10 minutes");
            }
            code = run.exitValue();
        } finally {
            server.stop(0);
        }
        // 0: all passed, 1: some answers below their pass mark (the stand-in's answer fits few questions); both train.
        if (code != 0 && code != 1) {
            throw new IllegalStateException("the training run failed with exit code " + code);
        }
        System.exit(0);
    }

    /** As llama-server streams: one chunk per token, then finish_reason with usage and timings, then [DONE]. */
    static void chat(HttpExchange e) throws IOException {
        String request;
        try (InputStream in = e.getRequestBody()) {
            request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < ANSWER.length(); i += 4) {
            tokens.add(ANSWER.substring(i, Math.min(ANSWER.length(), i + 4)));
        }
        String usage = "\"usage\":{\"completion_tokens\":%d,\"prompt_tokens\":42,\"total_tokens\":%d},\"timings\":{\"prompt_n\":42,"
                .formatted(tokens.size(), tokens.size() + 42)
                + "\"prompt_ms\":5.2,\"prompt_per_token_ms\":0.12,\"prompt_per_second\":8000.0,\"predicted_n\":%d,\"predicted_ms\":%d.0,"
                .formatted(tokens.size(), tokens.size())
                + "\"predicted_per_token_ms\":1.0,\"predicted_per_second\":1000.0}";
        String head = "{\"created\":1,\"id\":\"chatcmpl-training\",\"model\":\"" + MODEL + "\",\"system_fingerprint\":\"b0-training\",";
        if (!request.replace(" ", "").contains("\"stream\":true")) {
            send(e, "application/json", head + "\"object\":\"chat.completion\",\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(ANSWER) + "}}]," + usage + "}");
            return;
        }
        e.getResponseHeaders().set("Content-Type", "text/event-stream");
        e.sendResponseHeaders(200, 0);
        try (OutputStream out = e.getResponseBody()) {
            for (String token : tokens) {
                chunk(out, head + "\"object\":\"chat.completion.chunk\",\"choices\":[{\"finish_reason\":null,\"index\":0,"
                        + "\"delta\":{\"content\":" + quote(token) + "}}]}");
            }
            chunk(out, head + "\"object\":\"chat.completion.chunk\",\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,\"delta\":{}}],"
                    + usage + "}");
            chunk(out, "[DONE]");
        }
    }

    static void chunk(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static void send(HttpExchange e, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
