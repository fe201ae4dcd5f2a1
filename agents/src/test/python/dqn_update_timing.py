"""Times a DQN update and an action choice in PyTorch on one CPU thread, for comparison with
`lrlab bench --networks` (the same networks, batch and optimizer).

Networks (Breakout's 4x10x10 board, six actions as MinAtar's dqn.py):
  dqn-conv: Conv2d(4, 16, 3) -> ReLU -> Linear(1024, 128) -> ReLU -> Linear(128, 6)  (MinAtar's)
  dqn-mlp:  Linear(400, 128) -> ReLU -> Linear(128, 6)
Update: a batch of 32 binary boards (about 8% of cells on, as Breakout's), online forward, target
forward under no_grad, smooth L1 on the chosen actions, backward, centered RMSprop step.

Run:  /usr/bin/python3 agents/src/test/python/dqn_update_timing.py      (prints JSON)
or    bash agents/src/test/python/compare_dqn_update.sh                  (both, side by side)
"""
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(0)


def conv():
    return nn.Sequential(nn.Conv2d(4, 16, 3), nn.ReLU(), nn.Flatten(), nn.Linear(1024, 128), nn.ReLU(),
                         nn.Linear(128, 6))


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(400, 128), nn.ReLU(), nn.Linear(128, 6))


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

    def time_it(fn):
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

    params = sum(p.numel() for p in online.parameters())
    return {"microseconds_per_forward": time_it(forward), "microseconds_per_update": time_it(update),
            "parameters": params}


rows = []
for name, make in [("dqn-conv", conv), ("dqn-mlp", mlp)]:
    row = {"name": name, "implementation": "pytorch " + torch.__version__, "threads": 1, "batch": 32}
    row.update(measure(make))
    rows.append(row)
print(json.dumps({"networks": rows}, indent=2))
