"""Loss functions: name -> Loss(value, gradient).

A loss is a sum over the output neurons k of one sample's terms; over a
batch of N samples it is reduced by ``mean`` (divide by N) or ``sum``, and
that choice is always passed explicitly:

    half_sse  E = R_n  1/2 sum_k (yhat_k - y_k)^2      dE/dyhat = yhat - y
    mse       E = R_n  sum_k (yhat_k - y_k)^2          dE/dyhat = 2 (yhat - y)
    bce       E = R_n  -y log yhat - (1 - y) log(1 - yhat)   (sigmoid outputs)
    cce       E = R_n  -sum_k y_k log yhat_k                 (softmax outputs)

where R_n is the mean or the sum over samples (so ``mse`` with ``mean`` is
note 003's (1/N) sum (yhat - y)^2 with gradient (2/N)(yhat - y)).

Cross-entropies are paired with their output activation and computed from
the logits a: E = softplus(a) - y a for bce, logsumexp(a) - sum_k y_k a_k
for cce. That is exact and finite for any a, and the output delta
dE/da simplifies to yhat - y (note 004's delta_3 = yhat - y).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Array = np.ndarray
REDUCTIONS = ("mean", "sum")


@dataclass(frozen=True)
class Loss:
    """One loss. ``terms(yhat, y, a)`` -> per-sample loss, shape (N,).

    ``grad(yhat, y, out)`` writes dE/dyhat per element (unreduced), shape
    (N, K). For a loss with ``output`` set (bce, cce) only the output
    activation of that name is allowed and the delta dE/da = yhat - y is used.
    """

    name: str
    terms: Callable[[Array, Array, Array], Array]
    grad: Callable[[Array, Array, Array], Array] | None
    formula: str
    derivative: str
    output: str | None = None
    total: Callable[[Array, Array, Array], float] | None = None
    #: c with E = c |dE/dyhat|^2 summed over the batch (0: no such c)
    from_grad: float = 0.0

    def sum(self, yhat: Array, y: Array, a: Array) -> float:
        """Sum of the per-sample terms over the batch (fast path for training)."""
        if self.total is not None:
            return self.total(yhat, y, a)
        return float(self.terms(yhat, y, a).sum())


def _half_sse(yhat, y, a):
    d = yhat - y
    return 0.5 * np.einsum("nk,nk->n", d, d)


def _half_sse_grad(yhat, y, out):
    return np.subtract(yhat, y, out=out)


def _mse(yhat, y, a):
    d = yhat - y
    return np.einsum("nk,nk->n", d, d)


def _mse_grad(yhat, y, out):
    np.subtract(yhat, y, out=out)
    return np.multiply(out, 2.0, out=out)


def softplus(a: Array) -> Array:
    """ln(1 + e^a), stable: max(a, 0) + ln(1 + e^-|a|)."""
    return np.maximum(a, 0.0) + np.log1p(np.exp(-np.abs(a)))


def _bce(yhat, y, a):
    return (softplus(a) - y * a).sum(axis=1)


def _bce_total(yhat, y, a):
    return float(np.logaddexp(0.0, a).sum() - np.vdot(y, a))


def _sse_total(yhat, y, a):
    d = (yhat - y).ravel()
    return float(np.dot(d, d))


def _half_sse_total(yhat, y, a):
    return 0.5 * _sse_total(yhat, y, a)


def _cce(yhat, y, a):
    m = a.max(axis=1, keepdims=True)
    logsumexp = m[:, 0] + np.log(np.exp(a - m).sum(axis=1))
    return logsumexp * y.sum(axis=1) - np.einsum("nk,nk->n", y, a)


LOSSES: dict[str, Loss] = {
    l.name: l
    for l in (
        Loss("half_sse", _half_sse, _half_sse_grad,
             "1/2 sum (yhat - y)^2", "yhat - y", total=_half_sse_total, from_grad=0.5),
        Loss("mse", _mse, _mse_grad, "sum (yhat - y)^2 (mean over samples: 1/N)",
             "2 (yhat - y)", total=_sse_total, from_grad=0.25),
        Loss("bce", _bce, None, "-y log yhat - (1 - y) log(1 - yhat)",
             "delta = yhat - y", output="sigmoid", total=_bce_total),
        Loss("cce", _cce, None, "-sum y_k log yhat_k", "delta = yhat - y",
             output="softmax"),
    )
}


def get_loss(name: str) -> Loss:
    """The loss called ``name``; ValueError listing the known names otherwise."""
    try:
        return LOSSES[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown loss {name!r}; known: {', '.join(LOSSES)}") from None


def check_reduction(reduction: str) -> str:
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be 'mean' or 'sum', not {reduction!r}")
    return reduction


def loss_value(loss: Loss, yhat: Array, y: Array, a: Array, reduction: str) -> float:
    """E over a batch: the per-sample terms reduced by ``reduction``."""
    terms = loss.terms(yhat, y, a)
    return float(terms.mean() if reduction == "mean" else terms.sum())
