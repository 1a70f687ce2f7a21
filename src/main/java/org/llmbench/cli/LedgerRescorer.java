package org.llmbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.llmbench.ledger.LedgerReader;
import org.llmbench.scoring.QuestionScorer;
import org.llmbench.scoring.Score;
import org.llmbench.scoring.SyntaxChecker;
import org.llmbench.suite.Question;
import org.llmbench.suite.Suite;
import org.llmbench.suite.SuiteOrigin;

/**
 * Re-scores a saved ledger's suite answers with today's scorers, without the engine and without any model.
 * The stand-in for replay until the engine has a replay provider; generated tasks are reported as not
 * replayable here.
 */
final class LedgerRescorer {

    /** One test: its old score, and its new one (null when it cannot be replayed here). */
    record Rescored(String testId, String suite, String item, double weight, double oldScore, Double newScore, String note) {
    }

    private final List<String> suiteRoots;
    private final double defaultPassMark;
    private final QuestionScorer scorer = new QuestionScorer(new SyntaxChecker(true));
    private final Map<String, Optional<Suite>> suites = new HashMap<>();

    LedgerRescorer(List<String> suiteRoots, double defaultPassMark) {
        this.suiteRoots = suiteRoots;
        this.defaultPassMark = defaultPassMark;
    }

    List<Rescored> rescore(Path ledger) throws IOException {
        Map<String, JsonNode> lastCall = new HashMap<>();
        Map<String, JsonNode> lastScore = new LinkedHashMap<>();
        LedgerReader.forEach(ledger, e -> {
            String id = e.path("test_id").asText(null);
            switch (e.path("event").asText()) {
                case "call" -> lastCall.put(id, e);
                case "score" -> {
                    lastScore.remove(id);
                    lastScore.put(id, e);
                }
                default -> { }
            }
        });
        return lastScore.values().stream().map(score -> rescore(score, lastCall.get(score.path("test_id").asText()))).toList();
    }

    private Rescored rescore(JsonNode score, JsonNode call) {
        String suiteId = score.path("suite").asText();
        String item = score.path("item").asText();
        double weight = score.path("weight").asDouble(1);
        double old = score.path("score").asDouble();
        String testId = score.path("test_id").asText();
        Optional<Question> question = suite(suiteId).flatMap(s -> s.question(item));
        if (question.isEmpty()) {
            return new Rescored(testId, suiteId, item, weight, old, null, "not replayable here: no suite question " + suiteId + "/" + item);
        }
        if (call == null || !call.path("raw_output").isTextual()) {
            return new Rescored(testId, suiteId, item, weight, old, old, "the saved call failed; score kept");
        }
        Score fresh = scorer.score(question.get(), call.path("raw_output").asText(), defaultPassMark);
        return new Rescored(testId, suiteId, item, weight, old, fresh.value(), fresh.passed() ? "passed" : "failed");
    }

    private Optional<Suite> suite(String id) {
        return suites.computeIfAbsent(id, this::load);
    }

    private Optional<Suite> load(String id) {
        for (String root : suiteRoots) {
            Path file = Path.of(root).resolve(id + ".json");
            if (Files.isRegularFile(file)) {
                return ListCommand.loadQuietly(SuiteOrigin.ofFile(file));
            }
        }
        if (Thread.currentThread().getContextClassLoader().getResource("suites/" + id + ".json") != null) {
            return ListCommand.loadQuietly(SuiteOrigin.ofResource("suites/" + id + ".json"));
        }
        return Optional.empty();
    }
}
