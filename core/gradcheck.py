"""Backprop gradients beside central finite differences, parameter by parameter.

    numeric_k = (E(p + h e_k) - E(p - h e_k)) / 2h
    relative difference = |backprop - numeric| / max(|backprop| + |numeric|, tiny)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network import Network
from core.notation import Param


@dataclass(frozen=True)
class Check:
    param: Param
    label: str
    backprop: float
    numeric: float

    @property
    def relative(self) -> float:
        scale = abs(self.backprop) + abs(self.numeric)
        return 0.0 if scale < 1e-300 else abs(self.backprop - self.numeric) / scale


def numeric_gradient(net: Network, X, Y, loss: str, reduction: str, h: float = 1e-6) -> np.ndarray:
    """Central differences of E for every slot of the flat parameter vector."""
    g = np.zeros_like(net.params)
    saved = net.params.copy()
    try:
        for k in range(net.params.size):
            net.params[k] = saved[k] + h
            up = net.loss(X, Y, loss, reduction)
            net.params[k] = saved[k] - h
            down = net.loss(X, Y, loss, reduction)
            net.params[k] = saved[k]
            g[k] = (up - down) / (2 * h)
    finally:
        net.params[...] = saved
    return g


def gradient_check(net: Network, X, Y, loss: str, reduction: str, h: float = 1e-6) -> list[Check]:
    """One Check per existing parameter, in the network's label order; ``net`` is unchanged."""
    backprop = net.gradient(X, Y, loss, reduction).flat
    numeric = numeric_gradient(net, X, Y, loss, reduction, h)
    return [Check(p, label, float(backprop[net.index(p)]), float(numeric[net.index(p)]))
            for label, p in net.labels().items()]
