package org.llmbench.model;

import java.util.List;
import org.llmbench.record.TestRef;

/**
 * One multiple-choice question asked by log-likelihood (lm-evaluation-harness's {@code multiple_choice} output type):
 * which answer letter is likeliest to follow the prompt, as the continuation {@code " " + letter}. The prompt is sent as
 * it is, with no chat template: it is a completion, not a conversation.
 *
 * @param letters the answer letters in order ({@code A}..{@code D}); a tie goes to the first, as lm-eval's argmax does
 * @param referenceLetter the right letter; only the mock model's oracle uses it, real clients never send it
 * @param test the test the call belongs to (a replay answers it with that test's recorded log-probabilities)
 * @param topK how many of the likeliest next tokens to ask the server for at each step
 */
public record LogprobRequest(String model, String prompt, List<String> letters, String referenceLetter, TestRef test,
                             int topK) {

    /** The top-k asked of a server: vLLM's default cap ({@code --max-logprobs}) is 20. */
    public static final int DEFAULT_TOP_K = 20;

    public LogprobRequest {
        letters = List.copyOf(letters);
    }

    /** The same question asking for the top {@code k} instead. */
    public LogprobRequest withTopK(int k) {
        return new LogprobRequest(model, prompt, letters, referenceLetter, test, k);
    }

    /** What follows the prompt when the model answers {@code letter}: lm-eval's target delimiter, a space, then the letter. */
    public static String continuation(String letter) {
        return " " + letter;
    }

    /** The prompt as the ledger records it: one message, role {@code prompt}, since no chat template is applied. */
    public List<ChatMessage> asMessages() {
        return List.of(new ChatMessage("prompt", prompt));
    }
}
