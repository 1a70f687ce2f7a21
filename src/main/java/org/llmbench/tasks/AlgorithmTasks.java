package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.llmbench.scoring.Check;

/**
 * {@code algorithm}: four families (shortest path, interval merge, meeting scheduling, trie prefix matching),
 * each task 20 randomized cases checked one by one against {@link AlgorithmSolvers}; score = share right.
 */
final class AlgorithmTasks implements TaskGenerator {

    static final int CASES = 20;
    private static final List<String> FAMILIES = List.of("shortest_path", "interval_merge", "scheduling", "trie");
    private static final List<String> SYLLABLES = List.of("ca", "co", "ba", "be", "ra", "ro", "ta", "te", "ma", "mo");

    /** One case: the line shown in the prompt and the reference answer. */
    private record Case(String line, JsonNode expected) {
    }

    @Override
    public TaskKind kind() {
        return TaskKind.ALGORITHM;
    }

    @Override
    public List<Task> generate(long seed, int max) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < Tasks.count(FAMILIES.size(), max); i++) {
            String family = FAMILIES.get(i);
            String id = Tasks.id(kind(), family, 1);
            TaskRandom r = TaskRandom.forTask(seed, id);
            tasks.add(switch (family) {
                case "shortest_path" -> task(id, "Each case is a directed graph with non-negative edge weights (X>Y w "
                        + "is an edge from X to Y of weight w). Answer the length of the shortest path from the first "
                        + "named node to the second, or -1 when there is none.", r, AlgorithmTasks::shortestPath);
                case "interval_merge" -> task(id, "Each case is a list of closed intervals [start, end]. Answer the "
                        + "merged intervals sorted by start, as a list of [start, end] pairs; intervals that overlap or "
                        + "touch ([1,3] and [3,5]) merge.", r, AlgorithmTasks::intervals);
                case "scheduling" -> task(id, "Each case is a list of meetings [start, end) for one room; a meeting may "
                        + "start when another ends. Answer the largest number of meetings the room can hold.", r,
                        AlgorithmTasks::meetings);
                default -> trieTask(id, r);
            });
        }
        return tasks;
    }

    private Task task(String id, String rules, TaskRandom r, Function<TaskRandom, Case> generator) {
        List<Case> cases = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            cases.add(generator.apply(r));
        }
        return build(id, rules, "", cases);
    }

    private Task trieTask(String id, TaskRandom r) {
        List<String> words = new ArrayList<>();
        while (words.size() < 14) {
            String w = r.pick(SYLLABLES) + r.pick(SYLLABLES) + (r.chance(50) ? r.pick(SYLLABLES) : "");
            if (!words.contains(w)) {
                words.add(w);
            }
        }
        List<Case> cases = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            String base = r.pick(words);
            String prefix = r.chance(15) ? r.pick(SYLLABLES) + "x" : base.substring(0, r.between(1, Math.min(4, base.length())));
            ArrayNode expected = TaskJson.array();
            AlgorithmSolvers.prefixMatches(words, prefix).forEach(expected::add);
            cases.add(new Case("prefix \"" + prefix + "\"", expected));
        }
        return build(id, "Each case is a prefix. Answer the dictionary words that start with it, in alphabetical "
                + "order, as a list of strings (an empty list when none does).", "Dictionary: " + String.join(" ", words)
                + "\n", cases);
    }

    private Task build(String id, String rules, String preamble, List<Case> cases) {
        StringBuilder body = new StringBuilder(rules).append("\n\n").append(preamble);
        ArrayNode answers = TaskJson.array();
        for (int c = 0; c < cases.size(); c++) {
            body.append(c + 1).append(". ").append(cases.get(c).line()).append('\n');
            answers.add(cases.get(c).expected());
        }
        body.append("\nSolve all ").append(cases.size()).append(" cases.");
        var json = TaskJson.object();
        json.set("answers", answers);
        Grader grader = answer -> grade(answer.json(), cases);
        return new Task(id, kind(), body.toString(), "Put {\"answers\": [one answer per case, in order]} in "
                + "artifacts.json; \"final\" is \"done\".", "Answer with one JSON object {\"answers\": [one answer per "
                + "case, in order]}.", new Reference("done", null, json, TaskJson.write(json)), grader,
                AlgorithmTasks.class, false);
    }

    private static List<Check> grade(JsonNode json, List<Case> cases) {
        JsonNode given = json == null ? null : json.isArray() ? json : json.get("answers");
        List<Check> checks = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            String name = "case " + (c + 1);
            JsonNode actual = given == null || !given.isArray() ? null : given.get(c);
            JsonNode expected = cases.get(c).expected();
            if (actual == null) {
                checks.add(Check.failed(name, 1, "no answer"));
            } else if (JsonValues.same(actual, expected)) {
                checks.add(Check.passed(name, 1, "= " + expected));
            } else {
                checks.add(Check.failed(name, 1, "expected " + expected + ", got " + TaskJson.clip(actual.toString())));
            }
        }
        return checks;
    }

    private static String node(int n) {
        return String.valueOf((char) ('A' + n));
    }

    private static Case shortestPath(TaskRandom r) {
        int nodes = r.between(4, 6);
        List<int[]> edges = new ArrayList<>();
        int count = r.between(nodes, nodes + 4);
        while (edges.size() < count) {
            int a = r.between(0, nodes - 1);
            int b = r.between(0, nodes - 1);
            if (a != b && edges.stream().noneMatch(e -> e[0] == a && e[1] == b)) {
                edges.add(new int[]{a, b, r.between(1, 9)});
            }
        }
        int from = r.between(0, nodes - 1);
        int to = (from + r.between(1, nodes - 1)) % nodes;
        List<String> shown = edges.stream().map(e -> node(e[0]) + ">" + node(e[1]) + " " + e[2]).toList();
        return new Case(String.join(", ", shown) + "; from " + node(from) + " to " + node(to),
                IntNode.valueOf(AlgorithmSolvers.shortestPath(nodes, edges, from, to)));
    }

    private static Case intervals(TaskRandom r) {
        List<int[]> list = new ArrayList<>();
        int n = r.between(3, 6);
        for (int i = 0; i < n; i++) {
            int start = r.between(0, 30);
            list.add(new int[]{start, start + r.between(1, 8)});
        }
        ArrayNode expected = TaskJson.array();
        AlgorithmSolvers.mergeIntervals(list).forEach(iv -> expected.addArray().add(iv[0]).add(iv[1]));
        return new Case(pairs(list), expected);
    }

    private static Case meetings(TaskRandom r) {
        List<int[]> list = new ArrayList<>();
        int n = r.between(3, 7);
        for (int i = 0; i < n; i++) {
            int start = r.between(8, 17);
            list.add(new int[]{start, start + r.between(1, 3)});
        }
        return new Case(pairs(list), IntNode.valueOf(AlgorithmSolvers.maxMeetings(list)));
    }

    private static String pairs(List<int[]> list) {
        return String.join(" ", list.stream().map(iv -> "[" + iv[0] + "," + iv[1] + "]").toList());
    }
}
