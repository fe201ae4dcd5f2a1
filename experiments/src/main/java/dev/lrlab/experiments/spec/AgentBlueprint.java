package dev.lrlab.experiments.spec;

import dev.lrlab.agents.Agent;
import dev.lrlab.agents.schedule.ClockedSchedule;
import dev.lrlab.env.Environment;
import org.apache.commons.rng.UniformRandomProvider;

/** Builds a validated agent for one trial. */
@FunctionalInterface
public interface AgentBlueprint {

    /** A fresh agent for {@code env} whose step size follows {@code stepSize} (base rate {@code rate}). */
    Agent create(Environment env, ClockedSchedule stepSize, double rate, UniformRandomProvider rng);
}
