"""Independent reference for lrlab's tabular TD control on the cliff walk (CliffWalkingReferenceTest).

A plain-Python implementation of Sutton & Barto's boxes, written from the book and not from lrlab's
code: Sarsa (6.4), Q-learning (6.5), Expected Sarsa (6.6) and Double Q-learning (6.7), on Example
6.6's 4x12 cliff walk (-1 per step, -100 and back to the start for the cliff), with epsilon-greedy
exploration (ties broken at random), Q = 0 at the start, gamma = 1, epsilon = 0.1. In every box the
next action is chosen from the values after the update, except Sarsa's, which needs it for its
target. For each agent and step size it runs many independent runs of 100 episodes and writes the
mean over runs of each run's mean return, with its standard error.

Regenerate (a few minutes on two cores):
    python3 agents/src/test/python/td_control_reference.py \
        > agents/src/test/resources/tabular/cliff-walking-reference.json
"""
import json
import math
import random
import sys
from multiprocessing import Pool

ROWS, COLS = 4, 12
START, GOAL = (3, 0), (3, 11)
MOVES = [(-1, 0), (0, 1), (1, 0), (0, -1)]  # up, right, down, left
EPSILON, GAMMA, EPISODES = 0.1, 1.0, 100
RUNS = 2000
AGENTS = ["sarsa", "q-learning", "expected-sarsa", "double-q-learning"]
ALPHAS = [0.2, 0.5, 1.0]


def step(state, action):
    r, c = state
    dr, dc = MOVES[action]
    nr, nc = min(max(r + dr, 0), ROWS - 1), min(max(c + dc, 0), COLS - 1)
    if nr == 3 and 1 <= nc <= 10:
        return START, -100.0, False
    if (nr, nc) == GOAL:
        return GOAL, -1.0, True
    return (nr, nc), -1.0, False


def greedy(values, rng):
    best = max(values)
    return rng.choice([a for a, v in enumerate(values) if v == best])


def epsilon_greedy(values, rng):
    if rng.random() < EPSILON:
        return rng.randrange(4)
    return greedy(values, rng)


def run(args):
    agent, alpha, seed = args
    rng = random.Random(seed)
    q1 = {}
    q2 = {}

    def q(table, s):
        return table.setdefault(s, [0.0, 0.0, 0.0, 0.0])

    total = 0.0
    for _ in range(EPISODES):
        s = START
        if agent == "double-q-learning":
            a = epsilon_greedy([x + y for x, y in zip(q(q1, s), q(q2, s))], rng)
        else:
            a = epsilon_greedy(q(q1, s), rng)
        done = False
        g = 0.0
        while not done:
            s2, r, done = step(s, a)
            g += r
            if agent == "sarsa":
                a2 = epsilon_greedy(q(q1, s2), rng)
                target = r + (0.0 if done else GAMMA * q(q1, s2)[a2])
                q(q1, s)[a] += alpha * (target - q(q1, s)[a])
            elif agent == "q-learning":
                target = r + (0.0 if done else GAMMA * max(q(q1, s2)))
                q(q1, s)[a] += alpha * (target - q(q1, s)[a])
                a2 = epsilon_greedy(q(q1, s2), rng)
            elif agent == "expected-sarsa":
                values = q(q1, s2)
                expected = (1 - EPSILON) * max(values) + EPSILON * sum(values) / 4
                target = r + (0.0 if done else GAMMA * expected)
                q(q1, s)[a] += alpha * (target - q(q1, s)[a])
                a2 = epsilon_greedy(q(q1, s2), rng)
            else:
                first, second = (q1, q2) if rng.random() < 0.5 else (q2, q1)
                target = r
                if not done:
                    target += GAMMA * q(second, s2)[greedy(q(first, s2), rng)]
                q(first, s)[a] += alpha * (target - q(first, s)[a])
                a2 = epsilon_greedy([x + y for x, y in zip(q(q1, s2), q(q2, s2))], rng)
            s, a = s2, a2
        total += g
    return total / EPISODES


def main():
    cases = []
    with Pool() as pool:
        for agent in AGENTS:
            for alpha in ALPHAS:
                means = pool.map(run, [(agent, alpha, 1000003 * k + 17) for k in range(RUNS)])
                mean = sum(means) / RUNS
                sd = math.sqrt(sum((m - mean) ** 2 for m in means) / (RUNS - 1))
                cases.append({"agent": agent, "alpha": alpha, "runs": RUNS, "mean": mean,
                              "standard_error": sd / math.sqrt(RUNS)})
                print(agent, alpha, round(mean, 3), round(sd / math.sqrt(RUNS), 3), file=sys.stderr)
    print(json.dumps({"environment": "cliff-walking", "episodes": EPISODES, "epsilon": EPSILON, "gamma": GAMMA,
                      "statistic": "mean over runs of each run's mean return over its first 100 episodes",
                      "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
