"""The engine beside PyTorch (CPU, float64, one thread) and scikit-learn.

Same data, same initial weights, same learning rate. The engine and its
peers take turns in 15 rounds (a block of steps each per round), so a slow
spell of this shared machine slows all of them; each time is the median over
rounds of the mean time per step, and each ratio the median of the rounds'
ratios. Every row comes with the largest weight difference after 100
epochs, so a ratio only counts when the maths is the same.

    (a) one full-batch epoch, 200-point XOR, 2-2-1 sigmoid + cross-entropy
    (b) the same with 2-8-8-1 tanh (sigmoid output)
    (c) one per-sample SGD step on the 4-point XOR, 2-2-1
"""

from __future__ import annotations

import statistics
import time
import warnings

import numpy as np

from core import Network, Trainer, initialise
from core.datasets import xor, xor_corners

LR = 0.5


def interleaved(fns: dict, calls: dict, rounds: int = 15) -> dict:
    """Seconds per call of each fn: fns take turns, a block of ``calls[name]`` calls
    each per round, so that a slow spell of this shared machine hits all of them.
    Returns, per name, the median over rounds, and per pair the median of the
    per-round ratios (``'torch/engine'``...)."""
    for fn in fns.values():
        fn()
    per_round: dict = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            n = calls[name]
            t0 = time.perf_counter()
            for _ in range(n):
                fn()
            per_round[name].append((time.perf_counter() - t0) / n)
    out = {name: statistics.median(v) for name, v in per_round.items()}
    for name in fns:
        if name != "engine":
            out[f"{name}/engine"] = statistics.median(
                p / e for p, e in zip(per_round[name], per_round["engine"]))
    return out


def timed(fn, n: int, rounds: int = 7) -> float:
    """Median over rounds of the mean seconds per call of fn (called n times a round)."""
    return interleaved({"engine": fn}, {"engine": n}, rounds)["engine"]


def make_net(sizes: list[int], hidden: str) -> Network:
    net = Network(sizes, [hidden] * (len(sizes) - 2) + ["sigmoid"])
    return initialise(net, "xavier", seed=1, bias=0.1)


class TorchPeer:
    def __init__(self, net: Network, X, Y, batch: str) -> None:
        import torch

        torch.set_num_threads(1)
        self.torch = torch
        layers = []
        for l, act in enumerate(net.activations):
            lin = torch.nn.Linear(net.sizes[l], net.sizes[l + 1]).double()
            with torch.no_grad():
                lin.weight.copy_(torch.from_numpy(net.weights[l].T.copy()))
                lin.bias.copy_(torch.from_numpy(net.biases[l].copy()))
            layers.append(lin)
            if l < net.n_layers - 1:
                layers.append(torch.nn.Tanh() if act == "tanh" else torch.nn.Sigmoid())
        self.model = torch.nn.Sequential(*layers)  # logits out: the loss applies the sigmoid
        self.loss = torch.nn.BCEWithLogitsLoss()
        self.opt = torch.optim.SGD(self.model.parameters(), lr=LR)
        self.X, self.Y = torch.from_numpy(X), torch.from_numpy(Y)
        self.rows = [(self.X[i:i + 1], self.Y[i:i + 1]) for i in range(len(X))]
        self.i = 0
        self.batch = batch

    def step(self) -> None:
        if self.batch == "full":
            x, y = self.X, self.Y
        else:
            x, y = self.rows[self.i]
            self.i = (self.i + 1) % len(self.rows)
        self.opt.zero_grad()
        self.loss(self.model(x), y).backward()
        self.opt.step()

    def weights(self) -> list[np.ndarray]:
        lins = [m for m in self.model if isinstance(m, self.torch.nn.Linear)]
        return [m.weight.detach().numpy().T for m in lins] + [m.bias.detach().numpy() for m in lins]


class SklearnPeer:
    def __init__(self, net: Network, X, Y) -> None:
        from sklearn.neural_network import MLPClassifier

        hidden = tuple(net.sizes[1:-1])
        act = {"sigmoid": "logistic", "tanh": "tanh"}[net.activations[0]]
        self.clf = MLPClassifier(hidden_layer_sizes=hidden, activation=act, solver="sgd",
                                 momentum=0, alpha=0, batch_size=len(X), shuffle=False,
                                 learning_rate_init=LR, learning_rate="constant")
        self.X, self.y = X, Y[:, 0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.clf.partial_fit(self.X, self.y, classes=[0.0, 1.0])
        self.clf.coefs_ = [W.copy() for W in net.weights]
        self.clf.intercepts_ = [b.copy() for b in net.biases]

    def step(self) -> None:
        self.clf.partial_fit(self.X, self.y)

    def weights(self) -> list[np.ndarray]:
        return list(self.clf.coefs_) + list(self.clf.intercepts_)


def max_diff(net: Network, peer_weights: list[np.ndarray]) -> float:
    return max(float(np.abs(a - b).max()) for a, b in zip(net.weights + net.biases, peer_weights))


def case(name: str, sizes, hidden: str, data, batch: str, n: int, with_sklearn: bool) -> dict:
    X, Y = data
    row: dict = {"case": name}
    # agreement after 100 epochs, from the same initial weights
    net = make_net(sizes, hidden)
    t = Trainer(net, X, Y, loss="bce", reduction="mean", lr=LR, batch=batch)
    torch_peer = TorchPeer(net, X, Y, batch)
    sk = SklearnPeer(net, X, Y) if with_sklearn else None
    steps_per_epoch = 1 if batch == "full" else len(X)
    for _ in range(100):
        t.step_epoch()
        for _ in range(steps_per_epoch):
            torch_peer.step()
        if sk:
            sk.step()
    row["diff_torch"] = max_diff(net, torch_peer.weights())
    row["diff_sklearn"] = max_diff(net, sk.weights()) if sk else None
    # speed: fresh copies of everything, taking turns (engine epochs come 200 to a call)
    net = make_net(sizes, hidden)
    t = Trainer(net, X, Y, loss="bce", reduction="mean", lr=LR, batch=batch)
    epochs = 200 if batch == "full" else 1
    fns = {"engine": (lambda: t.run(max_epochs=epochs)) if batch == "full" else t.step_sample,
           "torch": TorchPeer(make_net(sizes, hidden), X, Y, batch).step}
    calls = {"engine": max(n // epochs, 1), "torch": n // 4}
    if with_sklearn:
        fns["sklearn"] = SklearnPeer(make_net(sizes, hidden), X, Y).step
        calls["sklearn"] = n // 20
    r = interleaved(fns, calls)
    row["engine_us"] = r["engine"] / epochs * 1e6
    row["torch_us"] = r["torch"] * 1e6
    row["vs_torch"] = r["torch/engine"] * epochs
    if with_sklearn:
        row["sklearn_us"] = r["sklearn"] * 1e6
        row["vs_sklearn"] = r["sklearn/engine"] * epochs
    return row


def run() -> list[dict]:
    xor200 = xor(200, seed=0)
    return [
        case("a: full-batch epoch, 200-pt XOR, 2-2-1 sigmoid", [2, 2, 1], "sigmoid", xor200,
             "full", 4000, True),
        case("b: full-batch epoch, 200-pt XOR, 2-8-8-1 tanh", [2, 8, 8, 1], "tanh", xor200,
             "full", 2000, True),
        case("c: per-sample step, 4-pt XOR, 2-2-1 sigmoid", [2, 2, 1], "sigmoid", xor_corners(),
             "sample", 8000, False),
    ]


def landscape_ms() -> dict:
    """A 60 x 60 loss landscape over (w5, w6) of the 2-2-1 XOR net, 200 points and 4 points."""
    from core.landscape import landscape

    out = {}
    for name, (X, Y) in (("xor200", xor(200, seed=0)), ("xor4", xor_corners())):
        net = make_net([2, 2, 1], "sigmoid")
        params = [net.resolve("w5"), net.resolve("w6")]
        out[name] = timed(lambda net=net, X=X, Y=Y, params=params:
                          landscape(net, X, Y, "bce", "mean", params, 3.0, 60), 10) * 1e3
    return out
