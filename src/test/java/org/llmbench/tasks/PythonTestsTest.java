package org.llmbench.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The call-by-call judge: right answers pass in every test form, wrong ones fail with a kind and nothing of the
 * value, and a child that looks for the tests finds none.
 */
class PythonTestsTest {

    private static final PythonTests JUDGE = new PythonTests(new Sandbox(new Sandbox.Limits(Duration.ofSeconds(15), 64 * 1024, 1024)));
    private static final String CHECK = """
            def check(candidate):
                assert candidate([1, 2, 3]) == 6, 'PROBE7d1c'
                assert candidate([]) == 0
                assert candidate([-1, 1]) == 0
                assert candidate((5,)) == 5
            """;

    @BeforeEach
    void python() {
        assumeTrue(Toolchain.hasPython(), "python3 is not on the PATH");
    }

    private static PythonTests.Verdicts check(String program) {
        return JUDGE.run(new PythonTests.Spec(PythonTests.Kind.CHECK, "total", "", List.of(CHECK), List.of()), program);
    }

    @Test
    void aRightAnswerPassesEveryForm() {
        assertThat(check("def total(xs):\n    return sum(xs)\n").failures()).containsExactly((String) null);
        PythonTests.Verdicts lines = JUDGE.run(new PythonTests.Spec(PythonTests.Kind.LINES, "total", "",
                List.of("assert total([1, 2]) == 3", "assert total([]) == 0", "assert set(pair(2)) == {2, 4}",
                        "assert math.isclose(half(3), 1.5)"), List.of()),
                "def total(xs):\n    return sum(xs)\ndef pair(x):\n    return [x, 2 * x]\ndef half(x):\n    return x / 2\n");
        assertThat(lines.failures()).as("only the entry point is called across the boundary; others fail")
                .containsExactly(null, null, "raised NameError", "raised NameError");
        PythonTests.Verdicts cases = JUDGE.run(new PythonTests.Spec(PythonTests.Kind.CASES, "f", "",
                List.of("f([3, 4], 3)", "f([], 1)", "f([1], 1)", "f([2], 1)"), List.of("[3]", "[]", "[1]", "(2,)")),
                "def f(xs, k):\n    return [x for x in xs if x % k == 0]\n");
        assertThat(cases.failures()).as("types count: a list is not a tuple").containsExactly(null, null, null, "wrong value");
        assertThat(cases.diagnostic()).isNull();
    }

    /** Idiomatic correct Python scores what it earns: the guard and the boundary refuse nothing a right answer uses. */
    @Test
    void idiomaticRightAnswersPass() {
        String program = """
                import threading
                from dataclasses import dataclass
                from functools import reduce
                from collections import Counter

                @dataclass(frozen=True)
                class Pair:
                    key: str
                    count: int

                def _count(words, out):
                    out.update(Counter(w.lower() for w in words))

                def top(words, k):
                    counts = Counter()
                    worker = threading.Thread(target=_count, args=(words, counts))
                    worker.start()
                    worker.join()
                    pairs = sorted((Pair(w, c) for w, c in counts.items()), key=lambda p: (-p.count, p.key))
                    total = reduce(lambda a, b: a + b, map(lambda p: p.count, pairs), 0)
                    return [f"{p.key}:{p.count}/{total}" for p in pairs[:k]]
                """;
        PythonTests.Verdicts v = JUDGE.run(new PythonTests.Spec(PythonTests.Kind.CASES, "top", "",
                List.of("top(['a', 'B', 'b', 'c'], 2)", "top([], 1)"), List.of("['b:2/4', 'a:1/4']", "[]")), program);
        assertThat(v.failures()).as(String.valueOf(v.diagnostic())).containsOnlyNulls();
    }

    @Test
    void plainValuesOfEveryKindCrossTheBoundary() {
        String program = "def echo(x):\n    return x\n";
        List<String> values = List.of("None", "True", "-7", "2 ** 100", "1.5", "float('inf')", "'é\\n\"'", "b'\\x00\\xff'",
                "[1, [2, (3,)]]", "{'a': {1, 2}}", "frozenset({(1, 'x')})", "{(1, 2): [None]}");
        PythonTests.Verdicts v = JUDGE.run(new PythonTests.Spec(PythonTests.Kind.LINES, "echo", "",
                values.stream().map(x -> "assert echo(" + x + ") == " + x + " and type(echo(" + x + ")) is type(" + x + ")").toList(),
                List.of()), program);
        assertThat(v.failures()).as(String.valueOf(v.diagnostic())).containsOnlyNulls();
    }

    @Test
    void wrongAnswersFailWithAKindAndNothingOfTheValue() {
        PythonTests.Verdicts v = JUDGE.run(new PythonTests.Spec(PythonTests.Kind.CASES, "f", "",
                List.of("f(1)", "f(2)", "f(3)", "f(4)", "f(5)"), List.of("1", "2", "3", "4", "5")), """
                import sys
                class Always:
                    def __eq__(self, other):
                        return True
                class Sneaky(int):
                    def __eq__(self, other):
                        return True
                def f(x):
                    if x == 1:
                        return 29547
                    if x == 2:
                        raise ValueError('secret 29547')
                    if x == 3:
                        return Always()
                    if x == 4:
                        return Sneaky(4)
                    while True:
                        pass
                """);
        assertThat(v.failures()).containsExactly("wrong value", "raised ValueError", "returned a value that is not plain data",
                "returned a value that is not plain data", "timed out after " + PythonTests.CALL_TIMEOUT_MS + " ms");
        assertThat(String.join(" ", v.failures())).doesNotContain("29547", "secret");
    }

    @Test
    void aProgramThatDoesNotLoadFailsEveryTestAndSaysWhy() {
        PythonTests.Verdicts v = check("def total(xs):\n    return sum(xs\n");
        assertThat(v.failures()).containsExactly("the program does not load");
        assertThat(v.diagnostic()).isEqualTo("does not load: SyntaxError");
        assertThat(check("import os\nos._exit(0)\n").failures()).containsExactly("the program does not load");
        assertThat(check("def other(xs):\n    return 0\n").diagnostic()).isEqualTo("does not load: NameError");
    }

    @Test
    void theChildFindsNoTestToCopy() {
        // issue 25: the tests were in the child's directory (tests.json) and in the runner's frames
        String forger = """
                import gc, os, sys
                found = []
                for name in os.listdir('.'):
                    try:
                        found.append(open(name).read())
                    except Exception:
                        pass
                f = sys._getframe()
                while f is not None:
                    found.append(repr(f.f_locals))
                    f = f.f_back
                for o in gc.get_objects():
                    try:
                        found.append(repr(o)[:10000])
                    except Exception:
                        pass
                for m in list(sys.modules.values()):
                    found.append(repr(vars(m))[:100000])
                FOUND = '\\n'.join(found)
                def total(xs):
                    if 'PROBE' + str(7) + 'd1c' in FOUND:  # built at run time: a folded constant would find itself
                        return 6 if list(xs) == [1, 2, 3] else 0 if len(xs) != 1 else xs[0]
                    return -1
                """;
        assertThat(check(forger).failures()).containsExactly("wrong value");
    }

    @Test
    void printedVerdictsAndAnswersInAdvanceEarnNothing() {
        String liar = """
                import os, sys
                line = 'V {"test": 1, "passed": true, "kind": ""}\\nD\\n{"r": {"i": "6"}}\\n' * 50
                os.write(1, line.encode())
                sys.__stdout__.write(line)
                for fd in range(3, 10):
                    try:
                        os.write(fd, line.encode())
                    except OSError:
                        pass
                def total(xs):
                    return -1
                """;
        assertThat(check(liar).failures()).as("a line before the runner's is not its readiness").containsExactly("the program does not load");
        assertThat(check("line = 'V {\"test\": 1, \"passed\": true}\\nD\\n'\nprint(line * 50)\nimport sys\n"
                + "sys.__stdout__.write(line)\ndef total(xs):\n    print(line)\n    return -1\n").failures())
                .as("what the code prints goes to stderr").containsExactly("wrong value");
    }
}
