package org.llmbench.tasks;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * How one sandbox run is wrapped: with or without namespaces, under which uid (or none), with what environment
 * marker (or none), and so with which {@link Sandbox.Layer}s.
 */
record SandboxPlan(boolean namespaces, Integer uid, String marker, Set<Sandbox.Layer> layers) {

    /** A uid of its own per run, from a range no distribution hands out to users. */
    private static final int UID_BASE = 1_600_000_000;
    private static final int UID_RANGE = 100_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The plan of a run of {@code command}, in a private root when {@code namespaces}, under a uid of its own when allowed and reachable. */
    static SandboxPlan of(Sandbox.Command command, boolean namespaces, boolean separateUid) {
        boolean uid = separateUid && Toolchain.IS_ROOT && Toolchain.HAS_SETPRIV && Toolchain.HAS_BASH
                && (namespaces || command.runtimeHomes().stream().allMatch(Toolchain::reachableByOthers));
        Set<Sandbox.Layer> layers = EnumSet.of(Sandbox.Layer.CLEAN_ENVIRONMENT);
        if (namespaces) {
            layers.addAll(List.of(Sandbox.Layer.PID_NAMESPACE, Sandbox.Layer.PRIVATE_ROOT, Sandbox.Layer.NO_NETWORK));
        } else if (Toolchain.HAS_SETSID) {
            layers.add(Sandbox.Layer.PROCESS_GROUP);
        }
        if (uid) {
            layers.add(Sandbox.Layer.SEPARATE_UID);
        }
        if (Toolchain.HAS_BASH) {
            layers.add(Sandbox.Layer.RESOURCE_LIMITS);
        }
        if (!namespaces && Seatbelt.available()) {
            layers.add(Sandbox.Layer.MACOS_SANDBOX);
        } else if (!namespaces) {
            layers.add(Sandbox.Layer.UNISOLATED);
        }
        String marker = namespaces || uid ? null : "LLMBENCH_SANDBOX_RUN=" + HexFormat.of().formatHex(bytes(12));
        return new SandboxPlan(namespaces, uid ? UID_BASE + RANDOM.nextInt(UID_RANGE) : null, marker,
                Collections.unmodifiableSet(layers));
    }

    /** Kills the run's child and every process it started ({@link ProcessTrees}), as this plan lets them be found. */
    void kill(Process process) {
        ProcessTrees.kill(process, namespaces, Toolchain.HAS_SETSID && !namespaces, uid, marker);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
