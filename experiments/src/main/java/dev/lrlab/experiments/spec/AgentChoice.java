package dev.lrlab.experiments.spec;

import java.util.Map;

/**
 * One agent of a sweep: its label for figures, its type, its settings as the spec gave them, and
 * the validated blueprint that builds it.
 */
public record AgentChoice(String label, String type, Map<String, Object> settings, AgentBlueprint blueprint) {
}
