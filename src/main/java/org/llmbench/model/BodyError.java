package org.llmbench.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An error a server reports inside an answer it began with a 2xx status, in any of the shapes real servers send:
 * an {@code error} object ({@code {"error": {"code", "message", "type"}}}: vLLM, llama.cpp, OpenAI), an {@code error}
 * string (Ollama's {@code {"error": "..."}}) or the bare object llama.cpp streams as an {@code error:} SSE line.
 * The failure keeps the server's own message and code.
 */
final class BodyError {

    private BodyError() {
    }

    /** The failure an object's {@code error} field reports, or null when it has none. */
    static CallFailure in(JsonNode node, String where) {
        JsonNode error = node.path("error");
        return error.isMissingNode() || error.isNull() ? null : of(error, where);
    }

    /** The failure an error value says: a text, or an object with a message (and a code) that may be nested. */
    static CallFailure of(JsonNode error, String where) {
        String message;
        if (error.isTextual()) {
            message = error.asText();
        } else if (error.path("message").isTextual()) {
            message = error.path("message").asText();
        } else {
            message = error.toString();
        }
        JsonNode code = error.path("code");
        String said = code.isNumber() || code.isTextual() ? "error " + code.asText() : "an error";
        return new CallFailure(ErrorKind.SERVER_ERROR, "the server reported " + said + " " + where + ": " + message);
    }
}
