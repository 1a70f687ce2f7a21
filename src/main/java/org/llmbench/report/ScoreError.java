package org.llmbench.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The error of a score as every report file gives it beside the score ({@link Uncertainty}), rounded to four
 * decimals.
 *
 * @param scoreStderr null with fewer than two questions
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ScoreError(Double scoreStderr, double scoreCi95Low, double scoreCi95High) {

    static ScoreError of(Uncertainty.Estimate e) {
        return new ScoreError(e.stderr() == null ? null : Uncertainty.round(e.stderr()), Uncertainty.round(e.low()),
                Uncertainty.round(e.high()));
    }
}
