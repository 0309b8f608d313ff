"""One sample's forward and backward pass in plain Python floats.

For a single sample, numpy's fixed cost per call (about a microsecond, some
twenty calls a step) outweighs the arithmetic of a small network many times
over. ``ScalarKernel`` does the same sums as ``core.kernel`` with Python
floats, for per-sample steps of networks of up to ``MAX_PARAMS`` parameters:

    a_j = b_j + sum_i z_i w_ij,   z'_j = f(a_j)
    delta_j = dE/da_j,   dE/db_j = delta_j,   dE/dw_ij = z_i delta_j
    delta_i (one layer down) = f'(a_i) sum_j w_ij delta_j

It covers the elementwise activations of ``FUNCTIONS`` and the losses
half_sse, mse and bce; anything else (softmax, cce) uses ``core.kernel``.
The tests hold the two kernels equal.
"""

from __future__ import annotations

import math

import numpy as np

from core.activations import ELU_ALPHA, LEAKY_SLOPE, SELU_ALPHA, SELU_LAMBDA
from core.losses import Loss
from core.network import Network

Array = np.ndarray
MAX_PARAMS = 256  # beyond this the arithmetic outweighs numpy's cost per call


def _sigmoid(a: float) -> float:
    if a >= 0.0:
        return 1.0 / (1.0 + math.exp(-a))
    e = math.exp(a)  # no overflow for a << 0
    return e / (1.0 + e)


def _softplus(a: float) -> float:
    return max(a, 0.0) + math.log1p(math.exp(-abs(a)))


def _elu(alpha: float, scale: float):
    return (lambda a: scale * (a if a > 0.0 else alpha * math.expm1(a)),
            lambda a, z: scale if a > 0.0 else alpha * scale * math.exp(a))


#: name -> (f(a), f'(a) given a and z = f(a))
FUNCTIONS = {
    "linear": (lambda a: a, lambda a, z: 1.0),
    "sigmoid": (_sigmoid, lambda a, z: z - z * z),
    "tanh": (math.tanh, lambda a, z: 1.0 - z * z),
    "relu": (lambda a: a if a > 0.0 else 0.0, lambda a, z: 1.0 if a > 0.0 else 0.0),
    "leaky_relu": (lambda a: a if a > 0.0 else LEAKY_SLOPE * a,
                   lambda a, z: 1.0 if a > 0.0 else LEAKY_SLOPE),
    "elu": _elu(ELU_ALPHA, 1.0),
    "selu": _elu(SELU_ALPHA, SELU_LAMBDA),
    "softplus": (_softplus, lambda a, z: _sigmoid(a)),
}
LOSSES = ("half_sse", "mse", "bce")


#: inline templates (a: pre-activation, z: output); others call the functions above
INLINE_F = {
    "linear": "{a}",
    "sigmoid": "(1.0 / (1.0 + exp(-{a})) if {a} >= 0.0 else (e := exp({a})) / (1.0 + e))",
    "tanh": "tanh({a})",
    "relu": "({a} if {a} > 0.0 else 0.0)",
}
INLINE_DF = {"linear": "1.0", "sigmoid": "({z} - {z} * {z})", "tanh": "(1.0 - {z} * {z})",
             "relu": "(1.0 if {a} > 0.0 else 0.0)"}


def source(net: Network, loss: str) -> str:
    """Python source of ``gradient(p, x, y) -> (E, dE/dp)`` for one sample of ``net``:
    straight-line code, one line per sum, named as in the equations above
    (a1_0: neuron 0 of layer 1; d: delta; g: the gradient list, flat layout)."""
    L, P = net.n_layers, net.params.size
    acts = net.activations
    out = ["def gradient(p, x, y):"]
    put = out.append

    def f(l, a):
        t = INLINE_F.get(acts[l])
        return t.format(a=a) if t else f"f{l}({a})"

    def df(l, a, z):
        t = INLINE_DF.get(acts[l])
        return t.format(a=a, z=z) if t else f"df{l}({a}, {z})"

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
    if loss == "bce":  # E = softplus(a) - y a, delta = yhat - y
        put("    E = " + " + ".join(f"softplus({a_s[-1][k]}) - y[{k}] * {a_s[-1][k]}"
                                    for k in range(K)))
        for k in range(K):
            put(f"    d{L}_{k} = {zs[-1][k]} - y[{k}]")
    else:  # E = c/2 sum (yhat - y)^2, dE/dyhat = c (yhat - y); c = 1 (half_sse), 2 (mse)
        c = 1.0 if loss == "half_sse" else 2.0
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
        return (net.params.size <= MAX_PARAMS and loss.name in LOSSES
                and all(a in FUNCTIONS for a in net.activations))

    def __init__(self, net: Network, loss: Loss, grad: Array) -> None:
        self.params, self.grad = net.params, grad
        K = net.sizes[-1]
        self.Zt = [np.ones((net.sizes[0] + 1, 1))]  # shuffled samples are copied here
        self.Y, self.V = np.empty((K, 1)), np.empty((2 * K, 1))
        self.source = source(net, loss.name)
        names = {"exp": math.exp, "tanh": math.tanh, "softplus": _softplus}
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
