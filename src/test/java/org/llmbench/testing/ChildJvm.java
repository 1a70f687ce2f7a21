package org.llmbench.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link LaunchMain} in a child JVM with the test classpath. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static Process start(Path log, List<String> jvmOptions, Path suiteDir, String... params) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LaunchMain.class.getName());
        command.add(suiteDir.toString());
        command.addAll(List.of(params));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
