package org.llmbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A score line's {@code methods} (every scoring method's verdict) round-trips, and a line without it reads as before. */
class ScoreMethodsCodecTest {

    private static RunEvent.Score score(Methods methods) {
        TestRef ref = new TestRef("[engine:llm-bench]/[model:m]/[suite:test]/[question:1]", "m", "test", "1", "test");
        return new RunEvent.Score(Stamp.now("run-1"), ref, 100, 100, true, 1, 100,
                List.of(new Check("answer", 1, CheckStatus.PASSED, "strict-match read 18: right")), null, null, null,
                methods);
    }

    @Test
    void everyVerdictTheHeadlineAndThePromptFormatRoundTrip() throws Exception {
        Methods methods = new Methods("strict-match", "lm-eval gsm8k (Question/Answer), 5-shot",
                List.of(new Verdict("strict-match", 100, "18"), new Verdict("flexible-extract", 0, "18.00"),
                        new Verdict("by-value", 100, null)));
        String line = RecordCodec.encode(score(methods));
        assertThat(line).contains("\"methods\":{\"headline\":\"strict-match\",\"prompt_format\":\"lm-eval gsm8k (Question/Answer), 5-shot\","
                + "\"verdicts\":[{\"method\":\"strict-match\",\"score\":100.0,\"read\":\"18\"}");
        RunEvent.Score back = (RunEvent.Score) RecordCodec.decode(line);
        assertThat(back.methods()).isEqualTo(methods);
        assertThat(back.methods().verdict("flexible-extract").read()).isEqualTo("18.00");
        assertThat(back.stamp().unknown()).isEmpty();
    }

    @Test
    void aScoreWithoutMethodsWritesNoneAndReadsNone() throws Exception {
        String line = RecordCodec.encode(score(null));
        assertThat(line).doesNotContain("methods");
        assertThat(((RunEvent.Score) RecordCodec.decode(line)).methods()).isNull();
    }

    @Test
    void aMistypedVerdictIsABadLineNamingTheField() {
        String line = RecordCodec.encode(score(new Methods("x", null, List.of(new Verdict("x", 1, null)))))
                .replace("\"score\":1.0,\"read\"", "\"score\":\"high\",\"read\"");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> RecordCodec.decode(line)))
                .isInstanceOf(RecordCodec.BadLine.class).hasMessageContaining("score");
    }
}
