"""Accuracy, confusion matrix and R², from outputs and targets.

    classes: y >= 0.5 for one output, argmax for several
    confusion[i, j] = number of samples of true class i predicted as class j
    R² = 1 - Σ (y - ŷ)² / Σ (y - ȳ)²     (per output, averaged)
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray


def classes(Y: Array) -> Array:
    Y = np.atleast_2d(Y)
    return (Y[:, 0] >= 0.5).astype(int) if Y.shape[1] == 1 else Y.argmax(axis=1)


def confusion(yhat: Array, y: Array) -> Array:
    """(K, K) counts, K = 2 for one output, else the number of outputs."""
    K = 2 if np.atleast_2d(y).shape[1] == 1 else np.atleast_2d(y).shape[1]
    m = np.zeros((K, K), dtype=int)
    np.add.at(m, (classes(y), classes(yhat)), 1)
    return m


def accuracy(yhat: Array, y: Array) -> float:
    return float((classes(yhat) == classes(y)).mean())


def r2(yhat: Array, y: Array) -> float:
    """Coefficient of determination, averaged over outputs (nan when y is constant)."""
    yhat, y = np.atleast_2d(yhat), np.atleast_2d(y)
    ss_res = ((y - yhat) ** 2).sum(axis=0)
    ss_tot = ((y - y.mean(axis=0)) ** 2).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.mean(1.0 - ss_res / ss_tot))
