package org.llmbench.tasks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.llmbench.json.Json;

/**
 * The judge process of {@link PythonTests}: its program, the command that starts it (the program and the tests arrive
 * on its stdin, so no file holds them) and the spec line it reads. It never runs model code.
 */
final class PythonJudge {

    private PythonJudge() {
    }

    /** The judge reads its program from its first stdin line: no file of it exists for anything to rewrite. */
    static Sandbox.Command command(Toolchain.Python python) {
        return new Sandbox.Command(List.of(python.executable(), "-I", "-S", "-B", "-c",
                "import sys, json; exec(compile(json.loads(sys.stdin.readline()), '<judge>', 'exec'))"),
                PythonHarness.ADDRESS_SPACE_KB, List.of(python.home()));
    }

    /** The judgement's input as the JSON line the judge reads second. */
    static String specLine(PythonTests.Spec spec) {
        return TaskJson.write(specNode(spec));
    }

    private static ObjectNode specNode(PythonTests.Spec spec) {
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

    /**
     * The judge. The stand-in encodes the arguments (a value it cannot encode fails the test), writes
     * {@code C {"call": [args, kwargs]}}, reads one answer line and decodes it: a plain value is returned, an
     * exception named from the list of built-in ones is raised as that class (tests that expect one pass), anything
     * else fails the call with a {@code _CallFailed} the test cannot catch as an Exception. Per test it writes
     * {@code V {"test": n, "passed": ..., "kind": ...}}, then {@code D}.
     */
    private static final String SOURCE = """
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
    static final String SOURCE_LINE = Json.MAPPER.getNodeFactory().textNode(SOURCE).toString();
}
