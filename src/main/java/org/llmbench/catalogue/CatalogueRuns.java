package org.llmbench.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.llmbench.record.Hardware;
import org.llmbench.record.HardwareWriter;
import org.llmbench.record.Manifest;
import org.llmbench.record.ManifestCodec;
import org.llmbench.record.RunFolders;
import org.llmbench.report.RunFigures;

/**
 * The submitted runs under a root, {@code <handle>/<device>/run-<uuid>} as check-submission expects them: per run its
 * manifest, machine and figures from its own ledger (never results.json or metadata.json, which anyone can edit), and
 * the verdict of the caller's checker. A folder that cannot be read is named to {@code problems} and left out.
 */
final class CatalogueRuns {

    /** One run folder found, with where its page goes in the site. */
    record Found(Path folder, String handle, String device, String name) {

        /** The run's report.html inside the site, relative to the site's root. */
        String pagePath() {
            return "runs/" + handle + "/" + device + "/" + name + "/report.html";
        }

        /** The same as a link (each segment encoded: handles and devices are other people's text). */
        String link() {
            try {
                return new URI(null, null, pagePath(), null).getRawPath();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private CatalogueRuns() {
    }

    /** Every run folder under {@code root} ({@code <handle>/<device>/run-*}), in path order. */
    static List<Found> find(Path root) throws IOException {
        List<Found> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> walk = Files.walk(root, 3)) {
            // Every run-* folder, also one without a ledger or manifest: reading it then names what is missing.
            for (Path p : walk.filter(p -> root.relativize(p).getNameCount() == 3 && Files.isDirectory(p)
                    && p.getFileName().toString().startsWith("run-")).sorted().toList()) {
                Path rel = root.relativize(p);
                found.add(new Found(p, rel.getName(0).toString(), rel.getName(1).toString(), rel.getName(2).toString()));
            }
        }
        return found;
    }

    /** The rows of one run (one per model it scored). */
    static List<CatalogueRow> rows(Found run, Function<Path, Verdict> verdicts) throws IOException {
        for (String required : List.of(RunFolders.MANIFEST, RunFolders.LEDGER)) {
            if (!Files.isRegularFile(run.folder().resolve(required))) {
                throw new IOException("no " + required);
            }
        }
        Manifest manifest = ManifestCodec.read(run.folder().resolve(RunFolders.MANIFEST));
        Path hardwareFile = run.folder().resolve(HardwareWriter.FILE);
        Hardware hardware = Files.isRegularFile(hardwareFile) ? Hardware.read(hardwareFile) : null;
        RunFigures figures = RunFigures.of(run.folder().resolve(RunFolders.LEDGER));
        Verdict verdict = verdicts.apply(run.folder());
        DeviceClass deviceClass = DeviceClass.of(hardware);
        List<CatalogueRow> rows = new ArrayList<>();
        figures.models().forEach((model, f) -> {
            Map<String, CatalogueRow.Fig> phases = new LinkedHashMap<>();
            f.phases().forEach((phase, pf) -> phases.put(phase, CatalogueRow.Fig.of(pf)));
            JsonNode details = manifest.modelDetails() == null ? null : manifest.modelDetails().get(model);
            rows.add(new CatalogueRow(manifest.runId(), run.handle(), run.device(), model, Quantization.of(model, details),
                    deviceClass.slug, hardware == null ? null : hardware.totalGb(), vramGb(hardware, deviceClass),
                    os(hardware), runtime(hardware), manifest.provider(), verdict.verified(), verdict.basis(),
                    manifest.harnessVersion(), manifest.startedAt() == null ? null : manifest.startedAt().toString().substring(0, 10),
                    run.link(), CatalogueRow.Fig.of(f.total()), phases,
                    bandwidth(hardware, deviceClass), CatalogueRow.Footprint.of(f.footprint()), settings(manifest)));
        });
        return rows;
    }

    /** Tells {@code problems} which folder could not be read and why; the rest of the catalogue is still written. */
    static List<CatalogueRow> rowsOrNone(Found run, Function<Path, Verdict> verdicts, Consumer<String> problems) {
        try {
            return rows(run, verdicts);
        } catch (IOException | RuntimeException e) {
            problems.accept(run.handle() + "/" + run.device() + "/" + run.name() + ": left out of the catalogue: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * The first 8 hex digits of a SHA-256 over the suites, options and weights the manifest records: runs with the same
     * digest asked the same questions the same way, so only their scores are comparable (results.json's config hash says
     * the same, but is a file anyone can edit; the manifest is what the run recorded of its settings).
     */
    static String settings(Manifest manifest) {
        String text = manifest.suites() + "\n" + manifest.options() + "\n" + new java.util.TreeMap<>(
                manifest.weights() == null ? Map.of() : manifest.weights());
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Double vramGb(Hardware hardware, DeviceClass deviceClass) {
        if (hardware == null || deviceClass != DeviceClass.DISCRETE_GPU) {
            return null;
        }
        long most = hardware.gpus().stream().filter(g -> g.vramBytes() != null).mapToLong(Hardware.Gpu::vramBytes).max().orElse(0);
        return most == 0 ? null : Math.round(most / (double) (1L << 30) * 10) / 10.0;
    }

    /** The bandwidth of the memory the model ran from: the GPU's on a discrete-GPU machine, else the main memory's. */
    private static Double bandwidth(Hardware hardware, DeviceClass deviceClass) {
        if (hardware == null) {
            return null;
        }
        if (deviceClass == DeviceClass.DISCRETE_GPU) {
            return hardware.gpus().stream().map(Hardware.Gpu::bandwidthGbS).filter(b -> b != null && b > 0).findFirst().orElse(null);
        }
        Double b = hardware.memory() == null ? null : hardware.memory().bandwidthGbS();
        return b != null && b > 0 ? b : null;
    }

    private static String os(Hardware hardware) {
        if (hardware == null || hardware.os() == null || hardware.os().family() == null) {
            return null;
        }
        return hardware.os().family() + (hardware.os().version() == null ? "" : " " + hardware.os().version());
    }

    /** What served the model: hardware.json's {@code runtime} when the contributor wrote it, else null (not guessed). */
    private static String runtime(Hardware hardware) {
        return hardware == null ? null : hardware.runtime();
    }
}
