package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.llmbench.model.CallFailure;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatMessage;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.ErrorKind;
import org.llmbench.model.GenerationOptions;
import org.llmbench.model.ModelClient;
import org.opentest4j.TestAbortedException;

class ConnectionBreakerTest {

    private final AtomicBoolean up = new AtomicBoolean(false);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();

    private final ModelClient server = new ModelClient() {
        @Override
        public CallResult chat(ChatRequest request) {
            sent.incrementAndGet();
            return up.get() ? CallResult.answer("hi", 1, 2, 1, 1, false)
                    : CallResult.failure(new CallFailure(ErrorKind.CONNECTION, "connection refused"), 1, 3, List.of(), 2);
        }

        @Override
        public List<String> listModels() {
            return List.of("m");
        }

        @Override
        public String provider() {
            return "test";
        }
    };

    private final ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("hello")),
            new GenerationOptions(0.1, 4096, 16, 42L), null);

    @Test
    void afterThreeRefusedCallsTheRestAbortAtOnceUntilAProbeFindsTheServerBack() {
        ConnectionBreaker breaker = new ConnectionBreaker(server, 3, "http://127.0.0.1:9", now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.chat(request).errorKind()).isEqualTo(ErrorKind.CONNECTION);
        }
        assertThatThrownBy(() -> breaker.chat(request)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("http://127.0.0.1:9").hasMessageContaining("3 calls in a row");
        assertThat(sent).hasValue(3);

        now.addAndGet(ConnectionBreaker.PROBE_NANOS);
        up.set(true);
        assertThat(breaker.chat(request).ok()).isTrue();
        assertThat(breaker.chat(request).ok()).isTrue();
        assertThat(sent).hasValue(5);
    }

    @Test
    void aRunAgainstADeadServerAbortsTheRestWithinSecondsAndRecordsWhy() throws Exception {
        int port = org.llmbench.testing.Ports.closed();
        long start = System.nanoTime();
        var results = EngineKits.mock("bench.model", "m", "bench.provider", "openai", "bench.url", "http://127.0.0.1:" + port + "/v1",
                        "bench.phases", "hello,5q,20q")
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(EngineKits.ENTRY_CLASS)).execute();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        results.testEvents().assertStatistics(s -> s.started(26).failed(3).aborted(23));
        assertThat(seconds).as("seconds to end 26 questions against a dead server").isLessThan(20);
        assertThat(results.testEvents().aborted().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse(""))
                .contains("refused the last 3 calls in a row");
    }

    @Test
    void aServerThatAnswersAnythingResetsTheCount() {
        ConnectionBreaker breaker = new ConnectionBreaker(server, 3, "u", now::get);
        breaker.chat(request);
        breaker.chat(request);
        up.set(true);
        breaker.chat(request);
        up.set(false);
        breaker.chat(request);
        breaker.chat(request);
        assertThat(breaker.chat(request).errorKind()).isEqualTo(ErrorKind.CONNECTION);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThatThrownBy(() -> breaker.chat(request)).isInstanceOf(TestAbortedException.class);
    }
}
