package org.llmbench.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** A function offered to the model in the {@code tools} phase: name, description and parameters. */
public record ToolFunction(String name, String description, List<ToolParam> params) {

    public ToolFunction {
        params = List.copyOf(params);
    }

    /** The parameters as the JSON Schema object both tool APIs take. */
    public ObjectNode parameters() {
        ObjectNode s = TaskJson.object().put("type", "object");
        ToolParam.objectSchema(s, params);
        return s;
    }

    Optional<ToolParam> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
