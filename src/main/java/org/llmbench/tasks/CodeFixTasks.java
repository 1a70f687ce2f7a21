package org.llmbench.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.llmbench.scoring.Check;

/**
 * {@code code_fix}: a function with one bug and the tests it fails. The fixed code runs against all tests in the
 * sandbox (one child process per answer); score = share of tests passed (weight 9) plus a bonus (weight 1) for an
 * unchanged signature, which counts only when some test passes. Java always; Python when python3 is present.
 */
final class CodeFixTasks implements TaskGenerator {

    static final int TESTS = 10;
    private static final int SHOWN = 5;
    private static final int MUST_FAIL = 8;
    private final CodeRunner runner;

    CodeFixTasks(CodeRunner runner) {
        this.runner = runner;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.CODE_FIX;
    }

    @Override
    public List<Task> generate(long seed, int max) {
        List<Task> tasks = new ArrayList<>();
        String[][] order = {{"java", "01"}, {"python", "01"}, {"java", "02"}, {"python", "02"}};
        for (int i = 0; i < Tasks.count(order.length, max); i++) {
            String id = kind().wireName() + "-" + order[i][0] + "-" + order[i][1];
            CodeRunner.Language language = order[i][0].equals("java") ? CodeRunner.Language.JAVA : CodeRunner.Language.PYTHON;
            tasks.add(task(id, language, TaskRandom.forTask(seed, id)));
        }
        return tasks;
    }

    private Task task(String id, CodeRunner.Language language, TaskRandom r) {
        CodeFixFamily family = r.pick(CodeFixFamilies.ALL);
        List<TestCase> cases = cases(family, language, r);
        boolean java = language == CodeRunner.Language.JAVA;
        String lang = java ? "java" : "python";
        String broken = java ? family.javaBroken() : family.pythonBroken();
        String fixed = java ? family.javaFixed() : family.pythonFixed();
        String signature = java ? family.javaSignature() : family.pythonSignature();
        StringBuilder body = new StringBuilder("This " + (java ? "Java method" : "Python function") + " "
                + family.description() + ", but it has a bug. Fix it.\n\n```" + lang + "\n" + broken + "```\n\nTests it fails:\n");
        for (int i = 0; i < SHOWN; i++) {
            body.append("- ").append(cases.get(i).shown()).append('\n');
        }
        body.append("\nKeep the ").append(java ? "class name and the method signature" : "function signature")
                .append(" unchanged (").append(signature).append(") and return the whole fixed ")
                .append(java ? "class" : "code").append(". It is run against these and other tests.");
        Grader grader = answer -> grade(language, answer.code(), cases, signature);
        return new Task(id, kind(), body.toString(), "Put the whole fixed source in artifacts.code; \"final\" is one "
                + "sentence naming the bug.", "Answer with the whole fixed source in one ```" + lang + " code block.",
                new Reference("Fixed the bug.", fixed, null, "Fixed the bug.\n\n```" + lang + "\n" + fixed + "```\n"),
                grader, CodeFixTasks.class, !java);
    }

    /** Ten distinct inputs, at least eight of them ones the bug shows on, so the broken code scores low. */
    private static List<TestCase> cases(CodeFixFamily family, CodeRunner.Language language, TaskRandom r) {
        Map<String, List<Object>> failing = new LinkedHashMap<>();
        Map<String, List<Object>> passing = new LinkedHashMap<>();
        for (int attempt = 0; attempt < 400 && (failing.size() < MUST_FAIL || passing.size() < TESTS - MUST_FAIL); attempt++) {
            List<Object> args = family.inputs().apply(r);
            String call = family.call(language, args);
            boolean shows = !family.reference().apply(args).equals(family.broken().apply(args));
            (shows ? failing : passing).putIfAbsent(call, args);
        }
        List<List<Object>> chosen = new ArrayList<>(failing.values().stream().limit(MUST_FAIL).toList());
        passing.values().stream().limit(TESTS - chosen.size()).forEach(chosen::add);
        failing.values().stream().skip(MUST_FAIL).limit(TESTS - chosen.size()).forEach(chosen::add);
        List<TestCase> cases = new ArrayList<>();
        for (List<Object> args : chosen) {
            String call = family.call(language, args);
            String expected = Literals.of(language, family.reference().apply(args));
            cases.add(new TestCase(call, expected, call + " should return " + expected));
        }
        return cases;
    }

    private List<Check> grade(CodeRunner.Language language, String code, List<TestCase> cases, String signature) {
        List<Check> checks = new ArrayList<>();
        if (code == null || code.isBlank()) {
            for (int i = 0; i < cases.size(); i++) {
                checks.add(Check.failed("test " + (i + 1), 0.9, "no code in the answer"));
            }
            checks.add(Check.failed("signature unchanged", 1, "no code in the answer"));
            return checks;
        }
        CodeRunner.Outcome outcome = runner.run(language, code, cases);
        for (int i = 0; i < cases.size(); i++) {
            String failure = outcome.failures().get(i);
            String name = "test " + (i + 1);
            checks.add(failure == null ? Check.passed(name, 0.9, cases.get(i).shown())
                    : Check.failed(name, 0.9, cases.get(i).shown() + ": " + TaskJson.clip(failure)
                    + (outcome.diagnostic() == null ? "" : " (" + outcome.diagnostic() + ")")));
        }
        boolean same = squeeze(code).contains(squeeze(signature));
        checks.add(!same ? Check.failed("signature unchanged", 1, "signature changed; expected " + signature)
                : outcome.passed() == 0 ? Check.failed("signature unchanged", 1, "no test passes, so no bonus")
                : Check.passed("signature unchanged", 1, signature));
        return checks;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
