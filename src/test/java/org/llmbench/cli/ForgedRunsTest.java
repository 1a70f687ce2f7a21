package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmbench.json.Json;

/**
 * A hostile contributor's edits, each made to a mock run in a temporary folder, each caught: check-submission,
 * report merge, report --compare and the leaderboard re-score every run from its recorded answers and take no
 * recorded score, total or file on trust (issue 31's "Why" list).
 */
class ForgedRunsTest {

    @TempDir
    static Path runs;

    @TempDir
    Path tmp;

    static Path whole;
    static Path shardOne;
    static Path shardTwo;

    @BeforeAll
    static void mockRuns() throws IOException {
        Cli run = Cli.run("run", "--model", "mock,mock:junk", "--phases", "hello,5q", "--out", runs.resolve("whole").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        whole = CommandsTest.onlyRun(runs.resolve("whole"));
        for (int i = 1; i <= 2; i++) {
            Cli shard = Cli.run("run", "--model", "mock,mock:junk", "--phases", "hello,5q", "--shard", i + "/2",
                    "--run-group", "forged", "--out", runs.resolve("machine-" + i).toString());
            assertThat(shard.exitCode()).as(shard.toString()).isZero();
        }
        shardOne = CommandsTest.onlyRun(runs.resolve("machine-1"));
        shardTwo = CommandsTest.onlyRun(runs.resolve("machine-2"));
    }

    // ---- check-submission

    @Test
    void anUntouchedRunIsVerified() throws IOException {
        Path run = copy(whole, "h/d");
        java.io.PrintStream before = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream capture = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
        System.setOut(capture);
        try (RescoredRun rescored = RescoredRun.of(run)) {
            assertThat(rescored.findings()).isEmpty();
            assertThat(rescored.verified()).isTrue();
            // The re-scoring's engine is silenced by its launch, not by swapping the process's streams.
            assertThat(System.out).isSameAs(capture);
        } finally {
            System.setOut(before);
        }
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).as("the re-scoring's own console").isEmpty();
    }

    @Test
    void aForgedResultsJsonIsCaughtByCheckSubmissionNamingFileLineAndField() throws IOException {
        Path run = copy(whole, "h/d");
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(run.resolve("results.json").toFile());
        for (JsonNode model : results.path("models")) {
            if (model.path("model").asText().equals("mock:junk")) {
                ((ObjectNode) model).put("score_percent", 100.0);
            }
        }
        Json.PRETTY.writeValue(run.resolve("results.json").toFile(), results);
        List<String> lines = Files.readAllLines(run.resolve("results.json"));

        Cli cli = Cli.run("check-submission", run.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(new SubmissionChecker(null).check(run)).filteredOn(f -> f.kind().equals("rescored")).singleElement()
                .satisfies(f -> {
                    assertThat(f.toString()).isEqualTo("results.json:" + f.line() + ": rescored: models[mock:junk]"
                            + ".score_percent: 100.0 is written, the ledger re-scored gives 0.0");
                    assertThat(lines.get(f.line() - 1)).contains("\"score_percent\" : 100.0");
                    assertThat(lines.subList(0, f.line()).stream().filter(l -> l.contains("\"model\" :")).reduce((x, y) -> y))
                            .hasValueSatisfying(l -> assertThat(l).contains("mock:junk"));
                });
    }

    @Test
    void anEditedLedgerScoreIsCaughtByCheckSubmissionWithItsLine() throws IOException {
        Path run = copy(whole, "h/d");
        long line = editLedger(run, isScoreOf("mock:junk", "5q"), ForgedRunsTest::raiseTo100);

        List<Finding> findings = new SubmissionChecker(null).check(run);

        assertThat(findings).filteredOn(f -> f.file().equals("run.jsonl")).singleElement()
                .satisfies(f -> assertThat(f.toString()).startsWith("run.jsonl:" + line + ": rescored: mock:junk/5q/Q01: score: "
                        + "100.0 recorded, 0.0 re-scored from its recorded answer (failed checks:")
                        .contains("; weighted_score: 100.0 recorded, 0.0 re-scored").endsWith("; passed: true recorded, false re-scored"));
        assertThat(Cli.run("check-submission", run.toString()).exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void aRemovedDuplicatedOrTornLedgerLineIsCaught() throws IOException {
        Path removed = copy(whole, "a/d");
        List<String> lines = Files.readAllLines(removed.resolve("run.jsonl"));
        int at = indexOf(lines, isScoreOf("mock:junk", "5q"));
        lines.remove(at);
        Files.write(removed.resolve("run.jsonl"), lines);
        assertThat(kinds(removed)).contains("missing");

        Path doubled = copy(whole, "b/d");
        lines = Files.readAllLines(doubled.resolve("run.jsonl"));
        int copied = indexOf(lines, isScoreOf("mock", "5q"));
        lines.add(copied + 1, lines.get(copied));
        Files.write(doubled.resolve("run.jsonl"), lines);
        assertThat(findings(doubled)).anySatisfy(f -> assertThat(f).hasToString("run.jsonl:" + (copied + 2)
                + ": duplicate: mock/5q/Q01 is scored again with no call in between (its score on line " + (copied + 1)
                + "): a copied line"));

        Path torn = copy(whole, "c/d");
        lines = Files.readAllLines(torn.resolve("run.jsonl"));
        int cut = indexOf(lines, isScoreOf("mock:junk", "5q"));
        lines.set(cut, lines.get(cut).substring(0, lines.get(cut).length() / 2));
        Files.write(torn.resolve("run.jsonl"), lines);
        assertThat(findings(torn)).anySatisfy(f -> assertThat(f.toString()).startsWith("run.jsonl:" + (cut + 1) + ": ledger:"));
    }

    @Test
    void aRunOfAnotherHarnessVersionIsReScoredByThisOneAndANoteSaysSo() throws IOException {
        Path run = copy(whole, "v/d");
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(run.resolve("manifest.json").toFile());
        manifest.put("harness_version", "0.0.9");
        Json.PRETTY.writeValue(run.resolve("manifest.json").toFile(), manifest);

        try (RescoredRun rescored = RescoredRun.of(run)) {
            assertThat(rescored.findings()).isEmpty();
            assertThat(rescored.notes()).singleElement().asString().startsWith("the run was made by llm-bench 0.0.9 and re-scored by ");
        }
    }

    @Test
    void aLedgerThatIsALinkIsNotFollowed() throws IOException {
        Path run = copy(whole, "l/d");
        Path elsewhere = tmp.resolve("elsewhere.jsonl");
        Files.move(run.resolve("run.jsonl"), elsewhere);
        Files.createSymbolicLink(run.resolve("run.jsonl"), elsewhere);

        assertThat(findings(run)).singleElement().hasToString("run.jsonl:0: rescore: a symbolic link, not followed: "
                + "the run cannot be re-scored");
    }

    // ---- report merge

    @Test
    void report_merge_refusesAScoreRaisedTo100WithFailingChecks() throws IOException {
        Path forged = copy(shardOne, "m1");
        long line = editLedger(forged, isScoreOf("mock:junk", null), ForgedRunsTest::raiseTo100);
        assertRefused(forged, "run.jsonl:" + line + ": rescored: mock:junk/");
    }

    @Test
    void report_merge_refusesADuplicatedLine() throws IOException {
        Path forged = copy(shardOne, "m2");
        List<String> lines = Files.readAllLines(forged.resolve("run.jsonl"));
        int at = indexOf(lines, isScoreOf("mock", null));
        lines.add(at + 1, lines.get(at));
        Files.write(forged.resolve("run.jsonl"), lines);
        assertRefused(forged, "run.jsonl:" + (at + 2) + ": duplicate: mock/");
    }

    @Test
    void report_merge_refusesALineForAQuestionThatDoesNotExist() throws IOException {
        Path forged = copy(shardOne, "m3");
        List<String> lines = Files.readAllLines(forged.resolve("run.jsonl"));
        int at = indexOf(lines, isScoreOf("mock", null));
        ObjectNode extra = (ObjectNode) Json.MAPPER.readTree(lines.get(at));
        String item = extra.path("item").asText();
        extra.put("item", "Q99").put("test_id", extra.path("test_id").asText().replace(item + "]", "Q99]"));
        lines.add(at + 1, Json.MAPPER.writeValueAsString(extra));
        Files.write(forged.resolve("run.jsonl"), lines);
        assertRefused(forged, "run.jsonl:" + (at + 2) + ": unplanned: mock/" + extra.path("suite").asText() + "/Q99 is no test of this run");
    }

    @Test
    void report_merge_refusesDeletedFailingLines() throws IOException {
        Path forged = copy(shardOne, "m4");
        List<String> lines = Files.readAllLines(forged.resolve("run.jsonl"));
        String testId = Json.MAPPER.readTree(lines.get(indexOf(lines, isScoreOf("mock:junk", null)))).path("test_id").asText();
        // Every line of the failing test goes: its call, score and end.
        lines.removeIf(l -> l.contains("\"test_id\":" + Json.MAPPER.valueToTree(testId)));
        Files.write(forged.resolve("run.jsonl"), lines);
        assertRefused(forged, "run.jsonl:0: missing: " + testId);
    }

    @Test
    void report_merge_refusesALineRenamedToAModelThatNeverRan() throws IOException {
        Path forged = copy(shardOne, "m5");
        long line = editLedger(forged, isScoreOf("mock:junk", null), score -> raiseTo100(score.put("model", "gpt-5")));
        assertRefused(forged, "run.jsonl:" + line + ": model: model 'gpt-5' is not a model of this run");
    }

    @Test
    void report_merge_refusesATornLine() throws IOException {
        Path forged = copy(shardOne, "m6");
        List<String> lines = Files.readAllLines(forged.resolve("run.jsonl"));
        int at = indexOf(lines, isScoreOf("mock:junk", null));
        lines.set(at, lines.get(at).substring(0, 40));
        Files.write(forged.resolve("run.jsonl"), lines);
        assertRefused(forged, "run.jsonl:" + (at + 1) + ": ledger:");
    }

    @Test
    void report_merge_ofHonestShardsStillMergesAndTheMergedRunIsVerifiedWhole() throws IOException {
        Cli merged = Cli.run("report", "merge", tmp.resolve("merged").toString(), shardOne.toString(), shardTwo.toString());
        assertThat(merged.exitCode()).as(merged.toString()).isZero();
        // A merged run's manifest is its first shard's: re-scored as that shard, the other's tests were "unplanned".
        assertThat(findings(CommandsTest.onlyRun(tmp.resolve("merged")))).isEmpty();
    }

    @Test
    void anHonestRunOfMixedLanesIsVerified() throws IOException {
        // The pool's lane count is derived during the run; given back to the replay, other questions went to other models.
        Cli run = Cli.run("run", "--model", "mock,mock:junk", "--phases", "parallel_mixed,parallel_same", "--out",
                tmp.resolve("mixed").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(findings(CommandsTest.onlyRun(tmp.resolve("mixed")))).isEmpty();
    }

    // ---- report --compare and the leaderboard

    @Test
    void aForgedCompareIsRefused() throws IOException {
        Path a = copy(whole, "a");
        Path b = copy(whole, "b");
        editLedger(b, isScoreOf("mock:junk", null), ForgedRunsTest::raiseTo100);

        Cli compare = Cli.run("report", "--compare", a.toString(), b.toString());

        assertThat(compare.exitCode()).as(compare.toString()).isEqualTo(ExitCodes.INPUT);
        assertThat(compare.err()).contains("cannot compare").contains(b.resolve("run.jsonl") + ":").contains(": rescored: mock:junk/");
        assertThat(compare.out()).doesNotContain("better at 95 %");
        assertThat(Cli.run("report", "--compare", a.toString(), copy(whole, "c").toString()).exitCode()).isZero();
    }

    @Test
    void theLeaderboardLeavesOutAForgedResultsJsonAndSaysWhy() throws IOException {
        Path root = tmp.resolve("submissions");
        copy(whole, "submissions/honest/box");
        Path liar = copy(whole, "submissions/liar/box");
        ObjectNode results = (ObjectNode) Json.MAPPER.readTree(liar.resolve("results.json").toFile());
        results.path("models").forEach(m -> ((ObjectNode) m).put("score_percent", 100.0));
        Json.PRETTY.writeValue(liar.resolve("results.json").toFile(), results);

        Cli board = Cli.run("report", "--submissions", root.toString());

        assertThat(board.exitCode()).as(board.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(board.out()).contains("honest").contains("1 run(s) left out")
                .contains(liar.resolve("results.json") + ":");
        assertThat(board.out().lines().filter(l -> l.matches("\\s*\\d+ .*")).toList()).noneMatch(l -> l.contains("liar"));
    }

    // ---- helpers

    private Path copy(Path run, String where) throws IOException {
        Path to = tmp.resolve(where).resolve(run.getFileName());
        CommandsTest.copy(run, to);
        return to;
    }

    private static Predicate<JsonNode> isScoreOf(String model, String suite) {
        return e -> e.path("event").asText().equals("score") && e.path("model").asText().equals(model)
                && (suite == null || e.path("suite").asText().equals(suite));
    }

    private static ObjectNode raiseTo100(ObjectNode score) {
        return score.put("score", 100.0).put("passed", true).put("weighted_score", score.path("weight").asDouble() * 100);
    }

    private static int indexOf(List<String> lines, Predicate<JsonNode> which) throws IOException {
        for (int i = 0; i < lines.size(); i++) {
            if (which.test(Json.MAPPER.readTree(lines.get(i)))) {
                return i;
            }
        }
        throw new AssertionError("no such line");
    }

    /** Edits the first matching line of the ledger; its 1-based number. */
    private static long editLedger(Path run, Predicate<JsonNode> which, java.util.function.UnaryOperator<ObjectNode> edit)
            throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve("run.jsonl")));
        int at = indexOf(lines, which);
        lines.set(at, Json.MAPPER.writeValueAsString(edit.apply((ObjectNode) Json.MAPPER.readTree(lines.get(at)))));
        Files.write(run.resolve("run.jsonl"), lines);
        return at + 1;
    }

    private static List<Finding> findings(Path run) throws IOException {
        try (RescoredRun rescored = RescoredRun.of(run)) {
            return rescored.findings();
        }
    }

    private static List<String> kinds(Path run) throws IOException {
        return findings(run).stream().map(Finding::kind).toList();
    }

    private void assertRefused(Path forgedShard, String expected) {
        Path out = tmp.resolve("merged-" + forgedShard.getParent().getFileName());
        Cli merged = Cli.run("report", "merge", out.toString(), forgedShard.toString(), shardTwo.toString(),
                "--min-score", "50");
        assertThat(merged.exitCode()).as(merged.toString()).isEqualTo(ExitCodes.INPUT);
        assertThat(merged.err()).as(merged.toString()).contains("cannot merge the shards")
                .contains(forgedShard.resolve(expected.substring(0, expected.indexOf(':'))) + expected.substring(expected.indexOf(':')));
        assertThat(out).doesNotExist();
    }
}
