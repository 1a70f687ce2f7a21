package org.llmbench.model;

/**
 * One function call a model made through a server's tool API, as received: the arguments are the text the server
 * sent (OpenAI-compatible servers send a JSON string, Ollama an object, written back as JSON text here), never
 * parsed by the client, so a call whose arguments are not JSON is still a call the scorer can judge.
 *
 * @param id the server's id of the call (OpenAI-compatible servers give one); null when it gave none
 */
public record ToolCall(String id, String name, String arguments) {
}
