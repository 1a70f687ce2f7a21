package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.llmbench.scoring.Check;

/**
 * Per-field credit for a JSON answer: presence, type, value pattern and exact value, each its own check, so a
 * partly right answer earns the share it got right. Values are compared exactly (numbers to the cent).
 */
final class FieldChecks {

    private FieldChecks() {
    }

    static List<Check> grade(JsonNode answer, List<FieldSpec> fields) {
        List<Check> checks = new ArrayList<>();
        for (FieldSpec f : fields) {
            JsonNode actual = TaskJson.at(answer, f.path());
            boolean present = !actual.isMissingNode() && !actual.isNull();
            checks.add(present ? Check.passed(f.path() + ": present", 1, "present")
                    : Check.failed(f.path() + ": present", 1, "missing"));
            boolean typed = present && f.hasType(actual);
            checks.add(typed ? Check.passed(f.path() + ": type", 1, "is " + f.type().name().toLowerCase(java.util.Locale.ROOT))
                    : Check.failed(f.path() + ": type", 1, present ? "expected " + f.type().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", got " + actual.getNodeType().name().toLowerCase(java.util.Locale.ROOT) : "missing"));
            if (f.pattern() != null) {
                boolean matches = present && actual.isValueNode() && Pattern.compile(f.pattern()).matcher(actual.asText()).matches();
                checks.add(matches ? Check.passed(f.path() + ": pattern", 1, "matches " + f.pattern())
                        : Check.failed(f.path() + ": pattern", 1, present ? "'" + TaskJson.clip(actual.toString())
                        + "' does not match " + f.pattern() : "missing"));
            }
            boolean equal = typed && sameValue(actual, f.expected());
            checks.add(equal ? Check.passed(f.path() + ": value", f.valueWeight(), "= " + f.expected())
                    : Check.failed(f.path() + ": value", f.valueWeight(), present ? "expected " + f.expected()
                    + ", got " + TaskJson.clip(actual.toString()) : "missing"));
        }
        return checks;
    }

    /**
     * The field checks of {@link #grade} and the check that the object has no keys beyond the expected top-level ones.
     * Having no extra keys is credit only alongside at least one right value: {@code {}} has no extra keys either.
     */
    static List<Check> gradeWithExactKeys(JsonNode answer, List<FieldSpec> fields, List<String> keys) {
        List<Check> checks = grade(answer, fields);
        boolean anyRight = checks.stream().anyMatch(c -> c.passed() && c.name().endsWith(": value"));
        checks.add(anyRight ? exactKeys(answer, keys)
                : Check.failed("exact keys", 1, "no expected key has its right value, so having no extra keys earns nothing"));
        return checks;
    }

    /** A check that the object has no keys beyond the expected top-level ones. */
    static Check exactKeys(JsonNode answer, List<String> keys) {
        if (answer == null || !answer.isObject()) {
            return Check.failed("exact keys", 1, "no JSON object");
        }
        List<String> extra = new ArrayList<>();
        answer.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) {
                extra.add(k);
            }
        });
        return extra.isEmpty() ? Check.passed("exact keys", 1, "no keys beyond " + keys)
                : Check.failed("exact keys", 1, "unexpected keys " + TaskJson.clip(extra.toString()));
    }

    private static boolean sameValue(JsonNode actual, JsonNode expected) {
        if (expected.isNumber()) {
            return TaskJson.sameNumber(actual, expected);
        }
        if (expected.isTextual()) {
            return actual.isTextual() && actual.asText().strip().equals(expected.asText());
        }
        return actual.equals(expected);
    }
}
