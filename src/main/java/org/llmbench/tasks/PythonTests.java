package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges Python code call by call. Two sandboxed processes, started together, never meet:
 * <ul>
 *   <li>the <em>judge</em>, a Python process that never runs model code ({@code -I -S -B -c}, its program and the
 *       tests arrive on its stdin, so no file holds them), runs the test program (a HumanEval {@code check},
 *       MBPP {@code assert} lines, or call/expected pairs) with the entry point a stand-in that writes each call's
 *       arguments as data and waits for the answer;</li>
 *   <li>the <em>child</em> ({@link PythonHarness}) holds only the model's code and a runner that answers calls
 *       with plain values.</li>
 * </ul>
 * This class relays the lines between them, bounds each call in time, and keeps the judge's verdicts: per test
 * passed or not and the kind of failure from a fixed list. Nothing the child writes reaches a verdict but through
 * the judge's decoding of plain values, and nothing of a value reaches a record.
 */
final class PythonTests {

    /** How long one call may take in the child (its import included for the first). */
    static final long CALL_TIMEOUT_MS = 3_000;

    /** The failure kinds the judge reports, as reasons; any other is "failed". */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("wrong_value", "wrong value"),
            Map.entry("timeout", "timed out after " + CALL_TIMEOUT_MS + " ms"),
            Map.entry("not_plain", "returned a value that is not plain data"),
            Map.entry("malformed", "answered with something that is not a value"),
            Map.entry("exit", "the program stopped before answering"),
            Map.entry("load", "the program does not load"),
            Map.entry("unsendable", "the test passes a value that cannot be sent to the program"),
            Map.entry("test_error", "the test itself failed"));

    /** What the judge runs: check code, assert lines, or call/expected pairs. */
    enum Kind { CHECK, LINES, CASES }

    /**
     * One judgement's input.
     *
     * @param entry the function the tests call
     * @param prefix code the judge runs first (a completion prompt's helpers), or empty
     * @param tests check code (one), assert lines, or for {@link Kind#CASES} calls
     * @param expected for {@link Kind#CASES}, the expected literal of each call; else empty
     */
    record Spec(Kind kind, String entry, String prefix, List<String> tests, List<String> expected) {
        Spec {
            tests = List.copyOf(tests);
            expected = List.copyOf(expected);
        }
    }

    /** Per test null (passed) or why not, and what went wrong with the run as a whole (or null). */
    record Verdicts(List<String> failures, String diagnostic) {
        int passed() {
            return (int) failures.stream().filter(f -> f == null).count();
        }
    }

    private final Sandbox sandbox;

    PythonTests(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Runs the tests against the program; null when there is no python3 here. */
    Verdicts run(Spec spec, String program) {
        Toolchain.Python python = Toolchain.python();
        int count = spec.tests().size();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add("no verdict: the judge did not finish");
        }
        if (python == null) {
            return null;
        }
        long deadline = System.currentTimeMillis() + sandbox.limits().wallClock().toMillis();
        try (SandboxSession judge = sandbox.start(Map.of(), PythonJudge.command(python));
             SandboxSession child = sandbox.start(PythonHarness.files(program), PythonHarness.command(python, spec.entry()))) {
            judge.send(PythonJudge.SOURCE_LINE);
            judge.send(PythonJudge.specLine(spec));
            PythonCallRelay relay = new PythonCallRelay(child, deadline, CALL_TIMEOUT_MS);
            boolean done = false;
            while (!done) {
                String line = judge.receive(deadline - System.currentTimeMillis());
                if (line == null || line.equals(SandboxSession.ENDED) || line.equals(SandboxSession.OVERSIZE)) {
                    break;
                }
                if (line.startsWith("C ")) {
                    judge.send(relay.call(line.substring(2)));
                } else if (line.startsWith("V ")) {
                    verdict(line.substring(2), failures);
                } else if (line.equals("D")) {
                    done = true;
                }
            }
            String diagnostic = relay.loadError() != null ? "does not load: " + CaseReports.exception(relay.loadError())
                    : done ? null : System.currentTimeMillis() >= deadline ? "killed after the wall-clock limit"
                    : "the judge stopped early";
            return new Verdicts(failures, diagnostic);
        } catch (IOException e) {
            return new Verdicts(failures, "cannot start the sandbox: " + e.getMessage());
        }
    }

    private static void verdict(String json, List<String> failures) {
        JsonNode node = TaskJson.parseObject(json);
        if (node != null && node.path("test").canConvertToInt()) {
            int i = node.get("test").asInt() - 1;
            if (i >= 0 && i < failures.size()) {
                failures.set(i, node.path("passed").asBoolean(false) ? null : reason(node.path("kind").asText("")));
            }
        }
    }

    /** A failure kind as a reason: a fixed text, or the name of an exception from {@link CaseReports}' list. */
    static String reason(String kind) {
        if (kind.startsWith("raised ")) {
            return "raised " + CaseReports.exception(kind.substring(7));
        }
        return KINDS.getOrDefault(kind, "failed");
    }
}
