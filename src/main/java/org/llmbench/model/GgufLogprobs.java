package org.llmbench.model;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.llmbench.model.ContinuationWalk.NextToken;
import org.llmbench.model.ContinuationWalk.Step;

/**
 * Next-token probabilities from java-llama.cpp in process: one token generated with {@code n_probs} set, whose
 * {@link LlamaOutput#probabilities} map each of the top-k token texts to its probability before sampling (the
 * library runs llama-server's own code); the log is taken here. A native failure is the step's recorded error.
 */
final class GgufLogprobs {

    private GgufLogprobs() {
    }

    static Step step(LlamaModel model, String prompt, int topK) {
        long start = System.nanoTime();
        Map<String, Float> probabilities = null;
        try {
            InferenceParameters parameters = new InferenceParameters(prompt).setNPredict(1).setNProbs(topK).setTemperature(0f);
            for (LlamaOutput output : model.generate(parameters)) {
                if (probabilities == null && output.probabilities != null && !output.probabilities.isEmpty()) {
                    probabilities = output.probabilities;
                }
            }
        } catch (RuntimeException e) {
            return Step.failed(failure("in-process log-probabilities failed: " + e.getMessage(), start, prompt), false);
        }
        if (probabilities == null) {
            return Step.failed(failure("java-llama.cpp returned no probabilities for the next token", start, prompt), false);
        }
        List<NextToken> top = new ArrayList<>();
        for (Map.Entry<String, Float> e : probabilities.entrySet()) {
            Float p = e.getValue();
            if (e.getKey() == null || p == null || p.isNaN() || p < 0 || p > 1.0001f) {
                return Step.failed(failure("java-llama.cpp returned a probability outside 0..1 for a token", start, prompt), false);
            }
            top.add(new NextToken(e.getKey(), p == 0 ? LetterLogprobs.IMPOSSIBLE : Math.min(0, Math.log(p))));
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        return Step.of(new CallResult("", null, null, null, null, ms, null, model.encode(prompt).length, 1, false, "length", 1,
                List.of(), Map.of("in_process", true), prompt.length(), 0), top);
    }

    private static CallResult failure(String message, long start, String prompt) {
        return CallResult.failure(new CallFailure(ErrorKind.PROTOCOL, message), (System.nanoTime() - start) / 1_000_000, 1,
                List.of(), prompt.length());
    }
}
