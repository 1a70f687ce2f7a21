package org.llmbench.tasks;

/**
 * The prompt a task sends: its body plus the answer instruction of the mode (strict-JSON envelope or free text),
 * and on a retry after a parse failure a stricter instruction naming what went wrong.
 */
public final class TaskPrompts {

    private TaskPrompts() {
    }

    public static String prompt(Task task, boolean strict) {
        if (!strict) {
            return task.body() + "\n\n" + task.freeHint();
        }
        return task.body() + "\n\nAnswer with one JSON object and nothing else, in this shape:\n"
                + "{\"task_id\": \"" + task.id() + "\", \"final\": \"...\", \"artifacts\": {\"code\": \"...\", \"json\": {}}}\n"
                + task.strictHint();
    }

    /** The prompt of a retry: the same task, and a stricter instruction because the last answer could not be read. */
    public static String retry(Task task, String parseError) {
        return prompt(task, true) + "\n\nYour previous answer could not be read as JSON (" + parseError + "). Reply with "
                + "ONLY the JSON object: no Markdown fences, no text before or after it, no trailing commas, every string "
                + "escaped (newlines as \\n).";
    }

    /** What the mock model's oracle answers: the reference as an envelope, or as free text. */
    public static String referenceAnswer(Task task, boolean strict) {
        Reference ref = task.reference();
        if (!strict) {
            return ref.freeText();
        }
        var envelope = TaskJson.object().put("task_id", task.id()).put("final", ref.finalText());
        var artifacts = envelope.putObject("artifacts");
        if (ref.code() != null) {
            artifacts.put("code", ref.code());
        }
        if (ref.json() != null) {
            artifacts.set("json", ref.json());
        }
        return TaskJson.write(envelope);
    }
}
