package dev.lrlab.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.env.gridworld.Gridworld;
import dev.lrlab.env.gridworld.GridworldPresets;
import org.junit.jupiter.api.Test;

class TimeLimitTest {

    @Test
    void truncatesExactlyAtTheLimitWithoutTerminating() {
        Environment env = TimeLimit.of(Gridworld.of(GridworldPresets.cliffWalking()), 5);
        env.reset(3);
        for (int i = 0; i < 4; i++) {
            env.step(0); // up, away from the goal
            assertFalse(env.episodeOver());
        }
        env.step(0);
        assertTrue(env.truncated());
        assertFalse(env.terminated());
        assertEquals(5, env.timeLimit());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(e.getMessage().contains("time limit of 5"), e.getMessage());
    }

    @Test
    void terminationOnTheLastAllowedStepIsNotTruncation() {
        Environment env = TimeLimit.of(Gridworld.of(GridworldPresets.openRoom()), 8);
        env.reset(1);
        for (int i = 0; i < 4; i++) {
            env.step(1);
        }
        for (int i = 0; i < 4; i++) {
            env.step(2);
        }
        assertTrue(env.terminated());
        assertFalse(env.truncated());
    }

    @Test
    void resetClearsTruncation() {
        Environment env = TimeLimit.of(Gridworld.of(GridworldPresets.cliffWalking()), 1);
        env.reset(3);
        env.step(0);
        assertTrue(env.truncated());
        env.reset();
        assertFalse(env.truncated());
        assertEquals(0, env.episodeSteps());
    }

    @Test
    void refusesLimitsBelowOne() {
        assertThrows(IllegalArgumentException.class,
                () -> TimeLimit.of(Gridworld.of(GridworldPresets.openRoom()), 0));
    }
}
