"""Reference numbers of small PyTorch networks, for lrlab's NetworkReferenceTest.

For fixed weights and inputs (drawn here with a fixed torch seed and written out), each case
records in float32: the network's output, the loss, every parameter's gradient, and the
parameters after one step of SGD, Adam and centered RMSprop (DQN's MinAtar settings). Parameters
are written in PyTorch's layout (weight.flatten() then bias, module by module).

Regenerate with (the committed fixture comes from torch 2.13.0+cpu; Debian's python3-torch 1.13
gives numbers that pass the same test):
    python3 -m venv /tmp/torch-venv && /tmp/torch-venv/bin/pip install torch
    /tmp/torch-venv/bin/python agents/src/test/python/network_reference.py \
        > agents/src/test/resources/nn/pytorch-network-reference.json
"""
import json

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(20261130)
torch.set_num_threads(1)


def conv_net():
    # MinAtar's DQN shape, scaled down (non-square input to catch height/width mix-ups)
    return nn.Sequential(nn.Conv2d(2, 4, 3), nn.ReLU(), nn.Flatten(),
                         nn.Linear(4 * 4 * 3, 8), nn.ReLU(), nn.Linear(8, 3))


def tanh_policy():
    return nn.Sequential(nn.Linear(6, 5), nn.Tanh(), nn.Linear(5, 4), nn.LogSoftmax(dim=-1))


def mlp():
    return nn.Sequential(nn.Linear(40, 16), nn.ReLU(), nn.Linear(16, 6))


def binary(shape, density):
    return (torch.rand(shape) < density).float()


CASES = [
    # name, network, input, loss kind, layer list for the Java side
    ("conv-huber-selected", conv_net, binary((5, 2, 6, 5), 0.3), "huber-selected",
     [["conv", 2, 6, 5, 4, 3], ["relu"], ["dense", 48, 8], ["relu"], ["dense", 8, 3]]),
    ("tanh-logsoftmax-mse", tanh_policy, torch.randn(7, 6), "mse",
     [["dense", 6, 5], ["tanh"], ["dense", 5, 4], ["log-softmax"]]),
    ("mlp-binary-huber", mlp, binary((32, 40), 0.1), "huber",
     [["dense", 40, 16], ["relu"], ["dense", 16, 6]]),
]

OPTIMIZERS = [
    ("sgd", {"lr": 0.01}, lambda p: torch.optim.SGD(p, lr=0.01)),
    ("adam", {"lr": 1e-3}, lambda p: torch.optim.Adam(p, lr=1e-3)),
    ("rmsprop-centered", {"lr": 2.5e-4, "rho": 0.95, "eps": 0.01, "centered": True},
     lambda p: torch.optim.RMSprop(p, lr=2.5e-4, alpha=0.95, eps=0.01, centered=True)),
]


def flat_params(net):
    return [p.detach().flatten().tolist() for p in net.parameters()]


def loss_of(kind, out, targets, actions):
    if kind == "huber-selected":
        chosen = out.gather(1, actions.unsqueeze(1)).squeeze(1)
        return F.smooth_l1_loss(chosen, targets)
    if kind == "huber":
        return F.smooth_l1_loss(out, targets)
    return F.mse_loss(out, targets)


def run_case(name, make, x, kind, layers):
    net = make()
    initial = flat_params(net)
    batch = x.shape[0]
    outputs = net(x).shape[1]
    actions = torch.randint(0, outputs, (batch,))
    if kind == "huber-selected":
        targets = torch.randn(batch) * 2  # some errors beyond Huber's delta
    else:
        targets = torch.randn(batch, outputs) * 2
    out = net(x)
    loss = loss_of(kind, out, targets, actions)
    net.zero_grad()
    loss.backward()
    grads = [p.grad.flatten().tolist() for p in net.parameters()]
    after = {}
    for opt_name, _, make_opt in OPTIMIZERS:
        copy = make()
        copy.load_state_dict(net.state_dict())
        opt = make_opt(copy.parameters())
        l2 = loss_of(kind, copy(x), targets, actions)
        opt.zero_grad()
        l2.backward()
        opt.step()
        after[opt_name] = flat_params(copy)
    return {
        "name": name, "layers": layers, "loss_kind": kind,
        "input": x.flatten().tolist(), "batch": batch,
        "targets": targets.flatten().tolist(), "actions": actions.tolist(),
        "initial": initial, "output": out.detach().flatten().tolist(), "loss": loss.item(),
        "gradients": grads, "after_one_step": after,
    }


print(json.dumps({
    "torch": torch.__version__,
    "optimizers": [{"name": n, "settings": s} for n, s, _ in OPTIMIZERS],
    "cases": [run_case(*c) for c in CASES],
}))
