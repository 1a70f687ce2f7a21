package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.llmbench.json.Json;

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
        try (SandboxSession judge = sandbox.start(Map.of(), judgeCommand(python));
             SandboxSession child = sandbox.start(PythonHarness.files(program), PythonHarness.command(python, spec.entry()))) {
            judge.send(JUDGE_SOURCE_LINE);
            judge.send(TaskJson.write(specNode(spec)));
            Relay relay = new Relay(child, deadline);
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
            String diagnostic = relay.loadError != null ? "does not load: " + CaseReports.exception(relay.loadError)
                    : done ? null : System.currentTimeMillis() >= deadline ? "killed after the wall-clock limit"
                    : "the judge stopped early";
            return new Verdicts(failures, diagnostic);
        } catch (IOException e) {
            return new Verdicts(failures, "cannot start the sandbox: " + e.getMessage());
        }
    }

    private static void verdict(String json, List<String> failures) {
        JsonNode node = parse(json);
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

    private static JsonNode parse(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The child's side of the relay: waits for it to be ready once, then passes one call and one answer line at a
     * time; a call that takes too long ends the child, and every later call is answered "timeout" without it.
     */
    private static final class Relay {
        private final SandboxSession child;
        private final long deadline;
        private boolean ready;
        private String gone;
        String loadError;

        Relay(SandboxSession child, long deadline) {
            this.child = child;
            this.deadline = deadline;
        }

        String call(String call) {
            if (gone == null && !ready) {
                awaitReady();
            }
            if (gone != null) {
                return failed(gone);
            }
            child.send(call);
            String answer = child.receive(Math.min(CALL_TIMEOUT_MS, deadline - System.currentTimeMillis()));
            if (answer == null) {
                gone = "timeout";
                child.close();
                return failed(gone);
            }
            if (answer.equals(SandboxSession.ENDED)) {
                gone = "exit";
                return failed(gone);
            }
            return answer.equals(SandboxSession.OVERSIZE) ? failed("not_plain") : answer;
        }

        private void awaitReady() {
            String line = child.receive(Math.min(CALL_TIMEOUT_MS * 3, deadline - System.currentTimeMillis()));
            JsonNode node = line == null ? null : parse(line);
            if (node != null && node.path("ready").asBoolean(false)) {
                ready = true;
                return;
            }
            gone = line == null ? "timeout" : "load";
            loadError = node != null && node.has("load_error") ? node.path("load_error").asText("") : line == null
                    ? "timed out while loading" : "an exception";
            child.close();
        }

        private static String failed(String kind) {
            return "{\"x\": \"" + kind + "\"}";
        }
    }

    private static ObjectNode specNode(Spec spec) {
        ObjectNode node = TaskJson.object();
        node.put("kind", spec.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.put("entry", spec.entry());
        node.put("prefix", spec.prefix());
        ArrayNode tests = node.putArray("tests");
        spec.tests().forEach(tests::add);
        ArrayNode expected = node.putArray("expected");
        spec.expected().forEach(expected::add);
        return node;
    }

    /** The judge reads its program from its first stdin line: no file of it exists for anything to rewrite. */
    private static Sandbox.Command judgeCommand(Toolchain.Python python) {
        return new Sandbox.Command(List.of(python.executable(), "-I", "-S", "-B", "-c",
                "import sys, json; exec(compile(json.loads(sys.stdin.readline()), '<judge>', 'exec'))"),
                PythonHarness.ADDRESS_SPACE_KB, List.of(python.home()));
    }

    /**
     * The judge. The stand-in encodes the arguments (a value it cannot encode fails the test), writes
     * {@code C {"call": [args, kwargs]}}, reads one answer line and decodes it: a plain value is returned, an
     * exception named from the list of built-in ones is raised as that class (tests that expect one pass), anything
     * else fails the call with a {@code _CallFailed} the test cannot catch as an Exception. Per test it writes
     * {@code V {"test": n, "passed": ..., "kind": ...}}, then {@code D}.
     */
    private static final String JUDGE_SOURCE = """
            import ast, builtins, json, sys
            import math, re, random, string, collections, itertools, heapq, functools, operator
            """ + PythonHarness.CODEC + """

            RAISABLE = {'ZeroDivisionError', 'IndexError', 'KeyError', 'TypeError', 'ValueError', 'AttributeError',
                        'NameError', 'RecursionError', 'MemoryError', 'RuntimeError', 'Exception', 'UnboundLocalError',
                        'StopIteration', 'OverflowError', 'NotImplementedError', 'ArithmeticError', 'LookupError',
                        'AssertionError', 'FileNotFoundError', 'OSError', 'PermissionError', 'UnicodeDecodeError',
                        'UnicodeEncodeError', 'ImportError', 'ModuleNotFoundError'}

            class _CallFailed(BaseException):
                def __init__(self, kind):
                    self.kind = kind

            raised = [None]
            out = sys.stdout

            def candidate(*args, **kwargs):
                try:
                    payload = json.dumps({'call': [_enc(list(args)), _enc(kwargs)]})
                except BaseException:
                    raise _CallFailed('unsendable')
                out.write('C ' + payload + '\\n')
                out.flush()
                line = sys.stdin.readline(2000000)
                try:
                    answer = json.loads(line)
                    if type(answer) is not dict or len(answer) != 1:
                        raise ValueError()
                    if 'r' in answer:
                        return _dec(answer['r'])
                except BaseException:
                    raise _CallFailed('malformed')
                if type(answer.get('e')) is str:
                    if answer['e'] in RAISABLE and answer['e'] != 'AssertionError':
                        raised[0] = getattr(builtins, answer['e'])()
                        raise raised[0]
                    raise _CallFailed('raised an exception')
                kind = answer.get('x')
                raise _CallFailed(kind if kind in ('timeout', 'not_plain', 'exit', 'load') else 'malformed')

            def same(a, b):
                # equal and of the same types all the way down: True is not 1, 1.0 is not 1
                if type(a) is not type(b):
                    return False
                if type(a) in (list, tuple):
                    return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
                if type(a) is dict:
                    return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
                if type(a) is float and a != a:
                    return b != b
                return a == b

            def kind_of(e):
                if isinstance(e, _CallFailed):
                    return e.kind
                if e is raised[0]:
                    return 'raised ' + type(e).__name__
                if isinstance(e, AssertionError):
                    return 'wrong_value'
                return 'raised ' + type(e).__name__

            def run_test(n, body):
                raised[0] = None
                random.seed(0)
                try:
                    passed = body()
                    verdict = {'test': n, 'passed': passed is not False, 'kind': '' if passed is not False else 'wrong_value'}
                except _CallFailed as e:
                    verdict = {'test': n, 'passed': False, 'kind': e.kind}
                except BaseException as e:
                    verdict = {'test': n, 'passed': False, 'kind': kind_of(e)}
                out.write('V ' + json.dumps(verdict) + '\\n')
                out.flush()

            def main():
                spec = json.loads(sys.stdin.readline())
                namespace = {'math': math, 're': re, 'random': random, 'string': string, 'collections': collections,
                             'itertools': itertools, 'heapq': heapq, 'functools': functools, 'operator': operator}
                try:
                    exec(spec['prefix'], namespace)
                except BaseException:
                    pass
                namespace[spec['entry']] = candidate
                for n, source in enumerate(spec['tests'], 1):
                    if spec['kind'] == 'check':
                        def body(source=source):
                            exec(source, namespace)
                            namespace['check'](candidate)
                    elif spec['kind'] == 'lines':
                        def body(source=source):
                            exec(source, namespace)
                    else:
                        def body(source=source, expected=spec['expected'][n - 1]):
                            want = ast.literal_eval(expected)
                            return same(eval(source, namespace), want)
                    run_test(n, body)
                out.write('D\\n')
                out.flush()

            main()
            """;

    /** The judge's program as the JSON string its bootstrap reads. */
    private static final String JUDGE_SOURCE_LINE = Json.MAPPER.getNodeFactory().textNode(JUDGE_SOURCE).toString();
}
