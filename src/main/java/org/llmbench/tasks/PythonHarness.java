package org.llmbench.tasks;

import java.util.List;

/**
 * Builds the Python harness a code_fix answer runs under ({@code python3 -I}): it reads the nonce from stdin,
 * installs an audit hook that refuses process creation, native code loading and writes outside the sandbox
 * directory, executes the model's {@code solution.py} in its own namespace, and runs each test on a thread with
 * a time limit, reporting one nonce-tagged line per test.
 */
final class PythonHarness {

    static final String FILE = "harness.py";
    static final String SOLUTION = "solution.py";
    /** {@code ulimit -v} for the interpreter: room for Python, not for a runaway allocation. */
    static final long ADDRESS_SPACE_KB = 512 * 1024;

    private PythonHarness() {
    }

    static String source(List<TestCase> cases) {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < cases.size(); i++) {
            TestCase c = cases.get(i);
            sb.append("_run(").append(i + 1).append(", ").append(TaskJson.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(c.call()))).append(", ").append(c.expected()).append(")\n");
        }
        sb.append(TAIL);
        return sb.toString();
    }

    static List<String> command() {
        return List.of("python3", "-I", FILE);
    }

    private static final String HEAD = """
            import os, sys, threading
            def _emitter(out, nonce):
                def emit(text):
                    out.write((nonce + ' ' + text).replace('\\n', ' ').replace('\\r', ' ')[:500] + '\\n')
                    out.flush()
                return emit
            _emit = _emitter(sys.stdout, sys.stdin.readline().strip())
            with open('solution.py', encoding='utf-8') as _f:
                _src = _f.read()
            _root = os.path.realpath(os.getcwd())
            _BLOCKED = ('subprocess.Popen', 'os.system', 'os.exec', 'os.posix_spawn', 'os.spawn', 'os.fork',
                        'os.forkpty', 'pty.spawn', 'ctypes.dlopen', 'ctypes.dlsym', 'os.kill', 'os.killpg',
                        'os.symlink', 'os.link', 'socket.connect', 'socket.bind', 'sys.addaudithook')
            _PATH_EVENTS = ('os.remove', 'os.rename', 'os.rmdir', 'os.mkdir', 'os.chmod', 'os.chown', 'os.truncate',
                            'os.utime', 'shutil.rmtree', 'shutil.move', 'shutil.copyfile')

            def _inside(path):
                if isinstance(path, int):
                    return True
                try:
                    p = os.path.realpath(os.path.join(_root, os.fsdecode(path)))
                except Exception:
                    return False
                return p == _root or p.startswith(_root + os.sep)

            def _hook(event, args):
                if event in _BLOCKED:
                    raise PermissionError('sandbox: ' + event + ' is not allowed')
                if event == 'open' and len(args) >= 3:
                    path, mode, flags = args[0], args[1], args[2]
                    writing = (isinstance(mode, str) and any(c in mode for c in 'wax+')) or (
                        isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC))
                    if writing and not _inside(path):
                        raise PermissionError('sandbox: writing outside the sandbox directory is not allowed')
                if event in _PATH_EVENTS:
                    for a in args[:2]:
                        if isinstance(a, (str, bytes, os.PathLike)) and not _inside(a):
                            raise PermissionError('sandbox: ' + event + ' outside the sandbox directory is not allowed')

            sys.addaudithook(_hook)
            _ns = {'__name__': 'solution'}
            _load_error = None
            try:
                exec(compile(_src, 'solution.py', 'exec'), _ns)
            except BaseException as e:
                _load_error = 'does not load: ' + type(e).__name__ + ': ' + str(e)[:200]

            def _report(n, failure):
                _emit('PASS ' + str(n) if failure is None else 'FAIL ' + str(n) + ' ' + failure)

            _stopped = [False]

            def _run(n, call, expected):
                if _load_error is not None:
                    _report(n, _load_error)
                    return
                if _stopped[0]:
                    _report(n, 'not run: an earlier test timed out')
                    return
                result = ['timed out after {CASE_TIMEOUT} ms']
                def target():
                    try:
                        actual = eval(call, _ns)
                        ok = type(actual) is type(expected) and expected == actual
                        result[0] = None if ok else 'expected ' + repr(expected) + ', got ' + repr(actual)[:200]
                    except BaseException as e:
                        result[0] = 'threw ' + type(e).__name__ + ': ' + str(e)[:200]
                t = threading.Thread(target=target, daemon=True)
                t.start()
                t.join({CASE_TIMEOUT_S})
                _stopped[0] = t.is_alive()
                _report(n, 'timed out after {CASE_TIMEOUT} ms' if t.is_alive() else result[0])

            """.replace("{CASE_TIMEOUT}", Long.toString(JavaHarness.CASE_TIMEOUT_MS))
            .replace("{CASE_TIMEOUT_S}", Long.toString(JavaHarness.CASE_TIMEOUT_MS / 1000));

    private static final String TAIL = """
            _emit('DONE')
            os._exit(0)
            """;
}
