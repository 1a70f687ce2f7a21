package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task's known-good answer, in the envelope's terms (final text, code, JSON) and as free text, so the
 * mock model's oracle can answer in either mode. Never sent to a real model.
 */
public record Reference(String finalText, String code, JsonNode json, String freeText) {
}
