package org.llmbench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.scoring.Methods;
import org.llmbench.scoring.QuestionScorer;
import org.llmbench.scoring.SyntaxChecker;
import org.llmbench.tasks.SuiteCodeJudge;

/** The references' prompt formats, zero- and n-shot, where their examples come from, and the mock's oracle under every method. */
class PromptFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QuestionScorer SCORER = new QuestionScorer(new SyntaxChecker(false), SuiteCodeJudge.withDefaults());
    private static final PromptStyle REFERENCE = new PromptStyle(PromptStyle.Kind.REFERENCE, null, List.of());

    @TempDir
    Path dir;

    private Path gsm8k(String name, int n) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append(JSON.writeValueAsString(Map.of("question", name + " question " + i + "?",
                    "answer", "Work " + i + " = <<" + i + "=" + i + ">>" + i + ".\n#### " + i))).append('\n');
        }
        Path file = dir.resolve(name + ".jsonl");
        Files.writeString(file, b);
        return file;
    }

    @Test
    void gsm8kIsAskedAsLmEvalAsksItWithTheFirstTrainExamples() throws Exception {
        gsm8k("train", 7);
        Suite suite = PublicFormats.read(SuiteOrigin.ofFile(gsm8k("test", 2)), REFERENCE);
        Question q = suite.questions().get(0);
        StringBuilder want = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            want.append("Question: train question ").append(i).append("?\nAnswer: Work ").append(i).append(" = <<").append(i)
                    .append('=').append(i).append(">>").append(i).append(".\n#### ").append(i).append("\n\n");
        }
        want.append("Question: test question 1?\nAnswer:");
        assertThat(q.prompt()).isEqualTo(want.toString());
        assertThat(q.extra().get("prompt_format").asText())
                .isEqualTo("lm-eval gsm8k (Question/Answer), 5-shot from 5 examples of train.jsonl");
        assertThat(q.extra().get("methods").toString()).isEqualTo("[\"strict-match\",\"flexible-extract\",\"by-value\"]");

        Question zero = PublicFormats.read(SuiteOrigin.ofFile(dir.resolve("test.jsonl")),
                new PromptStyle(PromptStyle.Kind.REFERENCE, 0, List.of())).questions().get(0);
        assertThat(zero.prompt()).isEqualTo("Question: test question 1?\nAnswer:");
        Question two = PublicFormats.read(SuiteOrigin.ofFile(dir.resolve("test.jsonl")),
                new PromptStyle(PromptStyle.Kind.REFERENCE, 2, List.of("flexible-extract"))).questions().get(0);
        assertThat(two.prompt()).startsWith("Question: train question 1?").contains("train question 2?")
                .doesNotContain("train question 3?");
        assertThat(two.extra().get("methods").get(0).asText()).isEqualTo("flexible-extract");
    }

    @Test
    void mmluIsAskedWithTheSubjectAndTheDevExamplesBesideOrInDev() throws Exception {
        Files.createDirectories(dir.resolve("test"));
        Files.createDirectories(dir.resolve("dev"));
        StringBuilder dev = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            dev.append("Dev ").append(i).append("?,w,x,y,z,").append("ABCD".charAt(i % 4)).append('\n');
        }
        Files.writeString(dir.resolve("dev/high_school_biology_dev.csv"), dev);
        Path test = dir.resolve("test/high_school_biology_test.csv");
        Files.writeString(test, " What is a cell? ,a,b,c,d,C\n");
        Question q = PublicFormats.read(SuiteOrigin.ofFile(test), REFERENCE).questions().get(0);
        assertThat(q.prompt()).isEqualTo("The following are multiple choice questions (with answers) about high school biology.\n\n"
                + "Dev 1?\nA. w\nB. x\nC. y\nD. z\nAnswer: B\n\n"
                + "Dev 2?\nA. w\nB. x\nC. y\nD. z\nAnswer: C\n\n"
                + "Dev 3?\nA. w\nB. x\nC. y\nD. z\nAnswer: D\n\n"
                + "Dev 4?\nA. w\nB. x\nC. y\nD. z\nAnswer: A\n\n"
                + "Dev 5?\nA. w\nB. x\nC. y\nD. z\nAnswer: B\n\n"
                + "What is a cell?\nA. a\nB. b\nC. c\nD. d\nAnswer:");
        assertThat(q.extra().get("prompt_format").asText()).isEqualTo("lm-eval mmlu, 5-shot from 5 examples of high_school_biology_dev.csv");
        // MMLU's published method is the headline with the reference format (engine-scored; "loglikelihood", issue 28)
        assertThat(q.extra().get("methods").get(0).asText()).isEqualTo("loglikelihood");
        assertThat(q.extra().get("methods").get(1).asText()).isEqualTo("generative");
    }

    @Test
    void aMissingExamplesFileOrShotsWithInstructIsAClearError() throws Exception {
        Path test = dir.resolve("astronomy_test.csv");
        Files.writeString(test, "Q?,a,b,c,d,A\n");
        assertThatThrownBy(() -> PublicFormats.read(SuiteOrigin.ofFile(test), REFERENCE))
                .hasMessageContaining("astronomy_dev.csv").hasMessageContaining("--shots 0");
        assertThatThrownBy(() -> PublicFormats.read(SuiteOrigin.ofFile(test), new PromptStyle(PromptStyle.Kind.INSTRUCT, 3, List.of())))
                .hasMessageContaining("--prompt-format reference");
        Files.writeString(dir.resolve("astronomy_dev.csv"), "D?,a,b,c,d,A\n");
        assertThatThrownBy(() -> PublicFormats.read(SuiteOrigin.ofFile(test), REFERENCE))
                .hasMessageContaining("5 examples asked for").hasMessageContaining("holds 1");
    }

    @Test
    void instructPromptsAreTodaysAndTheHeadlineIsLlmBenchsReading() throws Exception {
        Question q = PublicFormats.read(SuiteOrigin.ofFile(gsm8k("gsm", 1))).questions().get(0);
        assertThat(q.prompt()).startsWith("Solve the following math problem step by step.");
        assertThat(q.extra().get("methods").get(0).asText()).isEqualTo("by-value");
        assertThat(q.extra().get("prompt_format").asText()).isEqualTo("llm-bench instruct, 0-shot");
    }

    @Test
    void theMocksOracleScoresFullUnderEveryMethodOfEveryFormat() throws Exception {
        assumeTrue(org.llmbench.tasks.TaskFixturesAccess.hasPython(), "python3 needed");
        Files.writeString(dir.resolve("HumanEval.jsonl"), JSON.writeValueAsString(Map.of("task_id", "HumanEval/0",
                "prompt", PublicFormatsTest.HE_PROMPT, "canonical_solution", "    return [x + k for x in xs]\n",
                "test", PublicFormatsTest.HE_TEST, "entry_point", "add_all")) + "\n");
        Files.writeString(dir.resolve("mbpp.jsonl"), JSON.writeValueAsString(Map.of("task_id", 2, "text", "Add two numbers.",
                "code", "def add(a, b):\r\n    return a + b", "test_list", List.of("assert add(1, 2) == 3", "assert add(0, 0) == 0"))) + "\n");
        Files.writeString(dir.resolve("astronomy_test.csv"), "Q?,a,b,c,d,C\n");
        Files.writeString(dir.resolve("astronomy_dev.csv"), "D?,a,b,c,d,A\nD?,a,b,c,d,A\nD?,a,b,c,d,A\nD?,a,b,c,d,A\nD?,a,b,c,d,A\n");
        gsm8k("train", 5);
        gsm8k("test", 1);
        for (PromptStyle style : List.of(PromptStyle.DEFAULT, REFERENCE)) {
            for (String file : List.of("HumanEval.jsonl", "mbpp.jsonl", "astronomy_test.csv", "test.jsonl")) {
                Question q = PublicFormats.read(SuiteOrigin.ofFile(dir.resolve(file)), style).questions().get(0);
                Methods m = SCORER.score(q, q.referenceAnswer(), 100).methods();
                assertThat(m.verdicts()).as(file + " " + style.kind()).hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(v -> assertThat(v.score()).as(file + " " + style.kind() + " " + v.method()).isEqualTo(100.0));
                assertThat(SCORER.score(q, "junk text 17 (Z)", 100).methods().verdicts()).as(file + " junk")
                        .allSatisfy(v -> assertThat(v.score()).as(file + " junk " + v.method()).isEqualTo(0.0));
            }
        }
    }
}
