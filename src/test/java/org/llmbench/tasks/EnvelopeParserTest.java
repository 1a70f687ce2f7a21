package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tolerant envelope parser: what it recovers, how it says so, and what it refuses. */
class EnvelopeParserTest {

    private static final String CLEAN = "{\"task_id\": \"t\", \"final\": \"42\", \"artifacts\": {\"code\": \"x\", \"json\": {\"a\": 1}}}";

    @Test
    void readsACleanEnvelopeWithoutRecoveries() {
        ParsedEnvelope p = EnvelopeParser.parse(CLEAN);
        assertThat(p.ok()).isTrue();
        assertThat(p.recoveries()).isEmpty();
        assertThat(p.answer().finalText()).isEqualTo("42");
        assertThat(p.answer().code()).isEqualTo("x");
        assertThat(p.answer().json().get("a").asInt()).isEqualTo(1);
    }

    @Test
    void recoversAFencedBlock() {
        ParsedEnvelope p = EnvelopeParser.parse("Here you go:\n```json\n" + CLEAN + "\n```\nCheers");
        assertThat(p.ok()).isTrue();
        assertThat(p.recoveries()).containsExactly("fenced_block");
    }

    @Test
    void recoversLeadingAndTrailingProse() {
        ParsedEnvelope p = EnvelopeParser.parse("Sure! {not this} " + CLEAN + " Hope that helps {}");
        assertThat(p.ok()).isTrue();
        assertThat(p.recoveries()).containsExactly("surrounding_prose");
        assertThat(p.answer().finalText()).isEqualTo("42");
    }

    @Test
    void recoversTrailingCommas() {
        ParsedEnvelope p = EnvelopeParser.parse("{\"final\": \"a\", \"artifacts\": {\"json\": [1, 2,],},}");
        assertThat(p.ok()).isTrue();
        assertThat(p.recoveries()).containsExactly("trailing_commas");
        ParsedEnvelope both = EnvelopeParser.parse("Answer: {\"final\": \"a\",}");
        assertThat(both.recoveries()).containsExactly("surrounding_prose", "trailing_commas");
    }

    @Test
    void acceptsTheFixedCodeShapeOfCodeFixAnswers() {
        ParsedEnvelope p = EnvelopeParser.parse("{\"final\": \"f\", \"artifacts\": {\"json\": {\"fixed_code\": \"def f(): pass\"}}}");
        assertThat(p.answer().code()).isEqualTo("def f(): pass");
        assertThat(EnvelopeParser.parse("{\"fixed_code\": \"x = 1\"}").answer().code()).isEqualTo("x = 1");
    }

    @Test
    void refusesWhatIsNoEnvelopeWithAReason() {
        assertThat(EnvelopeParser.parse("").error()).isEqualTo("empty answer");
        assertThat(EnvelopeParser.parse("just prose").error()).contains("no JSON object");
        assertThat(EnvelopeParser.parse("[1, 2]").error()).contains("array");
        assertThat(EnvelopeParser.parse("{\"answer\": 1}").error()).contains("without \"final\"");
        assertThat(EnvelopeParser.parse("{\"final\": \"unterminated").ok()).isFalse();
        assertThat(EnvelopeParser.parse("{\"final\": 1, \"final\": 2}").ok()).isFalse();
    }

    @Test
    void survivesHostileSizesQuickly() {
        long start = System.nanoTime();
        assertThat(EnvelopeParser.parse("{".repeat(200_000)).ok()).isFalse();
        assertThat(EnvelopeParser.parse("[".repeat(5_000) + "]".repeat(5_000)).ok()).isFalse();
        assertThat(EnvelopeParser.findJson("x {\"a\": " + "[".repeat(3_000))).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }
}
