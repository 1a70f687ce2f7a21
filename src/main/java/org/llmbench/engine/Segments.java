package org.llmbench.engine;

/**
 * The segment types of the engine's unique ids, {@code [engine:llm-bench]/[model:m]/[suite:s]/[question:q]}, in one
 * place: resolvers, filters and descriptors all read ids, and no descriptor need name another to know them.
 */
final class Segments {

    static final String MODEL = "model";
    static final String SUITE = "suite";
    static final String QUESTION = "question";
    static final String TURN = "turn";
    static final String TASK = "task";
    /** The suite id of the generated tasks' container, {@code [suite:tasks]}. */
    static final String TASKS = "tasks";
    /** The suite id of the tools phase's container, {@code [suite:tools]}; {@code tools-prompted} in prompted mode. */
    static final String TOOLS = "tools";
    static final String TOOLS_PROMPTED = "tools-prompted";

    private Segments() {
    }
}
