package org.llmbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.llmbench.config.JsonPositions;
import org.llmbench.json.Json;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RecordCodec;
import org.llmbench.record.RunEvent;
import org.llmbench.record.RunFolders;
import org.llmbench.report.FootprintAudit;

/**
 * Checks one run folder before it becomes a pull request: the required files exist, each JSON file matches
 * its schema, the folder sits where its manifest says, no file holds private data (see {@link PrivacyScanner}),
 * and the run says what its own ledger supports: every recorded answer re-scored, results.json and metadata.json
 * held against the re-scoring ({@link RescoredRun}). Every finding names its file and line.
 */
final class SubmissionChecker {

    /** Files every submitted run has, and the schema each JSON one is checked against (null: not JSON). */
    static final Map<String, String> REQUIRED = Map.of("manifest.json", "manifest", "hardware.json", "hardware",
            "results.json", "results", "run.jsonl", "ledger-line", "run.md", "");
    /** Files checked when present. */
    static final Map<String, String> OPTIONAL = Map.of("metadata.json", "metadata");

    private static final Pattern RUN_FOLDER = Pattern.compile("run-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    /** The role of the prompts the benchmark sent: what it says is not the contributor's data. */
    private static final String USER = "user";

    private final String ownHostName;

    /** @param ownHostName the host name to search for as well; null to skip (tests) */
    SubmissionChecker(String ownHostName) {
        this.ownHostName = ownHostName;
    }

    /** A checker that also looks for this machine's own host name. */
    static SubmissionChecker forThisMachine() {
        String name = System.getenv("HOSTNAME");
        try {
            name = name == null || name.isBlank() ? InetAddress.getLocalHost().getHostName() : name;
        } catch (IOException e) {
            name = null;
        }
        return new SubmissionChecker(name == null ? null : name.split("\\.")[0]);
    }

    List<Finding> check(Path folder) throws IOException {
        return check(folder, note -> {
        });
    }

    /** The findings; what the reader should know that is no finding (the harness that re-scored the run) to {@code notes}. */
    List<Finding> check(Path folder, java.util.function.Consumer<String> notes) throws IOException {
        List<Finding> findings = new ArrayList<>();
        if (!RUN_FOLDER.matcher(folder.getFileName().toString()).matches()) {
            findings.add(new Finding(".", 0, "layout", "the folder must be named run-<uuid>, not " + folder.getFileName()));
        }
        SubmissionFiles files = SubmissionFiles.of(folder);
        for (String name : REQUIRED.keySet().stream().sorted().toList()) {
            if (!files.has(name)) {
                findings.add(new Finding(name, 0, "missing", "every run folder has " + name));
            }
        }
        Map<String, String> schemas = new java.util.TreeMap<>(REQUIRED);
        schemas.putAll(OPTIONAL);
        schemas.forEach((name, schema) -> {
            if (schema.isEmpty()) {
                return;
            }
            if (name.endsWith(".jsonl")) {
                files.forEachLine(name, (line, number) -> {
                    if (!line.isBlank()) {
                        validateDocument(name, schema, line, number, findings);
                    }
                });
            } else {
                files.text(name).ifPresent(text -> validateDocument(name, schema, text, 1, findings));
            }
        });
        findings.addAll(manifestRules(folder, files));
        // Memory and energy are derived from the ledger's footprint lines: results.json must say the same.
        FootprintAudit.mismatches(folder).forEach(m -> findings.add(new Finding("results.json", 0, "footprint", m)));
        PrivacyScanner scanner = new PrivacyScanner("", ownHostName);
        benchmarkPrompts(files, scanner);
        for (String name : files.names()) {
            findings.addAll(scan(name, files, scanner));
        }
        findings.addAll(files.findings());
        // The scores are what this harness's scorers give the recorded answers, or the differences are findings.
        try (RescoredRun rescored = RescoredRun.of(folder)) {
            findings.addAll(rescored.findings());
            rescored.notes().forEach(notes);
        }
        findings.sort(java.util.Comparator.comparing(Finding::file).thenComparingInt(Finding::line));
        return findings;
    }

    private static void validateDocument(String name, String schema, String text, int firstLine, List<Finding> findings) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? firstLine : firstLine + e.getLocation().getLineNr() - 1;
            findings.add(new Finding(name, line, "json", "invalid JSON: " + e.getOriginalMessage()));
            return;
        }
        JsonPositions positions = null;
        for (SchemaCheck.Violation v : SchemaCheck.validate(schema, node)) {
            positions = positions == null ? JsonPositions.of(text, firstLine) : positions;
            String field = v.pointer().isEmpty() ? "(document)" : v.pointer().substring(1).replace('/', '.');
            findings.add(new Finding(name, positions.line(v.pointer()), "schema", field + ": " + v.message()));
        }
    }

    /** The host name is the one manifest field the scanner cannot judge by shape: only null or "redacted" pass. */
    private static List<Finding> manifestRules(Path folder, SubmissionFiles files) {
        Optional<String> read = files.text("manifest.json");
        if (read.isEmpty()) {
            return List.of();
        }
        String text = read.get();
        Manifest manifest;
        try {
            manifest = ManifestCodec.parse(folder.resolve(RunFolders.MANIFEST), text);
        } catch (ManifestCodec.BadManifest e) {
            return List.of(); // the schema check reports it
        }
        List<Finding> findings = new ArrayList<>();
        JsonPositions positions = JsonPositions.of(text, 1);
        String shortName = manifest.host() == null ? null : manifest.host().shortName();
        if (shortName != null && !shortName.equals(Manifest.Host.REDACTED)) {
            findings.add(new Finding(RunFolders.MANIFEST, positions.line(ManifestCodec.HOST_SHORT_NAME_POINTER), "host-name",
                    "host.short_name is '" + shortName + "': replace it with \"redacted\" (or null)"));
        }
        Path abs = folder.toAbsolutePath().normalize();
        if (manifest.handle() != null && abs.getNameCount() >= 3) {
            String device = abs.getParent().getFileName().toString();
            String handle = abs.getParent().getParent().getFileName().toString();
            if (!manifest.handle().equals(handle) || !String.valueOf(manifest.device()).equals(device)) {
                findings.add(new Finding(RunFolders.MANIFEST, positions.line(ManifestCodec.HANDLE_POINTER), "layout",
                        "the manifest says " + manifest.handle() + "/" + manifest.device() + " but the folder is " + handle
                                + "/" + device));
            }
        }
        String folderId = folder.getFileName().toString().replaceFirst("^run-", "");
        if (!manifest.runId().equals(folderId)) {
            findings.add(new Finding(RunFolders.MANIFEST, positions.line(ManifestCodec.RUN_ID_POINTER), "layout",
                    "run_id " + manifest.runId() + " does not match the folder name"));
        }
        return findings;
    }

    /**
     * The privacy findings of one file, read line by line as a stream (report.html whole, to blank its bundled
     * library): time linear in the file, memory bounded by its longest line.
     */
    private static List<Finding> scan(String name, SubmissionFiles files, PrivacyScanner scanner) {
        List<Finding> findings = new ArrayList<>();
        boolean[] binary = {false};
        if (name.endsWith(".html")) {
            files.text(name).ifPresent(content -> {
                binary[0] = content.indexOf('\0') >= 0;
                String text = withoutBundledLibrary(content);
                int number = 0;
                for (int start = 0; start <= text.length() && !binary[0]; ) {
                    int end = text.indexOf('\n', start);
                    end = end < 0 ? text.length() : end;
                    findings.addAll(scanner.scan(name, ++number, text.substring(start, end)));
                    start = end + 1;
                }
            });
        } else {
            files.forEachLine(name, (line, number) -> {
                binary[0] |= line.indexOf('\0') >= 0;
                if (!binary[0]) {
                    findings.addAll(scanner.scan(name, number, line));
                }
            });
        }
        return binary[0] ? List.of(new Finding(name, 0, "binary", "a binary file cannot be reviewed: remove it")) : findings;
    }

    /**
     * report.html with its charting library blanked (line breaks kept, so findings keep their line numbers), but only
     * when the element holds exactly the library the harness ships; anything else in it is scanned like the rest.
     */
    private static String withoutBundledLibrary(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)(<script data-library=\"echarts\">)(.*?)(</script>)")
                .matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(2);
            String kept = org.llmbench.report.HtmlReport.isBundledLibrary(body) ? body.replaceAll("[^\n]", "") : body;
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + kept + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every prompt the run sent, told to the scanner: what the benchmark itself says is not the contributor's data. */
    private static void benchmarkPrompts(SubmissionFiles files, PrivacyScanner scanner) {
        files.forEachLine(RunFolders.LEDGER, (line, number) -> {
            try {
                if (RecordCodec.decode(line) instanceof RunEvent.Call call) {
                    call.messages().stream().filter(m -> USER.equals(m.role())).forEach(m -> scanner.benchmark(m.content()));
                }
            } catch (RecordCodec.BadLine bad) {
                // the schema check reports it
            }
        });
    }
}
