"""Argument checks shared by the engine's public functions and the project loader.

Each returns the value in its plain Python type or raises ValueError naming the
argument: a bool is not a number, 2.5 is not a whole number, "no" is not a
flag, NaN and infinity are not finite. Nothing is coerced silently.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from core.text import QT_TRANSLATE_NOOP

MAX_WHOLE = 2**53  # above this a float cannot count exactly; plenty for epochs and steps


def is_number(v) -> bool:
    """A real number (int or float, numpy's too), not a bool."""
    return isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_))


def whole(v, what: str, lo: int = 0, hi: int = MAX_WHOLE) -> int:
    """``v`` as an int in [lo, hi]; floats with a fraction, bools and text are refused."""
    if isinstance(v, float | np.floating) and math.isfinite(v) and float(v).is_integer():
        v = int(v)
    if not (isinstance(v, numbers.Integral) and not isinstance(v, (bool, np.bool_))):
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0} must be a whole number; got {1}")
                         .format(what, short(v)))
    if not lo <= v <= hi:
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0} must be from {1} to {2}; got {3}")
                         .format(what, lo, hi, short(v)))
    return int(v)


def real(v, what: str, lo: float = -math.inf, hi: float = math.inf,
         positive: bool = False) -> float:
    """``v`` as a finite float in [lo, hi] (> 0 with ``positive``)."""
    if not is_number(v):
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0} must be a number; got {1}").format(what, short(v)))
    try:
        f = float(v)
    except OverflowError:
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0} is too large; got {1}")
                         .format(what, short(v))) from None
    if not math.isfinite(f):
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0} must be a finite number; got {1}").format(what, f))
    if positive and not f > 0:
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0} must be a positive number; got {1:g}")
                         .format(what, f))
    if not lo <= f <= hi:
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0} must be from {1:g} to {2:g}; got {3:g}")
                         .format(what, lo, hi, f))
    return f


def flag(v, what: str) -> bool:
    """``v`` as a bool: only True and False (numpy's too) are flags."""
    if not isinstance(v, (bool, np.bool_)):
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0} must be True or False; got {1}")
                         .format(what, short(v)))
    return bool(v)


def choice(v, what: str, options) -> str:
    """``v`` if it is one of ``options`` (names), else ValueError listing them."""
    if not isinstance(v, str) or v not in options:
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0} must be one of {1}; got {2}")
                         .format(what, ', '.join(options), short(v)))
    return v


def finite_float(value, what: str) -> float:
    """User input as a finite float: a number, or text that may use one decimal comma
    ("0,5"); ValueError naming ``what`` otherwise."""
    if isinstance(value, str):
        value = value.strip()
        if value.count(",") == 1 and "." not in value:
            value = value.replace(",", ".")
        try:
            value = float(value)
        except ValueError:
            raise ValueError(QT_TRANSLATE_NOOP("checks", "{0}: {1} is not a number")
                             .format(what, short(value))) from None
    if not is_number(value):
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0}: {1} is not a number").format(what, short(value)))
    return real(value, what)


def real_array(v, what: str) -> np.ndarray:
    """``v`` as a float64 array of finite real numbers; bools, complex numbers, text,
    None and numbers too large for a float are refused (numpy would coerce them)."""
    try:
        a = np.asarray(v)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0} must be an array of real numbers")
                         .format(what)) from None
    if a.dtype.kind not in "iuf":
        kind = {"b": "true/false values", "c": "complex numbers", "U": "text", "S": "bytes",
                "O": "values that are not real numbers"}.get(a.dtype.kind, "non-numbers")
        raise ValueError(QT_TRANSLATE_NOOP("checks", "{0} must hold real numbers; it holds {1}")
                         .format(what, kind))
    return a.astype(np.float64, copy=False)


def short(v, limit: int = 40) -> str:
    """``repr(v)`` cut to about ``limit`` characters, for messages that quote input."""
    r = repr(v)
    return r if len(r) <= limit else r[:limit - 1] + "…"
