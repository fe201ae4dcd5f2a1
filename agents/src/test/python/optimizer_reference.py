"""Reference trajectories of PyTorch's optimizers, for lrlab's OptimizerReferenceTest.

Each case starts from fixed parameters, applies 20 updates with a fixed gradient sequence (the
gradients do not depend on the parameters, so the Java test can replay them exactly) and a rate
that changes every update, and records the parameters after each update. Everything is float64.

Regenerate with:  /usr/bin/python3 agents/src/test/python/optimizer_reference.py \
                      > agents/src/test/resources/optim/pytorch-reference.json
(Debian: apt-get install python3-torch)
"""
import json
import math

import torch

torch.set_default_dtype(torch.float64)

SIZE = 6
UPDATES = 20

# Deterministic inputs written out by formula, so they do not depend on any generator.
initial = [0.5, -1.25, 2.0, 0.0, -0.03, 1e-3]
gradients = [
    [math.sin(1.3 * k + 0.7 * i) * (1 + 0.5 * i) + (0.2 if i == 3 else 0.0) for i in range(SIZE)]
    for k in range(UPDATES)
]
# a rate that varies, as a schedule's would
rates = [0.1 * (0.9 ** k) * (1.0 if k % 5 else 0.5) for k in range(UPDATES)]

CASES = [
    ("sgd", {}, lambda p: torch.optim.SGD(p, lr=1.0)),
    ("sgd-weight-decay", {"weight_decay": 0.1}, lambda p: torch.optim.SGD(p, lr=1.0, weight_decay=0.1)),
    ("momentum", {"momentum": 0.9}, lambda p: torch.optim.SGD(p, lr=1.0, momentum=0.9)),
    ("momentum-0.5", {"momentum": 0.5}, lambda p: torch.optim.SGD(p, lr=1.0, momentum=0.5)),
    ("nesterov", {"momentum": 0.9}, lambda p: torch.optim.SGD(p, lr=1.0, momentum=0.9, nesterov=True)),
    ("rmsprop", {}, lambda p: torch.optim.RMSprop(p, lr=1.0)),
    ("rmsprop-centered", {"centered": True}, lambda p: torch.optim.RMSprop(p, lr=1.0, centered=True)),
    ("rmsprop-rho-0.9-momentum", {"rho": 0.9, "momentum": 0.5},
     lambda p: torch.optim.RMSprop(p, lr=1.0, alpha=0.9, momentum=0.5)),
    ("adam", {}, lambda p: torch.optim.Adam(p, lr=1.0)),
    ("adam-betas", {"beta1": 0.5, "beta2": 0.9, "eps": 1e-6},
     lambda p: torch.optim.Adam(p, lr=1.0, betas=(0.5, 0.9), eps=1e-6)),
    ("adam-weight-decay", {"weight_decay": 0.05}, lambda p: torch.optim.Adam(p, lr=1.0, weight_decay=0.05)),
    ("adamw", {}, lambda p: torch.optim.AdamW(p, lr=1.0)),
    ("adamw-0.1", {"weight_decay": 0.1}, lambda p: torch.optim.AdamW(p, lr=1.0, weight_decay=0.1)),
    ("adam-amsgrad", {"amsgrad": True}, lambda p: torch.optim.Adam(p, lr=1.0, amsgrad=True)),
    ("adamw-amsgrad", {"amsgrad": True}, lambda p: torch.optim.AdamW(p, lr=1.0, amsgrad=True)),
    ("adagrad", {}, lambda p: torch.optim.Adagrad(p, lr=1.0)),
]


def run(make):
    w = torch.tensor(initial, requires_grad=True)
    opt = make([w])
    out = []
    for k in range(UPDATES):
        for group in opt.param_groups:
            group["lr"] = rates[k]
        w.grad = torch.tensor(gradients[k])
        opt.step()
        out.append([float(x) for x in w.detach()])
    return out


def kind_of(name):
    return name.split("-")[0]


print(json.dumps({
    "torch_version": torch.__version__,
    "initial": initial,
    "gradients": gradients,
    "rates": rates,
    "cases": [
        {"name": name, "kind": kind_of(name), "settings": settings, "params": run(make)}
        for name, settings, make in CASES
    ],
}, indent=1))
