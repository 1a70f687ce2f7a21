package org.llmbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.llmbench.catalogue.Catalogue;
import org.llmbench.catalogue.Verdict;
import org.llmbench.config.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report catalogue [ROOT] --out DIR}: the static site over every submitted run (catalogue.Catalogue). */
@Command(name = "catalogue", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a static site over every run folder under ROOT/<handle>/<device>/run-<uuid>: a leaderboard",
                "per model, a page per device class and per quantization, a compare page, and each run's report.html.",
                "Figures come from each run's ledger; each run is marked verified when check-submission finds nothing.",
                "Self-contained pages, no server, no network: open OUT/index.html."})
final class CatalogueCommand implements Callable<Integer> {

    /** What "verified" means: check-submission's checks, the re-scoring of the run from its own ledger among them. */
    static final String VERIFIED_BASIS = "check-submission finds nothing in the run folder: every recorded answer re-scored "
            + "by this harness's scorers and every recorded score, results.json and metadata.json equal to it; required "
            + "files, JSON schemas, folder layout and the privacy scan clean.";

    @Parameters(index = "0", arity = "0..1", paramLabel = "ROOT", defaultValue = "submissions",
            description = "The folder of submissions (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/catalogue",
            description = "Where the site goes: an empty folder or one written by this command (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(root)) {
            throw new CliException(ExitCodes.INPUT, root + ": not a directory");
        }
        SubmissionChecker checker = new SubmissionChecker(null);
        Catalogue.Site site;
        try {
            site = Catalogue.write(root, this.out, folder -> verdict(checker, folder), VERIFIED_BASIS,
                    problem -> err.println("[llm-bench] " + TerminalText.escape(problem)));
        } catch (IOException e) {
            throw new CliException(ExitCodes.INPUT, e.getMessage());
        }
        if (site.runs() == 0) {
            throw new CliException(ExitCodes.INPUT, "no run folder with a ledger and a manifest under " + root
                    + " (expected ROOT/<handle>/<device>/run-<uuid>)");
        }
        out.printf(Locale.ROOT, "catalogue: %d runs (%d model results), %d pages, %.1f MB: %s%n", site.runs(), site.rows(),
                site.pages().size(), site.bytes() / 1e6, site.folder().resolve(Catalogue.INDEX).toAbsolutePath());
        return ExitCodes.OK;
    }

    /**
     * Whether a run is verified: check-submission's findings (the ledger re-scoring, schemas, layout, privacy), the one
     * place the catalogue asks.
     */
    static Verdict verdict(SubmissionChecker checker, Path folder) {
        try {
            List<Finding> findings = checker.check(folder);
            if (findings.isEmpty()) {
                return new Verdict(true, "check-submission: no finding");
            }
            // Where and what kind only: a finding's message quotes what it found (an address, a key), which a public
            // page must not repeat.
            Finding first = findings.get(0);
            return new Verdict(false, findings.size() + " check-submission finding(s), first: " + first.file() + ":"
                    + first.line() + ": " + first.kind());
        } catch (IOException e) {
            return new Verdict(false, "check-submission could not read the folder: " + e.getMessage());
        }
    }
}
