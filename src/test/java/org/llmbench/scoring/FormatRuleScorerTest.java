package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmbench.suite.FormatRule;

/** Every format rule with an answer that passes, one that fails, and junk; syntax checks off to test shape alone. */
class FormatRuleScorerTest {

    private final FormatRuleScorer scorer = new FormatRuleScorer(new SyntaxChecker(false));

    static Stream<Arguments> answers() {
        String junk = "\u0000\uFFFD```{{{]]]\n\t$$ ``` 1) - * {\"a\":";
        return Stream.of(
                Arguments.of(FormatRule.BASH_CODE, "Here:\n```bash\necho hi\n```", "echo hi", junk),
                Arguments.of(FormatRule.BASH_CODE, "#!/bin/bash\necho hi\n", "```python\nprint(1)\n```", ""),
                Arguments.of(FormatRule.PYTHON_CODE, "```python\nprint('x')\n```", "print('x') without a block", junk),
                Arguments.of(FormatRule.PYTHON_CODE, "```\nimport os\n```", "```bash\nls\n```", "```python\n\n```"),
                Arguments.of(FormatRule.PYTEST_CODE, "```python\ndef test_add():\n    assert 1 + 1 == 2\n```",
                        "```python\ndef add(a, b):\n    return a + b\n```", junk),
                Arguments.of(FormatRule.PYTEST_CODE, "```python\nimport pytest\ndef test_div():\n    with pytest.raises(ZeroDivisionError):\n        1 / 0\n```",
                        "```python\ndef test_nothing():\n    pass\n```", "def test_x(): assert True"),
                Arguments.of(FormatRule.SHELL_LINES, "ls -la\ngrep -r foo .\n", "First, list the files.\nThen grep them.", junk),
                Arguments.of(FormatRule.SHELL_LINES, "```sh\n# comment\n$ docker ps\n```", "", "   \n  \n"),
                Arguments.of(FormatRule.FOUR_NUMBERED_STEPS, "1. a\n2. b\n3. c\n4. d", "1. a\n2. b\n3. c", junk),
                Arguments.of(FormatRule.FOUR_NUMBERED_STEPS, "Steps:\n1) a\n2) b\n3) c\n4) d\nDone.", "1. a\n3. b\n2. c\n4. d", "1.\n2.\n3.\n4."),
                Arguments.of(FormatRule.FIVE_BULLETS, "- a\n- b\n- c\n- d\n- e", "- a\n- b\n- c\n- d\n- e\n- f", junk),
                Arguments.of(FormatRule.FIVE_BULLETS, "Intro\n* a\n* b\n* c\n* d\n* e\nEnd", "a, b, c, d, e", "-\n-\n-\n-\n-"),
                Arguments.of(FormatRule.JSON_DICT, "{\"code\": 404}", "[1, 2]", junk),
                Arguments.of(FormatRule.JSON_DICT, "```json\n{\"a\": {\"b\": [1]}}\n```", "{'a': 1}", "{\"a\": 1,}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void passesGoodFailsBadAndJunk(FormatRule rule, String good, String bad, String junk) {
        assertThat(shape(rule, good).status()).as("good answer").isEqualTo(Check.Status.PASSED);
        Check badCheck = shape(rule, bad);
        assertThat(badCheck.status()).as("bad answer").isEqualTo(Check.Status.FAILED);
        assertThat(badCheck.reason()).isNotBlank();
        assertThat(shape(rule, junk).status()).as("junk answer").isEqualTo(Check.Status.FAILED);
    }

    private Check shape(FormatRule rule, String answer) {
        List<Check> checks = scorer.check(answer, rule);
        assertThat(checks).isNotEmpty();
        return checks.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void syntaxChecksAreMarkedUnavailableWhenSwitchedOff(FormatRule rule, String good, String bad, String junk) {
        List<Check> checks = scorer.check(good, rule);
        assertThat(checks.subList(1, checks.size())).allSatisfy(c -> assertThat(c.status()).isEqualTo(Check.Status.UNAVAILABLE));
    }
}
