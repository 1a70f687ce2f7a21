package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as copied from a prompt, and what an answer may reproduce freely. */
class PromptCopiesTest {

    private static final String PROMPT = "Write a Python function `get_with_retries(url, retries=3, backoff=0.5)` using "
            + "the requests library: retry on connection errors, timeouts and 5xx responses.";

    @Test
    void aLongCopyIsCutOutWhateverItsCaseAndSpacing() {
        PromptCopies copies = PromptCopies.of(PROMPT);
        String own = copies.own("Sure.\n  RETRY ON   connection\nerrors, timeouts and 5XX responses. Done");
        assertThat(own).isEqualTo("sure." + PromptCopies.CUT + " done");
        assertThat(copies.nothingOwn(PROMPT.toUpperCase(java.util.Locale.ROOT))).isTrue();
        assertThat(copies.nothingOwn("```python\n" + PROMPT + "\n```")).isTrue();
    }

    @Test
    void shortQuotesAndTheCodeThePromptAsksForAreTheAnswersOwn() {
        PromptCopies copies = PromptCopies.of(PROMPT);
        String code = "import requests\ndef get_with_retries(url, retries=3, backoff=0.5):\n    pass";
        assertThat(copies.own(code)).isEqualTo(PromptCopies.normalize(code, true));
        // With its backticks and the prose around it, the same code is a quote of the prompt.
        assertThat(copies.own("function `get_with_retries(url, retries=3, backoff=0.5)` using")).doesNotContain("get_with");
        assertThat(copies.own("the requests library")).isEqualTo("the requests library");
    }

    @Test
    void aPromptShorterThanTheSpanIsACopyOnlyWhole() {
        PromptCopies copies = PromptCopies.of("Say hello.");
        assertThat(copies.nothingOwn("say  HELLO.")).isTrue();
        assertThat(copies.own("hello there")).isEqualTo("hello there");
        assertThat(PromptCopies.of("  ").own("Anything")).isEqualTo("anything");
        assertThat(PromptCopies.of(null).nothingOwn("x")).isFalse();
    }

    @Test
    void aHugeAnswerIsCutInLinearTime() {
        PromptCopies copies = PromptCopies.of(PROMPT);
        String huge = (PROMPT + " own words ").repeat(40_000); // ~5 MB
        long start = System.nanoTime();
        String own = copies.own(huge);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(own).contains("own words").doesNotContain("requests library");
        assertThat(ms).as("ms for 5 MB").isLessThan(5_000);
    }
}
