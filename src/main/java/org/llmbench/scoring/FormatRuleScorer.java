package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmbench.json.Json;
import org.llmbench.suite.FormatRule;

/**
 * Checks an answer's shape against its format rule. Shape is a sanity check, not proof of correctness;
 * {@link SyntaxChecker} adds a real parser where the machine has one.
 */
public final class FormatRuleScorer {

    private static final Set<String> SHELL = Set.of("bash", "sh", "shell", "zsh", "console");
    private static final Set<String> PYTHON = Set.of("python", "py", "python3", "pytest");
    private static final Pattern NUMBERED = Pattern.compile("^\\s{0,8}(\\d{1,3})[.)]\\s+\\S.*$", Pattern.MULTILINE);
    private static final Pattern BULLET = Pattern.compile("^\\s{0,8}[-*\u2022+]\\s+\\S.*$", Pattern.MULTILINE);
    private static final Pattern COMMAND = Pattern.compile("^(\\$ )?[A-Za-z_./~][\\w./~+-]*(\\s.*)?$");
    /** A line ending like a sentence ("... the files.") is prose, while "grep -r foo ." ends with a path. */
    private static final Pattern SENTENCE_END = Pattern.compile("[A-Za-z]{2}[.!?]$");

    private final SyntaxChecker syntax;

    public FormatRuleScorer(SyntaxChecker syntax) {
        this.syntax = syntax;
    }

    /** The checks of one rule, for an answer to a prompt the rule is not told about. */
    public List<Check> check(String answer, FormatRule rule) {
        return check(answer, rule, PromptCopies.none());
    }

    /**
     * The checks of one rule: the shape check (weight 1) and, for code, a syntax check (weight 1) that runs only once
     * the shape check passed. Code that only copies the prompt is not the answer's code.
     */
    public List<Check> check(String answer, FormatRule rule, PromptCopies copies) {
        List<Check> checks = new ArrayList<>(2);
        String name = "format:" + rule.wireName();
        switch (rule) {
            case BASH_CODE -> code(checks, name, answer, shellCode(answer), copies, "a bash code block", SyntaxChecker.Language.BASH);
            case PYTHON_CODE -> code(checks, name, answer, pythonCode(answer), copies, "a python code block", SyntaxChecker.Language.PYTHON);
            case PYTEST_CODE -> pytest(checks, name, answer, copies);
            case SHELL_LINES -> shellLines(checks, name, answer, copies);
            case FOUR_NUMBERED_STEPS -> numbered(checks, name, answer);
            case FIVE_BULLETS -> checks.add(Check.verify(name, 1, "exactly five bullet lines", () ->
                    assertThat(count(BULLET.matcher(answer))).withFailMessage("expected 5 bullet lines, found %d",
                            count(BULLET.matcher(answer))).isEqualTo(5)));
            case JSON_DICT -> jsonDict(checks, name, answer);
        }
        return checks;
    }

    private void code(List<Check> checks, String name, String answer, Optional<String> code, PromptCopies copies,
                      String what, SyntaxChecker.Language lang) {
        String missing = missing(answer, code, copies, what);
        Check shape = missing == null ? Check.passed(name, 1, "contains " + what) : Check.failed(name, 1, missing);
        checks.add(shape);
        checks.add(syntaxAfter(shape, lang, code));
    }

    private void pytest(List<Check> checks, String name, String answer, PromptCopies copies) {
        Optional<String> code = pythonCode(answer);
        String missing = missing(answer, code, copies, "a python code block");
        checks.add(Check.verify(name, 1, "a python block with a test function that asserts", () -> {
            assertThat(missing).withFailMessage("%s", missing).isNull();
            assertThat(code.get()).withFailMessage("no 'def test_' function").contains("def test_");
            assertThat(code.get().contains("assert") || code.get().contains("pytest.raises"))
                    .withFailMessage("the tests assert nothing").isTrue();
        }));
        checks.add(syntaxAfter(checks.get(checks.size() - 1), SyntaxChecker.Language.PYTHON, code));
    }

    /** Why an answer has no code of its own to check, or null when it has. */
    private static String missing(String answer, Optional<String> code, PromptCopies copies, String what) {
        // "a bash code block" reads "no bash code block found", not "no a bash code block found".
        String bare = what.replaceFirst("^an? ", "");
        if (code.isEmpty()) {
            return "no " + bare + " found" + (CodeBlocks.hasUnclosedFence(answer)
                    ? " (an unclosed ``` fence is not a code block)" : "");
        }
        return copies.onlyCopies(code.get()) ? "the " + bare + " only copies the prompt" : null;
    }

    /** Parsing is credit for code of the asked shape: prose passes {@code bash -n}, so it is checked only after the shape. */
    private Check syntaxAfter(Check shape, SyntaxChecker.Language lang, Optional<String> code) {
        return shape.passed() ? syntax.check(lang, code.orElseThrow())
                : syntax.notChecked(lang, "the format check failed");
    }

    private void shellLines(List<Check> checks, String name, String answer, PromptCopies copies) {
        String text = CodeBlocks.first(answer, SHELL).orElse(answer);
        List<String> lines = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !copies.onlyCopies(l)).toList();
        Check shape = Check.verify(name, 1, lines.size() + " command line(s)", () -> {
            assertThat(lines).withFailMessage("no command lines").isNotEmpty();
            for (String line : lines) {
                assertThat(COMMAND.matcher(line).matches() && !SENTENCE_END.matcher(line).find())
                        .withFailMessage("not a command line: '%s'", abbreviate(line)).isTrue();
            }
        });
        checks.add(shape);
        checks.add(syntaxAfter(shape, SyntaxChecker.Language.BASH, Optional.of(String.join("\n", lines))));
    }

    private void numbered(List<Check> checks, String name, String answer) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = NUMBERED.matcher(answer);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        checks.add(Check.verify(name, 1, "steps numbered 1 to 4", () ->
                assertThat(numbers).withFailMessage("expected steps numbered [1, 2, 3, 4], found %s", numbers)
                        .containsExactly(1, 2, 3, 4)));
    }

    private void jsonDict(List<Check> checks, String name, String answer) {
        String text = CodeBlocks.first(answer, Set.of("json")).orElse(answer).strip();
        checks.add(Check.verify(name, 1, "a JSON object", () -> {
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not valid JSON: " + abbreviate(e.getMessage()));
            }
            assertThat(node != null && node.isObject()).withFailMessage("valid JSON but not an object").isTrue();
        }));
    }

    private static Optional<String> shellCode(String answer) {
        Optional<String> block = CodeBlocks.first(answer, SHELL);
        if (block.isEmpty() && answer.stripLeading().startsWith("#!") && answer.lines().findFirst().orElse("").contains("sh")) {
            return Optional.of(answer.stripLeading());
        }
        return block;
    }

    private static Optional<String> pythonCode(String answer) {
        return CodeBlocks.first(answer, PYTHON);
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String line = s.lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
