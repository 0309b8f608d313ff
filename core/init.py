"""Initialisation of a network's weights and biases from an explicit seed.

For layer l with fan_in = n_l and fan_out = n_(l+1), every weight is drawn
from ``numpy.random.default_rng(seed)`` and then multiplied by ``scale``:

    uniform   U(-1, 1)
    normal    N(0, 1)
    xavier    U(-r, r), r = sqrt(6 / (fan_in + fan_out))      (Glorot)
    he        N(0, 2 / fan_in)
    zeros     0  (every hidden unit stays identical: the symmetry lesson)

Biases are set to the constant ``bias`` (note 003: scale 0.1, bias 0.05).
Frozen parameters keep their values.
"""

from __future__ import annotations

import numpy as np

from core.checks import choice, real, whole
from core.network import Network
from core.text import QT_TRANSLATE_NOOP

SCHEMES = ("uniform", "normal", "xavier", "he", "zeros")


def initialise(net: Network, scheme: str = "xavier", seed: int = 0,
               scale: float = 1.0, bias: float = 0.0) -> Network:
    """Draw new parameters for ``net`` in place and return it."""
    choice(scheme, QT_TRANSLATE_NOOP("init", "initialisation scheme"), SCHEMES)
    seed = whole(seed, "seed")
    scale, bias = real(scale, "scale"), real(bias, "bias")
    rng = np.random.default_rng(seed)
    fresh = np.zeros_like(net.params)
    for l, B in enumerate(net.layer_views(fresh)):
        fan_in, fan_out = B.shape[0] - 1, B.shape[1]
        shape = (fan_in, fan_out)
        if scheme == "uniform":
            W = rng.uniform(-1.0, 1.0, shape)
        elif scheme == "normal":
            W = rng.standard_normal(shape)
        elif scheme == "xavier":
            r = np.sqrt(6.0 / (fan_in + fan_out))
            W = rng.uniform(-r, r, shape)
        elif scheme == "he":
            W = rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)
        else:
            W = np.zeros(shape)
        B[1:] = W * scale
        B[0] = bias if net.use_bias[l] else 0.0
    keep = net.frozen
    net.params[~keep] = fresh[~keep]
    return net
