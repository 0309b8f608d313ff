"""The loss over a grid of values of one or two parameters, all others held.

Every grid point is a copy of the network that differs only in the chosen
parameters; the G copies run as one batched forward pass (weights stacked
to (G, n_in + 1, n_out), activations (G, N, n)), so there is no Python loop
over grid points:

    E[g] = R_n loss(f(... f([1, X] @ B_0[g]) ...), Y)      g = 0 .. G-1
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.losses import get_loss
from core.network import Network, as_batch
from core.notation import Param
from core.text import QT_TRANSLATE_NOOP

Array = np.ndarray


@dataclass
class Landscape:
    params: list[Param]
    axes: list[Array]  # the values tried for each parameter
    loss: Array  # (n,) for one parameter, (n1, n0) for two (rows: the second parameter)
    centre: list[float]  # the current values
    gradient: list[float]  # dE/dp at the current values


def batched_loss(net: Network, X, Y, loss: str, reduction: str, flats: Array) -> Array:
    """E for each row of ``flats`` (G, P), a full parameter vector per grid point."""
    lossf = get_loss(loss)
    X = as_batch(X, net.sizes[0])
    Y = net.check_targets(Y, lossf, len(X))
    N, last = len(X), net.n_layers - 1
    # layers below the first one whose parameters vary over the grid are the same for
    # every grid point: they run once (a batch of 1) and broadcast from there
    varies = np.flatnonzero((flats != flats[0]).any(axis=0))
    first = last if not varies.size else \
        min(last, int(np.searchsorted(net.offsets, varies[0], side="right")) - 1)
    z = X[None, :, :]
    with np.errstate(all="ignore"):  # so the fast activations may overflow harmlessly
        for l, act in enumerate(net.acts):
            rows = flats[:1] if l < first else flats
            B = rows[:, net.offsets[l]:net.offsets[l + 1]].reshape(len(rows), net.sizes[l] + 1,
                                                                  net.sizes[l + 1])
            a = z @ B[:, 1:, :]
            if net.use_bias[l]:
                a += B[:, :1, :]
            if l < last or not lossf.output:  # a cross-entropy needs only the logits a
                z = act.fast(a, np.empty_like(a))
        e = lossf.elements(z, Y, a).sum(axis=(1, 2))
    return e / N if reduction == "mean" else e


def landscape(net: Network, X, Y, loss: str, reduction: str, params: list[Param],
              span: float = 2.0, n: int = 60) -> Landscape:
    """E over ``n`` (or n x n) values within ±span of the current value of one or two
    parameters; the network is not changed."""
    if not 1 <= len(params) <= 2:
        raise ValueError(QT_TRANSLATE_NOOP("landscape", "choose one or two parameters"))
    if not (2 <= n <= 400 and np.isfinite(span) and span > 0):
        raise ValueError(QT_TRANSLATE_NOOP("landscape", "the grid needs 2 to 400 points a side and a "
                                                        "positive span"))
    idx = [net.index(p) for p in params]
    centre = [float(net.params[k]) for k in idx]
    axes = [np.linspace(c - span, c + span, n) for c in centre]
    for p, c, a in zip(params, centre, axes):
        if not (np.isfinite(a).all() and np.all(np.diff(a) > 0)):  # ±span lost in rounding
            raise ValueError(QT_TRANSLATE_NOOP("landscape", "{0} = {1:.3g} is too large to vary "
                                                            "by ±{2:g}").format(net.label(p), c, span))
    grids = np.meshgrid(*axes) if len(axes) == 2 else [axes[0]]
    flats = np.repeat(net.params[None, :], grids[0].size, axis=0)
    for k, g in zip(idx, grids):
        flats[:, k] = g.ravel()
    e = batched_loss(net, X, Y, loss, reduction, flats).reshape(grids[0].shape)
    grad = net.gradient(X, Y, loss, reduction).flat  # (inf or nan for a diverged net)
    return Landscape(list(params), axes, e, centre, [float(grad[k]) for k in idx])
