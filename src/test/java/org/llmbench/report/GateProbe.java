package org.llmbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Lets tests of other packages ask the quality gate what Maven's gate step would say. */
public final class GateProbe {

    private GateProbe() {
    }

    public static Optional<String> verdictOfPointer(Path pointer, double minScore) throws IOException {
        return QualityGate.verdictOfPointer(pointer, minScore, line -> {
        });
    }

    /** McNemar's exact p-value, for tests that check a figure a report wrote. */
    public static double mcNemar(int b, int c) {
        return McNemar.exactP(b, c);
    }
}
