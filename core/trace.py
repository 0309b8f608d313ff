"""One sample's training step, recorded number by number for the lecture view.

For a sample (x, y) and plain gradient descent with learning rate lr:

    forward    a[l] = z[l] @ W[l] + b[l],  z[l+1] = f_l(a[l])
    error      E = loss(z[L], y)
    output     delta_j = dE/dyhat_j * f'(a_j)      (yhat_j - y_j for sigmoid+bce, softmax+cce)
    hidden     delta_j = (sum_k w_jk delta_k) * f'(a_j)
    gradient   dE/dw_ij = delta_j * z_i,   dE/db_j = delta_j
    update     w <- w - lr * dE/dw          (frozen parameters keep their value)

Every array here is for one sample: shape (n,) for a layer of n neurons.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.losses import get_loss
from core.network import Network
from core.notation import Param
from core.text import QT_TRANSLATE_NOOP

Array = np.ndarray


@dataclass(frozen=True)
class ParamStep:
    """One parameter's gradient dE/dp = delta * source and its update."""

    param: Param
    label: str
    delta: float  # delta of the target neuron
    source: float  # z_i of the source neuron (1 for a bias)
    grad: float
    old: float
    new: float
    frozen: bool


@dataclass(frozen=True)
class StepTrace:
    x: Array
    y: Array
    a: list[Array]  # pre-activations per weight layer
    z: list[Array]  # z[0] = x ... z[L] = yhat
    loss: float
    loss_terms: Array  # per output neuron
    dE_dyhat: Array | None  # None when the delta simplifies (sigmoid+bce, softmax+cce)
    fprime: list[Array | None]  # f'(a) per layer (None for softmax)
    backprop: list[Array | None]  # sum_k w_jk delta_k per layer (None for the output layer)
    deltas: list[Array]
    params: list[ParamStep]
    lr: float
    neuron_names: list[list[str]]

    def param(self, label: str) -> ParamStep:
        for p in self.params:
            if p.label == label:
                return p
        raise KeyError(label)


def trace_step(net: Network, x, y, loss: str, lr: float, reduction: str = "sum",
               notation: str | None = None) -> StepTrace:
    """Record one gradient-descent step on sample (x, y) without changing ``net``."""
    with np.errstate(all="ignore"):  # a diverged network traces to inf/nan, without warnings
        return _trace(net, x, y, loss, lr, reduction, notation)


def _trace(net: Network, x, y, loss: str, lr: float, reduction: str, notation: str | None
           ) -> StepTrace:
    lossf = get_loss(loss)
    p = net.forward(x)
    if p.output.shape[0] != 1:
        raise ValueError(QT_TRANSLATE_NOOP("trace", "a trace is for one sample; got several"))
    g = net.backward(p, y, loss, reduction)
    Y = net.check_targets(y, lossf, 1)
    yhat, L = p.output, net.n_layers
    fprime: list[Array | None] = []
    for l, act in enumerate(net.acts):
        fprime.append(act.df(p.a[l], p.z[l + 1], np.empty_like(p.a[l]))[0]
                      if act.elementwise and act.df is not None else None)
    dE = None if lossf.output else lossf.grad(yhat, Y, np.empty_like(yhat))[0]
    backprop = [(g.deltas[l + 1] @ net.weights[l + 1].T)[0] if l < L - 1 else None
                for l in range(L)]
    labels = {q: k for k, q in net.labels(notation).items()}
    steps = []
    for q, k in net.indices().items():  # every parameter and its place in the flat vector
        d = float(g.deltas[q.layer][0, q.target])
        src = 1.0 if q.is_bias else float(p.z[q.layer][0, q.source])
        grad = float(g.flat[k])
        old = float(net.params[k])
        frozen = bool(net.frozen[k])
        steps.append(ParamStep(q, labels[q], d, src, grad, old,
                               old if frozen else old - lr * grad, frozen))
    per_output = lossf.elements(yhat, Y, p.a[-1])[0]
    return StepTrace(p.z[0][0], Y[0], [a[0] for a in p.a], [z[0] for z in p.z], g.loss,
                     per_output, dE, fprime, backprop, [d[0] for d in g.deltas], steps, lr,
                     net.neuron_names(notation))
