"""Toy data sets from an explicit numpy Generator.

Each function returns (X, Y): X (N, 2) float64 inputs, Y (N, 1) targets in
{0, 1} (or (N, k) one-hot for ``blobs``; (N, 1) real values for ``sine``, ``plane``
and ``gauss``; ``sine``'s X is (N, 1)).
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray


def xor_corners() -> tuple[Array, Array]:
    """The 4-point XOR of exercise 004."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    return X, np.array([[0.0], [1.0], [1.0], [0.0]])


def xor(n: int = 200, noise: float = 0.15, seed: int = 0) -> tuple[Array, Array]:
    """n points in four clouds around the XOR corners, labelled by their corner."""
    rng = np.random.default_rng(seed)
    corner = rng.integers(0, 2, (n, 2)).astype(float)
    X = corner + rng.normal(0.0, noise, (n, 2))
    return X, (corner[:, :1] != corner[:, 1:]).astype(float)


def circle(n: int = 200, noise: float = 0.05, seed: int = 0) -> tuple[Array, Array]:
    """Inside (1) or outside (0) a circle of radius 0.5 in [-1, 1]^2."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (n, 2))
    r = np.hypot(X[:, 0], X[:, 1]) + rng.normal(0.0, noise, n)
    return X, (r < 0.5).astype(float)[:, None]


def gaussians(n: int = 200, noise: float = 0.3, seed: int = 0) -> tuple[Array, Array]:
    """Two Gaussian clouds around (-0.5, -0.5) (class 0) and (0.5, 0.5) (class 1)."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n).astype(float)
    X = (y[:, None] - 0.5) + rng.normal(0.0, noise, (n, 2))
    return X, y[:, None]


def spiral(n: int = 200, noise: float = 0.05, seed: int = 0) -> tuple[Array, Array]:
    """Two interleaved spirals."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    t = np.linspace(0.0, 1.0, n) * 3 * np.pi + 0.3
    r = t / (3 * np.pi)
    X = np.stack([r * np.cos(t + np.pi * y), r * np.sin(t + np.pi * y)], axis=1)
    return X + rng.normal(0.0, noise, (n, 2)), y.astype(float)[:, None]


def stripe(n: int = 200, noise: float = 0.0, seed: int = 0) -> tuple[Array, Array]:
    """Exercise 004's two-boundary set: class 1 between two parallel lines."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (n, 2))
    s = X[:, 0] + X[:, 1] + rng.normal(0.0, noise, n)
    return X, (np.abs(s) < 0.5).astype(float)[:, None]


def blobs(n: int = 240, noise: float = 0.35, seed: int = 0, k: int = 3) -> tuple[Array, Array]:
    """k Gaussian blobs on a circle of radius 1; Y is one-hot (n, k)."""
    rng = np.random.default_rng(seed)
    c = rng.integers(0, k, n)
    angle = 2 * np.pi * c / k
    X = np.stack([np.cos(angle), np.sin(angle)], axis=1) + rng.normal(0.0, noise, (n, 2))
    return X, np.eye(k)[c]


def sine(n: int = 60, noise: float = 0.05, seed: int = 0) -> tuple[Array, Array]:
    """1-D regression: y = sin(pi x) + noise for x in [-1, 1]; X (n, 1), Y (n, 1)."""
    rng = np.random.default_rng(seed)
    X = np.sort(rng.uniform(-1.0, 1.0, n))[:, None]
    return X, np.sin(np.pi * X) + rng.normal(0.0, noise, (n, 1))


def plane(n: int = 200, noise: float = 0.0, seed: int = 0) -> tuple[Array, Array]:
    """2-D regression (TensorFlow Playground's "plane"): x uniform in [-1, 1]^2,
    y = (x1 + x2) / 2 + noise; X (n, 2), Y (n, 1) in [-1, 1]."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (n, 2))
    return X, (X.sum(axis=1, keepdims=True) / 2) + rng.normal(0.0, noise, (n, 1))


#: TensorFlow Playground's "gauss" bumps, its 6-unit plane scaled to ours: (x1, x2, sign)
BUMPS = ((-4 / 6, 2.5 / 6, 1.0), (0.0, 2.5 / 6, -1.0), (4 / 6, 2.5 / 6, 1.0),
         (-4 / 6, -2.5 / 6, -1.0), (0.0, -2.5 / 6, 1.0), (4 / 6, -2.5 / 6, -1.0))


def gauss(n: int = 200, noise: float = 0.0, seed: int = 0) -> tuple[Array, Array]:
    """2-D regression (TensorFlow Playground's "gauss"): six bumps of height ±1 falling
    linearly to 0 at distance 1/3 from their centres; at each point the tallest bump
    counts. x uniform in [-1, 1]^2; X (n, 2), Y (n, 1) in [-1, 1]."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (n, 2))
    bumps = np.array(BUMPS)
    d = np.hypot(X[:, None, 0] - bumps[:, 0], X[:, None, 1] - bumps[:, 1])  # (n, 6)
    heights = bumps[:, 2] * np.clip(1.0 - 3.0 * d, 0.0, 1.0)
    tallest = np.abs(heights).argmax(axis=1)
    y = heights[np.arange(n), tallest] + rng.normal(0.0, noise, n)
    return X, y[:, None]


def nearest(X: Array, point) -> int:
    """The row of X (N, d) nearest ``point`` (d,), each input measured in its own spread
    (standard deviation; a constant input in its units): no input's units outweigh another's.

        argmin_n  sum_k ((X[n, k] - point[k]) / std_k)^2
    """
    spread = X.std(axis=0)
    spread[spread == 0] = 1.0
    return int(np.argmin((((X - np.asarray(point, dtype=float)) / spread) ** 2).sum(axis=1)))
