package org.llmbench.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's side of a Python judgement: {@code solution.py} (the model's code as written) and a fixed
 * {@code runner.py} that installs the audit hook ({@link PythonGuard}), imports the solution, says it is ready, then
 * answers calls: each line it reads holds one call's arguments as data ({@link #CODEC}), it calls the entry point
 * and writes back one line with the value (plain data only), the name of the exception, or that the value was not
 * plain data. It never sees a test, an expected value or the judge ({@link PythonTests}). It runs under the real
 * interpreter with {@code -I -S -B} (no environment, no site packages, no bytecode files).
 */
final class PythonHarness {

    static final String RUNNER = "runner.py";
    static final String SOLUTION = "solution.py";
    /** {@code ulimit -v} for the interpreter: room for Python, not for a runaway allocation. */
    static final long ADDRESS_SPACE_KB = 512 * 1024;

    /**
     * The one encoding of plain values both sides use, as Python source: {@code _enc(v)} gives JSON-ready data
     * ({@code None}, booleans as they are, every other value a one-key object tagged by its exact type: {@code i}
     * int (hex), {@code f} float (repr), {@code s} str, {@code b} bytes (hex), {@code l} list, {@code t} tuple,
     * {@code S} set, {@code F} frozenset, {@code d} dict as pairs), refusing anything else, subclasses included;
     * {@code _dec(n)} reads it back without evaluating anything, depth- and size-limited.
     */
    static final String CODEC = """
            class _NotPlain(Exception):
                pass

            _MAX_DEPTH = 64
            _MAX_NODES = 200000

            def _enc(v, depth=0, budget=None):
                budget = budget if budget is not None else [_MAX_NODES]
                budget[0] -= 1
                if depth > _MAX_DEPTH or budget[0] < 0:
                    raise _NotPlain()
                t = type(v)
                if v is None or t is bool:
                    return v
                if t is int:
                    return {'i': format(v, 'x')}
                if t is float:
                    return {'f': repr(v)}
                if t is str:
                    return {'s': v}
                if t is bytes:
                    return {'b': v.hex()}
                tag = {list: 'l', tuple: 't', set: 'S', frozenset: 'F'}.get(t)
                if tag:
                    return {tag: [_enc(x, depth + 1, budget) for x in v]}
                if t is dict:
                    return {'d': [[_enc(k, depth + 1, budget), _enc(x, depth + 1, budget)] for k, x in v.items()]}
                raise _NotPlain()

            def _dec(n, depth=0):
                if depth > _MAX_DEPTH:
                    raise ValueError('too deep')
                if n is None or type(n) is bool:
                    return n
                if type(n) is not dict or len(n) != 1:
                    raise ValueError('not a tagged value')
                (tag, x), = n.items()
                if tag == 's' and type(x) is str:
                    return x
                if tag == 'i' and type(x) is str and len(x) <= 100000:
                    return int(x, 16)
                if tag == 'f' and type(x) is str and len(x) <= 40:
                    return float(x)
                if tag == 'b' and type(x) is str:
                    return bytes.fromhex(x)
                if type(x) is list:
                    if tag == 'd':
                        return {_dec(p[0], depth + 1): _dec(p[1], depth + 1) for p in x if type(p) is list and len(p) == 2}
                    make = {'l': list, 't': tuple, 'S': set, 'F': frozenset}.get(tag)
                    if make:
                        return make(_dec(e, depth + 1) for e in x)
                raise ValueError('not a tagged value')
            """;

    private PythonHarness() {
    }

    static Map<String, String> files(String modelCode) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SOLUTION, modelCode);
        files.put(RUNNER, RUNNER_SOURCE);
        return files;
    }

    /** The child's command: the runner, told which function answers the calls. */
    static Sandbox.Command command(Toolchain.Python python, String entryPoint) {
        return new Sandbox.Command(List.of(python.executable(), "-I", "-S", "-B", RUNNER, entryPoint), ADDRESS_SPACE_KB,
                List.of(python.home()));
    }

    private static final String RUNNER_SOURCE = """
            import importlib.util, json, os, sys
            # what solutions commonly import, loaded before the audit hook so the import system can list the stdlib
            import typing, collections, collections.abc, math, re, itertools, functools, heapq, string, random, bisect
            import operator, copy, fractions, decimal, statistics, datetime, hashlib, array, textwrap

            """ + CODEC + PythonGuard.SOURCE + """

            def _main():
                # The channel is a private copy of stdout; fd 1 and sys.stdout go to stderr, so what the model's
                # code prints is never mistaken for an answer (it could write to the channel: it answers anyway).
                channel = os.fdopen(os.dup(1), 'wb')
                requests = sys.stdin.buffer
                os.dup2(2, 1)
                sys.stdout = sys.stderr
                entry_name = sys.argv[1]

                def answer(obj):
                    channel.write(json.dumps(obj).encode() + b'\\n')
                    channel.flush()

                root = os.path.realpath(os.getcwd())
                sys.addaudithook(_sandbox_guard(root))
                try:
                    module_spec = importlib.util.spec_from_file_location('solution', os.path.join(root, 'solution.py'))
                    module = importlib.util.module_from_spec(module_spec)
                    sys.modules['solution'] = module
                    module_spec.loader.exec_module(module)
                    entry = vars(module).get(entry_name)
                    if not callable(entry):
                        raise NameError(entry_name)
                except BaseException as e:
                    answer({'load_error': type(e).__name__})
                    os._exit(0)
                answer({'ready': True})
                while True:
                    line = requests.readline()
                    if not line:
                        os._exit(0)
                    try:
                        args, kwargs = (_dec(x) for x in json.loads(line)['call'])
                        value = entry(*args, **kwargs)
                    except BaseException as e:
                        answer({'e': type(e).__name__})
                        continue
                    try:
                        answer({'r': _enc(value)})
                    except BaseException:
                        answer({'x': 'not_plain'})

            _main()
            """;
}
