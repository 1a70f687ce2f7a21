package org.llmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llmbench.json.Json;

class PageDataTest {

    /**
     * The page's JSON is written field by field; Jackson's reading of the same records (the page's format before) is
     * the reference, so a component added to a record but not to the writer fails here.
     */
    @Test
    void writesWhatDataBindingWouldWithoutAbsentErrors() throws Exception {
        PageData data = sample();
        JsonNode expected = Json.MAPPER.valueToTree(data);
        for (JsonNode row : expected.path("rows")) {
            for (JsonNode cell : row.path("cells")) {
                if (cell.isObject() && cell.path("e").isNull()) {
                    ((ObjectNode) cell).remove("e");
                }
            }
        }
        assertThat(Json.MAPPER.readTree(data.toJson())).isEqualTo(expected);
    }

    @Test
    void keepsHostileTextAsData() throws Exception {
        String hostile = "</script><!-- \u2028 \"quoted\" \\ back \u0000 \uD83D\uDE00";
        PageData data = new PageData(List.of(new PageData.Column("c0", hostile, hostile, "r")), List.of(hostile),
                List.of(new PageData.Row(hostile, "p", null, hostile,
                        List.of(new PageData.Cell(Double.NaN, false, hostile, hostile, List.of(hostile))))),
                Map.of(), List.of(), List.of());
        JsonNode read = Json.MAPPER.readTree(HtmlReport.safeJson(data.toJson()));
        assertThat(read.path("rows").get(0).path("cells").get(0).path("a").asText()).isEqualTo(hostile);
        assertThat(read.path("rows").get(0).path("tag").isNull()).isTrue();
        assertThat(HtmlReport.safeJson(data.toJson())).doesNotContain("<");
    }

    private static PageData sample() {
        Map<String, List<List<Double>>> speed = new LinkedHashMap<>();
        speed.put("ttft", List.of(List.of(1.5, 2.0), List.of()));
        speed.put("tps", List.of(List.of(100.0), List.of(3.25)));
        return new PageData(
                List.of(new PageData.Column("c0", "run a · m1", "m1", "run-a"), new PageData.Column("c1", "run b", null, "run-b")),
                List.of("hello", "5q"),
                List.of(new PageData.Row("hello/q1", "hello", "greeting", "Say hi",
                                List.of(new PageData.Cell(100, true, "hi", null, List.of("passed answered: ok")),
                                        new PageData.Cell(0, false, "", "timeout: 30 s", List.of()))),
                        new PageData.Row("5q/q2", "5q", null, "What?", Arrays.asList(null,
                                new PageData.Cell(37.5, false, "x", null, List.of("failed a: b", "passed c: "))))),
                speed, List.of(Json.MAPPER.createObjectNode().put("lane", 1).put("tps", 12.5)),
                List.of(new PageData.Cost("run a · m1", 87.5, 1234.5, null), new PageData.Cost("run b", 0, null, 0.25)));
    }
}
