package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The picker and failover of {@link MultiServerClient}, with scripted servers and a hand-moved clock. */
class MultiServerClientTest {

    private final AtomicLong clock = new AtomicLong();
    private final Set<String> dead = ConcurrentHashMap.newKeySet();
    private final List<String> sent = new ArrayList<>();

    private ModelClient server(String url) {
        return new ModelClient() {
            @Override
            public CallResult chat(ChatRequest request) {
                synchronized (sent) {
                    sent.add(url);
                }
                return dead.contains(url)
                        ? CallResult.failure(new CallFailure(ErrorKind.CONNECTION, "refused"), 1, 1, List.of(), 0)
                        : CallResult.answer("hi from " + url, 1, 0, 1, 1, false);
            }

            @Override
            public List<String> listModels() throws CallFailure {
                if (dead.contains(url)) {
                    throw new CallFailure(ErrorKind.CONNECTION, "refused");
                }
                return url.equals("a") ? List.of("m1", "m2") : List.of("m2", "m3");
            }

            @Override
            public String provider() {
                return "openai";
            }
        };
    }

    private MultiServerClient client() {
        return new MultiServerClient(List.of("a", "b", "c"), this::server, clock::get);
    }

    private static ChatRequest request() {
        return new ChatRequest("m", List.of(ChatMessage.user("hello")), new GenerationOptions(0.0, 4096, 512, null), null);
    }

    @Test
    void callsTakeTheServersInTurnAndNameTheOneThatAnswered() {
        MultiServerClient client = client();
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answered.add(client.chat(request()).server());
        }
        assertThat(answered).containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void aRefusedCallGoesToAnotherServerAndTheDeadOneIsLeftAloneUntilItsPauseIsOver() {
        MultiServerClient client = client();
        dead.add("b");
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CallResult r = client.chat(request());
            assertThat(r.ok()).isTrue();
            answered.add(r.server());
        }
        assertThat(answered).doesNotContain("b");
        assertThat(sent.stream().filter("b"::equals)).as("b tried once, then left alone").hasSize(1);
        dead.remove("b");
        clock.addAndGet(MultiServerClient.DOWN_NANOS);
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            later.add(client.chat(request()).server());
        }
        assertThat(later).as("back after its pause").contains("b");
    }

    @Test
    void onlyWhenEveryServerRefusesIsTheCallAConnectionError() {
        MultiServerClient client = client();
        dead.addAll(Set.of("a", "b", "c"));
        CallResult r = client.chat(request());
        assertThat(r.errorKind()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(sent).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void theModelsAreThoseEveryServerListsAndAServerThatCannotListIsNamed() throws CallFailure {
        assertThat(client().listModels()).containsExactly("m2");
        dead.add("c");
        assertThatThrownBy(() -> client().listModels()).isInstanceOf(CallFailure.class).hasMessageStartingWith("c: ");
    }
}
