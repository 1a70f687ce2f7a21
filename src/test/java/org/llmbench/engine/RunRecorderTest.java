package org.llmbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.llmbench.config.Constants;
import org.llmbench.model.ModelClients;
import org.llmbench.record.RecordCodec;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunEvent;

/**
 * The run's recorders hear one stream of typed events: the ledger writes exactly what a recorder added by the
 * engine hears, field for field and in the same order, and each test's events come call, score, end; the
 * recorders are closed once, when the run ends.
 */
class RunRecorderTest {

    private static String line(RunEvent e) {
        return RecordCodec.name(e) + " " + e.testId();
    }

    @Test
    void everyRecorderHearsWhatTheLedgerWritesInOrder() throws Exception {
        List<RunEvent> heard = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger closed = new AtomicInteger();
        RunRecorder observer = new RunRecorder() {
            @Override
            public void record(RunEvent event) {
                heard.add(event);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        EngineExecutionResults results = EngineKits.engine(new LlmBenchTestEngine(ModelClients::create, BenchConsole.STANDARD, observer))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("bench.model", "mock").configurationParameter("bench.phases", "hello,5q")
                .selectors(selectClass(EngineKits.ENTRY_CLASS)).execute();
        results.testEvents().assertStatistics(s -> s.succeeded(6));
        Path folder = Path.of(results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(Constants.RUN_FOLDER_ENTRY))
                .filter(v -> v != null).findFirst().orElseThrow());
        List<RunEvent> written = new ArrayList<>();
        RecordReader.forEach(folder.resolve("run.jsonl"), written::add);

        List<String> ledger = written.stream().filter(e -> !(e instanceof RunEvent.RunStart || e instanceof RunEvent.RunEnd))
                .map(RunRecorderTest::line).toList();
        assertThat(heard.stream().map(RunRecorderTest::line).toList()).isEqualTo(ledger);
        // Field for field, the ledger wrote what the recorders heard (only its own stamp's time differs).
        List<RunEvent> own = written.stream().filter(e -> !(e instanceof RunEvent.RunStart || e instanceof RunEvent.RunEnd)).toList();
        for (int i = 0; i < own.size(); i++) {
            assertThat(EventFields.of(own.get(i))).as(line(own.get(i))).isEqualTo(EventFields.of(heard.get(i)));
        }
        assertThat(ledger).filteredOn(l -> l.startsWith("test_end")).hasSize(6);
        for (String testEnd : ledger.stream().filter(l -> l.startsWith("test_end")).toList()) {
            String id = testEnd.substring("test_end ".length());
            assertThat(ledger.stream().filter(l -> l.endsWith(" " + id)).map(l -> l.substring(0, l.indexOf(' '))).toList())
                    .containsExactly("call", "score", "test_end");
        }
        assertThat(closed).hasValue(1);
    }
}
