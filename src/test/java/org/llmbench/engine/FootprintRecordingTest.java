package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunEvent;
import org.llmbench.testing.BenchLauncher;

/**
 * The engine opens a footprint window per model and records it after the model's tests, in the ledger, the manifest and
 * results.json; a mock model has no memory to measure and says so, and {@code auto} samples nothing for mock runs.
 */
class FootprintRecordingTest {

    @TempDir
    Path dir;

    private List<RunEvent> events(Path folder) throws Exception {
        List<RunEvent> events = new ArrayList<>();
        RecordReader.forEach(folder.resolve("run.jsonl"), events::add);
        return events;
    }

    @Test
    void eachModelGetsItsFootprintAfterItsTests() throws Exception {
        BenchLauncher.run(Map.of("bench.model", "mock,mock:junk", "bench.phases", "hello", "bench.footprint", "on",
                "bench.footprintPeriodMs", "100", "bench.out", dir.resolve("on").toString()));
        Path folder = BenchLauncher.latestRun(dir.resolve("on"));
        List<RunEvent> events = events(folder);
        List<RunEvent.Footprint> footprints = events.stream().filter(RunEvent.Footprint.class::isInstance)
                .map(RunEvent.Footprint.class::cast).toList();
        assertThat(footprints).extracting(RunEvent.Footprint::model).containsExactly("mock", "mock:junk");
        RunEvent.Footprint mock = footprints.get(0);
        assertThat(mock.memory().peakBytes()).isNull();
        assertThat(mock.memory().unavailable()).anySatisfy(u ->
                assertThat(u.reason()).isEqualTo("no model runs on this machine (mock provider)"));
        assertThat(mock.energy().joules() == null ? !mock.energy().unavailable().isEmpty() : mock.energy().joules() >= 0).isTrue();
        // After the model's last test ended, before the next model's first call.
        int first = events.indexOf(mock);
        assertThat(events.subList(0, first)).anyMatch(e -> e instanceof RunEvent.Call c && c.ref().model().equals("mock"));
        assertThat(events.subList(0, first)).noneMatch(e -> e instanceof RunEvent.Call c && c.ref().model().equals("mock:junk"));

        JsonNode manifest = Json.MAPPER.readTree(folder.resolve("manifest.json").toFile());
        assertThat(manifest.path("footprints")).hasSize(2);
        assertThat(manifest.path("footprints").get(0).path("model").asText()).isEqualTo("mock");
        JsonNode results = Json.MAPPER.readTree(folder.resolve("results.json").toFile());
        assertThat(results.path("models").get(0).path("footprint").path("memory_unavailable").asText())
                .contains("no model runs on this machine (mock provider)");
    }

    @Test
    void aMockRunSamplesNothingByDefault() throws Exception {
        BenchLauncher.run(Map.of("bench.model", "mock", "bench.phases", "hello", "bench.out", dir.resolve("auto").toString()));
        assertThat(events(BenchLauncher.latestRun(dir.resolve("auto")))).noneMatch(RunEvent.Footprint.class::isInstance);
    }
}
