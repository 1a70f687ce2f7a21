package org.llmbench.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The namespace layer: the child runs under {@code unshare} in its own PID, mount, network, IPC and UTS namespaces
 * (plus a user namespace when the harness is not root), in a root of its own: a skeleton directory holding, read-only,
 * only {@code /usr}, the {@code /lib} and {@code /bin} links, the runtime's installation, {@code /dev/null} and
 * friends, a {@code /proc} of its PID namespace (with {@code /proc/sys} and {@code /proc/sysrq-trigger} read-only:
 * a child left as uid 0 without the separate-uid layer could write them), a one-line {@code /etc/passwd}, and its
 * working directory at {@code /sandbox}, the one writable place: a tmpfs of {@value #WORK_MIB} MiB and
 * {@value #WORK_FILES} files, holding a copy of the files the harness wrote. {@code pivot_root} and a lazy unmount of the old root leave nothing
 * else reachable (no home, no {@code /tmp}, no harness {@code /proc/<pid>}); the network namespace has only a
 * loopback that is down. When the namespace's first process ends, the kernel kills every other one in it.
 */
final class PrivateRoot {

    /** Exit code of the script when the private root could not be built (distinct from any the JVM or python use). */
    static final int SETUP_FAILED = 97;

    /**
     * The size of the working directory, a tmpfs in the run's mount namespace (freed with it): {@code ulimit -f}
     * caps each file, this caps them all (a case once wrote 509 MiB under /tmp in two seconds).
     */
    static final int WORK_MIB = 32;
    /** The most files and directories the working directory holds. */
    static final int WORK_FILES = 4096;

    /** Host paths every private root gets, when they exist (symbolic links are recreated as links). */
    private static final List<String> BASE = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32",
            "/etc/ld.so.cache", "/etc/localtime");

    /** Device nodes bound into the private root. */
    private static final List<String> DEVICES = List.of("null", "zero", "random", "urandom");

    /**
     * Arguments: base directory (holding {@code work/} and the skeleton {@code root/} that {@link #prepare} made),
     * uid to become or {@code -}, the read-only host paths one per line, the {@code ulimit} commands, then the
     * command. Every step is one mount; the skeleton spares the directories, links and files a shell would make.
     */
    private static final String SCRIPT = """
            b=$1; u=$2; ro=$3; lim=$4; shift 4; r=$b/root
            mount --make-rprivate / && mount --bind "$r" "$r" || exit 97
            while IFS= read -r p; do
              if [ -n "$p" ]; then mount --bind -o ro,nosuid,nodev "$p" "$r$p" || exit 97; fi
            done <<< "$ro"
            for d in DEVICES; do mount --bind "/dev/$d" "$r/dev/$d" || exit 97; done
            mount -t proc -o nosuid,nodev,noexec proc "$r/proc" 2>/dev/null
            for p in sys sysrq-trigger; do
              [ -e "$r/proc/$p" ] && { mount --bind -o ro "$r/proc/$p" "$r/proc/$p" || exit 97; }
            done
            mount -t tmpfs -o size=WORK_MB,nr_inodes=WORK_FILES,nosuid,nodev,mode=0700 tmpfs "$r/sandbox" || exit 97
            cp -a "$b/work/." "$r/sandbox/" || exit 97
            if [ "$u" != - ]; then chown "$u:$u" "$r/sandbox" || exit 97; fi
            # pivot_root is in /usr/sbin, which a normal user's PATH lacks on Debian
            pivot=$(PATH="$PATH:/usr/sbin:/sbin" command -v pivot_root) || exit 97
            cd "$r" && "$pivot" . .old && umount -l /.old || exit 97
            mount -o remount,bind,ro,nosuid,nodev / && cd /sandbox || exit 97
            eval "$lim"
            if [ "$u" != - ]; then
              exec setpriv --reuid="$u" --regid="$u" --clear-groups --bounding-set=-all --inh-caps=-all --no-new-privs -- "$@"
            fi
            exec setpriv --bounding-set=-all --inh-caps=-all --no-new-privs -- "$@"
            """.replace("DEVICES", String.join(" ", DEVICES)).replace("WORK_MB", WORK_MIB + "m")
            .replace("WORK_FILES", Integer.toString(WORK_FILES));

    private static final Map<Path, List<Path>> OUTSIDE_TARGETS = new ConcurrentHashMap<>();

    private PrivateRoot() {
    }

    /**
     * Builds the skeleton of the private root in {@code base/root}: a directory or empty file where each read-only
     * path and device is bound, the host's symbolic links as links, {@code /proc}, {@code /sandbox}, the old
     * root's mount point and a one-line {@code /etc/passwd}. It stays read-only to the child: owned by the harness
     * user, and remounted read-only once the binds are in place.
     */
    static void prepare(Path base, Integer uid, List<Path> runtimeHomes) throws IOException {
        Path root = base.resolve("root");
        for (Path p : readOnly(runtimeHomes)) {
            Path at = root.resolve(p.toString().substring(1));
            if (Files.isSymbolicLink(p)) {
                Files.createDirectories(at.getParent());
                Files.createSymbolicLink(at, Files.readSymbolicLink(p));
            } else if (Files.isDirectory(p)) {
                Files.createDirectories(at);
            } else if (Files.exists(p)) {
                Files.createDirectories(at.getParent());
                Files.createFile(at);
            }
        }
        Path dev = Files.createDirectories(root.resolve("dev"));
        for (String d : DEVICES) {
            Files.createFile(dev.resolve(d));
        }
        Files.createSymbolicLink(dev.resolve("fd"), Path.of("/proc/self/fd"));
        for (int fd = 0; fd < 3; fd++) {
            Files.createSymbolicLink(dev.resolve(List.of("stdin", "stdout", "stderr").get(fd)), Path.of("/proc/self/fd/" + fd));
        }
        for (String d : List.of("proc", "sandbox", ".old")) {
            Files.createDirectories(root.resolve(d));
        }
        String id = uid == null ? "0" : uid.toString();
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "sandbox:x:" + id + ":" + id + "::/sandbox:/bin/false\n");
    }

    /** The command line that runs {@code command} in the private root {@link #prepare} made under {@code base}. */
    static List<String> wrap(Path base, Integer uid, List<Path> runtimeHomes, String limits, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("unshare", "--mount", "--net", "--pid", "--fork", "--kill-child", "--ipc", "--uts"));
        if (!Toolchain.IS_ROOT) {
            argv.addAll(1, List.of("--user", "--map-root-user"));
        }
        argv.addAll(List.of("bash", "-c", SCRIPT, "sandbox", base.toString(), uid == null ? "-" : uid.toString(),
                String.join("\n", readOnly(runtimeHomes).stream().filter(p -> !Files.isSymbolicLink(p) && Files.exists(p))
                        .map(Path::toString).toList()), limits));
        argv.addAll(command);
        return argv;
    }

    /**
     * What is bound read-only: the base paths, the runtime homes, and the directories their absolute symbolic
     * links point into (Debian's JDK links its {@code conf} files into {@code /etc/java-17-openjdk}), each by its
     * first two path components; paths inside another one are left out.
     */
    static List<Path> readOnly(List<Path> runtimeHomes) {
        TreeSet<Path> paths = new TreeSet<>();
        BASE.forEach(p -> paths.add(Path.of(p)));
        for (Path home : runtimeHomes) {
            Path real = Toolchain.realPath(home);
            paths.add(real);
            paths.addAll(OUTSIDE_TARGETS.computeIfAbsent(real, PrivateRoot::outsideTargets));
        }
        List<Path> kept = new ArrayList<>();
        for (Path p : paths) {
            if (kept.stream().noneMatch(k -> p.startsWith(k) && !Files.isSymbolicLink(k))) {
                kept.add(p);
            }
        }
        return kept;
    }

    private static List<Path> outsideTargets(Path home) {
        TreeSet<Path> targets = new TreeSet<>();
        try (Stream<Path> files = Files.walk(home, 6)) {
            files.filter(Files::isSymbolicLink).forEach(link -> {
                Path target = Toolchain.realPath(link);
                if (!target.startsWith(home) && target.getNameCount() >= 2 && Files.exists(target)) {
                    targets.add(target.getRoot().resolve(target.subpath(0, 2)));
                }
            });
        } catch (IOException | RuntimeException e) {
            // Unreadable parts of an installation are no reason to bind more of the host.
        }
        return List.copyOf(targets);
    }

    /** Whether a private root can be built here: runs {@code true} in one (as the sandbox uid when root). */
    static boolean works() {
        Sandbox probe = new Sandbox(new Sandbox.Limits(Duration.ofSeconds(15), 4096, 1024), new Sandbox.Options(true, true, false));
        Sandbox.Result r = probe.runWithNamespaces(Map.of(), new Sandbox.Command(List.of("true"), null), "");
        return r.exitCode() == 0 && r.startError() == null;
    }
}
