package org.llmbench.config;

import java.util.List;

/**
 * The models of one model container: a single model ({@code [model:a]}), or the group a parallel_mixed phase
 * runs under ({@code [model:a,b]}). A model name never holds a comma ({@code bench.model} splits on it), so
 * the comma-joined names are the unique-id segment value and parse back to the same group.
 */
public record ModelGroup(List<String> models) {

    /** Separates the members in a segment value. */
    public static final String SEPARATOR = ",";

    /** The members, copied; a member holding the separator is refused. */
    public ModelGroup {
        models = List.copyOf(models);
        for (String model : models) {
            if (model.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a model name holds no '" + SEPARATOR + "': " + model);
            }
        }
    }

    /** The group a unique-id segment value names ({@code a,b}; {@code a} is a group of one). */
    public static ModelGroup parse(String segmentValue) {
        return new ModelGroup(KeyTypes.split(segmentValue));
    }

    /** Whether the segment value names more than one model (a mixed-lanes container). */
    public static boolean isGroup(String segmentValue) {
        return segmentValue.contains(SEPARATOR);
    }

    /** Whether this container holds more than one model. */
    public boolean isGroup() {
        return models.size() > 1;
    }

    /** The unique-id segment value: the members joined by the separator. */
    public String segmentValue() {
        return String.join(SEPARATOR, models);
    }
}
