package org.llmbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.llmbench.config.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check-submission}: the checks a run folder must pass before it becomes a pull request. */
@Command(name = "check-submission", mixinStandardHelpOptions = true,
        description = {"Check run folders before you submit them: required files, JSON Schemas, folder layout, "
                + "and a privacy scan of every file (private addresses, host names, home paths, e-mail addresses, "
                + "keys and tokens), and every score re-scored from the run's own ledger (each recorded answer scored again by "
                + "this harness, results.json and metadata.json compared with the result). Each finding is printed as "
                + "FILE:LINE: KIND: MESSAGE. Exit 1 on any finding."})
final class CheckSubmissionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders (submissions/<handle>/<device>/run-<uuid>).")
    List<Path> folders = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SubmissionChecker checker = SubmissionChecker.forThisMachine();
        int total = 0;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new CliException(ExitCodes.INPUT, folder + ": not a directory");
            }
            List<String> notes = new ArrayList<>();
            List<Finding> findings = checker.check(folder, notes::add);
            notes.forEach(note -> out.println(TerminalText.escape(folder + ": note: " + note)));
            // File names and matched text come from the folder: secrets abbreviated, control and bidi characters escaped.
            findings.forEach(f -> out.println(RescoredRun.line(folder, f)));
            reminders(folder, out);
            out.println(TerminalText.escape(folder + ": " + (findings.isEmpty() ? "OK" : findings.size() + " finding(s)")));
            total += findings.size();
        }
        return total == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** What only the contributor can confirm is a reminder, not a finding: reviewers check it in the PR. */
    private static void reminders(Path folder, PrintWriter out) throws IOException {
        Path notes = folder.resolve("run.md");
        // Only a regular file within the cap: never a link, never a 3 GB read.
        if (Files.isRegularFile(notes, LinkOption.NOFOLLOW_LINKS) && Files.size(notes) <= SubmissionFiles.MAX_BYTES
                && new String(Files.readAllBytes(notes), java.nio.charset.StandardCharsets.UTF_8).contains("- [ ]")) {
            out.println(TerminalText.escape(notes.toString()) + ": reminder: run.md has unticked boxes (deviations, privacy attestation); "
                    + "tick them once you have reviewed the folder");
        }
    }
}
