"""Activation functions: name -> Activation, the one place that knows each of them.

Every function works elementwise on an array ``a`` of pre-activations with
shape (n_samples, n_neurons) (or any shape) and writes into ``out``, so the
trainer can reuse buffers. ``df(a, z, out)`` writes f'(a), given both the
pre-activation ``a`` and the output ``z = f(a)`` (sigmoid and tanh use ``z``).

An entry also carries what the rest of the app needs, so adding an activation
is one entry here (``swish`` below is one): its symbol and derivative as the
lecture writes them, its numpy and PyTorch expressions (exported scripts),
plain-float versions (the one-sample kernel, ``core.scalar``) and the range of
its outputs (plots and neuron maps). A test runs every entry through training,
the scalar kernel, the lecture derivation, the gradient check, the gallery and
both exported scripts.

Softmax is not elementwise: it has ``backward`` instead of ``df``, a
Jacobian-vector product over each row. Heaviside step and sign have no
useful derivative (zero almost everywhere): ``df`` is None and training
through them is refused by the trainer.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.text import QT_TRANSLATE_NOOP

Array = np.ndarray

#: ELU and SELU constants as the lecture (seed 002) writes them.
ELU_ALPHA = 1.67326
SELU_ALPHA = 1.67326
SELU_LAMBDA = 1.0507
LEAKY_SLOPE = 0.01
_ONE, _TWO = np.float64(1.0), np.float64(2.0)  # numpy scalars: a ufunc converts a Python
# float on every call


@dataclass(frozen=True)
class Activation:
    """One activation: its function, derivative, textbook formulas and every form the
    app writes it in.

    ``df_text``: the derivative factor in a derivation, as (formula, numbers) templates
    with {z} {a} (names) and {zv} {av} (values); None: ``symbol'(a)``.
    ``numpy``/``torch``: an expression in ``a`` (module names ``np``/``torch``).
    ``scalar``: (f(a), f'(a, z)) on Python floats; ``inline``: (f, f') templates in
    {a} {z} the generated one-sample code may use instead of calling them.
    ``bounds``: the range of f, when it has one (fixed colour levels, plot ranges).
    """

    name: str
    f: Callable[[Array, Array], Array]
    df: Callable[[Array, Array, Array], Array] | None
    formula: str
    derivative: str
    elementwise: bool = True
    #: f for the training loop, which holds np.errstate(all="ignore") (see core.kernel)
    fast: Callable[[Array, Array], Array] | None = None
    symbol: str = ""
    df_text: tuple[str, str] | None = None
    numpy: str = ""
    torch: str = ""
    scalar: tuple[Callable[[float], float], Callable[[float, float], float]] | None = None
    inline: tuple[str, str] | None = None
    bounds: tuple[float, float] | None = None
    identity: bool = False  # f(a) = a: a derivation writes the neuron's sum as its value

    def __post_init__(self) -> None:
        if self.fast is None:
            object.__setattr__(self, "fast", self.f)
        if not self.symbol:
            object.__setattr__(self, "symbol", self.name)

    @property
    def differentiable(self) -> bool:
        return self.df is not None or not self.elementwise

    def __call__(self, a: Array) -> Array:
        a = np.asarray(a, dtype=np.float64)
        return self.f(a, np.empty_like(a))

    def grad(self, a: Array, z: Array, g: Array, out: Array,
             scratch: Array | None = None) -> Array:
        """out = dE/da = g * f'(a) given g = dE/dz (shapes (n, k)).

        ``out`` may be ``g`` itself; ``scratch`` (same shape) avoids an allocation.
        """
        if not self.elementwise:
            return softmax_backward(z, g, out)
        if self.df is None:
            raise ValueError(QT_TRANSLATE_NOOP("activations", "the {0} activation has no gradient")
                             .format(self.name))
        fprime = self.df(a, z, np.empty_like(a) if scratch is None else scratch)
        return np.multiply(g, fprime, out=out)


# --- the functions: f(a, out) and df(a, z, out) ---------------------------

def _linear(a, out):
    np.copyto(out, a)
    return out


def _linear_df(a, z, out):
    out.fill(1.0)
    return out


def _sigmoid(a, out):
    # sigma(a) = 1 / (1 + e^-a) = 0.5 + 0.5 tanh(a / 2): no overflow for any a.
    np.multiply(a, 0.5, out=out)
    np.tanh(out, out=out)
    np.multiply(out, 0.5, out=out)
    return np.add(out, 0.5, out=out)


def _sigmoid_fast(a, out):
    # 1 / (1 + e^-a): e^-a overflows to inf (the result 0 is right) for a < -709,
    # so only under np.errstate(over="ignore"); twice as fast as tanh here.
    np.negative(a, out)
    np.exp(out, out)
    np.add(out, _ONE, out)
    return np.reciprocal(out, out)


def _sigmoid_df(a, z, out):
    np.multiply(z, z, out)  # sigma' = z (1 - z) = z - z^2
    return np.subtract(z, out, out)


def _tanh(a, out):
    return np.tanh(a, out=out)


def _tanh_fast(a, out):
    # 1 - 2 / (1 + e^2a): e^2a overflows to inf (the result 1 is right) for a > 354,
    # so only under np.errstate(over="ignore"). exp is faster than numpy's tanh here;
    # the error is absolute (~2e-16), not relative, for a near 0.
    np.multiply(a, _TWO, out)
    np.exp(out, out)
    np.add(out, _ONE, out)
    np.divide(_TWO, out, out)
    return np.subtract(_ONE, out, out)


def _tanh_df(a, z, out):
    np.multiply(z, z, out)  # tanh' = 1 - z^2
    return np.subtract(_ONE, out, out)


def _relu(a, out):
    return np.maximum(a, 0.0, out=out)


def _relu_df(a, z, out):
    return np.greater(a, 0.0, out=out, casting="unsafe")


def _leaky_relu(a, out):
    np.copyto(out, np.where(a > 0.0, a, LEAKY_SLOPE * a))
    return out


def _leaky_relu_df(a, z, out):
    np.copyto(out, np.where(a > 0.0, 1.0, LEAKY_SLOPE))
    return out


def _elu_with(alpha: float, scale: float):
    def f(a, out):
        neg = np.expm1(np.minimum(a, 0.0)) * alpha  # alpha (e^a - 1), safe for a >> 0
        np.copyto(out, np.where(a > 0.0, a, neg))
        return np.multiply(out, scale, out=out)

    def df(a, z, out):
        neg = np.exp(np.minimum(a, 0.0)) * (alpha * scale)
        np.copyto(out, np.where(a > 0.0, scale, neg))
        return out

    return f, df


def _softplus(a, out):
    # ln(1 + e^a) = max(a, 0) + ln(1 + e^-|a|): finite for every finite a.
    t = np.log1p(np.exp(-np.abs(a)))
    np.maximum(a, 0.0, out=out)
    return np.add(out, t, out=out)


def _softplus_df(a, z, out):
    return _sigmoid(a, out)


def _heaviside(a, out):
    return np.greater(a, 0.0, out=out, casting="unsafe")


def _sign(a, out):
    np.copyto(out, np.where(a >= 0.0, 1.0, -1.0))
    return out


def _softmax(a, out):
    # exp(a - max) / sum: rows of shape (k,), stable for large a.
    np.subtract(a, a.max(axis=-1, keepdims=True), out=out)
    np.exp(out, out=out)
    return np.divide(out, out.sum(axis=-1, keepdims=True), out=out)


def softmax_backward(z: Array, g: Array, out: Array) -> Array:
    """dE/da of softmax rows z (n, k) given g = dE/dz; ``out`` may be ``g``."""
    # dE/da_i = z_i (g_i - sum_k g_k z_k)
    s = np.einsum("...k,...k->...", g, z)[..., None]
    np.subtract(g, s, out=out)
    return np.multiply(out, z, out=out)


def _swish(a, out):
    # a sigma(a): sigma as 0.5 + 0.5 tanh(a / 2), finite for every a
    _sigmoid(a, out)
    return np.multiply(out, a, out=out)


def _swish_df(a, z, out):
    # d/da a s(a) = s + a s (1 - s) = s + z (1 - s), s = sigma(a)
    s = _sigmoid(a, np.empty_like(a))
    np.subtract(_ONE, s, out=out)
    np.multiply(out, z, out=out)
    return np.add(out, s, out=out)


# --- plain floats, for the one-sample kernel (core.scalar) ---------------------

def _sigmoid1(a: float) -> float:
    if a >= 0.0:
        return 1.0 / (1.0 + math.exp(-a))
    e = math.exp(a)  # no overflow for a << 0
    return e / (1.0 + e)


def softplus1(a: float) -> float:
    return max(a, 0.0) + math.log1p(math.exp(-abs(a)))


def _elu1(alpha: float, scale: float):
    return (lambda a: scale * (a if a > 0.0 else alpha * math.expm1(a)),
            lambda a, z: scale if a > 0.0 else alpha * scale * math.exp(a))


_elu, _elu_df = _elu_with(ELU_ALPHA, 1.0)
_selu, _selu_df = _elu_with(SELU_ALPHA, SELU_LAMBDA)
_ELU_NP = f"np.where(a > 0.0, a, {ELU_ALPHA!r} * np.expm1(np.minimum(a, 0.0)))"
_ELU_TORCH = f"torch.where(a > 0.0, a, {ELU_ALPHA!r} * torch.expm1(torch.clamp(a, max=0.0)))"
_SELU_NP = f"{SELU_LAMBDA!r} * np.where(a > 0.0, a, {SELU_ALPHA!r} * np.expm1(np.minimum(a, 0.0)))"
_SELU_TORCH = (f"{SELU_LAMBDA!r} * torch.where(a > 0.0, a, {SELU_ALPHA!r} * "
               "torch.expm1(torch.clamp(a, max=0.0)))")

ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("linear", _linear, _linear_df, "a", "1", identity=True,
                   df_text=("1", "1"), numpy="a", torch="a",
                   scalar=(lambda a: a, lambda a, z: 1.0), inline=("{a}", "1.0")),
        Activation("sigmoid", _sigmoid, _sigmoid_df, "1 / (1 + e^-a)", "z (1 - z)",
                   fast=_sigmoid_fast, symbol="σ",
                   df_text=("{z}(1 - {z})", "{zv} × (1 - {zv})"),
                   numpy="0.5 + 0.5 * np.tanh(0.5 * a)", torch="0.5 + 0.5 * torch.tanh(0.5 * a)",
                   scalar=(_sigmoid1, lambda a, z: z - z * z),
                   inline=("(1.0 / (1.0 + exp(-{a})) if {a} >= 0.0 else (e := exp({a})) / "
                           "(1.0 + e))", "({z} - {z} * {z})"),
                   bounds=(0.0, 1.0)),
        Activation("tanh", _tanh, _tanh_df, "tanh(a)", "1 - z^2", fast=_tanh_fast,
                   df_text=("(1 - {z}²)", "(1 - {zp}²)"), numpy="np.tanh(a)",
                   torch="torch.tanh(a)", scalar=(math.tanh, lambda a, z: 1.0 - z * z),
                   inline=("tanh({a})", "(1.0 - {z} * {z})"), bounds=(-1.0, 1.0)),
        Activation("relu", _relu, _relu_df, "max(0, a)", "1 if a > 0 else 0",
                   df_text=("[{a} > 0]", "[{av} > 0]"), numpy="np.maximum(a, 0.0)",
                   torch="torch.clamp(a, min=0.0)",
                   scalar=(lambda a: a if a > 0.0 else 0.0,
                           lambda a, z: 1.0 if a > 0.0 else 0.0),
                   inline=("({a} if {a} > 0.0 else 0.0)", "(1.0 if {a} > 0.0 else 0.0)")),
        Activation("leaky_relu", _leaky_relu, _leaky_relu_df,
                   "a if a > 0 else 0.01 a", "1 if a > 0 else 0.01", symbol="lrelu",
                   numpy=f"np.where(a > 0.0, a, {LEAKY_SLOPE!r} * a)",
                   torch=f"torch.where(a > 0.0, a, {LEAKY_SLOPE!r} * a)",
                   scalar=(lambda a: a if a > 0.0 else LEAKY_SLOPE * a,
                           lambda a, z: 1.0 if a > 0.0 else LEAKY_SLOPE)),
        Activation("elu", _elu, _elu_df, f"a if a > 0 else {ELU_ALPHA} (e^a - 1)",
                   f"1 if a > 0 else {ELU_ALPHA} e^a", numpy=_ELU_NP, torch=_ELU_TORCH,
                   scalar=_elu1(ELU_ALPHA, 1.0)),
        Activation("selu", _selu, _selu_df,
                   f"{SELU_LAMBDA} (a if a > 0 else {SELU_ALPHA} (e^a - 1))",
                   f"{SELU_LAMBDA} (1 if a > 0 else {SELU_ALPHA} e^a)", numpy=_SELU_NP,
                   torch=_SELU_TORCH, scalar=_elu1(SELU_ALPHA, SELU_LAMBDA)),
        Activation("softplus", _softplus, _softplus_df, "ln(1 + e^a)", "1 / (1 + e^-a)",
                   numpy="np.maximum(a, 0.0) + np.log1p(np.exp(-np.abs(a)))",
                   torch="torch.clamp(a, min=0.0) + torch.log1p(torch.exp(-a.abs()))",
                   scalar=(softplus1, lambda a, z: _sigmoid1(a))),
        Activation("swish", _swish, _swish_df, "a σ(a)", "σ(a) + z (1 - σ(a))",
                   numpy="a * (0.5 + 0.5 * np.tanh(0.5 * a))",
                   torch="a * (0.5 + 0.5 * torch.tanh(0.5 * a))",
                   scalar=(lambda a: a * _sigmoid1(a),
                           lambda a, z: _sigmoid1(a) + z * (1.0 - _sigmoid1(a)))),
        Activation("step", _heaviside, None, "1 if a > 0 else 0", "0 almost everywhere",
                   numpy="(a > 0.0).astype(float)", torch="(a > 0.0).double()",
                   bounds=(0.0, 1.0)),
        Activation("sign", _sign, None, "+1 if a >= 0 else -1", "0 almost everywhere",
                   numpy="np.where(a >= 0.0, 1.0, -1.0)",
                   torch="torch.where(a >= 0.0, 1.0, -1.0).double()", bounds=(-1.0, 1.0)),
        Activation("softmax", _softmax, None, "e^a_i / sum_k e^a_k",
                   "z_i (delta_ik - z_k)", elementwise=False,
                   numpy="np.exp(a - a.max(axis=1, keepdims=True)) / "
                         "np.exp(a - a.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True)",
                   torch="torch.softmax(a, dim=1)", bounds=(0.0, 1.0)),
    )
}


def get_activation(name: str) -> Activation:
    """The activation called ``name``; ValueError listing the known names otherwise."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        known = ", ".join(ACTIVATIONS)
        raise ValueError(QT_TRANSLATE_NOOP("activations", "unknown activation {0!r}; known: {1}")
                         .format(name, known)) from None
