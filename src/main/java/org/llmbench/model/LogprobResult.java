package org.llmbench.model;

/**
 * The outcome of a {@link LogprobRequest}: the call as recorded (timings, attempts, errors; its content is the chosen
 * letter, empty when none won) and each letter's log-likelihood (null when the call failed).
 *
 * @param unsupported true when the server or provider gives no log-probabilities at all: the call's error message
 *                    names it and the fix, and the question is asked by the {@code generative} method instead
 */
public record LogprobResult(CallResult call, LetterLogprobs letters, boolean unsupported) {

    /** A provider or server that cannot give log-probabilities; {@code why} names it and says what to do. */
    public static LogprobResult unsupported(String why, int charsIn) {
        return new LogprobResult(CallResult.failure(new CallFailure(ErrorKind.PROTOCOL, why), 0, 1, java.util.List.of(), charsIn),
                null, true);
    }

    /** A call that failed before any letter could be scored. */
    static LogprobResult failed(CallResult call) {
        return new LogprobResult(call, null, false);
    }
}
