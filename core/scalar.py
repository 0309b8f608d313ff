"""One sample's forward and backward pass in plain Python floats.

For a single sample, numpy's fixed cost per call (about a microsecond, some
twenty calls a step) outweighs the arithmetic of a small network many times
over. ``ScalarKernel`` does the same sums as ``core.kernel`` with Python
floats, for per-sample steps of networks of up to ``MAX_PARAMS`` parameters:

    a_j = b_j + sum_i z_i w_ij,   z'_j = f(a_j)
    delta_j = dE/da_j,   dE/db_j = delta_j,   dE/dw_ij = z_i delta_j
    delta_i (one layer down) = f'(a_i) sum_j w_ij delta_j

It covers every activation whose registry entry (``core.activations``) has
float versions, and the squared-error and binary cross-entropy losses;
anything else (softmax, cce) uses ``core.kernel``.
The tests hold the two kernels equal.
"""

from __future__ import annotations

import math

import numpy as np

from core.activations import ACTIVATIONS, softplus1
from core.losses import Loss, get_loss
from core.network import Network

Array = np.ndarray
MAX_PARAMS = 256  # beyond this the arithmetic outweighs numpy's cost per call

#: name -> (f(a), f'(a, z)) on floats, for every activation that has them (the registry's)
FUNCTIONS = {n: a.scalar for n, a in ACTIVATIONS.items() if a.scalar is not None}


def covers(loss: Loss) -> bool:
    """Squared errors (dE/dyhat = c (yhat - y)) and binary cross-entropy from the logits."""
    return loss.grad_scale > 0 or loss.output == "sigmoid"


def source(net: Network, loss: str) -> str:
    """Python source of ``gradient(p, x, y) -> (E, dE/dp)`` for one sample of ``net``:
    straight-line code, one line per sum, named as in the equations above
    (a1_0: neuron 0 of layer 1; d: delta; g: the gradient list, flat layout)."""
    L, P = net.n_layers, net.params.size
    acts = net.activations
    out = ["def gradient(p, x, y):"]
    put = out.append

    inline = [ACTIVATIONS[name].inline for name in acts]

    def f(l, a):
        return inline[l][0].format(a=a) if inline[l] else f"f{l}({a})"

    def df(l, a, z):
        return inline[l][1].format(a=a, z=z) if inline[l] else f"df{l}({a}, {z})"

    def w(l, i, j):  # index of W[l][i, j] (i = 0 is the bias row) in the flat vector
        return net.offsets[l] + i * net.sizes[l + 1] + j

    z = [f"x[{i}]" for i in range(net.sizes[0])]
    zs, a_s = [z], []
    for l in range(L):
        a_l, z_l = [], []
        for j in range(net.sizes[l + 1]):
            terms = [f"p[{w(l, 0, j)}]"] if net.use_bias[l] else []
            terms += [f"{zi} * p[{w(l, i + 1, j)}]" for i, zi in enumerate(z)]
            put(f"    a{l + 1}_{j} = {' + '.join(terms)}")
            put(f"    z{l + 1}_{j} = {f(l, f'a{l + 1}_{j}')}")
            a_l.append(f"a{l + 1}_{j}")
            z_l.append(f"z{l + 1}_{j}")
        a_s.append(a_l)
        zs.append(z_l)
        z = z_l
    K = net.sizes[-1]
    lossf = get_loss(loss)
    if lossf.output == "sigmoid":  # bce: E = softplus(a) - y a, delta = yhat - y
        put("    E = " + " + ".join(f"softplus({a_s[-1][k]}) - y[{k}] * {a_s[-1][k]}"
                                    for k in range(K)))
        for k in range(K):
            put(f"    d{L}_{k} = {zs[-1][k]} - y[{k}]")
    else:  # E = c/2 sum (yhat - y)^2, dE/dyhat = c (yhat - y); c = 1 (half_sse), 2 (mse)
        c = lossf.grad_scale
        for k in range(K):
            put(f"    r{k} = {zs[-1][k]} - y[{k}]")
        put(f"    E = {0.5 * c!r} * (" + " + ".join(f"r{k} * r{k}" for k in range(K)) + ")")
        for k in range(K):
            put(f"    d{L}_{k} = {c!r} * r{k} * {df(L - 1, a_s[-1][k], zs[-1][k])}")
    g = ["0.0"] * P
    for l in range(L - 1, -1, -1):
        for j in range(net.sizes[l + 1]):
            if net.use_bias[l]:
                g[w(l, 0, j)] = f"d{l + 1}_{j}"
            for i, zi in enumerate(zs[l]):
                g[w(l, i + 1, j)] = f"{zi} * d{l + 1}_{j}"
        if l:
            for i in range(net.sizes[l]):
                back = " + ".join(f"p[{w(l, i + 1, j)}] * d{l + 1}_{j}"
                                  for j in range(net.sizes[l + 1]))
                put(f"    d{l}_{i} = ({back}) * {df(l - 1, a_s[l - 1][i], zs[l][i])}")
    put("    return E, [" + ", ".join(g) + "]")
    return "\n".join(out) + "\n"


class ScalarKernel:
    """``core.kernel.Kernel``'s interface for batches of one sample."""

    n = 1

    @staticmethod
    def fits(net: Network, loss: Loss) -> bool:
        return (net.params.size <= MAX_PARAMS and covers(loss)
                and all(a in FUNCTIONS for a in net.activations))

    def __init__(self, net: Network, loss: Loss, grad: Array) -> None:
        self.params, self.grad = net.params, grad
        K = net.sizes[-1]
        self.Zt = [np.ones((net.sizes[0] + 1, 1))]  # shuffled samples are copied here
        self.Y, self.V = np.empty((K, 1)), np.empty((2 * K, 1))
        self.source = source(net, loss.name)
        names = {"exp": math.exp, "tanh": math.tanh, "softplus": softplus1}
        for l, act in enumerate(net.activations):
            names[f"f{l}"], names[f"df{l}"] = FUNCTIONS[act]
        exec(compile(self.source, f"<gradient of {net!r}>", "exec"), names)  # noqa: S102
        self._gradient = names["gradient"]

    def loss_sum(self, Zin: Array, Y: Array, V: Array) -> float:
        """The loss of the sample Zin = [1; x] (a column) with targets Y."""
        return self._gradient(self.params.tolist(), Zin[1:, 0].tolist(), Y[:, 0].tolist())[0]

    def gradient(self, Zin: Array, Y: Array, V: Array) -> float:
        """Fills ``grad`` with dE/dparams of the sample Zin = [1; x] (a column) and
        returns its loss; a non-finite loss is returned at once, ``grad`` unchanged."""
        total, g = self._gradient(self.params.tolist(), Zin[1:, 0].tolist(),
                                  Y[:, 0].tolist())
        if math.isfinite(total):
            self.grad[:] = g
        return total
