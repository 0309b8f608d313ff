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

from core.text import QT_TRANSLATE_NOOP

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
    #: per-element terms (..., K) from (yhat, y, a): summed over the last axis they give
    #: ``terms``; any leading shape (the landscape stacks grid points in front)
    elements: Callable[[Array, Array, Array], Array] | None = None
    #: how a derivation writes one output's term: (formula, numbers) with {o} {t} (names)
    #: and {ov} {tv} (values), the terms joined by " + " inside ``error_wrap``
    error_text: tuple[str, str] = ("", "")
    error_wrap: tuple[str, str] = ("", "")
    #: dE/dyhat as a derivation writes it, (formula, numbers); None: the delta is fused
    de_text: tuple[str, str] | None = None
    #: c with dE/dyhat = c (yhat - y) for squared errors (the one-sample kernel's form)
    grad_scale: float = 0.0

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


def _cce_elements(yhat, y, a):
    # -y_k log softmax_k(a) = y_k (logsumexp(a) - a_k), over the last axis
    m = a.max(axis=-1, keepdims=True)
    lse = m + np.log(np.exp(a - m).sum(axis=-1, keepdims=True))
    return y * (lse - a)


LOSSES: dict[str, Loss] = {
    l.name: l
    for l in (
        Loss("half_sse", _half_sse, _half_sse_grad,
             "1/2 sum (yhat - y)^2", "yhat - y", total=_half_sse_total, from_grad=0.5,
             elements=lambda yhat, y, a: 0.5 * (yhat - y) ** 2,
             error_text=("½({o} - {t})²", "½({ov} - {tv})²"),
             de_text=("({o} - {t})", "({ov} - {tv})"), grad_scale=1.0),
        Loss("mse", _mse, _mse_grad, "sum (yhat - y)^2 (mean over samples: 1/N)",
             "2 (yhat - y)", total=_sse_total, from_grad=0.25,
             elements=lambda yhat, y, a: (yhat - y) ** 2,
             error_text=("({o} - {t})²", "({ov} - {tv})²"),
             de_text=("2({o} - {t})", "2 × ({ov} - {tv})"), grad_scale=2.0),
        Loss("bce", _bce, None, "-y log yhat - (1 - y) log(1 - yhat)",
             "delta = yhat - y", output="sigmoid", total=_bce_total,
             elements=lambda yhat, y, a: np.logaddexp(0.0, a) - y * a,
             error_text=("-{t}·ln {o} - (1 - {t})·ln(1 - {o})",
                         "-{tv} × ln {ov} - (1 - {tv}) × ln(1 - {ov})")),
        Loss("cce", _cce, None, "-sum y_k log yhat_k", "delta = yhat - y",
             output="softmax", elements=_cce_elements,
             error_text=("{t}·ln {o}", "{tv} × ln {ov}"), error_wrap=("-(", ")")),
    )
}


def get_loss(name: str) -> Loss:
    """The loss called ``name``; ValueError listing the known names otherwise."""
    try:
        return LOSSES[name]
    except (KeyError, TypeError):
        raise ValueError(QT_TRANSLATE_NOOP("losses", "unknown loss {0!r}; known: {1}")
                         .format(name, ', '.join(LOSSES))) from None


def check_reduction(reduction: str) -> str:
    if reduction not in REDUCTIONS:
        raise ValueError(QT_TRANSLATE_NOOP("losses", "reduction must be 'mean' or 'sum', not {0!r}")
                         .format(reduction))
    return reduction


def loss_value(loss: Loss, yhat: Array, y: Array, a: Array, reduction: str) -> float:
    """E over a batch: the per-sample terms reduced by ``reduction``."""
    terms = loss.terms(yhat, y, a)
    return float(terms.mean() if reduction == "mean" else terms.sum())
