package org.llmbench.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.llmbench.config.BenchKeys;

/**
 * Lets each warning through once per JVM and output folder. Surefire discovers the same tests more than once (to
 * find the classes that hold tests, class by class, then to run them, with other parameters) and JUnit logs every
 * discovery's warnings, so an unknown key was printed three times. The output folder tells runs apart (each test
 * of this project has its own); errors always pass, they end that discovery.
 */
final class WarnOnce {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private WarnOnce() {
    }

    static DiscoveryIssueReporter filter(ConfigurationParameters parameters, DiscoveryIssueReporter target) {
        String out = parameters.get(BenchKeys.OUT.name()).orElse("");
        return issue -> {
            if (issue.severity().compareTo(DiscoveryIssue.Severity.ERROR) >= 0
                    || SEEN.add(out + '\u0000' + issue.severity() + '\u0000' + issue.message())) {
                target.reportIssue(issue);
            }
        };
    }
}
