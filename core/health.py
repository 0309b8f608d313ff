"""Training health: how each layer's gradient, weights and activations are doing.

    gradient_norms(net, X, Y, loss, reduction) -> (L,)   ‖∂E/∂W_l‖ (weights and biases of
                                                         weight layer l, Frobenius norm)
    neuron_states(net, X[, p]) -> {(layer, i): (state, share)} hidden neurons that are
        'saturated': sigmoid or tanh with |a| > SATURATION (the activation's argument)
                     on more than MOST of the samples, where its slope is ~0
        'dead':      ReLU with output 0 on every sample: no gradient reaches it
    histogram(values, lo, hi, bins) -> (bins,)            counts over fixed bins
    explosion(net, X, Y, loss, reduction) -> text         which layer's gradient is largest
                                                         (non-finite counts as largest)

Layers are weight layers 0 .. L-1 (layer l maps neuron layer l to l + 1); neurons
are addressed (neuron layer, index) as on the canvas.
"""

from __future__ import annotations

import math

import numpy as np

from core.network import Network
from core.text import QT_TRANSLATE_NOOP, Text

SATURATION = 4.0  # |a| beyond this: sigmoid' < 0.018, tanh' < 0.0014
MOST = 0.5  # saturated on more than half the samples
SQUASHING = ("sigmoid", "tanh")


def gradient_norms(net: Network, X: np.ndarray, Y: np.ndarray, loss: str, reduction: str
                   ) -> np.ndarray:
    """‖∂E/∂W_l‖ of every weight layer (its weights and biases), on (X, Y)."""
    with np.errstate(all="ignore"):
        g = net.gradient(X, Y, loss, reduction)
        return np.array([math.sqrt(float(np.vdot(B, B))) for B in net.layer_views(g.flat)])


def neuron_states(net: Network, X: np.ndarray, p=None) -> dict[tuple[int, int], tuple[str, float]]:
    """Hidden neurons that are saturated or dead on X, with the share of samples it holds
    for (1.0 for a dead ReLU); ``p``: X's forward pass, if made already."""
    if p is None:
        with np.errstate(all="ignore"):
            p = net.forward(X)
    out = {}
    for l, act in enumerate(net.activations[:-1]):  # hidden layers only
        a, z = p.a[l], p.z[l + 1]
        if act in SQUASHING:
            share = (np.abs(a) > SATURATION).mean(axis=0)
            for i in np.flatnonzero(share > MOST):
                out[(l + 1, int(i))] = ("saturated", float(share[i]))
        elif act == "relu":
            for i in np.flatnonzero((z == 0).all(axis=0)):
                out[(l + 1, int(i))] = ("dead", 1.0)
    return out


def histogram(values: np.ndarray, lo: float, hi: float, bins: int) -> np.ndarray:
    """Counts of the finite values in ``bins`` equal bins from lo to hi (values outside
    go to the end bins: a histogram over time keeps its scale)."""
    v = np.asarray(values, dtype=float).ravel()
    v = np.clip(v[np.isfinite(v)], lo, hi)
    return np.histogram(v, bins=bins, range=(lo, hi))[0]


def explosion(net: Network, X: np.ndarray, Y: np.ndarray, loss: str, reduction: str) -> Text:
    """Which weight layer's gradient is largest at the current weights (the one that
    blows up first when training diverges), with every layer's norm."""
    norms = gradient_norms(net, X, Y, loss, reduction)
    key = np.where(np.isfinite(norms), norms, np.inf)
    worst = int(np.argmax(key))
    listed = ", ".join(f"{n:.3g}" for n in norms)
    return QT_TRANSLATE_NOOP("health", "the gradient of weight layer {0} exploded first (‖∂E/∂W‖ "
                                       "by layer: {1})").format(worst + 1, listed)
