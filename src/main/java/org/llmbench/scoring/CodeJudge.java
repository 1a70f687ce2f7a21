package org.llmbench.scoring;

import java.util.List;
import org.llmbench.suite.CodeTests;

/**
 * Runs a program against a suite question's executable tests and says which passed. The scorer sees only this
 * interface; the implementation with the sandbox lives in {@code tasks}.
 */
public interface CodeJudge {

    /**
     * What a run showed.
     *
     * @param failures per test: null when it passed, else why not
     * @param diagnostic what went wrong with the run as a whole (does not load, timed out), or null
     * @param unavailable why the tests could not run on this machine (no python3), or null
     */
    record TestRun(List<String> failures, String diagnostic, String unavailable) {
        public int passed() {
            return (int) failures.stream().filter(f -> f == null).count();
        }
    }

    TestRun run(CodeTests tests, String program);

    /** The judge of a scorer built without a sandbox: nothing runs, so nothing counts. */
    CodeJudge NONE = (tests, program) -> new TestRun(List.of(), null, "no sandbox to run tests in");
}
