package org.llmbench.record;

/**
 * Which test an event belongs to.
 *
 * @param testId the JUnit unique id, stable across runs (resume and replay match on it)
 * @param suite the suite id, or {@code tasks} for generated tasks
 * @param item the question id or the generated task's id
 * @param category what the weight is looked up by: the task kind, or the suite id
 */
public record TestRef(String testId, String model, String suite, String item, String category) {
}
