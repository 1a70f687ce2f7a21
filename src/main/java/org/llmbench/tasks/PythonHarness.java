package org.llmbench.tasks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files and command a Python code_fix answer runs with: the model's code as written in {@code solution.py},
 * the test calls (never an expected value) in {@code cases.json}, and a fixed {@code runner.py} that installs an
 * audit hook (no processes, sockets, sqlite, native code, reads or writes outside the directory and the Python
 * installation), imports the solution as its own module, evaluates each call on a thread with a time limit and
 * prints what it returned or threw as one JSON line; the harness compares ({@link CaseReports}). It runs under
 * the real interpreter ({@code -I -S -B}: no environment, no site packages, no bytecode files).
 */
final class PythonHarness {

    static final String RUNNER = "runner.py";
    static final String SOLUTION = "solution.py";
    static final String CASES = "cases.json";
    /** {@code ulimit -v} for the interpreter: room for Python, not for a runaway allocation. */
    static final long ADDRESS_SPACE_KB = 512 * 1024;

    private PythonHarness() {
    }

    static Map<String, String> files(String modelCode, List<TestCase> cases) {
        ArrayNode calls = TaskJson.array();
        cases.forEach(c -> calls.add(c.call()));
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SOLUTION, modelCode);
        files.put(CASES, TaskJson.write(calls));
        files.put(RUNNER, RUNNER_SOURCE);
        return files;
    }

    static List<String> command(Toolchain.Python python) {
        return new ArrayList<>(List.of(python.executable(), "-I", "-S", "-B", RUNNER));
    }

    private static final String RUNNER_SOURCE = """
            import importlib.util, json, os, sys, threading

            """ + PythonGuard.SOURCE + """
            def _main():
                out = sys.stdout
                sys.stdout = sys.stderr  # what the model's code prints goes to stderr, never into the report
                with open('cases.json', encoding='utf-8') as f:
                    calls = json.load(f)
                root = os.path.realpath(os.getcwd())
                hook = _sandbox_guard(root)

                def literal(v):
                    t = type(v)
                    if v is None:
                        return 'None'
                    if t is bool:
                        return 'True' if v else 'False'
                    if t is int:
                        return str(v) if -10 ** 18 < v < 10 ** 18 else '<big int>'
                    if t is str:
                        return '"' + v.replace('\\\\', '\\\\\\\\').replace('"', '\\\\"') + '"' if len(v) <= 1000 else '<long str>'
                    if t is list and len(v) <= 1000 and all(type(x) is int and -10 ** 18 < x < 10 ** 18 for x in v):
                        return '[' + ', '.join(str(x) for x in v) + ']'
                    return '<' + t.__name__[:40] + '>'

                def report(obj):
                    out.write(json.dumps(obj) + '\\n')
                    out.flush()

                sys.addaudithook(hook)
                try:
                    spec = importlib.util.spec_from_file_location('solution', os.path.join(root, 'solution.py'))
                    module = importlib.util.module_from_spec(spec)
                    sys.modules['solution'] = module
                    spec.loader.exec_module(module)
                except BaseException as e:
                    report({'load_error': type(e).__name__})
                    os._exit(0)
                namespace = vars(module)
                stopped = False
                for n, call in enumerate(calls, 1):
                    if stopped:
                        report({'case': n, 'skipped': True})
                        continue
                    box = {}
                    def target():
                        try:
                            box['returned'] = literal(eval(call, namespace))
                        except BaseException as e:
                            box['threw'] = type(e).__name__
                    t = threading.Thread(target=target, daemon=True)
                    t.start()
                    t.join({CASE_TIMEOUT_S})
                    if t.is_alive():
                        stopped = True
                        report({'case': n, 'timeout': True})
                    elif 'threw' in box:
                        report({'case': n, 'threw': box['threw']})
                    else:
                        report({'case': n, 'returned': box.get('returned', '<none>')})
                report({'done': True})
                os._exit(0)

            _main()
            """.replace("{CASE_TIMEOUT_S}", Long.toString(JavaHarness.CASE_TIMEOUT_MS / 1000));
}
