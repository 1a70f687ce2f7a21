package org.llmbench.report;

import java.util.List;

/** report.md's section of the regression gate: the same preformatted figures report.html shows ({@link PairedView}). */
final class PairedMarkdown {

    /** How many flipped questions per model the section lists (report.html lists them all). */
    static final int LISTED = 50;

    private PairedMarkdown() {
    }

    /** The section, or "" when the run names no baseline. */
    static String section(ReportPage.Paired paired) {
        if (paired == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n## Regression gate\n\n");
        sb.append(MarkdownReport.cell(paired.about())).append(": **").append(MarkdownReport.cell(paired.verdict())).append("**\n");
        if (paired.refused() != null) {
            sb.append("\n").append(MarkdownReport.cell(paired.refused())).append("\n");
            return sb.toString();
        }
        sb.append("\n| model | baseline model | paired | passed | pass→fail / fail→pass | McNemar p | score | interval | verdict |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (ReportPage.PairedModel m : paired.models()) {
            sb.append("| ").append(String.join(" | ", List.of(MarkdownReport.cell(m.model()), MarkdownReport.cell(m.baselineModel()), m.paired(), m.passed(),
                    m.flips(), m.pValue(), m.score(), m.interval(), m.verdict()))).append(" |\n");
        }
        for (ReportPage.PairedModel m : paired.models()) {
            if (m.flipped().isEmpty()) {
                continue;
            }
            sb.append("\nFlipped questions of ").append(MarkdownReport.cell(m.model())).append(", pass→fail worst first:\n\n");
            m.flipped().stream().limit(LISTED).forEach(f -> sb.append("- ").append(MarkdownReport.cell(f.question())).append(": ")
                    .append(f.direction()).append(", ").append(f.baseline()).append(" → ").append(f.now()).append(" (")
                    .append(f.delta()).append(")\n"));
            if (m.flipped().size() > LISTED) {
                sb.append("- ... and ").append(m.flipped().size() - LISTED).append(" more (report.html lists them all)\n");
            }
        }
        return sb.toString();
    }
}
