package dev.lrlab.experiments.spec;

import dev.lrlab.agents.AgentBlueprint;
import java.util.Map;

/**
 * One agent of a sweep, read and validated: its label for figures, its type, its resolved
 * settings (every default written out; part of each trial's key) and the blueprint that builds it.
 */
public record AgentChoice(String label, String type, Map<String, Object> settings, AgentBlueprint blueprint) {
}
