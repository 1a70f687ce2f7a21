package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.llmbench.json.Json;
import org.llmbench.scoring.Check;

/**
 * Scores a {@code tools} answer objectively, with partial credit, in the manner of the Berkeley Function Calling
 * Leaderboard's AST checker. Each expected call is matched with the model's call to the same function that passes
 * most checks, then: the function's name (2), the arguments a JSON object (1), per parameter expected present (1),
 * of its schema's type (1) and an allowed value (2), per optional parameter not asked for left out or its default (1,
 * only when every argument asked for is there),
 * no argument the schema lacks (1). Every call names an offered function (1); with several calls expected, exactly that
 * many (1); nothing called when nothing fits (3); the final answer contains the function's result (3). Every check
 * says why. Value rules: integers exactly (3.0 counts as 3); numbers within 0.01 or 0.1 %, whichever is larger; enums
 * exactly, case included; strings after Unicode NFKC, trimming, collapsing spaces and ignoring case; booleans exactly;
 * arrays as the same elements in any order; nested objects property by property, no extra property. Never throws.
 */
public final class ToolScorer {

    /** Arguments nested deeper than this are refused before any check reads them (Jackson stops at 1000 anyway). */
    static final int MAX_DEPTH = 64;

    private ToolScorer() {
    }

    /** The checks of the calls an answer made (every category; RESULT adds {@link #finalAnswer} after the result went back). */
    public static List<Check> calls(ToolTask task, ToolAnswer answer) {
        List<Check> checks = new ArrayList<>();
        if (answer.problem() != null) {
            checks.add(Check.failed("well-formed calls", 1, TaskJson.clip(answer.problem())));
        }
        if (task.category() == ToolCategory.IRRELEVANCE) {
            boolean none = answer.calls().isEmpty() && answer.dropped() == 0 && answer.problem() == null;
            checks.add(none ? Check.passed("nothing called", 3, "no function fits the request, and none was called")
                    : Check.failed("nothing called", 3, answer.calls().isEmpty() ? "the answer could not be read as calling nothing"
                    : "no function fits, yet " + answer.calls().size() + " call(s) were made, e.g. "
                    + TaskJson.clip(String.valueOf(answer.calls().get(0).name()))));
            return checks;
        }
        List<Integer> used = new ArrayList<>();
        boolean several = task.expected().size() > 1;
        for (int k = 0; k < task.expected().size(); k++) {
            ToolTask.ExpectedCall expected = task.expected().get(k);
            String prefix = several ? "call " + (k + 1) + " (" + expected.function() + "): " : "";
            List<Check> best = null;
            int bestAt = -1;
            for (int i = 0; i < answer.calls().size(); i++) {
                if (used.contains(i) || !expected.function().equals(answer.calls().get(i).name())) {
                    continue;
                }
                List<Check> candidate = callChecks(task, expected, answer.calls().get(i), prefix);
                if (best == null || earned(candidate) > earned(best)) {
                    best = candidate;
                    bestAt = i;
                }
            }
            if (best == null) {
                best = missing(task, expected, prefix, answer);
            } else {
                used.add(bestAt);
            }
            checks.addAll(best);
        }
        Set<String> offered = new TreeSet<>();
        task.functions().forEach(f -> offered.add(f.name()));
        List<String> unknown = answer.calls().stream().map(ToolAnswer.Call::name)
                .filter(n -> n == null || !offered.contains(n)).map(n -> n == null ? "(no name)" : TaskJson.clip(n)).distinct().limit(3).toList();
        if (answer.calls().isEmpty()) {
            checks.add(Check.failed("offered functions only", 1, "no function was called"));
        } else if (!unknown.isEmpty() || answer.dropped() > 0) {
            checks.add(Check.failed("offered functions only", 1, "called what was not offered: " + String.join(", ", unknown)
                    + (answer.dropped() > 0 ? " (and " + answer.dropped() + " calls past the cap)" : "")));
        } else {
            checks.add(Check.passed("offered functions only", 1, "every call names an offered function"));
        }
        if (several) {
            int made = answer.calls().size() + answer.dropped();
            boolean right = made == task.expected().size() && used.size() == made;
            checks.add(right ? Check.passed("number of calls", 1, made + " calls, as asked")
                    : Check.failed("number of calls", 1, made + " call(s) made, " + used.size() + " of them matched; "
                    + task.expected().size() + " expected"));
        }
        return checks;
    }

    /** Which of the answer's calls gets the function's result: the first to the expected function with an object of arguments. */
    public static Optional<Integer> callToAnswer(ToolTask task, ToolAnswer answer) {
        if (task.expected().isEmpty()) {
            return Optional.empty();
        }
        String function = task.expected().get(0).function();
        for (int i = 0; i < answer.calls().size(); i++) {
            ToolAnswer.Call call = answer.calls().get(i);
            if (function.equals(call.name()) && parse(call.arguments()).filter(JsonNode::isObject).isPresent()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Whether the final answer, after the result went back, uses it: it contains the result's key value. */
    public static Check finalAnswer(ToolTask task, String text) {
        if (text == null) {
            return Check.failed("final answer uses the result", 3, "the function was not called as asked, so no result was sent back");
        }
        boolean uses = ToolValues.normal(text).contains(ToolValues.normal(task.mustMention()));
        return uses ? Check.passed("final answer uses the result", 3, "the answer gives " + task.mustMention() + " from the result")
                : Check.failed("final answer uses the result", 3, "the answer does not give " + task.mustMention()
                + " from the result: " + TaskJson.clip(text));
    }

    private static List<Check> callChecks(ToolTask task, ToolTask.ExpectedCall expected, ToolAnswer.Call call, String prefix) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.passed(prefix + "function", 2, "calls " + expected.function()));
        Optional<JsonNode> parsed = parse(call.arguments());
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            String why = parsed.isEmpty() ? "the arguments are not JSON (or nested deeper than " + MAX_DEPTH + ")"
                    : "the arguments are JSON " + parsed.get().getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object";
            checks.add(Check.failed(prefix + "arguments object", 1, why + ": " + TaskJson.clip(String.valueOf(call.arguments()))));
            checks.addAll(argumentChecks(task, expected, null, prefix, why));
            return checks;
        }
        checks.add(Check.passed(prefix + "arguments object", 1, "the arguments are a JSON object"));
        checks.addAll(argumentChecks(task, expected, parsed.get(), prefix, null));
        return checks;
    }

    /** The checks of an expected call the answer did not make: the function's, every argument's, all failed. */
    private static List<Check> missing(ToolTask task, ToolTask.ExpectedCall expected, String prefix, ToolAnswer answer) {
        List<Check> checks = new ArrayList<>();
        String why = "no call to " + expected.function() + (answer.calls().isEmpty() ? " (no call at all)" : "");
        checks.add(Check.failed(prefix + "function", 2, why));
        checks.add(Check.failed(prefix + "arguments object", 1, why));
        checks.addAll(argumentChecks(task, expected, null, prefix, why));
        return checks;
    }

    /** Per parameter, then no extra argument; with {@code args} null every check fails for {@code why}. */
    private static List<Check> argumentChecks(ToolTask task, ToolTask.ExpectedCall expected, JsonNode args, String prefix, String why) {
        List<Check> checks = new ArrayList<>();
        ToolFunction function = task.function(expected.function()).orElseThrow();
        // Leaving out what was not asked for earns its point only beside the arguments that were asked for: an
        // empty or junk object of arguments must not collect the optional parameters' points.
        boolean askedGiven = args != null && function.params().stream().allMatch(p -> args.has(p.name())
                || expected.allowed().get(p.name()).stream().anyMatch(JsonNode::isMissingNode));
        for (ToolParam p : function.params()) {
            List<JsonNode> allowed = expected.allowed().get(p.name());
            String name = prefix + p.name();
            boolean mayBeAbsent = allowed.stream().anyMatch(JsonNode::isMissingNode);
            if (args == null) {
                if (mayBeAbsent) {
                    checks.add(Check.failed(name + " omitted or default", 1, why));
                } else {
                    checks.add(Check.failed(name + " present", 1, why));
                    checks.add(Check.failed(name + " type", 1, why));
                    checks.add(Check.failed(name + " value", 2, why));
                }
                continue;
            }
            JsonNode value = args.get(p.name());
            if (mayBeAbsent && !askedGiven) {
                checks.add(Check.failed(name + " omitted or default", 1, "not judged: an argument that was asked for is missing"));
                continue;
            }
            if (mayBeAbsent) {
                boolean ok = value == null || allowed.stream().anyMatch(a -> !a.isMissingNode() && ToolValues.matches(p, value, a));
                checks.add(ok ? Check.passed(name + " omitted or default", 1, value == null ? "left out" : "the default value")
                        : Check.failed(name + " omitted or default", 1, "not asked for, yet set to " + TaskJson.clip(value.toString())));
                continue;
            }
            if (value == null) {
                checks.add(Check.failed(name + " present", 1, (p.required() ? "required" : "asked for") + " argument missing"));
                checks.add(Check.failed(name + " type", 1, "missing"));
                checks.add(Check.failed(name + " value", 2, "missing"));
                continue;
            }
            checks.add(Check.passed(name + " present", 1, "given"));
            Optional<String> typeProblem = ToolValues.typeProblem(p, value);
            checks.add(typeProblem.map(t -> Check.failed(name + " type", 1, t))
                    .orElseGet(() -> Check.passed(name + " type", 1, "a " + p.type().name().toLowerCase(Locale.ROOT))));
            boolean right = typeProblem.isEmpty() && allowed.stream().anyMatch(a -> ToolValues.matches(p, value, a));
            checks.add(right ? Check.passed(name + " value", 2, "an allowed value")
                    : Check.failed(name + " value", 2, "got " + TaskJson.clip(value.toString()) + ", expected "
                    + TaskJson.clip(allowed.get(0).toString()) + " (" + ToolValues.rule(p) + ")"));
        }
        if (args == null) {
            checks.add(Check.failed(prefix + "no unknown arguments", 1, why));
        } else {
            List<String> extra = new ArrayList<>();
            args.fieldNames().forEachRemaining(n -> {
                if (function.param(n).isEmpty() && extra.size() < 3) {
                    extra.add(TaskJson.clip(n));
                }
            });
            checks.add(extra.isEmpty() ? Check.passed(prefix + "no unknown arguments", 1, "only the schema's parameters")
                    : Check.failed(prefix + "no unknown arguments", 1, "not in the schema: " + String.join(", ", extra)));
        }
        return checks;
    }

    /** The arguments' JSON, refused when it is not JSON or nested deeper than {@link #MAX_DEPTH}. */
    static Optional<JsonNode> parse(String arguments) {
        if (arguments == null || arguments.isBlank() || tooDeep(arguments)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.MAPPER.readTree(arguments));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Bracket depth outside strings, counted without parsing, so deep nesting never reaches a parser's recursion. */
    private static boolean tooDeep(String s) {
        return JsonScanner.brackets(s, 0, (i, depth) -> depth > MAX_DEPTH) >= 0;
    }

    /** How much a candidate's checks earn, to pick the best of several calls to the same function. */
    private static double earned(List<Check> checks) {
        return checks.stream().filter(Check::passed).mapToDouble(Check::weight).sum();
    }

}
