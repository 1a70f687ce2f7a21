package org.llmbench.engine;

import java.util.List;
import java.util.function.Function;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.ModelClient;

/** An in-process model whose answers a test writes, with estimated token counts like the mock's. */
final class ScriptedClient implements ModelClient {

    private final Function<ChatRequest, String> answers;

    ScriptedClient(Function<ChatRequest, String> answers) {
        this.answers = answers;
    }

    @Override
    public CallResult chat(ChatRequest request) {
        String answer = answers.apply(request);
        return CallResult.answer(answer, 1, request.charsIn(), (request.charsIn() + 3) / 4, (answer.length() + 3) / 4, true);
    }

    @Override
    public List<String> listModels() {
        return List.of("scripted");
    }

    @Override
    public String provider() {
        return "scripted";
    }
}
