package org.llmbench.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.llmbench.scoring.Check;

/**
 * {@code reasoning}: multi-step word problems with one exact integer answer. The exact answer is worth 4, the
 * named intermediate quantity 1, so a right method with a slip still shows.
 */
final class ReasoningTasks implements TaskGenerator {

    private static final int COUNT = 3;

    /** One generated problem: text, the intermediate's name and value, the answer. */
    private record Problem(String text, String intermediateName, long intermediate, long answer) {
    }

    @Override
    public TaskKind kind() {
        return TaskKind.REASONING;
    }

    @Override
    public List<Task> generate(long seed, int max) {
        return Tasks.numbered(kind(), COUNT, seed, max, (id, r, n) -> task(id, switch ((n - 1 + r.between(0, 3)) % 4) {
            case 0 -> warehouse(r);
            case 1 -> ages(r);
            case 2 -> packs(r);
            default -> relay(r);
        }));
    }

    private static Problem warehouse(TaskRandom r) {
        int start = r.between(40, 400);
        int days = r.between(3, 9);
        int trucks = r.between(2, 6);
        int perTruck = r.between(5, 30);
        int shipped = r.between(1, trucks * perTruck - 1);
        long net = (long) trucks * perTruck - shipped;
        return new Problem("A warehouse holds " + start + " crates. Every day " + trucks + " trucks each deliver "
                + perTruck + " crates, and " + shipped + " crates are shipped out the same day. How many crates does it "
                + "hold after " + days + " days?", "the net change per day", net, start + days * net);
    }

    private static Problem ages(TaskRandom r) {
        int leo = r.between(4, 40);
        int gap = r.between(2, 30);
        int years = r.between(2, 15);
        long sum = 2L * leo + gap + 2L * years;
        return new Problem("Mira is " + gap + " years older than Leo. In " + years + " years the sum of their ages "
                + "will be " + sum + ". How old is Leo now?", "Mira's age now", leo + gap, leo);
    }

    private static Problem packs(TaskRandom r) {
        int perPack = r.between(3, 12);
        int price = r.between(150, 900);
        int needed = r.between(perPack + 1, perPack * 9);
        long packs = (needed + perPack - 1) / perPack;
        return new Problem("Pens come only in packs of " + perPack + ", each pack costing " + price + " cents. A school "
                + "needs " + needed + " pens and buys the fewest packs that cover them. How many cents does it pay?",
                "the number of packs", packs, packs * price);
    }

    private static Problem relay(TaskRandom r) {
        int legs = r.between(3, 6);
        int base = r.between(60, 120);
        int slower = r.between(3, 15);
        long last = base + (long) (legs - 1) * slower;
        long total = (long) legs * base + (long) slower * legs * (legs - 1) / 2;
        return new Problem("A relay team has " + legs + " runners. The first runs her leg in " + base + " seconds and "
                + "each following runner takes " + slower + " seconds longer than the one before. How many seconds does "
                + "the whole relay take?", "the last runner's time in seconds", last, total);
    }

    private Task task(String id, Problem p) {
        String body = p.text() + "\nAlso state " + p.intermediateName() + ".";
        Grader grader = answer -> grade(answer, p);
        var json = TaskJson.object().put("intermediate", p.intermediate());
        String free = "Step by step: " + p.intermediateName() + " is " + p.intermediate() + ".\nINTERMEDIATE: "
                + p.intermediate() + "\nANSWER: " + p.answer();
        return new Task(id, kind(), body, "\"final\" is the answer as a bare integer; artifacts.json is "
                + "{\"intermediate\": <integer>}.", "End with two lines: INTERMEDIATE: <integer> and ANSWER: <integer>.",
                new Reference(Long.toString(p.answer()), null, json, free), grader, ReasoningTasks.class, false);
    }

    private static List<Check> grade(Answer answer, Problem p) {
        Optional<Long> given = Integers.answer(answer.finalText(), "answer");
        Optional<Long> intermediate = answer.json() == null ? Optional.empty() : Integers.of(answer.json().get("intermediate"));
        if (intermediate.isEmpty()) {
            intermediate = Integers.labelled(answer.finalText(), "intermediate");
        }
        List<Check> checks = new ArrayList<>();
        checks.add(given.map(v -> v == p.answer() ? Check.passed("answer", 4, "= " + p.answer())
                        : Check.failed("answer", 4, "expected " + p.answer() + ", got " + v))
                .orElse(Check.failed("answer", 4, "no single integer answer found")));
        checks.add(intermediate.map(v -> v == p.intermediate() ? Check.passed("intermediate", 1, "= " + p.intermediate())
                        : Check.failed("intermediate", 1, "expected " + p.intermediate() + ", got " + v))
                .orElse(Check.failed("intermediate", 1, "not stated")));
        return checks;
    }
}
