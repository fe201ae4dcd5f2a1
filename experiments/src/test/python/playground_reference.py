"""Reference trajectories for lrlab's optimizer playground (PlaygroundTest), from PyTorch.

The same losses in two dimensions (Rosenbrock, Beale, the double well, the saddle, the quadratic
with condition number 10) minimised from the same start by torch.optim's SGD, SGD with momentum 0.9,
SGD with Nesterov momentum 0.9, RMSprop (alpha 0.99, eps 1e-8), Adam and Adagrad at their defaults,
in float64, for 60 steps at each loss's rate; the fixture keeps every position.

Regenerate (PyTorch in a virtual environment, as for the network fixtures):
    /tmp/torch-venv/bin/python experiments/src/test/python/playground_reference.py \
        > experiments/src/test/resources/playground/pytorch-playground-reference.json
"""
import json
import sys

import torch


def rosenbrock(p):
    x, y = p[0], p[1]
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2


def double_well(p):
    x, y = p[0], p[1]
    return (x * x - 1) ** 2 + 0.3 * x + 0.5 * y * y


def saddle(p):
    x, y = p[0], p[1]
    return 0.5 * x * x - 0.5 * y * y + 0.25 * y ** 4


def quadratic(p):
    x, y = p[0], p[1]
    return 0.5 * (x * x + 10.0 * y * y)


LOSSES = [
    ("rosenbrock", rosenbrock, [-1.5, 2.0], 1e-3),
    ("beale", beale, [1.0, 1.4], 1e-2),
    ("double-well", double_well, [1.6, 1.0], 3e-2),
    ("saddle", saddle, [1.8, 0.001], 5e-2),
    ("quadratic", quadratic, [-1.8, 1.0], 1.5e-1),
]

OPTIMIZERS = [
    ("sgd", lambda params, lr: torch.optim.SGD(params, lr=lr)),
    ("momentum", lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9)),
    ("nesterov", lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True)),
    ("rmsprop", lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.99, eps=1e-8)),
    ("adam", lambda params, lr: torch.optim.Adam(params, lr=lr)),
    ("adagrad", lambda params, lr: torch.optim.Adagrad(params, lr=lr, eps=1e-10)),
]

STEPS = 60


def main():
    cases = []
    for name, f, start, lr in LOSSES:
        for kind, make in OPTIMIZERS:
            p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
            opt = make([p], lr)
            xs, ys = [start[0]], [start[1]]
            for _ in range(STEPS):
                opt.zero_grad()
                f(p).backward()
                opt.step()
                xs.append(p[0].item())
                ys.append(p[1].item())
            cases.append({"landscape": name, "optimizer": kind, "rate": lr, "x": xs, "y": ys})
    json.dump({"generator": "experiments/src/test/python/playground_reference.py", "torch": torch.__version__,
               "steps": STEPS, "cases": cases}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
