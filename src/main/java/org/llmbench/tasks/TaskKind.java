package org.llmbench.tasks;

import java.util.Arrays;
import java.util.Optional;

/** The seven kinds of generated task; the wire name is the tag, the weight key and the task id prefix. */
public enum TaskKind {
    JSON_EXTRACTION, CODE_FIX, ALGORITHM, REASONING, PLANNING, ETL, SECURITY;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<TaskKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
