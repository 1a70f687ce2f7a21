package org.llmbench.tasks;

/**
 * The one audit-hook guard every sandboxed Python child installs (code_fix runners and suite tests alike), as Python
 * source: a module-level {@code _sandbox_guard(root)} that returns the hook. One copy, so a hole closed here is closed
 * for every runner.
 */
final class PythonGuard {

    /** Defines {@code _sandbox_guard(root)}; the runner calls {@code sys.addaudithook(_sandbox_guard(root))}. */
    static final String SOURCE = """
            def _sandbox_guard(root):
                # The audit hook of every sandboxed Python child: no processes, sockets, sqlite or native escapes; writes
                # only under root, reads only under root and the interpreter's own prefixes (listed too, for imports).
                readable = [root] + sorted({os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)})
                blocked_modules = {'_posixsubprocess', 'subprocess', 'multiprocessing', '_multiprocessing', 'ctypes', '_ctypes',
                                   'socket', '_socket', 'ssl', '_ssl', 'select', 'selectors', 'sqlite3', '_sqlite3', 'mmap', 'pty',
                                   'fcntl', 'resource', 'termios', '_xxsubinterpreters', '_testcapi', 'faulthandler'}
                blocked = ('subprocess.', 'os.system', 'os.exec', 'os.posix_spawn', 'os.spawn', 'os.fork', 'os.forkpty', 'pty.',
                           'ctypes.', 'os.kill', 'os.killpg', 'signal.pthread_kill', 'os.symlink', 'os.link', 'socket.',
                           'sqlite3.', 'sys.addaudithook', 'sys.setprofile', 'sys.settrace', 'os.putenv', 'os.unsetenv',
                           'mmap.', 'os.setsid')
                path_events = ('os.remove', 'os.rename', 'os.rmdir', 'os.mkdir', 'os.chmod', 'os.chown', 'os.truncate',
                               'os.utime', 'os.listdir', 'os.scandir', 'os.chdir', 'shutil.', 'glob.glob', 'os.chflags',
                               'os.lchown', 'os.lchmod', 'os.mkfifo', 'os.mknod', 'os.setxattr', 'os.removexattr')

                # where each path event carries a dir_fd (-1: none given); a path relative to another directory
                # resolves where this hook cannot see, so only none (or AT_FDCWD, the sandbox itself) is allowed
                dir_fds = {'os.remove': (1,), 'os.rmdir': (1,), 'os.rename': (2, 3), 'os.mkdir': (2,), 'os.chmod': (2,),
                           'os.chown': (3,), 'os.utime': (3,), 'os.mkfifo': (2,), 'os.mknod': (3,), 'shutil.rmtree': (1,)}
                cwd_fds = (-1, getattr(os, 'AT_FDCWD', -100))

                def under(path, roots):
                    if isinstance(path, int):
                        return True
                    try:
                        p = os.path.realpath(os.path.join(root, os.fsdecode(path)))
                    except Exception:
                        return False
                    return any(p == r or p.startswith(r + os.sep) for r in roots)

                def hook(event, args):
                    if event.startswith(blocked):
                        raise PermissionError('sandbox: ' + event + ' is not allowed')
                    if event == 'import' and args and isinstance(args[0], str) and args[0].split('.')[0] in blocked_modules:
                        raise PermissionError('sandbox: importing ' + args[0] + ' is not allowed')
                    if event == 'open' and args:
                        path, mode = args[0], args[1] if len(args) > 1 else 'r'
                        flags = args[2] if len(args) > 2 else 0
                        writing = (isinstance(mode, str) and any(c in mode for c in 'wax+')) or (
                            isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC))
                        if not under(path, [root] if writing else readable):
                            raise PermissionError('sandbox: opening outside the sandbox directory is not allowed')
                        # a directory handle outside the sandbox would be a dir_fd (os.open, opener=) whose relative
                        # paths this hook cannot see resolve: none is handed out
                        if not isinstance(path, int) and not under(path, [root]) and os.path.isdir(
                                os.path.join(root, os.fsdecode(path))):
                            raise PermissionError('sandbox: opening a directory outside the sandbox directory is not allowed')
                    if event.startswith(path_events):
                        for i in dir_fds.get(event, ()):
                            if len(args) > i and isinstance(args[i], int) and args[i] not in cwd_fds:
                                raise PermissionError('sandbox: ' + event + ' relative to a directory handle is not allowed')
                        if event in ('os.chdir', 'os.listdir', 'os.scandir', 'os.chmod', 'os.chown', 'os.utime') and args and isinstance(args[0], int):
                            raise PermissionError('sandbox: ' + event + ' on a file descriptor is not allowed')  # fchdir, listdir(fd)
                        for a in args[:2]:
                            if isinstance(a, (str, bytes, os.PathLike)) and not under(a, readable if event in ('os.listdir', 'os.scandir') else [root]):
                                raise PermissionError('sandbox: ' + event + ' outside the sandbox directory is not allowed')
                return hook

            """;

    private PythonGuard() {
    }
}
