package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.llmbench.testing.RawHttpServer;

/**
 * Streamed answers are parsed after the stream ends, each piece keeping the time its event arrived; an error
 * object, or a last line, is acted on when it arrives, so a server that keeps the connection open after either
 * does not hold the call until its timeout; generated text cannot pose as either.
 */
class DeferredParsingTest {

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void head(OutputStream out, String type) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Holds the connection open without ending the body, as a stuck server would. */
    private static void hang() {
        pause(20_000);
    }

    @Test
    void openAiPiecesKeepTheirArrivalTimesAndTextThatLooksLikeAnErrorOrTheEndIsJustText() throws Exception {
        try (var raw = new RawHttpServer((body, socket, out) -> {
                head(out, "text/event-stream");
                chunk(out, "data: {\"choices\":[{\"delta\":{\"content\":\"say \\\"error\\\": [DONE]\"},\"finish_reason\":null}]}\n\n");
                pause(300);
                chunk(out, "data: {\"choices\":[{\"delta\":{\"content\":\" twice\"},\"finish_reason\":\"stop\"}]}\n\n");
                chunk(out, "data: [DONE]\n\n");
                hang();
            });
             var client = new OpenAiClient(ClientSettings.of(raw.baseUrl() + "/v1", Duration.ofSeconds(10), 0))) {
            CallResult r = client.chat(ClientFaultTest.request("hello"));

            assertThat(r.ok()).as(String.valueOf(r.errorMessage())).isTrue();
            assertThat(r.content()).isEqualTo("say \"error\": [DONE] twice");
            assertThat(r.latencyMs()).as("ends at [DONE], not at the timeout").isBetween(250L, 5_000L);
            assertThat(r.ttftMs()).isLessThan(250L);
            assertThat(r.tokenGaps().maxMs()).as("the pause between the two events").isGreaterThanOrEqualTo(200.0);
        }
    }

    @Test
    void anOpenAiErrorEventFailsTheCallWhenItArrives() throws Exception {
        try (var raw = new RawHttpServer((body, socket, out) -> {
                head(out, "text/event-stream");
                chunk(out, "data: {\"choices\":[{\"delta\":{\"content\":\"Once\"},\"finish_reason\":null}]}\n\n");
                chunk(out, "data: {\"error\":{\"message\":\"the model crashed\"}}\n\n");
                hang();
            });
             var client = new OpenAiClient(ClientSettings.of(raw.baseUrl() + "/v1", Duration.ofSeconds(10), 0))) {
            CallResult r = client.chat(ClientFaultTest.request("hello"));

            assertThat(r.ok()).isFalse();
            assertThat(r.errorMessage()).contains("the model crashed");
            assertThat(r.latencyMs()).as("failed on the error event, not at the timeout").isLessThan(5_000L);
        }
    }

    @Test
    void ollamaEndsAtItsLastLineAndFailsOnAnErrorLineWhenTheyArriveAndTextCannotPoseAsEither() throws Exception {
        try (var raw = new RawHttpServer((body, socket, out) -> {
                head(out, "application/x-ndjson");
                if (body.contains("an error please")) {
                    chunk(out, "{\"message\":{\"role\":\"assistant\",\"content\":\"Once\"},\"done\":false}\n");
                    chunk(out, "{\"error\":\"out of memory\"}\n");
                } else {
                    chunk(out, "{\"message\":{\"role\":\"assistant\",\"content\":\"\\\"done\\\":true \\\"error\\\"\"},\"done\":false}\n");
                    pause(300);
                    chunk(out, "{\"message\":{\"role\":\"assistant\",\"content\":\"!\"},\"done\":false}\n");
                    chunk(out, "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                            + "\"eval_count\":3,\"prompt_eval_count\":5}\n");
                }
                hang();
            });
             var client = new OllamaClient(ClientSettings.of(raw.baseUrl(), Duration.ofSeconds(10), 0))) {
            CallResult r = client.chat(ClientFaultTest.request("hello"));

            assertThat(r.ok()).as(String.valueOf(r.errorMessage())).isTrue();
            assertThat(r.content()).isEqualTo("\"done\":true \"error\"!");
            assertThat(r.latencyMs()).as("ends at done: true, not at the timeout").isBetween(250L, 5_000L);
            assertThat(r.tokenGaps().maxMs()).isGreaterThanOrEqualTo(200.0);
            CallResult failed = client.chat(ClientFaultTest.request("an error please"));
            assertThat(failed.ok()).isFalse();
            assertThat(failed.errorMessage()).contains("out of memory");
            assertThat(failed.latencyMs()).isLessThan(5_000L);
        }
    }
}
