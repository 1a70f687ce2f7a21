package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmbench.scoring.CodeJudge;
import org.llmbench.suite.CodeTests;

/**
 * Runs a suite question's Python test code (a HumanEval {@code check(candidate)} function, MBPP {@code assert}
 * lines) with the judge outside the model's process, in two sandboxed runs:
 * <ol>
 *   <li>the <em>child</em> imports the model's program under the audit hook and runs each test with the entry
 *       point wrapped in a recorder: each call's arguments (as they were before the call) and what it returned
 *       (a plain value of built-in types: int, float, str, bool, None, list, tuple, dict, set, bytes) or threw are
 *       printed as JSON lines. The child's own assert outcomes are ignored;</li>
 *   <li>the <em>judge</em>, a Python process that never runs model code, runs the same tests against a stand-in
 *       for the entry point that answers each call with the value the child recorded for the same arguments
 *       (read back with {@code ast.literal_eval}, so a claim is data, never code), and says which tests passed.</li>
 * </ol>
 * So whatever the model's code prints, patches or forges in its own process, a test passes only when the values it
 * recorded for the judge's own calls make the judge's asserts hold: forging a pass means knowing the right return
 * values, which is solving the problem (or copying tests the prompt showed).
 */
final class PythonTests {

    static final String CHILD = "suite_child.py";
    static final String JUDGE = "suite_judge.py";
    static final String PROGRAM = "solution.py";
    static final String TESTS = "tests.json";
    static final String RECORDS = "records.jsonl";
    private static final int MAX_RECORD_LINES = 10_000;

    private final Sandbox sandbox;

    PythonTests(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    CodeJudge.TestRun run(CodeTests tests, String program) {
        Toolchain.Python python = Toolchain.python();
        if (python == null) {
            return new CodeJudge.TestRun(List.of(), null, "python3 is not on the PATH");
        }
        List<String> sources = tests.checkCode() != null ? List.of(tests.checkCode()) : tests.asserts();
        ObjectNode spec = TaskJson.object();
        spec.put("entry", tests.entryPoint());
        spec.put("kind", tests.checkCode() != null ? "check" : "lines");
        spec.put("prefix", tests.prefix() == null ? "" : tests.prefix());
        sources.forEach(spec.putArray("tests")::add);
        Map<String, String> childFiles = new LinkedHashMap<>();
        childFiles.put(PROGRAM, program);
        childFiles.put(TESTS, TaskJson.write(spec));
        childFiles.put(CHILD, CHILD_SOURCE);
        Sandbox.Result child = sandbox.run(childFiles, command(python, CHILD), "");
        Map<String, String> judgeFiles = new LinkedHashMap<>();
        judgeFiles.put(TESTS, TaskJson.write(spec));
        judgeFiles.put(RECORDS, records(child.stdout()));
        judgeFiles.put(JUDGE, JUDGE_SOURCE);
        Sandbox.Result judged = sandbox.run(judgeFiles, command(python, JUDGE), "");
        return verdicts(judged, sources.size(), diagnostic(child));
    }

    /** Only the child's JSON lines go to the judge, capped: the rest is what the model's code printed. */
    static String records(String stdout) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String line : stdout.split("\n")) {
            String t = line.strip();
            if (t.startsWith("{") && t.length() <= 100_000 && n++ < MAX_RECORD_LINES) {
                sb.append(t).append('\n');
            }
        }
        return sb.toString();
    }

    private static String diagnostic(Sandbox.Result r) {
        if (r.startError() != null) {
            return r.startError();
        }
        if (r.timedOut()) {
            return "killed after the wall-clock limit";
        }
        for (String line : r.stdout().split("\n")) {
            JsonNode node = CaseReports.parse(line);
            if (node != null && node.has("load_error")) {
                return "does not load: " + CaseReports.exception(node.path("load_error").asText(""));
            }
        }
        return null;
    }

    /** The judge's lines (trusted: it ran no model code), one per test. */
    private static CodeJudge.TestRun verdicts(Sandbox.Result judged, int tests, String diagnostic) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < tests; i++) {
            failures.add("no verdict: the judge did not finish");
        }
        boolean done = false;
        for (String line : judged.stdout().split("\n")) {
            JsonNode node = CaseReports.parse(line);
            if (node == null) {
                continue;
            }
            if (node.path("done").asBoolean(false)) {
                done = true;
            } else if (node.path("test").canConvertToInt()) {
                int i = node.get("test").asInt() - 1;
                if (i >= 0 && i < tests) {
                    failures.set(i, node.path("passed").asBoolean(false) ? null : node.path("reason").asText("failed"));
                }
            }
        }
        String whole = diagnostic != null ? diagnostic : done ? null
                : judged.timedOut() ? "the judge ran out of time" : "the judge stopped early";
        return new CodeJudge.TestRun(failures, whole, null);
    }

    private static Sandbox.Command command(Toolchain.Python python, String script) {
        return new Sandbox.Command(List.of(python.executable(), "-I", "-S", "-B", script), PythonHarness.ADDRESS_SPACE_KB,
                List.of(python.home()));
    }

    /** Shared by child and judge: the key of a call's arguments, built before the call (so mutation cannot move it). */
    private static final String KEY_SOURCE = """
            PLAIN = (int, float, str, bool, type(None), bytes, complex)

            def key(v, depth=0):
                t = type(v)
                if depth > 30:
                    raise ValueError('too deep')
                if t in PLAIN:
                    return t.__name__ + ':' + repr(v)
                if t is list or t is tuple:
                    return t.__name__ + '[' + ','.join(key(x, depth + 1) for x in v) + ']'
                if t is dict:
                    return 'dict{' + ','.join(key(k, depth + 1) + ':' + key(x, depth + 1) for k, x in v.items()) + '}'
                if t is set or t is frozenset:
                    return 'set{' + ','.join(sorted(key(x, depth + 1) for x in v)) + '}'
                raise TypeError('not a plain value')

            def plain(v, depth=0):
                t = type(v)
                if depth > 30:
                    return False
                if t in PLAIN:
                    return True
                if t is list or t is tuple or t is set or t is frozenset:
                    return all(plain(x, depth + 1) for x in v)
                if t is dict:
                    return all(plain(k, depth + 1) and plain(x, depth + 1) for k, x in v.items())
                return False
            """;

    private static final String CHILD_SOURCE = """
            import importlib.util, json, os, sys, threading
            # what solutions commonly import, loaded before the audit hook so the import system can list the stdlib
            import typing, collections, collections.abc, math, re, itertools, functools, heapq, string, random, bisect
            import operator, copy, fractions, decimal, statistics, datetime, hashlib, array, string, textwrap
            """ + KEY_SOURCE + """

            """ + PythonGuard.SOURCE + """
            def _main():
                out = sys.stdout
                sys.stdout = sys.stderr  # what the model's code prints goes to stderr
                with open('tests.json', encoding='utf-8') as f:
                    spec = json.load(f)
                root = os.path.realpath(os.getcwd())
                hook = _sandbox_guard(root)


                def report(obj):
                    out.write(json.dumps(obj) + '\\n')
                    out.flush()

                sys.addaudithook(hook)
                try:
                    path = os.path.join(root, 'solution.py')
                    module_spec = importlib.util.spec_from_file_location('solution', path)
                    module = importlib.util.module_from_spec(module_spec)
                    sys.modules['solution'] = module
                    module_spec.loader.exec_module(module)
                except BaseException as e:
                    report({'load_error': type(e).__name__})
                    os._exit(0)
                entry = vars(module).get(spec['entry'])
                if not callable(entry):
                    report({'load_error': 'NameError'})
                    os._exit(0)
                current = [0]

                def recorder(*args, **kwargs):
                    try:
                        k = key((args, kwargs))
                    except Exception:
                        k = None
                    try:
                        value = entry(*args, **kwargs)
                    except BaseException as e:
                        if k is not None:
                            report({'test': current[0], 'key': k, 'threw': type(e).__name__})
                        raise
                    if k is not None:
                        if plain(value):
                            text = repr(value)
                            report({'test': current[0], 'key': k, 'returned': text if len(text) <= 50000 else None})
                        else:
                            report({'test': current[0], 'key': k, 'returned': None})
                    return value

                namespace = dict(vars(module))
                namespace[spec['entry']] = recorder
                for n, source in enumerate(spec['tests'], 1):
                    current[0] = n
                    def target():
                        try:
                            random.seed(0)  # as the judge does, so a test drawing random inputs draws the same ones
                            if spec['kind'] == 'check':
                                exec(source, namespace)
                                namespace['check'](recorder)
                            else:
                                exec(source, namespace)
                        except BaseException:
                            pass  # the judge decides; the child's own outcome is not evidence
                    t = threading.Thread(target=target, daemon=True)
                    t.start()
                    t.join({TEST_TIMEOUT_S})
                    if t.is_alive():
                        report({'test': n, 'timeout': True})
                        break
                report({'finished': True})
                os._exit(0)

            _main()
            """.replace("{TEST_TIMEOUT_S}", "5");

    private static final String JUDGE_SOURCE = """
            import ast, json, sys, threading, builtins
            import math, re, random, string, collections, itertools, heapq, functools, operator
            """ + KEY_SOURCE + """

            def main():
                with open('tests.json', encoding='utf-8') as f:
                    spec = json.load(f)
                answers = {}
                poisoned = set()
                with open('records.jsonl', encoding='utf-8') as f:
                    for line in f:
                        try:
                            r = json.loads(line)
                        except Exception:
                            continue
                        if not isinstance(r, dict) or not isinstance(r.get('key'), str):
                            continue
                        if 'threw' in r and isinstance(r['threw'], str):
                            outcome = ('threw', r['threw'])
                        elif isinstance(r.get('returned'), str):
                            outcome = ('returned', r['returned'])
                        else:
                            outcome = ('bad', None)
                        k = r['key']
                        if k in answers and answers[k] != outcome:
                            poisoned.add(k)  # two different answers to one call: neither counts
                        answers[k] = outcome

                class NoRecord(Exception):
                    pass

                def stand_in(*args, **kwargs):
                    k = key((args, kwargs))
                    if k not in answers or k in poisoned:
                        raise NoRecord()
                    kind, value = answers[k]
                    if kind == 'threw':
                        error = getattr(builtins, value, None)
                        raise error() if isinstance(error, type) and issubclass(error, Exception) else RuntimeError()
                    if kind == 'bad':
                        raise NoRecord()
                    parsed = ast.literal_eval(value) if len(value) <= 50000 else None
                    if not plain(parsed):
                        raise NoRecord()
                    return parsed

                namespace = {'math': math, 're': re, 'random': random, 'string': string, 'collections': collections,
                             'itertools': itertools, 'heapq': heapq, 'functools': functools, 'operator': operator}
                try:
                    exec(spec['prefix'], namespace)
                except BaseException:
                    pass
                namespace[spec['entry']] = stand_in
                for n, source in enumerate(spec['tests'], 1):
                    box = {}
                    def target():
                        try:
                            random.seed(0)
                            if spec['kind'] == 'check':
                                exec(source, namespace)
                                namespace['check'](stand_in)
                            else:
                                exec(source, namespace)
                            box['passed'] = True
                        except NoRecord:
                            box['reason'] = 'a call the test makes returned no plain value'
                        except AssertionError:
                            box['reason'] = 'an assertion failed'
                        except BaseException as e:
                            box['reason'] = 'raised ' + type(e).__name__
                    t = threading.Thread(target=target, daemon=True)
                    t.start()
                    t.join(10)
                    if t.is_alive():
                        print(json.dumps({'test': n, 'passed': False, 'reason': 'the test ran out of time'}), flush=True)
                        break
                    print(json.dumps({'test': n, 'passed': box.get('passed', False),
                                      'reason': box.get('reason', '')[:80]}), flush=True)
                print(json.dumps({'done': True}), flush=True)
                sys.stdout.flush()
                import os
                os._exit(0)

            main()
            """;
}
