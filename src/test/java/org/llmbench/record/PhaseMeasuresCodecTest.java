package org.llmbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A phase's figures, typed by run mode: the golden lanes run's three kinds read typed and write back the same line;
 * an old or newer line the codec cannot read whole is kept as written, untyped; what the engine builds is written in
 * its order, nulls where the engine writes them.
 */
class PhaseMeasuresCodecTest {

    private static List<String> goldenFigureLines() throws Exception {
        try (var folders = Files.list(GoldenLedgerTest.GOLDEN.resolve("lanes"))) {
            Path ledger = folders.findFirst().orElseThrow().resolve(RunFolders.LEDGER);
            return Files.readAllLines(ledger).stream().filter(l -> l.contains("\"event\":\"phase_figures\"")).toList();
        }
    }

    private static RunEvent.PhaseFigures decode(String line) throws Exception {
        return (RunEvent.PhaseFigures) RecordCodec.decode(line);
    }

    @Test
    void theGoldenLanesRunHoldsEveryKindTyped() throws Exception {
        List<String> lines = goldenFigureLines();
        List<PhaseMeasures> measures = new java.util.ArrayList<>();
        for (String line : lines) {
            RunEvent.PhaseFigures figures = decode(line);
            measures.add(figures.measures());
            assertThat(figures.stamp().hasUnknown()).isFalse();
            assertThat(RecordCodec.encode(figures)).isEqualTo(line);
        }
        assertThat(measures).hasAtLeastOneElementOfType(PhaseMeasures.Lanes.class)
                .hasAtLeastOneElementOfType(PhaseMeasures.WholeSuite.class)
                .hasAtLeastOneElementOfType(PhaseMeasures.Append.class);
        PhaseMeasures.Append append = measures.stream().filter(PhaseMeasures.Append.class::isInstance)
                .map(PhaseMeasures.Append.class::cast).findFirst().orElseThrow();
        assertThat(append.turns()).hasSize(append.turnsRun());
        assertThat(append.contextCutFromTurn()).isNull();
        PhaseMeasures.Lanes mixed = measures.stream().filter(PhaseMeasures.Lanes.class::isInstance)
                .map(PhaseMeasures.Lanes.class::cast).filter(l -> l.note() != null).findFirst().orElseThrow();
        assertThat(mixed.perLane()).containsOnlyKeys("1", "2");
        assertThat(mixed.latencyMs().p50()).isEqualTo(0);
    }

    @Test
    void aFieldMissingInAnOldLedgerLeavesTheFiguresUntypedButKeptAsWritten() throws Exception {
        for (String line : goldenFigureLines()) {
            String old = line.replaceFirst("\"(wall_ms|prompt_chars|num_ctx)\":[0-9]+,", "");
            assertThat(old).isNotEqualTo(line);
            RunEvent.PhaseFigures figures = decode(old);
            assertThat(figures.measures()).isNull();
            assertThat(figures.phase()).isNotBlank();
            assertThat(RecordCodec.encode(figures)).isEqualTo(old);
            assertThat(RecordCodec.figuresOf(figures).toString()).doesNotContain("schema_version");
        }
    }

    @Test
    void anUnknownFieldIsKeptAtTheEndAndTheKnownOnesStayTyped() throws Exception {
        for (String line : goldenFigureLines()) {
            String newer = line.substring(0, line.length() - 1) + ",\"gpu_util\":0.93}";
            RunEvent.PhaseFigures figures = decode(newer);
            assertThat(figures.measures()).isNotNull();
            assertThat(figures.stamp().unknown().path("gpu_util").asDouble()).isEqualTo(0.93);
            assertThat(RecordCodec.encode(figures)).isEqualTo(newer);
        }
    }

    @Test
    void anUnknownFieldInsideANestedObjectKeepsTheWholeFiguresAsWritten() throws Exception {
        String lanes = goldenFigureLines().get(0);
        String newer = lanes.replaceFirst("\"max\":0}", "\"max\":0,\"p999\":0}");
        RunEvent.PhaseFigures figures = decode(newer);
        assertThat(figures.measures()).isNull();
        assertThat(RecordCodec.encode(figures)).isEqualTo(newer);
    }

    @Test
    void aWrongTypeIsNoCrashEither() throws Exception {
        String lanes = goldenFigureLines().get(0).replaceFirst("\"lanes\":4", "\"lanes\":\"four\"");
        RunEvent.PhaseFigures figures = decode(lanes);
        assertThat(figures.measures()).isNull();
        assertThat(RecordCodec.encode(figures)).isEqualTo(lanes);
    }

    @Test
    void whatTheEngineBuildsIsWrittenInItsOrderWithItsNulls() throws Exception {
        Stamp stamp = new Stamp(RecordCodec.SCHEMA_VERSION, Instant.parse("2026-01-01T00:00:00Z"), "r", null, null);
        PhaseMeasures.Latencies none = new PhaseMeasures.Latencies(null, null, null, null, null);
        PhaseMeasures.Latencies some = new PhaseMeasures.Latencies(12.5, 20.0, 20.0, 20.0, 20.0);
        var lanes = new PhaseMeasures.Lanes("round_robin", 2, 40, 1, 1, 1, 0, false, 0.0, some,
                Map.of("1", new PhaseMeasures.Lane("m", 1, some)),
                Map.of("http://a", new PhaseMeasures.Server(1, 1, 25.0, none)), null);
        String line = RecordCodec.encode(new RunEvent.PhaseFigures(stamp, "p", "m", "parallel_same", "[t]", lanes));
        assertThat(line).endsWith("\"test_id\":\"[t]\",\"assignment\":\"round_robin\",\"lanes\":2,\"wall_ms\":40,"
                + "\"requests\":1,\"errors\":1,\"max_in_flight\":1,\"completion_tokens\":0,"
                + "\"completion_tokens_estimated\":false,\"completion_tokens_per_s\":0.0,"
                + "\"latency_ms\":{\"p50\":12.5,\"p90\":20.0,\"p95\":20.0,\"p99\":20.0,\"max\":20.0},"
                + "\"per_lane\":{\"1\":{\"model\":\"m\",\"requests\":1,\"latency_ms\":{\"p50\":12.5,\"p90\":20.0,"
                + "\"p95\":20.0,\"p99\":20.0,\"max\":20.0}}},"
                + "\"per_server\":{\"http://a\":{\"requests\":1,\"errors\":1,\"requests_per_s\":25.0,\"latency_ms\":{}}}}");
        assertThat(RecordCodec.decode(line)).isEqualTo(RecordCodec.decode(RecordCodec.encode(RecordCodec.decode(line))));
        assertThat(((RunEvent.PhaseFigures) RecordCodec.decode(line)).measures()).isEqualTo(lanes);

        var whole = new PhaseMeasures.WholeSuite(2, 100, null, null, true, 7, "timeout", List.of("Q1"), List.of("Q2"));
        String wholeLine = RecordCodec.encode(new RunEvent.PhaseFigures(stamp, "p", "m", "whole_suite", "[t]", whole));
        assertThat(wholeLine).endsWith("\"questions\":2,\"prompt_chars\":100,\"prompt_tokens\":null,"
                + "\"completion_tokens\":null,\"tokens_estimated\":true,\"latency_ms\":7,\"error_kind\":\"timeout\","
                + "\"parts_found\":[\"Q1\"],\"parts_missing\":[\"Q2\"]}");
        assertThat(((RunEvent.PhaseFigures) RecordCodec.decode(wholeLine)).measures()).isEqualTo(whole);

        var turn = new PhaseMeasures.Turn(1, "A01", 1, 30, 10, 40, false, 5, 0.0, false, true, "the server says so");
        var append = new PhaseMeasures.Append(4096, 1, 3, "context full", 40, 1, 1, 1, List.of(turn));
        String appendLine = RecordCodec.encode(new RunEvent.PhaseFigures(stamp, "p", "m", "append", "[t]", append));
        assertThat(appendLine).endsWith("\"num_ctx\":4096,\"turns_run\":1,\"questions\":3,\"stopped_because\":"
                + "\"context full\",\"context_tokens\":40,\"first_degraded_turn\":1,\"context_cut_from_turn\":1,"
                + "\"context_cut_turns\":1,\"turns\":[{\"turn\":1,\"question\":\"A01\",\"messages\":1,\"prompt_tokens\":30,"
                + "\"completion_tokens\":10,\"context_tokens\":40,\"tokens_estimated\":false,\"latency_ms\":5,"
                + "\"score\":0.0,\"passed\":false,\"context_cut\":true,\"context_cut_because\":\"the server says so\"}]}");
        assertThat(((RunEvent.PhaseFigures) RecordCodec.decode(appendLine)).measures()).isEqualTo(append);
    }

    @Test
    void theManifestListsTheFiguresTypedAndAMergedRunMarksEachWithItsShard() throws Exception {
        Path lanes;
        Path merged;
        try (var a = Files.list(GoldenLedgerTest.GOLDEN.resolve("lanes")); var b = Files.list(GoldenLedgerTest.GOLDEN.resolve("merged"))) {
            lanes = a.findFirst().orElseThrow();
            merged = b.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        }
        Manifest manifest = ManifestCodec.read(lanes.resolve(RunFolders.MANIFEST));
        assertThat(manifest.phaseFigures()).hasSize(4).allSatisfy(f -> {
            assertThat(f.measures()).isNotNull();
            assertThat(f.stamp().hasUnknown()).isFalse();
        });
        Manifest mergedManifest = ManifestCodec.read(merged.resolve(RunFolders.MANIFEST));
        assertThat(mergedManifest.phaseFigures()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.measures()).isInstanceOf(PhaseMeasures.Lanes.class);
            assertThat(f.stamp().unknown().path("shard").asText()).isNotBlank();
        });
        RunEvent.PhaseFigures first = manifest.phaseFigures().get(0);
        assertThat(RecordCodec.figuresOf(ManifestCodec.fromShard(first, "2/2")).toString())
                .isEqualTo(RecordCodec.figuresOf(first).put("shard", "2/2").toString());
    }

    @Test
    void aManifestEntryWithoutItsPhaseIsAnErrorNamingTheField() throws Exception {
        Path lanes;
        try (var a = Files.list(GoldenLedgerTest.GOLDEN.resolve("lanes"))) {
            lanes = a.findFirst().orElseThrow();
        }
        Path file = lanes.resolve(RunFolders.MANIFEST);
        String text = Files.readString(file).replaceFirst("\"phase\" : \"parallel_same\",", "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManifestCodec.parse(file, text))
                .hasMessageContaining("phase_figures[0].phase");
    }
}
