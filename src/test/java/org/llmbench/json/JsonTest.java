package org.llmbench.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The named readers of the one Jackson configuration: what each accepts and what it refuses. */
class JsonTest {

    @Test
    void strictRefusesDuplicateFieldsTrailingTokensAndTrailingCommas() throws Exception {
        assertThat(Json.STRICT.readTree("{\"final\": 1}").get("final").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> Json.STRICT.readTree("{\"final\": 1, \"final\": 2}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> Json.STRICT.readTree("{\"final\": 1} {\"final\": 2}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> Json.STRICT.readTree("[1, 2,]")).isInstanceOf(JsonProcessingException.class);
        assertThat(Json.MAPPER.readTree("{\"a\": 1, \"a\": 2} trailing").get("a").asInt())
                .as("the plain mapper stays as lenient as Jackson's default").isEqualTo(2);
    }

    @Test
    void lenientForgivesTrailingCommasOnly() throws Exception {
        assertThat(Json.LENIENT.readTree("{\"a\": [1, 2,],}").get("a").size()).isEqualTo(2);
        assertThatThrownBy(() -> Json.LENIENT.readTree("{\"a\": 1, \"a\": 2}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.LENIENT.readTree("{\"a\": 1,} x")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void decimalKeepsTheWrittenDigits() throws Exception {
        assertThat(Json.DECIMAL.readTree("{\"t\": 0.1, \"big\": 1e400}").get("big").decimalValue())
                .isEqualTo(new BigDecimal("1E+400"));
        assertThat(Json.MAPPER.readTree("{\"big\": 1e400}").get("big").doubleValue()).isInfinite();
    }
}
