package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.record.Message;
import org.llmbench.testing.FakeModelServer;
import org.llmbench.testing.SharedModel;

/**
 * Every provider answers the prompt it was given: two prompts, two answers. A client that dropped the messages
 * (as the in-process provider once did, answering an empty prompt) fails here.
 */
class PromptDependenceTest {

    private static final String FIRST = "Once upon a time";
    private static final String SECOND = "The dog ran to the big red ball and the cat said";

    @TempDir
    Path dir;

    private static ChatRequest request(String model, String prompt, String reference) {
        return new ChatRequest(model, List.of(ChatMessage.system("Tell a story."), ChatMessage.user(prompt)),
                new GenerationOptions(0.0, 512, 24, 1L), reference);
    }

    private static List<CallResult> askBoth(ModelClient client, String model) {
        CallResult first = client.chat(request(model, FIRST, "reference one"));
        CallResult second = client.chat(request(model, SECOND, "reference two"));
        assertThat(first.errorKind()).as(first.errorMessage()).isNull();
        assertThat(second.errorKind()).as(second.errorMessage()).isNull();
        assertThat(first.content()).isNotEqualTo(second.content());
        return List.of(first, second);
    }

    @Test
    void mockModesAnswerTheirRequest() {
        MockModelClient mock = new MockModelClient(7);
        askBoth(mock, "mock");
        askBoth(mock, "mock:junk");
    }

    @Test
    void replayAnswersTheRecordedCallOfThePromptAsked() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (String prompt : List.of(FIRST, SECOND)) {
            lines.add(org.llmbench.record.RecordCodec.encode(new org.llmbench.record.RunEvent.Call(
                    org.llmbench.record.Stamp.now("r"), new org.llmbench.record.TestRef("[t:" + prompt + "]", "m", "s", prompt, "s"),
                    null, List.of(new Message("system", "Tell a story."),
                            new Message("user", prompt)),
                    "recorded for " + prompt, null, null, null, null, 1, null, null, null, false, null, null, null, false,
                    null, "stop", 1, List.of(), null, List.of(), prompt.length(), 10, null)));
        }
        askBoth(new ReplayClient(Files.write(dir.resolve("run.jsonl"), lines)), "m");
    }

    @Test
    void serverClientsSendThePromptAndKeepWhatCameBack() throws Exception {
        try (FakeModelServer server = new FakeModelServer(FakeModelServer.streaming(r -> "you said: " + r.lastUserMessage(), 0))) {
            try (var openAi = new OpenAiClient(ClientSettings.of(server.openAiUrl(), Duration.ofSeconds(5), 0))) {
                askBoth(openAi, "fake-model");
            }
            try (var ollama = new OllamaClient(ClientSettings.of(server.baseUrl(), Duration.ofSeconds(5), 0))) {
                askBoth(ollama, "fake:1b");
            }
        }
    }

    @Test
    void theInProcessModelAnswersEachPromptWithTheLibrarysOwnCounts() {
        Optional<Path> model = SharedModel.find();
        Assumptions.assumeTrue(model.isPresent(), SharedModel.absent());
        try (GgufClient gguf = new GgufClient(512, 1)) {
            List<CallResult> answers = askBoth(gguf, model.get().toString());
            for (CallResult r : answers) {
                System.out.println("in-process answer: prompt_tokens=" + r.promptTokens() + " completion_tokens="
                        + r.completionTokens() + " ttft_ms=" + r.ttftMs() + " timings=" + r.serverTimings() + " text="
                        + r.content().replace("\n", "\\n"));
                assertThat(r.serverTimings()).containsEntry("truncated", false).containsEntry("prompt_n", r.promptTokens());
            }
            // chatml around the system and user messages: the second prompt is longer by the words it adds
            assertThat(answers.get(1).promptTokens()).isGreaterThan(answers.get(0).promptTokens() + 5);
        }
    }

    /**
     * java-llama.cpp hands Java no count of its own; its native log (stderr, not its Java logger) says how many
     * prompt tokens each slot took. A child JVM's log shows the recorded counts are those.
     */
    @Test
    void theRecordedPromptCountsAreTheOnesTheLibraryLogs() throws Exception {
        Optional<Path> model = SharedModel.find();
        Assumptions.assumeTrue(model.isPresent(), SharedModel.absent());
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PromptDependenceTest.class.getName(), model.get().toString())
                .redirectErrorStream(true).start();
        String log = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(log).isZero();
        List<String> logged = java.util.regex.Pattern.compile("new prompt, .*n_prompt_tokens = (\\d+)").matcher(log)
                .results().map(m -> m.group(1)).toList();
        List<String> recorded = java.util.regex.Pattern.compile("recorded prompt_tokens=(\\d+)").matcher(log)
                .results().map(m -> m.group(1)).toList();
        assertThat(recorded).hasSize(2).isEqualTo(logged);
    }

    /** The child of {@link #theRecordedPromptCountsAreTheOnesTheLibraryLogs()}: asks both prompts, prints the counts. */
    public static void main(String[] args) {
        try (GgufClient gguf = new GgufClient(512, 1)) {
            for (String prompt : List.of(FIRST, SECOND)) {
                CallResult r = gguf.chat(request(args[0], prompt, null));
                System.err.flush();
                System.out.println("recorded prompt_tokens=" + r.promptTokens());
                System.out.flush();
            }
        }
        // the library's native threads keep a JVM alive; the CLI ends with System.exit too
        System.exit(0);
    }
}
