"""Reference numbers of the neural policy-gradient methods, for lrlab's PolicyGradientReferenceTest.

Written in PyTorch (float32) from the algorithms' usual code, not from lrlab's:
  * losses: PPO's clipped surrogate with and without value clipping (CleanRL's ppo.py), the plain
    policy gradient with a squared value error (Stable-Baselines3's A2C, REINFORCE with baseline),
    on fixed batches: every loss part and every parameter's gradient, for a shared torso (MinAtar's
    convolution, scaled down; ReLU) and for separate policy and value networks;
  * GAE and n-step returns of a small rollout with episode ends;
  * AC(lambda) as MinAtar's AC_lambda.py (SiLU convolution, dSiLU hidden layer, one trace of
    V + 0.5 log(pi + 1e-4), entropy bonus 0.01) over two episodes of fixed observations, with SGD (the
    repository's AC_lambda.py) and with RMSprop as its step-size study (rho 0.999, eps 1e-4 inside
    the root, debiased by the update count); actions are drawn by inverse CDF from listed uniforms,
    as lrlab draws them, so both sides take the same actions.

Parameters and gradients are written per lrlab layer in PyTorch's layout (weight.flatten() then
bias); the two heads of a shared torso are one layer, their weights and biases concatenated
(policy rows first).

Regenerate with:
    python3 -m venv /tmp/torch-venv && /tmp/torch-venv/bin/pip install torch
    /tmp/torch-venv/bin/python agents/src/test/python/policy_gradient_reference.py \
        > agents/src/test/resources/nn/pytorch-policy-gradient-reference.json
"""
import json

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(20261201)
torch.set_num_threads(1)

C, H, W, FILTERS, HIDDEN, ACTIONS = 2, 4, 4, 3, 8, 3
FEATURES = C * H * W


def silu(x):
    return x * torch.sigmoid(x)


def dsilu(x):
    return torch.sigmoid(x) * (1 + x * (1 - torch.sigmoid(x)))


class Torso(nn.Module):
    def __init__(self, conv_act, hidden_act):
        super().__init__()
        self.conv = nn.Conv2d(C, FILTERS, 3)
        self.fc = nn.Linear(FILTERS * (H - 2) * (W - 2), HIDDEN)
        self.conv_act, self.hidden_act = conv_act, hidden_act

    def forward(self, x):
        x = self.conv_act(self.conv(x.view(-1, C, H, W)))
        return self.hidden_act(self.fc(x.flatten(1)))


class SharedNet(nn.Module):
    def __init__(self, conv_act=F.relu, hidden_act=F.relu):
        super().__init__()
        self.torso = Torso(conv_act, hidden_act)
        self.policy = nn.Linear(HIDDEN, ACTIONS)
        self.value = nn.Linear(HIDDEN, 1)

    def forward(self, x):
        h = self.torso(x)
        return self.policy(h), self.value(h).squeeze(-1)

    def layers(self):
        """Parameters (or gradients) per lrlab layer."""
        t = self.torso
        return [[t.conv.weight, t.conv.bias], [t.fc.weight, t.fc.bias],
                [torch.cat([self.policy.weight, self.value.weight]), torch.cat([self.policy.bias, self.value.bias])]]


class SeparateNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.policy_torso, self.value_torso = Torso(F.relu, F.relu), Torso(F.relu, F.relu)
        self.policy = nn.Linear(HIDDEN, ACTIONS)
        self.value = nn.Linear(HIDDEN, 1)

    def forward(self, x):
        return self.policy(self.policy_torso(x)), self.value(self.value_torso(x)).squeeze(-1)

    def layers(self):
        p, v = self.policy_torso, self.value_torso
        return [[p.conv.weight, p.conv.bias], [p.fc.weight, p.fc.bias], [self.policy.weight, self.policy.bias],
                [v.conv.weight, v.conv.bias], [v.fc.weight, v.fc.bias], [self.value.weight, self.value.bias]]


def flat(tensors):
    return torch.cat([t.detach().flatten() for t in tensors]).tolist()


def params_of(net):
    return [flat(layer) for layer in net.layers()]


def binary(n, density):
    return (torch.rand(n, FEATURES) < density).float()


def loss_case(name, kind, separate, clip_values, normalize):
    net = SeparateNet() if separate else SharedNet()
    n = 10
    obs = binary(n, 0.35)
    logits, values = net(obs)
    dist = torch.distributions.Categorical(logits=logits)
    actions = dist.sample()
    # the rollout's policy: the current one perturbed, so that ratios straddle 1 +- clip
    old_logp = (dist.log_prob(actions) + 0.3 * torch.randn(n)).detach()
    advantages = torch.randn(n)
    returns = (values + torch.randn(n)).detach()
    old_values = (values + 0.3 * torch.randn(n)).detach()
    clip, ent_coef, vf_coef = 0.2, 0.01, 0.5
    initial = params_of(net)

    logits, values = net(obs)
    dist = torch.distributions.Categorical(logits=logits)
    new_logp = dist.log_prob(actions)
    entropy = dist.entropy().mean()
    adv = advantages
    if normalize:
        adv = (adv - adv.mean()) / (adv.std() + 1e-8)
    if kind == "ppo":
        logratio = new_logp - old_logp
        ratio = logratio.exp()
        approx_kl = ((ratio - 1) - logratio).mean()
        clip_fraction = ((ratio - 1.0).abs() > clip).float().mean()
        pg_loss = torch.max(-adv * ratio, -adv * torch.clamp(ratio, 1 - clip, 1 + clip)).mean()
        if clip_values:
            v_unclipped = (values - returns) ** 2
            v_clipped = old_values + torch.clamp(values - old_values, -clip, clip)
            v_loss = 0.5 * torch.max(v_unclipped, (v_clipped - returns) ** 2).mean()
        else:
            v_loss = 0.5 * ((values - returns) ** 2).mean()
    else:
        approx_kl = torch.tensor(0.0)
        clip_fraction = torch.tensor(0.0)
        pg_loss = -(adv * new_logp).mean()
        v_loss = F.mse_loss(values, returns)
    loss = pg_loss - ent_coef * entropy + vf_coef * v_loss
    net.zero_grad()
    loss.backward()
    if separate:
        grads = [flat([t.grad for t in layer]) for layer in net.layers()]
    else:
        t = net.torso
        grads = [flat([t.conv.weight.grad, t.conv.bias.grad]), flat([t.fc.weight.grad, t.fc.bias.grad]),
                 flat([torch.cat([net.policy.weight.grad, net.value.weight.grad]),
                       torch.cat([net.policy.bias.grad, net.value.bias.grad])])]
    return {
        "name": name, "kind": kind, "separate": separate, "clip_values": clip_values, "normalize": normalize,
        "clip": clip, "entropy_coef": ent_coef, "value_coef": vf_coef,
        "params": initial, "obs": obs.flatten().tolist(), "batch": n, "actions": actions.tolist(),
        "old_log_prob": old_logp.tolist(), "advantages": advantages.tolist(), "returns": returns.tolist(),
        "old_values": old_values.tolist(),
        "policy_loss": pg_loss.item(), "value_loss": v_loss.item(), "entropy": entropy.item(),
        "approx_kl": approx_kl.item(), "clip_fraction": clip_fraction.item(), "loss": loss.item(),
        "gradients": grads,
    }


def gae_case():
    steps, copies, gamma, lam = 5, 2, 0.9, 0.8
    rewards = torch.randn(steps, copies)
    values = torch.randn(steps, copies)
    ended = torch.zeros(steps, copies, dtype=torch.bool)
    ended[1, 0] = True
    ended[4, 1] = True
    bootstrap = torch.randn(copies)
    adv = torch.zeros(steps, copies)
    last = torch.zeros(copies)
    for s in reversed(range(steps)):
        nxt = bootstrap if s == steps - 1 else values[s + 1]
        going = (~ended[s]).float()
        delta = rewards[s] + gamma * nxt * going - values[s]
        last = delta + gamma * lam * going * last
        adv[s] = last
    return {"steps": steps, "copies": copies, "gamma": gamma, "lambda": lam,
            "rewards": rewards.flatten().tolist(), "values": values.flatten().tolist(),
            "ended": ended.flatten().tolist(), "bootstrap": bootstrap.tolist(),
            "advantages": adv.flatten().tolist(), "targets": (adv + values).flatten().tolist()}


def draw(pi, u):
    cumulative = 0.0
    for a in range(ACTIONS - 1):
        cumulative += pi[a].item()
        if u < cumulative:
            return a
    return ACTIONS - 1


def ac_lambda_case(optimizer):
    gamma, lam, beta, weight, floor = 0.99, 0.8, 0.01, 0.5, 1e-4
    alpha = 2 ** -6 if optimizer == "sgd" else 2 ** -9
    rho, eps = 0.999, 1e-4
    net = SharedNet(silu, dsilu)
    initial = params_of(net)
    params = list(net.parameters())
    msg = [torch.zeros_like(p) for p in params]
    episodes = [binary(6, 0.3), binary(4, 0.3)]  # observations s_0 .. s_T of each episode
    rewards = [torch.randn(5).tolist(), torch.randn(3).tolist()]
    uniforms = torch.rand(16).tolist()
    drawn = 0
    actions = []
    updates = 0

    def forward(s):
        logits, v = net(s.unsqueeze(0))
        return F.softmax(logits, dim=1)[0], v[0]

    for obs, rs in zip(episodes, rewards):
        traces = [torch.zeros_like(p) for p in params]
        last = None
        for t in range(len(obs)):
            s = obs[t]
            terminal = t == len(obs) - 1
            with torch.no_grad():
                pi_now, _ = forward(s)
            if not terminal:
                action = draw(pi_now, uniforms[drawn])
                drawn += 1
                actions.append(action)
            pi, v = forward(s)
            potential = v + weight * torch.log(pi[action] + floor)
            entropy = -torch.sum(torch.log(pi + floor) * pi)
            net.zero_grad()
            potential.backward(retain_graph=True)
            grads = [p.grad.clone() for p in params]
            if last is not None:
                net.zero_grad()
                entropy.backward()
                with torch.no_grad():
                    v_last = forward(last)[1]
                    delta = rs[t - 1] + (0 if terminal else gamma * v) - v_last
                    updates += 1
                    for p, z, m in zip(params, traces, msg):
                        entropy_grad = torch.zeros_like(p) if p.grad is None else p.grad  # the value head's
                        g = z * delta + beta * entropy_grad
                        if optimizer == "sgd":
                            p.add_(alpha * g)
                        else:
                            m.mul_(rho).add_((1 - rho) * g * g)
                            p.add_(alpha * g / torch.sqrt(m / (1 - rho ** updates) + eps))
            with torch.no_grad():
                for z, g in zip(traces, grads):
                    z.mul_(gamma * lam).add_(g)
            last = s
    return {"optimizer": optimizer, "alpha": alpha, "gamma": gamma, "lambda": lam, "entropy_coef": beta,
            "policy_weight": weight, "log_floor": floor, "params": initial,
            "episodes": [o.flatten().tolist() for o in episodes], "rewards": rewards, "uniforms": uniforms,
            "actions": actions, "final_params": params_of(net)}


print(json.dumps({
    "torch": torch.__version__,
    "shape": {"channels": C, "height": H, "width": W, "filters": FILTERS, "hidden": HIDDEN, "actions": ACTIONS},
    "losses": [
        loss_case("ppo, value clipping, normalised advantages", "ppo", False, True, True),
        loss_case("ppo, no value clipping", "ppo", False, False, True),
        loss_case("ppo, separate networks", "ppo", True, True, True),
        loss_case("policy gradient (a2c, reinforce with baseline)", "pg", False, False, False),
    ],
    "gae": gae_case(),
    "ac_lambda": [ac_lambda_case("sgd"), ac_lambda_case("rmsprop")],
}))
