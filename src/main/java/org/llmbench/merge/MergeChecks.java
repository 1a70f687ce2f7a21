package org.llmbench.merge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.platform.engine.UniqueId;
import org.llmbench.record.LineProblem;
import org.llmbench.record.RecordReader;
import org.llmbench.record.RunEvent;

/**
 * What must hold before shards are merged, each problem naming the shards, folders or units concerned: shards of one
 * run group, settings and harness; every shard once; every unit in exactly one shard; every unit with an outcome;
 * every shard finished; every ledger line readable.
 */
final class MergeChecks {

    /** How many ids a problem names before it says "and N more". */
    private static final int NAMED = 20;

    private MergeChecks() {
    }

    /** Adds every problem found to {@code problems}. */
    static void check(List<ShardFolder> parts, List<String> problems) throws IOException {
        checkSameRun(parts, problems);
        if (problems.isEmpty()) {
            // Shards of one run: now name every missing or doubled shard, unit and outcome at once.
            // A shard given twice doubles each of its units: name the shard, not every unit again.
            boolean doubled = checkShards(parts, problems);
            checkUnits(parts, problems, doubled);
            checkOutcomes(parts, problems, doubled);
        }
    }

    private static void checkSameRun(List<ShardFolder> parts, List<String> problems) {
        same(parts, "run group", p -> p.shard().runGroup(), problems);
        same(parts, "settings (config hash)", p -> p.shard().configHash(), problems);
        same(parts, "harness version", p -> String.valueOf(p.manifest().harnessVersion()), problems);
        same(parts, "shard count", p -> Integer.toString(p.count()), problems);
    }

    private static void same(List<ShardFolder> parts, String what, Function<ShardFolder, String> value, List<String> problems) {
        Map<String, List<String>> byValue = new TreeMap<>();
        parts.forEach(p -> byValue.computeIfAbsent(value.apply(p), k -> new ArrayList<>()).add(p.folder().toString()));
        if (byValue.size() > 1) {
            StringBuilder sb = new StringBuilder("the shards differ in " + what + ":");
            byValue.forEach((v, folders) -> sb.append(' ').append(v).append(" in ").append(String.join(", ", folders)).append(';'));
            problems.add(sb.substring(0, sb.length() - 1));
        }
    }

    /** Names every shard given twice or missing; whether one was given twice. */
    private static boolean checkShards(List<ShardFolder> parts, List<String> problems) {
        int count = parts.get(0).count();
        Map<Integer, List<ShardFolder>> byIndex = new TreeMap<>();
        parts.forEach(p -> byIndex.computeIfAbsent(p.index(), k -> new ArrayList<>()).add(p));
        byIndex.forEach((index, same) -> {
            if (same.size() > 1) {
                problems.add("shard " + index + "/" + count + " is given twice: "
                        + String.join(", ", same.stream().map(p -> p.folder().toString()).toList()));
            }
        });
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("shard" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " missing");
        }
        return byIndex.values().stream().anyMatch(same -> same.size() > 1);
    }

    private static void checkUnits(List<ShardFolder> parts, List<String> problems, boolean shardDoubled) {
        List<String> planned = parts.get(0).shard().runUnits();
        for (ShardFolder p : parts.subList(1, parts.size())) {
            if (!p.shard().runUnits().equals(planned)) {
                Set<String> onlyHere = new LinkedHashSet<>(p.shard().runUnits());
                planned.forEach(onlyHere::remove);
                Set<String> onlyThere = new LinkedHashSet<>(planned);
                onlyThere.removeAll(new HashSet<>(p.shard().runUnits()));
                problems.add("shard " + p.name() + " planned another run than shard " + parts.get(0).name()
                        + " (did discovery differ between the machines?): only in " + p.index() + ": " + names(onlyHere)
                        + "; only in " + parts.get(0).index() + ": " + names(onlyThere));
            }
        }
        Map<String, List<String>> shardsOf = new LinkedHashMap<>();
        for (ShardFolder p : parts) {
            for (String unit : p.shard().units()) {
                shardsOf.computeIfAbsent(unit, k -> new ArrayList<>()).add(p.shardName());
            }
        }
        List<String> doubled = shardsOf.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " (shards " + String.join(", ", e.getValue()) + ")").toList();
        if (!doubled.isEmpty() && !shardDoubled) {
            problems.add(doubled.size() + " unit(s) run by more than one shard: " + names(doubled));
        }
        List<String> unrun = planned.stream().filter(u -> !shardsOf.containsKey(u)).toList();
        if (!unrun.isEmpty()) {
            problems.add(unrun.size() + " planned unit(s) in no shard: " + names(unrun));
        }
        Set<String> plannedSet = new HashSet<>(planned);
        List<String> unplanned = shardsOf.keySet().stream().filter(u -> !plannedSet.contains(u)).toList();
        if (!unplanned.isEmpty()) {
            problems.add(unplanned.size() + " unit(s) run but not planned: " + names(unplanned));
        }
    }

    /**
     * Every unit of each shard has an outcome in its ledger, no test ended in two shards, each shard finished, and
     * every line of each ledger is an event (a torn last line aside): a merge never drops a line silently.
     */
    private static void checkOutcomes(List<ShardFolder> parts, List<String> problems, boolean shardDoubled)
            throws IOException {
        Map<String, String> endedIn = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (ShardFolder p : parts) {
            Set<String> ended = new HashSet<>();
            boolean[] finished = {false};
            RecordReader.Reading reading = RecordReader.forEach(p.ledger(), e -> {
                if (e instanceof RunEvent.RunEnd) {
                    finished[0] = true;
                }
                if (e instanceof RunEvent.TestEnd || e instanceof RunEvent.TestSkipped || e instanceof RunEvent.ContainerFailed) {
                    ended.add(e.testId());
                }
            });
            if (!reading.clean()) {
                problems.add("shard " + p.name() + " has " + reading.problemCount() + " unreadable ledger line(s): "
                        + names(reading.problems().stream().filter(l -> !l.tornTail()).map(LineProblem::toString).toList()));
            }
            for (String id : ended) {
                String other = endedIn.putIfAbsent(id, p.shardName());
                if (other != null) {
                    twice.add(id + " (shards " + other + ", " + p.shardName() + ")");
                }
            }
            if (!finished[0]) {
                problems.add("shard " + p.name() + " did not finish (its ledger has no run_end): resume it with its "
                        + "bench.runId, then merge");
            }
            // A test ended, or a container that runs whole ended a test below it or failed as a whole.
            Set<String> reached = withAncestors(ended);
            List<String> noOutcome = p.shard().units().stream().filter(u -> !reached.contains(u)).toList();
            if (!noOutcome.isEmpty()) {
                problems.add("shard " + p.name() + " has no recorded outcome for " + noOutcome.size() + " unit(s): "
                        + names(noOutcome));
            }
        }
        if (!twice.isEmpty() && !shardDoubled) {
            problems.add(twice.size() + " test(s) recorded by more than one shard: " + names(twice));
        }
    }

    /** The ids that ended and every container above them, by the segments of their unique ids. */
    static Set<String> withAncestors(Set<String> ended) {
        Set<String> all = new HashSet<>(ended);
        for (String id : ended) {
            UniqueId uid;
            try {
                uid = UniqueId.parse(id);
            } catch (RuntimeException e) {
                continue; // not a unique id: it reaches itself only
            }
            while (uid.getSegments().size() > 1) {
                uid = uid.removeLastSegment();
                all.add(uid.toString());
            }
        }
        return all;
    }

    static String names(Collection<String> ids) {
        List<String> list = new ArrayList<>(ids);
        if (list.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", list.subList(0, Math.min(NAMED, list.size())));
        return list.size() > NAMED ? shown + " and " + (list.size() - NAMED) + " more" : shown;
    }
}
