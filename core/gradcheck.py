"""Backprop gradients beside central finite differences, parameter by parameter.

    numeric_k = (E(p + h e_k) - E(p - h e_k)) / 2h
    relative difference = |backprop - numeric| / max(|backprop| + |numeric|, tiny)
    rounding noise ≈ ε·|E| / h      (E's last bits, divided by 2h, from both ends)

A gradient as small as the noise has a relative difference of any size: on a 2-64-64-64-1
net, ∂E/∂w = 1.2e-8 differed by 5e-11 (relative 2e-3) from a correct backprop.
"""

from __future__ import annotations

import time
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


RTOL = 1e-5  # a relative difference below this: agreement


def rounding_noise(E: float, h: float = 1e-6) -> float:
    """About how far a central difference can be off through E's rounding alone."""
    return float(np.finfo(float).eps * abs(E) / h)


def agrees(checks: list[Check], E: float, h: float = 1e-6) -> bool:
    """Whether every difference is small: relatively, or within ten times the rounding
    noise (so a gradient that is nearly zero does not raise a false alarm)."""
    noise = 10 * rounding_noise(E, h)
    return all(c.relative < RTOL or abs(c.backprop - c.numeric) <= noise for c in checks)


class NumericGradient:
    """The central differences of E, slot by slot, in parts: ``run(seconds)`` works through
    the flat parameter vector until the time is up, so a window stays live (the 2-64-64-64-1
    net on 1,000 samples takes ~35 s). It differentiates a copy of ``net``: the caller's
    may train meanwhile. ``g`` holds slots ``0 .. k-1``; ``done`` once all are."""

    def __init__(self, net: Network, X, Y, loss: str, reduction: str, h: float = 1e-6) -> None:
        self.net, self.X, self.Y, self.loss, self.reduction, self.h = net.copy(), X, Y, loss, reduction, h
        self.saved = self.net.params.copy()
        self.E = float(self.net.loss(X, Y, loss, reduction))  # at the weights checked
        self.g = np.zeros_like(self.saved)
        self.k = 0

    @property
    def done(self) -> bool:
        return self.k >= self.g.size

    def run(self, seconds: float | None = None) -> bool:
        """Slots until ``seconds`` have passed (None: all of them); whether all are done."""
        end = None if seconds is None else time.perf_counter() + seconds
        p, saved, h = self.net.params, self.saved, self.h
        while self.k < p.size:
            k = self.k
            p[k] = saved[k] + h
            up = self.net.loss(self.X, self.Y, self.loss, self.reduction)
            p[k] = saved[k] - h
            down = self.net.loss(self.X, self.Y, self.loss, self.reduction)
            p[k] = saved[k]
            self.g[k] = (up - down) / (2 * h)
            self.k += 1
            if end is not None and time.perf_counter() >= end:
                break
        return self.done


def numeric_gradient(net: Network, X, Y, loss: str, reduction: str, h: float = 1e-6) -> np.ndarray:
    """Central differences of E for every slot of the flat parameter vector."""
    numeric = NumericGradient(net, X, Y, loss, reduction, h)
    numeric.run()
    return numeric.g


def checks(net: Network, backprop: np.ndarray, numeric: np.ndarray) -> list[Check]:
    """One Check per existing parameter of ``net``, in its label order, from the two flat
    gradients (shape (P,) each)."""
    return [Check(p, label, float(backprop[net.index(p)]), float(numeric[net.index(p)]))
            for label, p in net.labels().items()]


def gradient_check(net: Network, X, Y, loss: str, reduction: str, h: float = 1e-6) -> list[Check]:
    """One Check per existing parameter, in the network's label order; ``net`` is unchanged."""
    backprop = net.gradient(X, Y, loss, reduction).flat
    return checks(net, backprop, numeric_gradient(net, X, Y, loss, reduction, h))
