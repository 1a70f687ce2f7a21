package org.llmbench.tasks;

/**
 * One test of a code_fix task, as source text in the task's language.
 *
 * @param call the call, e.g. {@code Solution.sumMultiples(new int[]{3, 4}, 3)} or {@code sum_multiples([3, 4], 3)}
 * @param expected the expected value as a literal of the language
 * @param shown a readable form for the prompt and for reasons
 */
record TestCase(String call, String expected, String shown) {
}
