package org.llmbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.llmbench.json.Json;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunEvent;
import org.llmbench.record.RunFolders;

/**
 * A run's final score of every question, per model, read from its ledger: what the regression gate and
 * {@code report --compare} pair. The one place that reads them, so that a loader which re-scores the recorded answers
 * can replace {@link #read(Path, String)}'s source with a small edit. A run is named by its folder, its
 * {@code run.jsonl} or its {@code results.json}: the scores always come from the ledger beside it (results.json is
 * derived from it, so alone it proves nothing; when it is there, it must agree with the ledger). A ledger with lines
 * that are no event, or a score that does not hold together, is refused, naming the file, line and field.
 */
public final class RunScores {

    /** One question's final outcome: its score (0-100), whether it reached its pass mark, its weight, its latency. */
    public record Scored(String question, double score, boolean passed, double weight, Long latencyMs) {
    }

    private final Path folder;
    private final Map<String, Map<String, Scored>> byModel;
    private final Map<String, String> suiteVersions;

    private RunScores(Path folder, Map<String, Map<String, Scored>> byModel, Map<String, String> suiteVersions) {
        this.folder = folder;
        this.byModel = byModel;
        this.suiteVersions = suiteVersions;
    }

    /** Each suite file's version as the run's manifest recorded it; empty when it recorded none (an older run). */
    public Map<String, String> suiteVersions() {
        return suiteVersions;
    }

    /** The run folder the scores were read from. */
    public Path folder() {
        return folder;
    }

    /** Model to question ({@code suite/item}) to its final outcome, in the order the run scored them. */
    public Map<String, Map<String, Scored>> byModel() {
        return byModel;
    }

    /**
     * Reads a run named by its folder, run.jsonl or results.json; {@code what} is how the user named it (a setting, an
     * argument) for the messages.
     */
    public static RunScores read(Path run, String what) throws BaselineProblem {
        return read(run, what, true);
    }

    /**
     * The run being judged, from its ledger alone: its results.json may be the one being written, or an earlier
     * process's on a resume.
     */
    static RunScores readLedger(Path run, String what) throws BaselineProblem {
        return read(run, what, false);
    }

    private static RunScores read(Path run, String what, boolean checkResults) throws BaselineProblem {
        Path folder = folderOf(run, what);
        Path ledger = folder.resolve(RunFolders.LEDGER);
        Map<String, Map<String, Scored>> byModel = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            RecordReader.Reading reading = RecordReader.forEach(ledger, e -> {
            });
            if (!reading.clean()) {
                throw new BaselineProblem(what + ": " + reading.problemCount() + " line(s) of " + ledger
                        + " are no event, so its scores are not whole; first: " + reading.problems().get(0));
            }
            FinalScores.forEach(ledger, outcome -> {
                RunEvent.Score s = outcome.score();
                if (s == null) {
                    return;
                }
                String question = s.ref().suite() + "/" + s.ref().item();
                String problem = incoherent(s);
                if (problem != null) {
                    problems.add(what + ": " + ledger + ": score of " + s.ref().model() + " " + question + ": " + problem);
                    return;
                }
                Long latency = outcome.answered() == null ? null : outcome.answered().latencyMs();
                byModel.computeIfAbsent(s.ref().model(), m -> new LinkedHashMap<>())
                        .put(question, new Scored(question, s.score(), s.passed(), s.weight(), latency));
            });
        } catch (BaselineProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BaselineProblem(what + ": cannot read " + ledger + ": " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new BaselineProblem(problems.size() > 5 ? append(problems.subList(0, 5), "and "
                    + (problems.size() - 5) + " more") : problems);
        }
        Path results = folder.resolve(RunResults.FILE);
        if (checkResults && Files.isRegularFile(results)) {
            agrees(results, byModel, what);
        }
        byModel.replaceAll((m, q) -> Collections.unmodifiableMap(q));
        return new RunScores(folder, Collections.unmodifiableMap(byModel), suiteVersions(folder, what));
    }

    private static Map<String, String> suiteVersions(Path folder, String what) throws BaselineProblem {
        if (!ManifestCodec.exists(folder)) {
            return Map.of();
        }
        try {
            Map<String, String> versions = ManifestCodec.read(folder.resolve(RunFolders.MANIFEST)).suiteVersions();
            return versions == null ? Map.of() : Map.copyOf(versions);
        } catch (IOException | RuntimeException e) {
            throw new BaselineProblem(what + ": cannot read " + folder.resolve(RunFolders.MANIFEST) + ": " + e.getMessage());
        }
    }

    private static Path folderOf(Path run, String what) throws BaselineProblem {
        Path folder = Files.isDirectory(run) ? run : run.toAbsolutePath().getParent();
        if (!Files.exists(run)) {
            throw new BaselineProblem(what + ": " + run + " does not exist (give a run folder, its run.jsonl or its results.json)");
        }
        String name = run.getFileName() == null ? "" : run.getFileName().toString();
        if (!Files.isDirectory(run) && !name.equals(RunFolders.LEDGER) && !name.equals(RunResults.FILE)) {
            throw new BaselineProblem(what + ": " + run + " is neither a run folder nor its run.jsonl or results.json");
        }
        if (folder == null || !Files.isRegularFile(folder.resolve(RunFolders.LEDGER))) {
            throw new BaselineProblem(what + ": no " + RunFolders.LEDGER + " in " + (folder == null ? run : folder)
                    + ": the scores are paired from the run's ledger (results.json is derived from it and alone cannot"
                    + " be checked); give the whole run folder");
        }
        return folder;
    }

    /** What makes a recorded score impossible, or null: a forged or damaged line. */
    private static String incoherent(RunEvent.Score s) {
        if (!(s.score() >= 0 && s.score() <= 100)) {
            return "field score is " + s.score() + ", not a number from 0 to 100";
        }
        if (!(s.weight() >= 0) || Double.isInfinite(s.weight())) {
            return "field weight is " + s.weight() + ", not a finite number of at least 0";
        }
        if (s.passed() != (s.score() >= s.passMark())) {
            return "field passed is " + s.passed() + " but the score " + s.score() + " is "
                    + (s.passed() ? "below" : "at or above") + " its pass_mark " + s.passMark();
        }
        return null;
    }

    /** results.json beside the ledger must say what the ledger says of every question it lists. */
    private static void agrees(Path results, Map<String, Map<String, Scored>> byModel, String what) throws BaselineProblem {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(results.toFile());
        } catch (IOException e) {
            throw new BaselineProblem(what + ": " + results + " is not JSON: " + e.getMessage());
        }
        if (root == null || !root.path("tasks").isArray()) {
            throw new BaselineProblem(what + ": " + results + ": field tasks is missing or not a list");
        }
        int index = 0;
        for (JsonNode task : root.path("tasks")) {
            String model = task.path("model").asText("");
            String question = task.path("suite").asText("") + "/" + task.path("item").asText("");
            Scored inLedger = byModel.getOrDefault(model, Map.of()).get(question);
            JsonNode score = task.path("score");
            if (inLedger != null && (!score.isNumber() || Math.abs(score.asDouble() - inLedger.score()) > 1e-9
                    || task.path("passed").asBoolean(!inLedger.passed()) != inLedger.passed())) {
                throw new BaselineProblem(String.format(Locale.ROOT, "%s: %s: tasks[%d] (%s %s): fields score/passed say"
                        + " %s/%s but the ledger %s says %s/%s: the file was edited or is from another run", what, results,
                        index, model, question, score.isNumber() ? score.asText() : score.getNodeType(),
                        task.path("passed").asText("?"), RunFolders.LEDGER, inLedger.score(), inLedger.passed()));
            }
            index++;
        }
    }

    private static List<String> append(List<String> list, String last) {
        List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }
}
