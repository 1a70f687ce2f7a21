package org.llmbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The prompts of one public benchmark file under a {@link PromptStyle}: llm-bench's zero-shot instructions, or the
 * references' formats with their worked examples. lm-evaluation-harness's gsm8k asks {@code Question: ...\nAnswer:}
 * after n examples {@code Question: ...\nAnswer: <the dataset's whole answer>} separated by a blank line (it draws
 * them from the train split at random with seed 1234; llm-bench takes the first n of {@code train.jsonl} beside the
 * file, so the examples are fixed and named). Its MMLU asks {@code The following are multiple choice questions (with
 * answers) about <subject>.} + blank line + n dev examples ({@code <question>\nA. ...\nAnswer: B}, the first n, as
 * lm-eval's {@code first_n} sampler takes them) + the question ending {@code Answer:}. human-eval asks the prompt as
 * it is (the model completes it); MBPP the google-research prompt without llm-bench's reply instruction.
 */
final class PublicPrompts {

    static final String HUMANEVAL_INSTRUCT = "Complete the following Python function. Reply with the complete function"
            + " in one ```python code block.\n\n```python\n{prompt}```";
    static final String MBPP_REFERENCE = "You are an expert Python programmer, and here is your task: {text}"
            + " Your code should pass these tests:\n\n{tests}\n";
    static final String MBPP_INSTRUCT = MBPP_REFERENCE + "\nReply with the code in one ```python code block.";
    static final String GSM8K_INSTRUCT = "Solve the following math problem step by step. End your reply with a line"
            + " of the form \"#### N\" where N is the final answer as a number.\n\n{question}";
    static final String MMLU_INSTRUCT = "The following is a multiple choice question. Reply with the letter of the"
            + " correct answer only.\n\n{question}\n{choices}Answer:";

    /** A worked example: the question part and its answer. */
    private record Example(String text, String answer) {
    }

    private final SuiteOrigin origin;
    private final PromptStyle style;
    private List<Example> examples;
    private String examplesFile;

    PublicPrompts(SuiteOrigin origin, PromptStyle style) {
        this.origin = origin;
        this.style = style;
    }

    boolean reference() {
        return style.kind() == PromptStyle.Kind.REFERENCE;
    }

    List<ScoringMethod> methods(PublicFormats.Format format) {
        return style.methods(format);
    }

    /** The prompt format in words, as every score of the file records it. */
    String label(PublicFormats.Format format) throws SuiteException {
        if (!reference()) {
            if (style.shots() != null && style.shots() > 0) {
                throw new SuiteException(origin, 1, 1, null, "--shots " + style.shots() + " needs --prompt-format reference"
                        + " (llm-bench's instruct prompts are zero-shot)");
            }
            return "llm-bench instruct, 0-shot";
        }
        int n = style.shots(format);
        return switch (format) {
            case GSM8K -> "lm-eval gsm8k (Question/Answer), " + n + "-shot" + from(format);
            case MMLU -> "lm-eval mmlu, " + n + "-shot" + from(format);
            case HUMANEVAL -> "human-eval completion (the prompt as it is), 0-shot";
            case MBPP -> "mbpp (google-research prompt), 0-shot";
        };
    }

    private String from(PublicFormats.Format format) throws SuiteException {
        return style.shots(format) == 0 ? "" : " from " + examples(format).size() + " examples of " + examplesFile;
    }

    String gsm8k(String question) throws SuiteException {
        if (!reference()) {
            return GSM8K_INSTRUCT.replace("{question}", question);
        }
        return shots(PublicFormats.Format.GSM8K, "") + "Question: " + question + "\nAnswer:";
    }

    String mmlu(String question, List<String> choices) throws SuiteException {
        if (!reference()) {
            return MMLU_INSTRUCT.replace("{question}", question).replace("{choices}", lettered(choices));
        }
        String subject = subject();
        return shots(PublicFormats.Format.MMLU, "The following are multiple choice questions (with answers) about "
                + subject + ".\n\n") + mmluText(question, choices);
    }

    String humanEval(String prompt) {
        return reference() ? prompt : HUMANEVAL_INSTRUCT.replace("{prompt}", prompt);
    }

    String mbpp(String text, List<String> tests) {
        return (reference() ? MBPP_REFERENCE : MBPP_INSTRUCT).replace("{text}", text).replace("{tests}", String.join("\n", tests));
    }

    private static String mmluText(String question, List<String> choices) {
        return question.strip() + "\n" + lettered(choices) + "Answer:";
    }

    private static String lettered(List<String> choices) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            shown.append((char) ('A' + i)).append(". ").append(choices.get(i)).append('\n');
        }
        return shown.toString();
    }

    /** lm-eval's few-shot context: the description, then each example and its answer, each followed by a blank line. */
    private String shots(PublicFormats.Format format, String description) throws SuiteException {
        StringBuilder b = new StringBuilder(description);
        for (Example e : examples(format)) {
            b.append(e.text()).append(' ').append(e.answer()).append("\n\n");
        }
        return b.toString();
    }

    /** The subject of an MMLU file as lm-eval names it: {@code high_school_biology_test} is "high school biology". */
    private String subject() {
        String id = origin.suiteId();
        String base = id.toLowerCase(Locale.ROOT).endsWith("_test") ? id.substring(0, id.length() - 5) : id;
        return base.replace('_', ' ');
    }

    private List<Example> examples(PublicFormats.Format format) throws SuiteException {
        int n = style.shots(format);
        if (n == 0) {
            return List.of();
        }
        if (examples == null) {
            Path file = exampleFile(format);
            examplesFile = file.getFileName().toString();
            examples = read(format, SuiteOrigin.ofFile(file), n);
            if (examples.size() < n) {
                throw new SuiteException(origin, 1, 1, null, n + " examples asked for (--shots) but " + examplesFile
                        + " holds " + examples.size());
            }
        }
        return examples;
    }

    /** GSM8K: {@code train.jsonl[.gz]} beside the file; MMLU: the file's name with {@code test} as {@code dev}, beside it or in {@code ../dev/}. */
    private Path exampleFile(PublicFormats.Format format) throws SuiteException {
        if (!origin.isFile()) {
            throw new SuiteException(origin, 1, 1, null, "worked examples are read beside a file on disk; use --shots 0");
        }
        Path dir = origin.file().getParent();
        String name = origin.file().getFileName().toString();
        List<Path> candidates = new ArrayList<>();
        if (format == PublicFormats.Format.GSM8K) {
            candidates.add(dir.resolve("train.jsonl"));
            candidates.add(dir.resolve("train.jsonl.gz"));
        } else {
            String id = origin.suiteId();
            String ending = name.substring(id.length());
            if (id.toLowerCase(Locale.ROOT).endsWith("test")) {
                String dev = id.substring(0, id.length() - 4) + "dev" + ending;
                candidates.add(dir.resolve(dev));
                if (dir.getParent() != null) {
                    candidates.add(dir.getParent().resolve("dev").resolve(dev));
                }
            }
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new SuiteException(origin, 1, 1, null, "the " + style.shots(format) + "-shot prompt needs its worked examples: "
                + (candidates.isEmpty() ? "a file named like " + name.replace("test", "dev") + " (this file's name has no 'test')"
                : "none of " + candidates.stream().map(p -> p.getFileName().toString()).distinct().toList() + " is there")
                + "; put the dataset's " + (format == PublicFormats.Format.GSM8K ? "train" : "dev") + " split there, or use --shots 0");
    }

    private static List<Example> read(PublicFormats.Format format, SuiteOrigin file, int n) throws SuiteException {
        String name = file.file().getFileName().toString();
        List<Example> out = new ArrayList<>();
        try (InputStream raw = file.open();
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
                CsvRows csv = new CsvRows(file, reader);
                List<String> row;
                while (out.size() < n && (row = csv.next()) != null) {
                    if (row.size() < 4 || row.get(0).strip().equalsIgnoreCase("question") && out.isEmpty()) {
                        continue;
                    }
                    String letter = PublicQuestions.letter(com.fasterxml.jackson.databind.node.TextNode.valueOf(row.get(row.size() - 1)));
                    if (letter == null) {
                        throw new SuiteException(file, csv.rowLine(), row.size(), "answer", "the last column must be a choice letter");
                    }
                    out.add(new Example(mmluText(row.get(0), row.subList(1, row.size() - 1)), letter));
                }
                return out;
            }
            String line;
            int lineNo = 0;
            while (out.size() < n && (line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = PublicFormats.object(file, line, lineNo);
                if (format == PublicFormats.Format.GSM8K && node.path("question").isTextual() && node.path("answer").isTextual()) {
                    out.add(new Example("Question: " + node.get("question").asText() + "\nAnswer:", node.get("answer").asText()));
                } else if (format == PublicFormats.Format.MMLU && node.path("choices").isArray()
                        && PublicQuestions.letter(node.get("answer")) != null) {
                    out.add(new Example(mmluText(node.path("question").asText(), PublicQuestions.choices(node.get("choices"))),
                            PublicQuestions.letter(node.get("answer"))));
                } else {
                    throw new SuiteException(file, lineNo, 1, null, "not a " + format + " example (question and answer"
                            + (format == PublicFormats.Format.MMLU ? ", choices" : "") + ")");
                }
            }
            return out;
        } catch (IOException e) {
            throw new SuiteException(file, 1, 1, null, "cannot read the worked examples: " + e.getMessage());
        }
    }
}
