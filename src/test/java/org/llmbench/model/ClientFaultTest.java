package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmbench.testing.Fault;

/** Every fault, on both wire formats: the typed error kind, the bounded retries and their waits, and a client that still works after. */
class ClientFaultTest {

    private static final int RETRIES = 2;
    private static final GenerationOptions OPTIONS = new GenerationOptions(0.1, 4096, 64, 1L);

    static Stream<Arguments> faults() {
        return Stream.of(Fault.values()).flatMap(f -> Stream.of(Arguments.of(f, false), Arguments.of(f, true)));
    }

    @ParameterizedTest(name = "{0} ollama={1}")
    @MethodSource("faults")
    void faultBecomesItsErrorKindWithBoundedRetriesAndTheNextCallStillWorks(Fault fault, boolean ollama) throws Exception {
        try (Fault.Server server = fault.start(ollama); ModelClient client = client(server.url(), ollama, fault)) {
            CallResult failed = client.chat(request("please FAULT now"));

            assertThat(failed.ok()).isFalse();
            assertThat(failed.errorKind().wireName()).isEqualTo(fault.kind);
            assertThat(failed.content()).isNull();
            int attempts = fault.retried ? RETRIES + 1 : 1;
            assertThat(failed.attempts()).as(failed.errorMessage()).isEqualTo(attempts);
            assertThat(failed.retryWaitsMs()).hasSize(attempts - 1);
            if (fault == Fault.RATE_LIMITED) {
                assertThat(failed.retryWaitsMs()).containsOnly(Fault.RETRY_AFTER_S * 1000L);
                assertThat(failed.httpStatus()).isEqualTo(429);
            } else if (fault.retried) {
                assertThat(failed.retryWaitsMs()).containsExactly(10L, 20L);
            }

            CallResult next = client.chat(request("a normal question"));
            if (fault == Fault.CONNECTION_REFUSED) {
                assertThat(next.errorKind()).isEqualTo(ErrorKind.CONNECTION);
            } else {
                assertThat(next.ok()).as(String.valueOf(next.errorMessage())).isTrue();
                assertThat(next.content()).isEqualTo(Fault.GOOD_ANSWER);
                assertThat(next.attempts()).isEqualTo(1);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aStreamThatStallsAfterItsFirstChunksTimesOutWithinTheCallDeadline() throws Exception {
        List<String> events = org.llmbench.testing.FakeModelServer.openAiEvents(List.of("Hel", "lo"), "stop", 3, 2, true);
        try (var server = new org.llmbench.testing.FakeModelServer((request, exchange) ->
                org.llmbench.testing.FakeModelServer.stream(exchange, "text/event-stream", events, 3000));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofMillis(400), 0))) {
            long start = System.nanoTime();
            CallResult r = client.chat(request("hello"));
            assertThat(r.errorKind()).isEqualTo(ErrorKind.TIMEOUT);
            // The whole stream takes 9 s; the call ends at its 400 ms deadline (plus a cold JVM's first-request cost).
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
        }
    }

    @org.junit.jupiter.api.Test
    void aWholeAnswerThatStallsAfterItsHeadersTimesOutWithinTheCallDeadline() throws Exception {
        byte[] body = org.llmbench.testing.FakeModelServer.openAiCompletion("late", 3, 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var server = new org.llmbench.testing.FakeModelServer((request, exchange) -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body, 0, body.length / 2);
                exchange.getResponseBody().flush();
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.getResponseBody().write(body, body.length / 2, body.length - body.length / 2);
                exchange.getResponseBody().close();
            });
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofMillis(400), 0))) {
            long start = System.nanoTime();
            CallResult r = client.chat(request("hello"));
            assertThat(r.errorKind()).as(String.valueOf(r.errorMessage())).isEqualTo(ErrorKind.TIMEOUT);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
        }
    }

    @org.junit.jupiter.api.Test
    void aWholeAnswerOverTheCapIsTooLargeAndAnErrorBodyIsCutToAnExcerpt() throws Exception {
        String huge = org.llmbench.testing.FakeModelServer.openAiCompletion("x".repeat(Fault.OVERSIZED_BYTES), 3, 1);
        try (var server = new org.llmbench.testing.FakeModelServer((request, exchange) -> {
                if (request.lastUserMessage().contains("error")) {
                    org.llmbench.testing.FakeModelServer.send(exchange, 503, "text/plain", "busy " + "y".repeat(Fault.OVERSIZED_BYTES));
                } else {
                    org.llmbench.testing.FakeModelServer.send(exchange, 200, "application/json", huge);
                }
            });
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(20), 0)
                     .withMaxBodyBytes(Fault.OVERSIZED_BYTES / 2))) {
            CallResult big = client.chat(request("hello"));
            assertThat(big.errorKind()).isEqualTo(ErrorKind.TOO_LARGE);
            CallResult busy = client.chat(request("an error please"));
            assertThat(busy.errorKind()).isEqualTo(ErrorKind.HTTP_5XX);
            assertThat(busy.errorMessage()).startsWith("HTTP 503: busy yyy").hasSizeLessThan(400);
        }
    }

    @org.junit.jupiter.api.Test
    void aWholeAnswerCutShortAfterItsHeadersIsALostConnectionAndIsNotSentAgain() throws Exception {
        try (var raw = new org.llmbench.testing.RawHttpServer((body, socket, out) -> {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"choices\":")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.flush();
            });
             var client = new OpenAiClient(ClientSettings.of(raw.baseUrl() + "/v1", Duration.ofSeconds(20), 0))) {
            CallResult r = client.chat(request("hello"));
            assertThat(r.errorKind()).as(String.valueOf(r.errorMessage())).isEqualTo(ErrorKind.CONNECTION);
            assertThat(raw.requests()).isEqualTo(1);
        }
    }

    @org.junit.jupiter.api.Test
    void aRequestOnAKeepAliveConnectionTheServerDroppedIsSentAgainOnAFreshOneWithoutUsingARetry() throws Exception {
        try (var server = new org.llmbench.testing.ClosingKeepAliveServer(
                org.llmbench.testing.FakeModelServer.openAiCompletion("fine", 3, 1));
             var client = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(20), 0))) {
            for (int i = 0; i < 3; i++) {
                CallResult r = client.chat(request("hello " + i));
                assertThat(r.ok()).as(String.valueOf(r.errorMessage())).isTrue();
                assertThat(r.content()).isEqualTo("fine");
                assertThat(r.attempts()).isEqualTo(1);
            }
            assertThat(server.answered()).isEqualTo(3);
            assertThat(server.dropped()).as("later calls went out on the kept-alive connection first").isEqualTo(2);
        }
    }

    @org.junit.jupiter.api.Test
    void aConnectTimeoutIsATimeout() throws Exception {
        // A listening socket whose accept queue is full drops new SYNs, so connecting hangs until the connect timeout.
        try (var full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    var s = new java.net.Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                    } catch (java.io.IOException queueFull) {
                        // Expected once the queue is full.
                    }
                    fillers.add(s);
                }
                var settings = ClientSettings.of("http://127.0.0.1:" + full.getLocalPort() + "/v1", Duration.ofSeconds(5), 1)
                        .withConnectTimeout(Duration.ofMillis(300)).withBackoffMs(10);
                try (ModelClient client = new OpenAiClient(settings)) {
                    CallResult r = client.chat(request("hello"));
                    assertThat(r.errorKind()).isEqualTo(ErrorKind.TIMEOUT);
                    assertThat(r.errorMessage()).contains("connect");
                    assertThat(r.attempts()).isEqualTo(2);
                }
            } finally {
                for (var s : fillers) {
                    s.close();
                }
            }
        }
    }

    static ModelClient client(String url, boolean ollama, Fault fault) {
        // Only the timeout fault gets a short timeout: on a loaded machine a short one would turn other faults into timeouts.
        Duration timeout = fault == Fault.CALL_TIMEOUT ? Duration.ofMillis(Fault.STALL_MS / 3) : Duration.ofSeconds(20);
        var settings = ClientSettings.of(url, timeout, RETRIES).withBackoffMs(10)
                .withMaxBodyBytes(Fault.OVERSIZED_BYTES / 2);
        return ollama ? new OllamaClient(settings) : new OpenAiClient(settings);
    }

    static ChatRequest request(String prompt) {
        return new ChatRequest("fake-model", List.of(ChatMessage.user(prompt)), OPTIONS, null);
    }
}
