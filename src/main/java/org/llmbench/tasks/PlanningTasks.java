package org.llmbench.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.PromptCopies;

/**
 * {@code planning}: design a command-line tool under constraints. Heuristic but consistent checks: the four
 * required sections, a step count within bounds, the risks the constraints raise named (from a known list of
 * risks and their words), the test categories present, the required language named.
 */
final class PlanningTasks implements TaskGenerator {

    private static final int COUNT = 2;
    static final List<String> SECTIONS = List.of("goal", "steps", "risks", "tests");
    static final List<String> TEST_CATEGORIES = List.of("unit", "integration", "edge");
    private static final List<String> LANGUAGES = List.of("Python", "Java", "Go", "Rust", "Kotlin");

    /** A known risk and the words that name it. */
    record Risk(String name, List<String> words) {
        boolean namedIn(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            return words.stream().anyMatch(lower::contains);
        }
    }

    static final Map<String, Risk> RISKS = Map.of(
            "memory", new Risk("memory exhaustion", List.of("memory", "oom")),
            "secrets", new Risk("leaked credentials", List.of("secret", "credential", "api key", "token")),
            "rate", new Risk("rate limiting", List.of("rate limit", "rate-limit", "throttl", "429")),
            "network", new Risk("network failures", List.of("network", "timeout", "retry", "retries")),
            "disk", new Risk("running out of disk", List.of("disk", "storage", "space")),
            "time", new Risk("time zone errors", List.of("time zone", "timezone", "utc", "dst", "daylight")),
            "encoding", new Risk("text encoding", List.of("encoding", "utf-8", "utf8", "unicode")),
            "concurrency", new Risk("concurrent runs", List.of("concurren", "race", "lock", "parallel")),
            "data", new Risk("data loss", List.of("data loss", "lose data", "corrupt", "backup", "overwrite")));

    /** A tool to design: its goal and the constraints it may be given, each raising one known risk. */
    private record Tool(String goal, List<String[]> constraints) {
    }

    private static final List<Tool> TOOLS = List.of(
            new Tool("deduplicates photos in a folder tree", List.of(
                    new String[]{"folders can hold more files than fit in memory at once", "memory"},
                    new String[]{"it deletes files, so a mistake is permanent", "data"},
                    new String[]{"file names come from many operating systems and languages", "encoding"},
                    new String[]{"two copies of the tool may run on the same folder", "concurrency"})),
            new Tool("syncs issues from a web API into a local SQLite file", List.of(
                    new String[]{"the API allows 60 requests per minute", "rate"},
                    new String[]{"it authenticates with a personal access token", "secrets"},
                    new String[]{"it runs on a laptop with an unreliable Wi-Fi connection", "network"},
                    new String[]{"issue timestamps come from users in many time zones", "time"})),
            new Tool("rotates and compresses application log files every night", List.of(
                    new String[]{"the server's disk is nearly full", "disk"},
                    new String[]{"the application keeps writing while logs rotate", "concurrency"},
                    new String[]{"rotation must happen at local midnight, including on clock changes", "time"},
                    new String[]{"old logs must never be lost before they are archived", "data"})),
            new Tool("converts large CSV exports into monthly JSON reports", List.of(
                    new String[]{"exports are up to 20 GB", "memory"},
                    new String[]{"exports come from spreadsheets saved with different encodings", "encoding"},
                    new String[]{"reports are uploaded to a remote server that sometimes times out", "network"},
                    new String[]{"the upload needs a key that must not appear in logs", "secrets"})));

    @Override
    public TaskKind kind() {
        return TaskKind.PLANNING;
    }

    @Override
    public List<Task> generate(long seed, int max) {
        return Tasks.numbered(kind(), COUNT, seed, max, (id, r, n) -> task(id, r));
    }

    private Task task(String id, TaskRandom r) {
        Tool tool = r.pick(TOOLS);
        List<String[]> constraints = r.sample(tool.constraints(), 3);
        String language = r.pick(LANGUAGES);
        int lo = r.between(4, 6);
        int hi = lo + r.between(2, 4);
        List<Risk> risks = constraints.stream().map(c -> RISKS.get(c[1])).toList();
        StringBuilder body = new StringBuilder("Plan a command-line tool, written in " + language + ", that " + tool.goal()
                + ".\nConstraints:\n");
        constraints.forEach(c -> body.append("- ").append(c[0]).append('\n'));
        body.append("- a run handles up to ").append(r.between(2, 400) * 250).append(" items and must finish within ")
                .append(r.between(2, 90)).append(" minutes\n");
        body.append("Write the plan in Markdown with exactly these four sections, as headings: \"## Goal\", \"## Steps\" "
                + "(a numbered list of " + lo + " to " + hi + " steps), \"## Risks\" (the risks these constraints raise, "
                + "by name) and \"## Tests\" (the categories of tests you would write: unit, integration and edge cases).");
        String reference = reference(tool, language, lo, risks);
        String strictHint = "\"final\" is the whole Markdown plan as one string.";
        String freeHint = "Answer with the Markdown plan only.";
        // The prompt names the sections, the constraints (and with them the risks' words) and the test categories.
        PromptCopies copies = PromptCopies.of(body + "\n\n" + strictHint + "\n" + freeHint);
        Grader grader = answer -> grade(answer.finalText(), language, lo, hi, risks, copies);
        return new Task(id, kind(), body.toString(), strictHint, freeHint, new Reference(reference, null, null, reference),
                grader, PlanningTasks.class, false);
    }

    private static String reference(Tool tool, String language, int steps, List<Risk> risks) {
        StringBuilder sb = new StringBuilder("## Goal\nA " + language + " command-line tool that " + tool.goal() + ".\n\n## Steps\n");
        for (int i = 1; i <= steps; i++) {
            sb.append(i).append(". Step ").append(i).append(" of the ").append(language).append(" implementation.\n");
        }
        sb.append("\n## Risks\n");
        risks.forEach(risk -> sb.append("- ").append(risk.name()).append(" (").append(risk.words().get(0)).append(")\n"));
        sb.append("\n## Tests\n- unit tests of each step\n- integration tests end to end\n- edge cases: empty and huge inputs\n");
        return sb.toString();
    }

    /**
     * The checks of a plan. What it copied from the prompt counts for nothing: a section is present only with words of
     * its own under its heading, and risks, test categories and the language are looked for in those words only.
     */
    private static List<Check> grade(String text, String language, int lo, int hi, List<Risk> risks, PromptCopies copies) {
        Map<String, String> sections = MarkdownSections.split(text, SECTIONS);
        Map<String, String> own = new java.util.HashMap<>();
        sections.forEach((name, section) -> own.put(name, copies.ownCased(section)));
        List<Check> checks = new ArrayList<>();
        for (String s : SECTIONS) {
            if (!sections.containsKey(s)) {
                checks.add(Check.failed("section " + s, 1, "no '## " + s + "' heading"));
            } else if (!PromptCopies.hasWords(own.get(s))) {
                checks.add(Check.failed("section " + s, 1, sections.get(s).isBlank() ? "the '## " + s + "' section is empty"
                        : "the '## " + s + "' section holds only text copied from the prompt"));
            } else {
                checks.add(Check.passed("section " + s, 1, "present"));
            }
        }
        int steps = (int) sections.getOrDefault("steps", "").lines()
                .filter(l -> MarkdownSections.numberedItems(l) == 1 && PromptCopies.hasWords(copies.own(l).replaceFirst("^\\s*\\d+[.)]", "")))
                .count();
        checks.add(steps >= lo && steps <= hi ? Check.passed("step count", 2, steps + " steps, within " + lo + ".." + hi)
                : Check.failed("step count", 2, steps + " numbered steps of its own, expected " + lo + ".." + hi));
        String riskText = own.getOrDefault("risks", "");
        for (Risk risk : risks) {
            checks.add(risk.namedIn(riskText) ? Check.passed("risk: " + risk.name(), 1, "named")
                    : Check.failed("risk: " + risk.name(), 1, "not named in the Risks section's own words (words: "
                    + risk.words() + ")"));
        }
        String tests = own.getOrDefault("tests", "").toLowerCase(Locale.ROOT);
        for (String category : TEST_CATEGORIES) {
            checks.add(tests.contains(category) ? Check.passed("tests: " + category, 1, "present")
                    : Check.failed("tests: " + category, 1, "no " + category + " tests in the Tests section's own words"));
        }
        String planned = own.getOrDefault("goal", "") + "\n" + own.getOrDefault("steps", "");
        boolean named = Pattern.compile("\\b" + language + "\\b").matcher(planned).find();
        checks.add(named ? Check.passed("language", 1, language + " named")
                : Check.failed("language", 1, language + " not named in the own words of Goal or Steps"));
        return checks;
    }
}
