package org.llmbench.tasks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sandbox command as it is started: wrapped in the layers of its {@link SandboxPlan}, in the working directory,
 * with an environment of PATH and the run's marker only.
 */
final class WrappedCommand {

    private static final int MAX_PROCESSES = 256;

    private WrappedCommand() {
    }

    /** The process builder of a run in {@code base}/work: the wrapped command line and the cleaned environment. */
    static ProcessBuilder builder(Sandbox.Command command, Path base, SandboxPlan plan, long maxFileKb) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(wrap(command, base.toRealPath(), plan, maxFileKb))
                .directory(base.resolve("work").toFile());
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        if (plan.marker() != null) {
            int eq = plan.marker().indexOf('=');
            env.put(plan.marker().substring(0, eq), plan.marker().substring(eq + 1));
        }
        return builder;
    }

    /**
     * The command line: in a private root under {@code unshare}, or under {@code setsid} (and {@code setpriv} to the
     * run's uid) without namespaces; {@code ulimit} caps file size, address space and, with a uid of its own, the
     * number of processes.
     */
    private static List<String> wrap(Sandbox.Command command, Path base, SandboxPlan plan, long maxFileKb) {
        String limitsScript = "ulimit -f " + maxFileKb
                + (command.addressSpaceKb() == null ? "" : "; ulimit -v " + command.addressSpaceKb())
                + (plan.uid() == null ? "" : "; ulimit -u " + MAX_PROCESSES);
        if (plan.namespaces()) {
            return PrivateRoot.wrap(base, plan.uid(), command.runtimeHomes(), limitsScript, command.argv());
        }
        List<String> argv = new ArrayList<>();
        if (Toolchain.HAS_SETSID) {
            argv.add("setsid");
        }
        if (Toolchain.HAS_BASH) {
            argv.addAll(List.of("bash", "-c", limitsScript + "; u=$1; shift; if [ \"$u\" != - ]; then exec setpriv "
                    + "--reuid=\"$u\" --regid=\"$u\" --clear-groups --bounding-set=-all --inh-caps=-all --no-new-privs -- \"$@\"; "
                    + "fi; exec \"$@\"", "sandbox", plan.uid() == null ? "-" : plan.uid().toString()));
        }
        argv.addAll(command.argv());
        return Seatbelt.available() ? Seatbelt.wrap(base.resolve("work"), command.runtimeHomes(), argv) : argv;
    }
}
