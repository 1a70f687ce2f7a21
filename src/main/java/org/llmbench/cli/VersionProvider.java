package org.llmbench.cli;

import java.io.IOException;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version}: the harness version Maven filtered into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (var in = VersionProvider.class.getResourceAsStream("/org/llmbench/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"llm-bench " + p.getProperty("version", "unknown")};
    }
}
