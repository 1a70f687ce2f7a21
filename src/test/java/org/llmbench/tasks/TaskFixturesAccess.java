package org.llmbench.tasks;

/** Lets tests outside {@code tasks} ask what the sandbox's toolchain offers. */
public final class TaskFixturesAccess {

    private TaskFixturesAccess() {
    }

    public static boolean hasPython() {
        return Toolchain.python() != null;
    }
}
