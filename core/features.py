"""Network inputs as a function of the data: the one place that maps data points to
what the first layer sees (TensorFlow Playground's ``constructInput``).

Plots work in data coordinates (x1, x2); the network sees ``features(points)``.
Every forward pass from data or from a grid goes through a Features object, so
inputs such as x1·x2 or sin x1 are one new map here, not a change in every view.
Today's map is the identity: the network sees the data as it is.

    points (N, d)  --features-->  inputs (N, n_0)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network import as_batch

Array = np.ndarray


@dataclass(frozen=True)
class Features:
    """The map from data points with ``d`` coordinates to network inputs named ``names``."""

    d: int
    names: tuple[str, ...]

    @classmethod
    def identity(cls, d: int) -> Features:
        """x1 .. xd as they are."""
        return cls(d, tuple(f"x{i + 1}" for i in range(d)))

    @property
    def n_inputs(self) -> int:
        return len(self.names)

    def __call__(self, points) -> Array:
        """Network inputs (N, n_inputs) for data points (N, d) (one point: (d,))."""
        return as_batch(points, self.d, "data points")
