package dev.lrlab.env.breakout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntPredicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** MinAtar Breakout's rules, case by case (shared/reference/breakout.md), without sticky actions. */
class BreakoutRulesTest {

    private static final int NOOP = 0;
    private static final int LEFT = 1;
    private static final int RIGHT = 2;
    private static final IntPredicate NO_BRICKS = cell -> false;
    private static final IntPredicate WALL = cell -> cell >= 10 && cell < 40;

    private static Breakout game(int paddle, int row, int col, int direction, boolean strike, IntPredicate bricks) {
        Breakout b = Breakout.of(BreakoutConfig.MINATAR.withSticky(0));
        b.reset(0);
        b.setState(paddle, row, col, direction, strike, bricks);
        return b;
    }

    private static void assertBall(Breakout b, int row, int col, int direction) {
        assertEquals(row, b.ballRow(), "ball row");
        assertEquals(col, b.ballColumn(), "ball column");
        assertEquals(direction, b.ballDirection(), "direction");
    }

    @Test
    void startPositions() {
        Breakout b = Breakout.minatar();
        b.reset(1);
        int left = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            b.reset();
            assertEquals(4, b.paddleColumn());
            assertEquals(3, b.ballRow());
            assertEquals(30, b.brickCount());
            for (int c = 0; c < 10; c++) {
                assertTrue(b.brickAt(1, c) && b.brickAt(2, c) && b.brickAt(3, c) && !b.brickAt(4, c));
            }
            assertEquals(b.ballRow(), b.trailRow());
            assertEquals(b.ballColumn(), b.trailColumn());
            assertFalse(b.strike());
            if (b.ballColumn() == 0) {
                assertEquals(2, b.ballDirection(), "from column 0 the ball moves down-right");
                left++;
            } else {
                assertEquals(9, b.ballColumn());
                assertEquals(3, b.ballDirection(), "from column 9 the ball moves down-left");
            }
        }
        assertEquals(0.5, left / (double) n, 0.03);
    }

    @Test
    void paddleMovesAndStopsAtTheEdges() {
        Breakout b = game(0, 5, 5, 2, false, NO_BRICKS);
        b.step(LEFT);
        assertEquals(0, b.paddleColumn());
        b.step(RIGHT);
        assertEquals(1, b.paddleColumn());
        b = game(9, 5, 5, 3, false, NO_BRICKS);
        b.step(RIGHT);
        assertEquals(9, b.paddleColumn());
        b.step(NOOP);
        assertEquals(9, b.paddleColumn());
    }

    @Test
    void bouncesOffTheRightWall() {
        Breakout b = game(0, 5, 9, 2, false, NO_BRICKS);
        b.step(NOOP);
        assertBall(b, 6, 9, 3);
        assertEquals(5, b.trailRow());
        assertEquals(9, b.trailColumn());
    }

    @Test
    void bouncesOffTheLeftWall() {
        Breakout b = game(9, 5, 0, 0, false, NO_BRICKS);
        b.step(NOOP);
        assertBall(b, 4, 0, 1);
    }

    @Test
    void bouncesOffTheTopWall() {
        Breakout b = game(0, 0, 5, 1, false, NO_BRICKS);
        b.step(NOOP);
        assertBall(b, 0, 6, 2);
    }

    @Test
    void inTheCornerBothFlipsApply() {
        Breakout b = game(0, 0, 9, 1, false, NO_BRICKS);
        b.step(NOOP);
        assertBall(b, 0, 9, 3);
    }

    @Test
    void straightPaddleHitFlipsVertically() {
        // the ball's column before the step equals the paddle's column after it
        Breakout b = game(4, 8, 4, 2, false, NO_BRICKS);
        assertEquals(0.0, b.step(NOOP));
        assertBall(b, 8, 5, 1);
        assertFalse(b.terminated());
    }

    @Test
    void paddleMovedUnderTheBallCountsAsStraight() {
        Breakout b = game(3, 8, 4, 2, false, NO_BRICKS);
        b.step(RIGHT); // paddle to 4, the ball's column
        assertBall(b, 8, 5, 1);
    }

    @Test
    void sideHitOnThePaddleReversesTheBall() {
        // the ball lands on the paddle's column from the side: full reversal
        Breakout b = game(4, 8, 3, 2, false, NO_BRICKS);
        b.step(NOOP);
        assertBall(b, 8, 4, 0);
        assertFalse(b.terminated());
    }

    @Test
    void missingTheBallTerminates() {
        Breakout b = game(7, 8, 3, 2, false, NO_BRICKS);
        assertEquals(0.0, b.step(NOOP));
        assertTrue(b.terminated());
        assertFalse(b.truncated());
        assertEquals(9, b.ballRow());
        assertEquals(4, b.ballColumn());
        assertThrows(IllegalStateException.class, () -> b.step(NOOP));
    }

    @Test
    void brickHitScoresRemovesAndBounces() {
        Breakout b = game(0, 4, 5, 1, false, WALL);
        assertEquals(1.0, b.step(NOOP));
        assertFalse(b.brickAt(3, 6), "the brick is gone");
        assertEquals(29, b.brickCount());
        assertBall(b, 4, 6, 2); // the column moves, the row goes back
        assertTrue(b.strike());
    }

    @Test
    void secondStrikeInARowPassesThrough() {
        Breakout b = game(0, 4, 5, 1, true, WALL);
        assertEquals(0.0, b.step(NOOP), "a strike on the previous step: no reward");
        assertTrue(b.brickAt(3, 6), "no removal");
        assertBall(b, 3, 6, 1); // the ball enters the brick's cell, no bounce
        assertTrue(b.strike(), "it struck a brick this step");
    }

    @Test
    void strikeClearsOnAStepWithoutBricks() {
        Breakout b = game(0, 6, 5, 1, true, WALL);
        b.step(NOOP); // to (5, 6): no brick
        assertFalse(b.strike());
        assertEquals(0.0, b.step(NOOP), "(4, 7) is empty");
        assertEquals(1.0, b.step(NOOP), "(3, 8) is a brick, and the strike was cleared: it scores");
        assertBall(b, 4, 8, 2);
    }

    @Test
    void lastBrickDoesNotRefillUntilTheBallReachesThePaddleRow() {
        int onlyBrick = 3 * 10 + 6;
        Breakout b = game(0, 4, 5, 1, false, cell -> cell == onlyBrick);
        assertEquals(1.0, b.step(NOOP));
        assertEquals(0, b.brickCount(), "no refill yet");
        b.setState(4, 8, 4, 2, false, NO_BRICKS);
        b.step(NOOP);
        assertEquals(30, b.brickCount(), "refilled when the ball reached the paddle row");
        assertTrue(b.brickAt(1, 0) && b.brickAt(3, 9));
    }

    @Test
    void refillHappensEvenWhenTheBallIsMissed() {
        Breakout b = game(0, 8, 5, 2, false, NO_BRICKS);
        b.step(NOOP);
        assertTrue(b.terminated());
        assertEquals(30, b.brickCount());
    }

    @Test
    void stickyActionsRepeatThePreviousExecutedActionWithTheStatedProbability() {
        Breakout b = Breakout.of(BreakoutConfig.MINATAR);
        b.reset(11);
        int n = 60_000;
        int repeated = 0;
        int steps = 0;
        int previous = 0;
        while (steps < n) {
            if (b.episodeOver()) {
                b.reset();
                previous = 0; // the previous action starts as no-op in each episode
            }
            int chosen = (previous + 1) % 3; // always differs from the previous executed action
            b.step(chosen);
            int executed = b.lastExecutedAction();
            if (executed == previous) {
                repeated++;
            } else {
                assertEquals(chosen, executed);
            }
            previous = executed;
            steps++;
        }
        // sd of the frequency is 0.0012 here
        assertEquals(0.1, repeated / (double) n, 0.008);
    }

    @Test
    void stickyAlwaysMeansTheFirstActionIsANoOp() {
        Breakout b = Breakout.of(BreakoutConfig.MINATAR.withSticky(1.0));
        b.reset(3);
        b.step(RIGHT);
        assertEquals(0, b.lastExecutedAction());
        assertEquals(4, b.paddleColumn());
    }

    @Test
    void randomAgentOnTheFullActionSetScoresAboutHalfABrickInElevenSteps() {
        Breakout b = Breakout.of(BreakoutConfig.MINATAR.withFullActionSet(true));
        UniformRandomProvider policy = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        b.reset(5);
        int episodes = 20_000;
        double score = 0;
        long steps = 0;
        for (int e = 0; e < episodes; e++) {
            if (e > 0) {
                b.reset();
            }
            while (!b.terminated()) {
                score += b.step(policy.nextInt(6));
                steps++;
            }
        }
        // MinAtar's README: 0.5 +- 0.02 per episode, about 11.2 steps; sd of our mean is about 0.006
        assertEquals(0.51, score / episodes, 0.03, "mean return");
        assertEquals(11.2, steps / (double) episodes, 0.4, "mean length");
    }

    @Test
    void featuresAreTheFourChannelsInOrder() {
        Breakout b = game(4, 5, 2, 2, false, cell -> cell == 15 || cell == 37);
        int[] out = new int[400];
        int n = b.activeFeatures(out);
        assertEquals(5, n);
        assertEquals(0 * 100 + 9 * 10 + 4, out[0], "paddle");
        assertEquals(100 + 5 * 10 + 2, out[1], "ball");
        assertEquals(200 + 5 * 10 + 2, out[2], "trail");
        assertEquals(300 + 15, out[3], "brick");
        assertEquals(300 + 37, out[4], "brick");
    }

    @Test
    void bitBoardsHoldTheSameCellsAsTheFeatures() {
        Breakout b = Breakout.minatar();
        UniformRandomProvider policy = RandomSource.XO_RO_SHI_RO_128_PP.create(8);
        b.reset(8);
        int[] features = new int[400];
        long[] boards = new long[4 * b.wordsPerChannel()];
        for (int t = 0; t < 2000; t++) {
            if (b.episodeOver()) {
                b.reset();
            }
            b.step(policy.nextInt(3));
            b.bitBoards(boards);
            int n = b.activeFeatures(features);
            int bits = 0;
            for (long w : boards) {
                bits += Long.bitCount(w);
            }
            assertEquals(n, bits, "one bit per active feature");
            for (int i = 0; i < n; i++) {
                int channel = features[i] / 100;
                int cell = features[i] % 100;
                assertTrue((boards[channel * 2 + cell / 64] & (1L << cell)) != 0, "feature " + features[i]);
            }
        }
    }

    @Test
    void largerBoardsKeepTheRules() {
        Breakout b = Breakout.of(new BreakoutConfig(16, 12, 4, false, 0));
        b.reset(2);
        assertEquals(64, b.brickCount());
        assertEquals(7, b.paddleColumn());
        assertEquals(4, b.ballRow());
        assertTrue(b.ballColumn() == 0 || b.ballColumn() == 15);
        assertEquals(4 * 12 * 16, b.observationSpace().featureCount());
    }
}
