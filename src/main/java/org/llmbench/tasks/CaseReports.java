package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.llmbench.json.Json;

/**
 * The judge, in the harness JVM: reads the child's JSON lines (what each call returned or threw) and compares each
 * returned value with the expected one, which never left the harness. The child is untrusted, so a line can claim
 * anything: a claim only counts when it equals the expected value, a case reported twice fails, and nothing of a
 * claim reaches a reason but its verdict (wrong value, not plain data, too large, timed out) or a well-known
 * exception name, so what the model's code computed or read cannot travel into the ledger.
 */
final class CaseReports {

    /** Exception names shown as they are; any other is "an exception". */
    private static final Set<String> KNOWN_EXCEPTIONS = Set.of("java.lang.ArithmeticException",
            "java.lang.ArrayIndexOutOfBoundsException", "java.lang.StringIndexOutOfBoundsException",
            "java.lang.IndexOutOfBoundsException", "java.lang.NullPointerException", "java.lang.StackOverflowError",
            "java.lang.OutOfMemoryError", "java.lang.ClassCastException", "java.lang.IllegalArgumentException",
            "java.lang.IllegalStateException", "java.lang.NegativeArraySizeException", "java.lang.NumberFormatException",
            "java.lang.SecurityException", "java.lang.UnsupportedOperationException", "java.lang.RuntimeException",
            "java.lang.Exception", "java.lang.Error", "java.util.NoSuchElementException",
            "java.util.ConcurrentModificationException", "java.lang.NoSuchMethodError", "java.lang.NoClassDefFoundError",
            "ZeroDivisionError", "IndexError", "KeyError", "TypeError", "ValueError", "AttributeError", "NameError",
            "RecursionError", "MemoryError", "PermissionError", "RuntimeError", "Exception", "AssertionError",
            "UnboundLocalError", "StopIteration", "SystemExit", "KeyboardInterrupt", "OverflowError", "ImportError",
            "ModuleNotFoundError", "SyntaxError", "IndentationError", "TabError", "OSError", "FileNotFoundError",
            "NotImplementedError", "UnicodeDecodeError", "UnicodeEncodeError");

    private CaseReports() {
    }

    /** The judged report: per case null (passed) or why not, whether the runner finished, and a load error if any. */
    record Report(List<String> failures, boolean done, String loadError) {
    }

    static Report judge(String stdout, List<TestCase> cases) {
        return judge(stdout, cases, null);
    }

    /**
     * Judges the runner's lines; with {@code tokens} (one per case, sent to the runner on its stdin) a case's line
     * counts only when it carries that case's token, so a line printed by the model's own code stands for nothing.
     */
    static Report judge(String stdout, List<TestCase> cases, List<String> tokens) {
        int n = cases.size();
        List<String> failures = new ArrayList<>();
        int[] reports = new int[n];
        for (int i = 0; i < n; i++) {
            failures.add("no result: the program stopped before this test");
        }
        boolean done = false;
        String loadError = null;
        for (String line : stdout.split("\n")) {
            JsonNode node = parse(line);
            if (node == null) {
                continue;
            }
            if (node.path("done").asBoolean(false)) {
                done = true;
            } else if (node.has("load_error")) {
                loadError = exception(node.path("load_error").asText(""));
            } else if (node.path("case").canConvertToInt()) {
                int i = node.path("case").asInt() - 1;
                if (i >= 0 && i < n && (tokens == null || tokens.get(i).equals(node.path("token").asText(null)))) {
                    reports[i]++;
                    failures.set(i, reports[i] > 1 ? "reported more than once" : verdict(node, cases.get(i)));
                }
            }
        }
        return new Report(failures, done, loadError);
    }

    private static String verdict(JsonNode node, TestCase c) {
        if (node.has("returned")) {
            String returned = node.path("returned").asText("");
            // Nothing of the value reaches the reason: two bytes a test were enough to carry a key out (issue 25).
            return returned.equals(c.expected()) ? null : "wrong value";
        }
        if (node.path("not_plain").asBoolean(false)) {
            return "returned something that is not plain data";
        }
        if (node.path("too_large").asBoolean(false)) {
            return "returned a value too large to compare";
        }
        if (node.has("threw")) {
            return "threw " + exception(node.path("threw").asText(""));
        }
        if (node.path("timeout").asBoolean(false)) {
            return "timed out after " + JavaHarness.CASE_TIMEOUT_MS + " ms";
        }
        if (node.path("skipped").asBoolean(false)) {
            return "not run: an earlier test timed out";
        }
        return "no result: the program stopped before this test";
    }

    static String exception(String name) {
        return KNOWN_EXCEPTIONS.contains(name) ? name : "an exception";
    }

    /** One line the child wrote, as a JSON object; null for anything else (never trusted to be well formed). */
    static JsonNode parse(String line) {
        String t = line.strip();
        if (!t.startsWith("{") || t.length() > 4096) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(t);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
