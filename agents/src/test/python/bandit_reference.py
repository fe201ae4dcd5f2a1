"""Independent reference for lrlab's chapter-2 bandit methods (BanditReferenceTest).

A NumPy implementation of Sutton & Barto's chapter 2, written from the book and not from lrlab's
code, vectorised over runs: the 10-armed testbed (q*(a) ~ N(mean, 1), rewards ~ N(q*(a), 1); the
nonstationary one of Exercise 2.5 starts every q*(a) at 0 and walks each by N(0, 0.01^2) after every
step), epsilon-greedy action values with sample averages (2.3) or a constant step size, optimistic
initial values (2.6), UCB (2.10; an untried action is maximising, t the current step), and the
gradient bandit (2.12; the baseline is the mean of the rewards before step t, R-bar_1 = R_1). Greedy
ties are broken at random. For each configuration it writes, over many runs, the mean and standard
error of each run's average reward over all steps and its fraction of optimal actions over the last
tenth of the steps.

Regenerate (about a minute):
    python3 agents/src/test/python/bandit_reference.py > agents/src/test/resources/bandit/bandit-reference.json
"""
import json
import sys

import numpy as np

ARMS = 10


def run(config, runs, seed):
    rng = np.random.default_rng(seed)
    steps = config["steps"]
    walk = config.get("walk_sd", 0.0)
    q_true = np.zeros((runs, ARMS)) if walk > 0 else rng.normal(config.get("mean", 0.0), 1.0, (runs, ARMS))
    method = config["method"]
    q = np.full((runs, ARMS), float(config.get("initial", 0.0)))
    n = np.zeros((runs, ARMS))
    h = np.zeros((runs, ARMS))
    rbar = np.zeros(runs)
    rows = np.arange(runs)
    reward_sum = np.zeros(runs)
    optimal_sum = np.zeros(runs)
    last = steps - steps // 10
    for t in range(1, steps + 1):
        if method == "gradient":
            pi = np.exp(h - h.max(axis=1, keepdims=True))
            pi /= pi.sum(axis=1, keepdims=True)
            u = rng.random(runs)[:, None]
            a = np.minimum((np.cumsum(pi, axis=1) < u).sum(axis=1), ARMS - 1)
        else:
            if method == "ucb":
                with np.errstate(divide="ignore"):
                    score = np.where(n == 0, np.inf, q + config["c"] * np.sqrt(np.log(t) / np.maximum(n, 1)))
            else:
                score = q
            ties = score == score.max(axis=1, keepdims=True)
            a = np.argmax(rng.random((runs, ARMS)) * ties, axis=1)
            if method == "epsilon":
                explore = rng.random(runs) < config["epsilon"]
                a = np.where(explore, rng.integers(0, ARMS, runs), a)
        best = q_true[rows, a] >= q_true.max(axis=1)
        r = rng.normal(q_true[rows, a], 1.0)
        if method == "gradient":
            baseline = (r if t == 1 else rbar) if config["baseline"] else np.zeros(runs)
            onehot = np.zeros((runs, ARMS))
            onehot[rows, a] = 1.0
            h += config["alpha"] * (r - baseline)[:, None] * (onehot - pi)
            rbar += (r - rbar) / t
        else:
            n[rows, a] += 1
            alpha = 1.0 / n[rows, a] if config["alpha"] == "1/n" else config["alpha"]
            q[rows, a] += alpha * (r - q[rows, a])
        if walk > 0:
            q_true += rng.normal(0.0, walk, (runs, ARMS))
        reward_sum += r
        if t > last:
            optimal_sum += best
    reward = reward_sum / steps
    optimal = optimal_sum / (steps - last)
    return {
        "runs": runs,
        "reward_mean": float(reward.mean()), "reward_se": float(reward.std(ddof=1) / np.sqrt(runs)),
        "optimal_mean": float(optimal.mean()), "optimal_se": float(optimal.std(ddof=1) / np.sqrt(runs)),
    }


CONFIGS = [
    {"name": "epsilon-greedy 0.1, sample averages (Figure 2.2)", "method": "epsilon", "epsilon": 0.1, "alpha": "1/n", "steps": 1000},
    {"name": "greedy, sample averages (Figure 2.2)", "method": "epsilon", "epsilon": 0.0, "alpha": "1/n", "steps": 1000},
    {"name": "optimistic Q0 = 5, greedy, alpha 0.1 (Figure 2.3)", "method": "epsilon", "epsilon": 0.0, "alpha": 0.1, "initial": 5.0, "steps": 1000},
    {"name": "UCB c = 2, sample averages (Figure 2.4)", "method": "ucb", "c": 2.0, "alpha": "1/n", "steps": 1000},
    {"name": "gradient bandit alpha 0.1 with baseline, mean 4 (Figure 2.5)", "method": "gradient", "alpha": 0.1, "baseline": True, "mean": 4.0, "steps": 1000},
    {"name": "gradient bandit alpha 0.4 without baseline, mean 4 (Figure 2.5)", "method": "gradient", "alpha": 0.4, "baseline": False, "mean": 4.0, "steps": 1000},
    {"name": "nonstationary, sample averages (Exercise 2.5)", "method": "epsilon", "epsilon": 0.1, "alpha": "1/n", "walk_sd": 0.01, "steps": 10000},
    {"name": "nonstationary, constant alpha 0.1 (Exercise 2.5)", "method": "epsilon", "epsilon": 0.1, "alpha": 0.1, "walk_sd": 0.01, "steps": 10000},
]


def main():
    out = {"generator": "agents/src/test/python/bandit_reference.py", "numpy": np.__version__, "cases": []}
    for i, config in enumerate(CONFIGS):
        runs = 1000 if config["steps"] > 1000 else 2000
        result = run(config, runs, 20261130 + i)
        out["cases"].append({**config, **result})
        print(config["name"], result, file=sys.stderr)
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
