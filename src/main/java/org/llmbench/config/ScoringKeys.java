package org.llmbench.config;

import java.util.List;

/**
 * The keys of how answers are asked for and scored: pass mark, answer envelope, prompt formats, methods, tools, sandbox.
 *
 * <p>Declared here, named for every caller in {@link BenchKeys}, which lists them in the table's order.
 */
final class ScoringKeys {

    /** Pass mark of a question. */
    static final Key<Double> PASS_SCORE = KeyTypes.decimal("bench.passScore", 0, 100)
            .byDefault(70.0).label("0-100")
            .meaning("pass mark of a question unless it sets `pass_score`");

    /** Strict-JSON envelope. */
    static final Key<Boolean> STRICT_JSON = KeyTypes.bool("bench.strictJson")
            .byDefault(true).file("/suite/strict_json")
            .meaning("strict-JSON answer envelope for generated tasks");

    /** Extra attempts after a parse failure. */
    static final Key<Integer> RETRY_ON_PARSE_FAIL = KeyTypes.integer("bench.retryOnParseFail", 0, 5)
            .byDefault(1).file("/suite/retry_on_parse_fail")
            .meaning("extra attempts with a stricter instruction after a parse failure");

    /** How the tools phase offers functions (issue 29). */
    static final Key<String> TOOL_MODE = KeyTypes.choice("bench.toolMode", "native", "prompted")
            .byDefault("native")
            .meaning("how the `tools` phase offers functions: `native` through the server's tool API (OpenAI-compatible "
                    + "`tools`/`tool_calls`, Ollama `/api/chat` `tools`); `prompted` describes them in the prompt and reads one "
                    + "JSON call from the answer, for servers without a tool API (its suite is `tools-prompted`, never totalled with native calls)");

    /** Whether model-written code may run where the operating system gives it no isolation (issue 25). */
    static final Key<String> SANDBOX = KeyTypes.choice("bench.sandbox", "isolated", "unisolated")
            .byDefault("isolated")
            .meaning("`isolated`: model-written code (code tasks, questions with tests) runs only behind an operating-system "
                    + "boundary (Linux namespaces, macOS sandbox-exec), else it is skipped with the reason; `unisolated` runs it "
                    + "without one (only the language guards, see README, Sandbox) and every score and the manifest say so");

    /** How public benchmark files are asked (issue 28). */
    static final Key<String> PROMPT_FORMAT = KeyTypes.choice("bench.promptFormat", "instruct", "reference")
            .byDefault("instruct")
            .meaning("how HumanEval, MBPP, GSM8K and MMLU files are asked: `instruct`, llm-bench's zero-shot instructions "
                    + "(scored headline by llm-bench's own reading); `reference`, the references' own prompts (lm-eval's "
                    + "gsm8k `Question:/Answer:` and MMLU 5-shot formats, human-eval's completion prompt; scored headline "
                    + "by the reference's method). See docs/BENCHMARKS.md");

    /** Examples before each public-format question (issue 28). */
    static final Key<Integer> SHOTS = KeyTypes.integer("bench.shots", 0, 64).blankIsNone()
            .defaultDoc("the reference's: 5 for GSM8K and MMLU with `reference`, else 0").label("N")
            .meaning("worked examples before each GSM8K and MMLU question with `bench.promptFormat=reference` (GSM8K: the "
                    + "first N of `train.jsonl` beside the file; MMLU: the first N rows of `<subject>_dev.csv` beside it or "
                    + "in `../dev/`); `instruct` is zero-shot only");

    /** Scoring methods preferred as the headline (issue 28). */
    static final Key<List<String>> METHOD = KeyTypes.list("bench.method").byDefault(List.of())
            .defaultDoc("the prompt format's (see docs/BENCHMARKS.md)").label("NAMES")
            .meaning("scoring methods to make the headline where they apply, e.g. `flexible-extract,generative`: every "
                    + "method is scored and recorded per question, the headline is the question's score");

    private ScoringKeys() {
    }
}
