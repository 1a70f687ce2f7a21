package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks that an answer mentions each required marker (a lower-cased substring), sharing one unit of weight. */
public final class MarkerScorer {

    private MarkerScorer() {
    }

    public static List<Check> check(String answer, List<String> markers) {
        String lower = answer.toLowerCase(Locale.ROOT);
        double each = markers.isEmpty() ? 0 : 1.0 / markers.size();
        List<Check> checks = new ArrayList<>(markers.size());
        for (String marker : markers) {
            String m = marker.toLowerCase(Locale.ROOT);
            checks.add(Check.verify("marker:" + marker, each, "mentions '" + marker + "'",
                    () -> assertThat(lower).withFailMessage("does not mention '%s'", marker).contains(m)));
        }
        return checks;
    }
}
