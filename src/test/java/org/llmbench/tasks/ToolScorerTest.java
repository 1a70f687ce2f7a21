package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.Score;

/** The tool-call scorer: known-good answers 100, bad ones partial with the reason, junk and hostile ones 0, never a throw. */
class ToolScorerTest {

    private static final List<ToolTask> TASKS = new ToolTasks().generate(42, 0);

    private static ToolTask task(String id) {
        return TASKS.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static double score(List<Check> checks) {
        return Score.of(checks, 50).value();
    }

    private static ToolAnswer good(ToolTask task) {
        return new ToolAnswer(ToolPrompts.referenceCalls(task), 0, null, "");
    }

    private static ToolAnswer calls(String... nameArgs) {
        List<ToolAnswer.Call> calls = new ArrayList<>();
        for (int i = 0; i < nameArgs.length; i += 2) {
            calls.add(new ToolAnswer.Call(nameArgs[i], nameArgs[i + 1]));
        }
        return new ToolAnswer(calls, 0, null, "");
    }

    @Test
    void theCatalogueCoversEveryCategoryAndEverySchemaType() {
        assertThat(TASKS).extracting(ToolTask::category).containsOnly(ToolCategory.values());
        List<ToolParam.Type> types = new ArrayList<>();
        TASKS.forEach(t -> t.functions().forEach(f -> f.params().forEach(p -> {
            types.add(p.type());
            p.properties().forEach(q -> types.add(q.type()));
        })));
        assertThat(types).contains(ToolParam.Type.values());
        assertThat(TASKS.stream().flatMap(t -> t.functions().stream()).flatMap(f -> f.params().stream()))
                .anyMatch(ToolParam::required).anyMatch(p -> !p.required());
    }

    @Test
    void knownGoodAnswersScore100InEveryTask() {
        for (ToolTask task : TASKS) {
            List<Check> checks = new ArrayList<>(ToolScorer.calls(task, good(task)));
            if (task.category() == ToolCategory.RESULT) {
                assertThat(ToolScorer.callToAnswer(task, good(task))).contains(0);
                checks.add(ToolScorer.finalAnswer(task, task.referenceText()));
            }
            assertThat(score(checks)).as(task.id() + " " + checks).isEqualTo(100.0);
        }
    }

    @Test
    void equivalentWritingsOfTheRightValuesStillScore100() {
        ToolTask weather = task("tools-simple-01");
        String city = ToolPrompts.referenceCalls(weather).get(0).arguments().replaceAll(".*\"city\":\"([^\"]+)\".*", "$1");
        int days = Integer.parseInt(ToolPrompts.referenceCalls(weather).get(0).arguments().replaceAll(".*\"days\":(\\d+).*", "$1"));
        // case and spaces of a string, an integer written 6.0: same values by the documented rules
        String args = "{\"days\": " + days + ".0, \"city\": \"  " + city.toUpperCase(java.util.Locale.ROOT) + " \", \"unit\": \"fahrenheit\"}";
        assertThat(score(ToolScorer.calls(weather, calls("get_weather", args)))).isEqualTo(100.0);
        ToolTask event = task("tools-simple-03");
        var ref = org.llmbench.json.Json.MAPPER.createObjectNode();
        try {
            ref = (com.fasterxml.jackson.databind.node.ObjectNode) org.llmbench.json.Json.MAPPER.readTree(ToolPrompts.referenceCalls(event).get(0).arguments());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        var reversed = org.llmbench.json.Json.MAPPER.createArrayNode();
        for (int i = ref.path("attendees").size() - 1; i >= 0; i--) {
            reversed.add(ref.path("attendees").get(i));
        }
        ref.set("attendees", reversed);
        ref.put("all_day", false);
        assertThat(score(ToolScorer.calls(event, calls("create_event", ref.toString())))).as("array order, an optional default").isEqualTo(100.0);
    }

    @Test
    void badValuesLosePointsEachWithItsReason() {
        ToolTask currency = task("tools-multiple-01");
        String good = ToolPrompts.referenceCalls(currency).get(0).arguments();
        double amount = Double.parseDouble(good.replaceAll(".*\"amount\":([0-9.]+).*", "$1"));
        String from = good.replaceAll(".*\"from_currency\":\"([A-Z]+)\".*", "$1");
        String to = good.replaceAll(".*\"to_currency\":\"([A-Z]+)\".*", "$1");
        // within the tolerance: still right
        assertThat(score(ToolScorer.calls(currency, calls("convert_currency", "{\"amount\": " + (amount + 0.004)
                + ", \"from_currency\": \"" + from + "\", \"to_currency\": \"" + to + "\"}")))).isEqualTo(100.0);
        // an amount off by 5 %, an enum in lower case, an argument the schema lacks
        List<Check> bad = ToolScorer.calls(currency, calls("convert_currency", "{\"amount\": " + (amount * 1.05)
                + ", \"from_currency\": \"" + from.toLowerCase(java.util.Locale.ROOT) + "\", \"to_currency\": \"" + to + "\", \"rate\": 1.1}"));
        assertThat(score(bad)).isStrictlyBetween(0.0, 100.0);
        assertThat(bad).filteredOn(c -> !c.passed()).extracting(Check::name)
                .containsExactlyInAnyOrder("amount value", "from_currency type", "from_currency value", "no unknown arguments");
        assertThat(bad).filteredOn(c -> c.name().equals("no unknown arguments")).first().extracting(Check::reason).asString().contains("rate");
        // a string where an integer belongs, a required argument missing
        ToolTask table = task("tools-simple-02");
        List<Check> wrongTypes = ToolScorer.calls(table, calls("book_table", "{\"restaurant\": \"Nowhere\", \"party_size\": \"4\", \"outdoor\": \"yes\"}"));
        assertThat(wrongTypes).filteredOn(c -> !c.passed()).extracting(Check::name).contains("party_size type", "time present", "restaurant value");
        assertThat(score(wrongTypes)).isStrictlyBetween(0.0, 60.0);
        // the wrong function of several
        assertThat(score(ToolScorer.calls(currency, calls("get_weather", "{\"city\": \"Oslo\"}")))).isLessThan(10.0);
    }

    @Test
    void parallelCallsMatchInAnyOrderAndTheCountMatters() {
        ToolTask parallel = task("tools-parallel-01");
        List<ToolAnswer.Call> ref = new ArrayList<>(ToolPrompts.referenceCalls(parallel));
        java.util.Collections.reverse(ref);
        assertThat(score(ToolScorer.calls(parallel, new ToolAnswer(ref, 0, null, "")))).isEqualTo(100.0);
        List<Check> two = ToolScorer.calls(parallel, new ToolAnswer(ref.subList(0, 2), 0, null, ""));
        assertThat(score(two)).isStrictlyBetween(50.0, 100.0);
        assertThat(two).filteredOn(c -> c.name().equals("number of calls")).first().extracting(Check::passed).isEqualTo(false);
        List<ToolAnswer.Call> four = new ArrayList<>(ref);
        four.add(ref.get(0));
        assertThat(score(ToolScorer.calls(parallel, new ToolAnswer(four, 0, null, "")))).isLessThan(100.0);
    }

    @Test
    void irrelevanceWantsNoCallAndResultsWantTheFunctionsValue() {
        ToolTask none = task("tools-irrelevance-01");
        assertThat(score(ToolScorer.calls(none, new ToolAnswer(List.of(), 0, null, "a poem")))).isEqualTo(100.0);
        assertThat(score(ToolScorer.calls(none, calls("get_weather", "{\"city\": \"Oslo\"}")))).isZero();
        ToolTask result = task("tools-result-01");
        assertThat(ToolScorer.finalAnswer(result, "It is on its way.").passed()).isFalse();
        assertThat(ToolScorer.finalAnswer(result, null).reason()).contains("no result was sent back");
        assertThat(ToolScorer.finalAnswer(result, "tracking: " + result.mustMention().toLowerCase(java.util.Locale.ROOT)).passed()).isTrue();
        assertThat(ToolScorer.callToAnswer(result, calls("lookup_order", "not json"))).isEmpty();
    }

    @Test
    void junkAndHostileAnswersScoreZeroAndNeverThrow() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String huge = "{\"city\": \"" + "x".repeat(65_000);
        List<ToolAnswer> hostile = List.of(
                new ToolAnswer(List.of(), 0, null, "qwe rty uiop"),
                calls("x_junk", "asdf qwer"),
                calls((String) null, null),
                calls("get_weather", deep, "book_table", deep, "convert_currency", deep),
                calls("get_weather", huge),
                calls("get_weather", "null", "create_event", "[]", "set_thermostat", "\"text\"", "lookup_order", "42"),
                new ToolAnswer(List.of(), 0, "tool_calls is string, not an array", ""),
                new ToolAnswer(List.of(), 936, "936 more call(s) than the 64 kept", ""));
        for (ToolTask task : TASKS) {
            for (ToolAnswer answer : hostile) {
                List<Check> checks = ToolScorer.calls(task, answer);
                assertThat(checks).allSatisfy(c -> assertThat(c.reason()).isNotBlank().hasSizeLessThan(400));
                double s = score(checks);
                if (task.category() == ToolCategory.IRRELEVANCE && answer.calls().isEmpty() && answer.problem() == null
                        && answer.dropped() == 0) {
                    assertThat(s).as("calling nothing is right when nothing fits").isEqualTo(100.0);
                } else {
                    // a call to the right function with unreadable arguments earns the name's points, nothing more
                    assertThat(s).as(task.id() + " " + answer.calls()).isLessThan(30.0);
                }
            }
        }
        ToolTask simple = task("tools-simple-01");
        assertThat(score(ToolScorer.calls(simple, calls("x_junk", "asdf qwer")))).isZero();
        assertThat(score(ToolScorer.calls(simple, new ToolAnswer(List.of(), 0, null, "qwe rty")))).isZero();
    }

    @Test
    void promptedAnswersAreReadBackAndUnreadableOnesSaySo() {
        ToolTask task = task("tools-parallel_multiple-01");
        ToolAnswer read = ToolPrompts.readPrompted("Sure!\n```json\n" + ToolPrompts.referencePrompted(task) + "\n```");
        assertThat(score(ToolScorer.calls(task, read))).isEqualTo(100.0);
        assertThat(ToolPrompts.readPrompted("no json here").problem()).contains("no JSON object");
        assertThat(ToolPrompts.readPrompted("{\"tool_calls\": {\"name\": \"x\"}}").problem()).contains("not a list");
        ToolTask none = task("tools-irrelevance-02");
        assertThat(score(ToolScorer.calls(none, ToolPrompts.readPrompted("{\"tool_calls\": []}")))).isEqualTo(100.0);
        assertThat(score(ToolScorer.calls(none, ToolPrompts.readPrompted("Bom dia!")))).isZero();
    }

    @Test
    void promptsAreByteIdenticalPerSeedAndDifferAcrossSeeds() {
        List<String> a = new ToolTasks().generate(42, 0).stream().map(t -> ToolPrompts.promptedPrompt(t) + "|" + t.functions()).toList();
        List<String> b = new ToolTasks().generate(42, 0).stream().map(t -> ToolPrompts.promptedPrompt(t) + "|" + t.functions()).toList();
        List<String> c = new ToolTasks().generate(43, 0).stream().map(ToolPrompts::promptedPrompt).toList();
        assertThat(a).isEqualTo(b).hasSize(12);
        assertThat(c).isNotEqualTo(a.stream().map(s -> s.substring(0, s.lastIndexOf('|'))).toList());
        assertThat(new ToolTasks().generate(42, 1)).hasSize(ToolCategory.values().length);
    }
}
