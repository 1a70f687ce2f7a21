package org.llmbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.llmbench.config.BenchKeys;
import org.llmbench.record.Check;
import org.llmbench.record.CheckStatus;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunEvent;
import org.llmbench.record.RunFolders;
import org.llmbench.report.RunResults;

/**
 * A run re-scored from its own ledger, as {@code replay} re-scores one: the engine, with the replay provider, answers
 * every test of the run's plan from the recorded answers and scores them with this harness's scorers, into a
 * temporary folder. Nothing the run recorded is then taken on trust: each recorded score is held against its
 * re-score, each planned test must have its score and each score its planned test, and results.json and
 * metadata.json must say what the re-scoring's say. Every difference is a {@link Finding} naming file, line and
 * field. check-submission, report merge, report --compare and the leaderboard read runs through it.
 *
 * <p>A run made by another harness version is re-scored by this one all the same, and {@link #notes()} says so: the
 * answers are what the model gave, and where today's scorers judge them differently the finding shows it.
 */
final class RescoredRun implements AutoCloseable {

    /** The report files of a run that must say what its ledger says. */
    static final List<String> REPORT_FILES = List.of(RunResults.FILE, "metadata.json");

    private final Path temp;
    private final Path rescored;
    private final List<Finding> findings;
    private final List<String> notes;

    private RescoredRun(Path temp, Path rescored, List<Finding> findings, List<String> notes) {
        this.temp = temp;
        this.rescored = rescored;
        this.findings = findings;
        this.notes = notes;
    }

    /** Re-scores the run folder; the findings say where it differs from what it records. */
    static RescoredRun of(Path folder) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path ledger = folder.resolve(RunFolders.LEDGER);
        Path manifestFile = folder.resolve(RunFolders.MANIFEST);
        for (Path file : List.of(ledger, manifestFile)) {
            String why = unreadable(file);
            if (why != null) {
                findings.add(new Finding(folder.relativize(file).toString(), 0, "rescore", why + ": the run cannot be re-scored"));
            }
        }
        if (!findings.isEmpty()) {
            return new RescoredRun(null, null, findings, notes);
        }
        Manifest manifest;
        try {
            manifest = ManifestCodec.read(manifestFile);
        } catch (IOException e) {
            findings.add(new Finding(RunFolders.MANIFEST, 0, "rescore", "cannot be read, so the run cannot be re-scored: "
                    + e.getMessage()));
            return new RescoredRun(null, null, findings, notes);
        }
        LedgerAudit recorded = LedgerAudit.read(ledger, new LinkedHashSet<>(manifest.models()));
        findings.addAll(recorded.findings());
        Path temp = Files.createTempDirectory("llm-bench-rescore");
        Path rescored;
        try {
            Manifest.Setting suites = manifest.effectiveConfig() == null ? null
                    : manifest.effectiveConfig().get(BenchKeys.SUITES.name());
            rescored = replay(ledger, temp, suitesFromTheClone(folder, suites == null ? null : suites.value()));
        } catch (CliException e) {
            findings.add(new Finding(RunFolders.LEDGER, 0, "rescore", "this harness cannot re-score the run: " + e.getMessage()));
            return new RescoredRun(temp, null, findings, notes);
        }
        String version = ManifestCodec.read(rescored.resolve(RunFolders.MANIFEST)).harnessVersion();
        if (!Objects.equals(version, manifest.harnessVersion())) {
            notes.add("the run was made by llm-bench " + manifest.harnessVersion() + " and re-scored by " + version
                    + ": where the scorers changed between them, the findings show it");
        }
        findings.addAll(compareScores(recorded, LedgerAudit.read(rescored.resolve(RunFolders.LEDGER), null)));
        for (String file : REPORT_FILES) {
            findings.addAll(ReportFileAudit.compare(file, folder.resolve(file), rescored.resolve(file)));
        }
        findings.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line));
        return new RescoredRun(temp, rescored, findings, notes);
    }

    /**
     * Each of these run folders re-scored; every finding as {@code FOLDER/FILE:LINE: KIND: MESSAGE} (escaped for a
     * terminal, secrets abbreviated), none when each is verified.
     */
    static List<String> problems(List<Path> folders) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path folder : folders) {
            try (RescoredRun run = of(folder)) {
                run.findings().forEach(f -> problems.add(line(folder, f)));
            }
        }
        return problems;
    }

    /** A finding as a line naming the folder's file. */
    static String line(Path folder, Finding f) {
        return org.llmbench.config.TerminalText.escape(folder.resolve(f.file()).normalize() + ":" + f.line() + ": "
                + f.kind() + ": " + PrivacyScanner.abbreviateSecrets(f.message()));
    }

    /**
     * Why the file is not read, or null: as check-submission reads a folder ({@link SubmissionFiles}), a link is never
     * followed and a file over its cap is never read, whoever gave the folder.
     */
    static String unreadable(Path file) throws IOException {
        if (Files.isSymbolicLink(file) || Files.isSymbolicLink(file.getParent())) {
            return "a symbolic link, not followed";
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "no such file";
        }
        return Files.size(file) > SubmissionFiles.MAX_BYTES ? "over the " + SubmissionFiles.MAX_BYTES / (1024 * 1024)
                + " MiB a run file may have" : null;
    }

    /**
     * The run's suite folders as this process finds them, or null when the manifest's value stands. A run records a
     * suite folder relative to the folder it ran from (no path of the machine goes into a run folder), which is the
     * clone the run folder sits in ({@code CLONE/submissions/HANDLE/DEVICE/run-ID}); check-submission may run from
     * anywhere. A folder is taken from the clone only when it is inside it: a manifest cannot point the re-scoring at
     * other folders of the reviewer's machine.
     */
    static String suitesFromTheClone(Path runFolder, String recorded) {
        Path parent = runFolder.toAbsolutePath().normalize();
        for (int i = 0; i < 4 && parent != null; i++) {
            parent = parent.getParent();
        }
        if (recorded == null || parent == null) {
            return null;
        }
        Path clone = parent;
        boolean moved = false;
        List<String> folders = new ArrayList<>();
        for (String entry : recorded.split(",")) {
            String name = entry.strip();
            Path inClone = name.isEmpty() ? null : clone.resolve(name).normalize();
            boolean here = !name.isEmpty() && Files.isDirectory(Path.of(name));
            if (!here && inClone != null && inClone.startsWith(clone) && Files.isDirectory(inClone, LinkOption.NOFOLLOW_LINKS)) {
                folders.add(inClone.toString());
                moved = true;
            } else {
                folders.add(name);
            }
        }
        return moved ? String.join(",", folders) : null;
    }

    /** The engine's replay of the ledger into {@code out}, with no console of its own; its run folder. */
    private static Path replay(Path ledger, Path out, String suites) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (suites != null) {
            parameters.put(BenchKeys.SUITES.name(), suites);
        }
        parameters.put(BenchKeys.PROVIDER.name(), "replay");
        parameters.put(BenchKeys.REPLAY.name(), ledger.toAbsolutePath().toString());
        parameters.put(BenchKeys.OUT.name(), out.toString());
        parameters.put(BenchKeys.REPORT_ENTRIES.name(), "none");
        // The run's settings come from its manifest, but never how isolated its recorded code runs here.
        parameters.put(BenchKeys.SANDBOX.name(), "isolated");
        // The engine's lines would name a run the user never started (the re-scoring's own id, its totals): what
        // the re-scoring shows is its findings.
        parameters.put(org.llmbench.config.Constants.QUIET_CONSOLE, "true");
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        return BenchRun.execute(new BenchLaunch(parameters, false), quiet, quiet, false).folder();
    }

    /** Each recorded final score against its re-score; each planned test against the recorded ones. */
    private static List<Finding> compareScores(LedgerAudit recorded, LedgerAudit replayed) {
        List<Finding> findings = new ArrayList<>();
        Map<String, LedgerAudit.Scored> again = replayed.finalScores();
        Map<String, LedgerAudit.Scored> againById = new HashMap<>();
        again.values().forEach(s -> againById.put(s.score().testId(), s));
        Set<String> planned = new HashSet<>(replayed.endings().keySet());
        planned.addAll(againById.keySet());
        Set<String> recordedIds = new HashSet<>();
        recorded.finalScores().forEach((key, was) -> {
            RunEvent.Score score = was.score();
            recordedIds.add(score.testId());
            LedgerAudit.Scored re = again.get(key);
            if (re != null) {
                List<String> differences = differences(was, re.score());
                if (!differences.isEmpty()) {
                    findings.add(new Finding(RunFolders.LEDGER, (int) was.line(), "rescored", LedgerAudit.name(score.ref())
                            + ": " + String.join("; ", differences)));
                }
            } else if (planned.contains(score.testId()) && !againById.containsKey(score.testId())) {
                findings.add(new Finding(RunFolders.LEDGER, (int) was.line(), "not-rescored", LedgerAudit.name(score.ref())
                        + ": its recorded score cannot be re-scored from its recorded answer ("
                        + replayed.endings().getOrDefault(score.testId(), "no outcome") + ")"));
            } else {
                findings.add(new Finding(RunFolders.LEDGER, (int) was.line(), "unplanned", LedgerAudit.name(score.ref())
                        + " is no test of this run: the suites have no such question, or the run no such model"));
            }
        });
        again.forEach((key, re) -> {
            if (!recorded.finalScores().containsKey(key)) {
                findings.add(new Finding(RunFolders.LEDGER, 0, "missing", LedgerAudit.name(re.score().ref())
                        + ": planned and answered, but run.jsonl has no score of it (a line removed?)"));
            }
        });
        planned.stream().filter(id -> !againById.containsKey(id) && !recordedIds.contains(id)
                && !recorded.endings().containsKey(id)).sorted().forEach(id -> findings.add(new Finding(RunFolders.LEDGER, 0,
                "missing", id + ": a test of the run's plan with no outcome in run.jsonl (a line removed?)")));
        return findings;
    }

    /** How a recorded score differs from its re-score, one line per field. */
    private static List<String> differences(LedgerAudit.Scored was, RunEvent.Score re) {
        RunEvent.Score s = was.score();
        List<String> out = new ArrayList<>();
        String failed = String.join(", ", re.checks().stream().filter(c -> c.status() == CheckStatus.FAILED)
                .map(Check::name).toList());
        differs(out, "score", s.score(), re.score(), failed.isEmpty() ? "" : " (failed checks: " + failed + ")");
        differs(out, "weight", s.weight(), re.weight(), "");
        differs(out, "weighted_score", s.weightedScore(), re.weightedScore(), "");
        differs(out, "pass_mark", s.passMark(), re.passMark(), "");
        if (s.passed() != re.passed()) {
            out.add("passed: " + s.passed() + " recorded, " + re.passed() + " re-scored");
        }
        return out;
    }

    private static void differs(List<String> out, String field, double recorded, double rescored, String why) {
        if (Math.abs(recorded - rescored) > 1e-9 * Math.max(1, Math.abs(rescored))) {
            out.add(String.format(Locale.ROOT, "%s: %s recorded, %s re-scored from its recorded answer%s", field,
                    recorded, rescored, why));
        }
    }

    /** Every difference between what the run records and its re-scoring; none when it is verified. */
    List<Finding> findings() {
        return findings;
    }

    /** Whether the run says exactly what its re-scored answers give. */
    boolean verified() {
        return findings.isEmpty();
    }

    /** What a reader should know that is no finding (the harness version that re-scored it). */
    List<String> notes() {
        return notes;
    }

    /** The re-scoring's own run folder (valid until {@link #close}), or null when the run could not be re-scored. */
    Path rescoredFolder() {
        return rescored;
    }

    /** Deletes the re-scoring's folder. */
    @Override
    public void close() {
        if (temp == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(temp)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the re-scoring's folder " + temp, e);
        }
    }
}
