package org.llmbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.llmbench.config.JsonPositions;

/**
 * Checks one run folder before it becomes a pull request: the required files exist, each JSON file matches
 * its schema, the folder sits where its manifest says, and no file holds private data (see
 * {@link PrivacyScanner}). Every finding names its file and line.
 */
final class SubmissionChecker {

    /** Files every submitted run has, and the schema each JSON one is checked against (null: not JSON). */
    static final Map<String, String> REQUIRED = Map.of("manifest.json", "manifest", "hardware.json", "hardware",
            "results.json", "results", "run.jsonl", "ledger-line", "run.md", "");
    /** Files checked when present. */
    static final Map<String, String> OPTIONAL = Map.of("metadata.json", "metadata");

    private static final Pattern RUN_FOLDER = Pattern.compile("run-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        List<Finding> findings = new ArrayList<>();
        if (!RUN_FOLDER.matcher(folder.getFileName().toString()).matches()) {
            findings.add(new Finding(".", 0, "layout", "the folder must be named run-<uuid>, not " + folder.getFileName()));
        }
        for (String name : REQUIRED.keySet().stream().sorted().toList()) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                findings.add(new Finding(name, 0, "missing", "every run folder has " + name));
            }
        }
        Map<String, String> schemas = new java.util.HashMap<>(REQUIRED);
        schemas.putAll(OPTIONAL);
        schemas.forEach((name, schema) -> {
            Path file = folder.resolve(name);
            if (!schema.isEmpty() && Files.isRegularFile(file)) {
                findings.addAll(validate(name, schema, file));
            }
        });
        findings.addAll(manifestRules(folder));
        PrivacyScanner scanner = new PrivacyScanner(benchmarkText(folder.resolve("run.jsonl")), ownHostName);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                findings.addAll(scan(folder, file, scanner));
            }
        }
        findings.sort(java.util.Comparator.comparing(Finding::file).thenComparingInt(Finding::line));
        return findings;
    }

    private static List<Finding> validate(String name, String schema, Path file) {
        List<Finding> findings = new ArrayList<>();
        try {
            if (name.endsWith(".jsonl")) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).isBlank()) {
                        validateDocument(name, schema, lines.get(i), i + 1, findings);
                    }
                }
            } else {
                validateDocument(name, schema, Files.readString(file, StandardCharsets.UTF_8), 1, findings);
            }
        } catch (IOException e) {
            findings.add(new Finding(name, 0, "unreadable", e.getMessage()));
        }
        return findings;
    }

    private static void validateDocument(String name, String schema, String text, int firstLine, List<Finding> findings) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
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
    private static List<Finding> manifestRules(Path folder) throws IOException {
        Path file = folder.resolve("manifest.json");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode manifest;
        try {
            manifest = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        JsonPositions positions = JsonPositions.of(text, 1);
        JsonNode host = manifest.path("host").path("short_name");
        if (!host.isMissingNode() && !host.isNull() && !host.asText().equals("redacted")) {
            findings.add(new Finding("manifest.json", positions.line("/host/short_name"), "host-name",
                    "host.short_name is '" + host.asText() + "': replace it with \"redacted\" (or null)"));
        }
        Path abs = folder.toAbsolutePath().normalize();
        if (manifest.hasNonNull("handle") && abs.getNameCount() >= 3) {
            String device = abs.getParent().getFileName().toString();
            String handle = abs.getParent().getParent().getFileName().toString();
            if (!manifest.path("handle").asText().equals(handle) || !manifest.path("device").asText().equals(device)) {
                findings.add(new Finding("manifest.json", positions.line("/handle"), "layout", "the manifest says "
                        + manifest.path("handle").asText() + "/" + manifest.path("device").asText()
                        + " but the folder is " + handle + "/" + device));
            }
        }
        String folderId = folder.getFileName().toString().replaceFirst("^run-", "");
        if (manifest.hasNonNull("run_id") && !manifest.path("run_id").asText().equals(folderId)) {
            findings.add(new Finding("manifest.json", positions.line("/run_id"), "layout",
                    "run_id " + manifest.path("run_id").asText() + " does not match the folder name"));
        }
        return findings;
    }

    private static List<Finding> scan(Path folder, Path file, PrivacyScanner scanner) throws IOException {
        String name = folder.relativize(file).toString().replace('\\', '/');
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return List.of(new Finding(name, 0, "binary", "a binary file cannot be reviewed: remove it"));
            }
        }
        List<Finding> findings = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (name.endsWith(".html")) {
            text = withoutBundledLibrary(text);
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            findings.addAll(scanner.scan(name, i + 1, lines[i]));
        }
        return findings;
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
            String kept = org.llmbench.ledger.HtmlReport.isBundledLibrary(body) ? body.replaceAll("[^\n]", "") : body;
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + kept + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every prompt the run sent: what the benchmark itself says is not the contributor's data. */
    private static String benchmarkText(Path ledger) throws IOException {
        if (!Files.isRegularFile(ledger)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        org.llmbench.ledger.LedgerReader.forEach(ledger, e -> {
            if ("call".equals(e.path("event").asText())) {
                e.path("messages").forEach(m -> {
                    if ("user".equals(m.path("role").asText())) {
                        text.append(m.path("content").asText()).append('\n');
                    }
                });
            }
        });
        return text.toString();
    }
}
