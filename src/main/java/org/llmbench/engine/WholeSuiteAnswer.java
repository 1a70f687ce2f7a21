package org.llmbench.engine;

import java.util.Map;
import org.llmbench.model.CallResult;

/** The whole-suite phase's one call and the numbered parts found in its answer, handed to each question's test. */
record WholeSuiteAnswer(CallResult call, Map<Integer, String> parts) {

    WholeSuiteAnswer {
        parts = Map.copyOf(parts);
    }
}
