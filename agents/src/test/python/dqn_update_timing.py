"""Times the neural agents' network work in PyTorch on one CPU thread, for comparison with
`lrlab bench --networks` (the same networks, batches and optimizers): a DQN update and action
choice; an AC(lambda) learning step (MinAtar's AC_lambda.py train(): SiLU/dSiLU network, forward of
the new state, two backward passes, V of the last state, the traces and the debiased-RMSprop update);
a PPO epoch (CleanRL's ppo.py inner loop over a rollout of 512: 4 minibatches of 128, clipped losses,
backward, clip_grad_norm 0.5, Adam).

Networks (Breakout's 4x10x10 board, six actions as MinAtar's dqn.py):
  dqn-conv: Conv2d(4, 16, 3) -> ReLU -> Linear(1024, 128) -> ReLU -> Linear(128, 6)  (MinAtar's)
  dqn-mlp:  Linear(400, 128) -> ReLU -> Linear(128, 6)
Update: a batch of 32 binary boards (about 8% of cells on, as Breakout's), online forward, target
forward under no_grad, smooth L1 on the chosen actions, backward, centered RMSprop step.

Run:  /usr/bin/python3 agents/src/test/python/dqn_update_timing.py      (prints JSON)
or    bash agents/src/test/python/compare_dqn_update.sh                  (both, side by side)
"""
import json
import os
import time

# one thread for every library torch may call: its own pool, OpenMP, and a BLAS chosen by the
# system (Debian's torch links the libblas.so.3 alternative: OpenBLAS once libopenblas0 is
# installed, else the reference BLAS, several times slower), which has a pool of its own
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import torch  # noqa: E402  (after the thread settings, which are read when the libraries load)
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(1)


def blas():
    """The BLAS library this process loaded (the same torch build is fast or slow by it)."""
    try:
        with open("/proc/self/maps") as maps:
            text = maps.read()
    except OSError:
        return "unknown BLAS"
    for name, mark in (("OpenBLAS", "openblas"), ("MKL", "libmkl"), ("reference BLAS", "/blas/libblas")):
        if mark in text:
            return name
    return "bundled BLAS"


IMPLEMENTATION = "pytorch %s, %s" % (torch.__version__, blas())
torch.manual_seed(0)


def conv():
    return nn.Sequential(nn.Conv2d(4, 16, 3), nn.ReLU(), nn.Flatten(), nn.Linear(1024, 128), nn.ReLU(),
                         nn.Linear(128, 6))


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(400, 128), nn.ReLU(), nn.Linear(128, 6))


def time_it(fn, seconds=2.0):
    best = float("inf")
    for rnd in range(3):
        calls, start = 0, time.perf_counter()
        end = start + (seconds if rnd == 0 else seconds / 2)
        while time.perf_counter() < end:
            for _ in range(16):
                fn()
            calls += 16
        if rnd > 0:
            best = min(best, (time.perf_counter() - start) / calls * 1e6)
    return best


def measure(make, seconds=2.0):
    online, target = make(), make()
    target.load_state_dict(online.state_dict())
    opt = torch.optim.RMSprop(online.parameters(), lr=2.5e-4, alpha=0.95, eps=0.01, centered=True)
    states = (torch.rand(32, 4, 10, 10) < 0.08).float()
    next_states = (torch.rand(32, 4, 10, 10) < 0.08).float()
    actions = torch.randint(0, 6, (32,))
    rewards = torch.rand(32)
    done = (torch.rand(32) < 0.05).float()
    one = states[:1]

    def update():
        with torch.no_grad():
            bootstrap = target(next_states).max(1)[0]
            y = rewards + 0.99 * (1 - done) * bootstrap
        q = online(states).gather(1, actions.unsqueeze(1)).squeeze(1)
        loss = F.smooth_l1_loss(q, y)
        opt.zero_grad()
        loss.backward()
        opt.step()

    def forward():
        with torch.no_grad():
            return online(one).argmax(1).item()

    params = sum(p.numel() for p in online.parameters())
    return {"microseconds_per_forward": time_it(forward, seconds), "microseconds_per_update": time_it(update, seconds),
            "parameters": params}


class ACNetwork(nn.Module):
    """MinAtar's AC(lambda) network: conv 16 with SiLU, dense 128 with dSiLU, softmax policy and value."""

    def __init__(self, hidden_act, conv_act, softmax=True):
        super().__init__()
        self.conv = nn.Conv2d(4, 16, 3)
        self.fc = nn.Linear(1024, 128)
        self.policy = nn.Linear(128, 6)
        self.value = nn.Linear(128, 1)
        self.hidden_act, self.conv_act, self.softmax = hidden_act, conv_act, softmax

    def forward(self, x):
        h = self.hidden_act(self.fc(self.conv_act(self.conv(x)).flatten(1)))
        logits = self.policy(h)
        return (F.softmax(logits, dim=1) if self.softmax else logits), self.value(h).squeeze(-1)


def ac_lambda():
    silu = lambda x: x * torch.sigmoid(x)
    dsilu = lambda x: torch.sigmoid(x) * (1 + x * (1 - torch.sigmoid(x)))
    net = ACNetwork(dsilu, silu)
    params = list(net.parameters())
    traces = [torch.zeros_like(p) for p in params]
    msg = [torch.zeros_like(p) for p in params]
    state = (torch.rand(1, 4, 10, 10) < 0.08).float()
    last = (torch.rand(1, 4, 10, 10) < 0.08).float()
    t = [0]

    def step():
        pi, v = net(state)
        action = torch.multinomial(pi.detach(), 1)[0]
        potential = v[0] + 0.5 * torch.log(pi[0, action] + 1e-4)
        entropy = -torch.sum(torch.log(pi + 1e-4) * pi)
        net.zero_grad()
        potential.backward(retain_graph=True)
        grads = [p.grad.clone() for p in params]
        net.zero_grad()
        entropy.backward()
        with torch.no_grad():
            delta = 0.1 + 0.99 * v[0] - net(last)[1][0]
            t[0] += 1
            for p, z, m in zip(params, traces, msg):
                g = z * delta + 0.01 * (p.grad if p.grad is not None else 0)
                m.mul_(0.999).add_(0.001 * g * g)
                p.add_(2 ** -11 * g / torch.sqrt(m / (1 - 0.999 ** t[0]) + 1e-4))
            for z, g in zip(traces, grads):
                z.mul_(0.99 * 0.8).add_(g)

    def forward():
        with torch.no_grad():
            return torch.multinomial(net(state)[0], 1).item()

    return {"microseconds_per_forward": time_it(forward), "microseconds_per_update": time_it(step),
            "parameters": sum(p.numel() for p in params), "batch": 1}


def ppo_epoch():
    net = ACNetwork(F.relu, F.relu, softmax=False)
    opt = torch.optim.Adam(net.parameters(), lr=2.5e-4, eps=1e-5)
    n, mb = 512, 128
    obs = (torch.rand(n, 4, 10, 10) < 0.08).float()
    actions = torch.randint(0, 6, (n,))
    with torch.no_grad():
        logits, values = net(obs)
        old_logp = torch.distributions.Categorical(logits=logits).log_prob(actions)
    advantages, returns = torch.randn(n), values + torch.randn(n)

    def epoch():
        order = torch.randperm(n)
        for start in range(0, n, mb):
            i = order[start:start + mb]
            logits, v = net(obs[i])
            dist = torch.distributions.Categorical(logits=logits)
            logratio = dist.log_prob(actions[i]) - old_logp[i]
            ratio = logratio.exp()
            adv = advantages[i]
            adv = (adv - adv.mean()) / (adv.std() + 1e-8)
            pg = torch.max(-adv * ratio, -adv * torch.clamp(ratio, 0.8, 1.2)).mean()
            v_clipped = values[i] + torch.clamp(v - values[i], -0.2, 0.2)
            v_loss = 0.5 * torch.max((v - returns[i]) ** 2, (v_clipped - returns[i]) ** 2).mean()
            loss = pg - 0.01 * dist.entropy().mean() + 0.5 * v_loss
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 0.5)
            opt.step()

    def forward():
        with torch.no_grad():
            return net(obs[:1])[0].argmax(1).item()

    return {"microseconds_per_forward": time_it(forward), "microseconds_per_update": time_it(epoch),
            "parameters": sum(p.numel() for p in net.parameters()), "batch": n}


rows = []
for name, make in [("dqn-conv", conv), ("dqn-mlp", mlp)]:
    row = {"name": name, "implementation": IMPLEMENTATION, "threads": 1, "batch": 32}
    row.update(measure(make))
    rows.append(row)
for name, fn in [("ac-lambda-conv", ac_lambda), ("ppo-conv-epoch", ppo_epoch)]:
    row = {"name": name, "implementation": IMPLEMENTATION, "threads": 1}
    row.update(fn())
    rows.append(row)
print(json.dumps({"networks": rows}, indent=2))
