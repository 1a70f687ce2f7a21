package org.llmbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantsTest {

    @Test
    void readsWhatInstantWritesAsInstantParseDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            // From year 1 to 9999 (four-digit years), with every fraction length Instant.toString writes.
            long second = -62_135_596_800L + (long) (random.nextDouble() * 315_537_897_599L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(second, nanos).toString();
            assertThat(Instants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void shortFractionsAndUnusualFormsReadAsInstantParseReadsThem() {
        for (String text : List.of("2026-12-07T04:10:00.5Z", "2026-12-07T04:10:00.1234567Z", "2024-02-29T23:59:59.999999999Z",
                "2026-12-07T04:10:00+01:00", "2016-12-31T23:59:60Z", "+12026-12-07T04:10:00Z", "0000-01-01T00:00:00Z",
                "2026-12-07t04:10:00z", "2026-12-07T24:00:00Z", "2026-12-07T04:10:00.Z")) {
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> Instants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(Instants.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String text : List.of("", "2026-12-07", "2026-13-07T04:10:00Z", "2026-02-30T04:10:00Z", "2026-12-07T24:00:01Z",
                "2026-12-07T04:60:00Z", "2026-12-07T04:10:00.1234567890Z", "2026-1a-07T04:10:00Z",
                "2026-12-07T04:10:00", "2026-12-07 04:10:00Z", "２０２６-12-07T04:10:00Z", "2026-12-07T04:10:0٣Z",
                "2026-12-07T04:10:00.12a4Z", "-026-12-07T04:10:00Z")) {
            assertThatThrownBy(() -> Instants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
