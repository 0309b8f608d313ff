"""Update rules on the flat parameter vector p with gradient g (same layout).

    sgd        p <- p - lr g
    momentum   v <- mu v + g;              p <- p - lr v
    adam       m <- b1 m + (1 - b1) g;     s <- b2 s + (1 - b2) g^2
               p <- p - lr (m / (1 - b1^t)) / (sqrt(s / (1 - b2^t)) + eps)

``g`` arrives unscaled: the true gradient is ``scale * g`` (the trainer
folds the 1/N of a mean into ``scale`` so plain SGD needs no extra pass).
``g`` is used as scratch and left changed.
"""

from __future__ import annotations

import numpy as np

from core.checks import real, short
from core.text import QT_TRANSLATE_NOOP

Array = np.ndarray
OPTIMIZERS = ("sgd", "momentum", "adam")
#: each optimiser's options and their allowed ranges
OPTIONS = {"sgd": {}, "momentum": {"momentum": (0.0, 0.999999)},
           "adam": {"beta1": (0.0, 0.999999), "beta2": (0.0, 0.999999), "eps": (0.0, 1.0)}}


class SGD:
    def __init__(self, n: int, lr: float) -> None:
        self.lr = lr

    def update(self, p: Array, g: Array, scale: float) -> None:
        np.multiply(g, np.float64(-self.lr * scale), g)
        np.add(p, g, p)

    def state(self) -> tuple:
        return ()

    def set_state(self, state: tuple) -> None:
        pass


class Momentum(SGD):
    def __init__(self, n: int, lr: float, momentum: float = 0.9) -> None:
        super().__init__(n, lr)
        self.mu = momentum
        self.v = np.zeros(n)

    def update(self, p: Array, g: Array, scale: float) -> None:
        np.multiply(self.v, self.mu, out=self.v)
        self.v += g * scale
        np.multiply(self.v, -self.lr, out=g)
        np.add(p, g, out=p)

    def state(self) -> tuple:
        return (self.v.copy(),)

    def set_state(self, state: tuple) -> None:
        self.v[...] = state[0]


class Adam(SGD):
    def __init__(self, n: int, lr: float, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8) -> None:
        super().__init__(n, lr)
        self.b1, self.b2, self.eps = beta1, beta2, eps
        self.m, self.s, self.t = np.zeros(n), np.zeros(n), 0

    def update(self, p: Array, g: Array, scale: float) -> None:
        self.t += 1
        g *= scale
        self.m *= self.b1
        self.m += (1 - self.b1) * g
        self.s *= self.b2
        self.s += (1 - self.b2) * g * g
        mhat = self.m / (1 - self.b1 ** self.t)
        shat = self.s / (1 - self.b2 ** self.t)
        p -= self.lr * mhat / (np.sqrt(shat) + self.eps)

    def state(self) -> tuple:
        return (self.m.copy(), self.s.copy(), self.t)

    def set_state(self, state: tuple) -> None:
        self.m[...], self.s[...], self.t = state


def make_optimizer(name: str, n: int, lr: float, **options) -> SGD:
    """An optimiser by name for n parameters ('sgd', 'momentum', 'adam')."""
    kinds = {"sgd": SGD, "momentum": Momentum, "adam": Adam}
    if not isinstance(name, str) or name not in kinds:
        raise ValueError(QT_TRANSLATE_NOOP("optimizers", "unknown optimizer {0}; known: {1}")
                         .format(short(name), ', '.join(OPTIMIZERS)))
    allowed = OPTIONS[name]
    for key, value in options.items():
        if key not in allowed:
            raise ValueError(
                QT_TRANSLATE_NOOP("optimizers", "the {0} optimizer has no option {1}; its options: "
                                                "{2}").format(name, short(key), ", ".join(allowed))
                if allowed else QT_TRANSLATE_NOOP("optimizers", "the {0} optimizer has no options; "
                                                                "got {1}").format(name, short(key)))
        lo, hi = allowed[key]
        options[key] = real(value, key, lo, hi)
        if key == "eps" and not options[key] > 0:
            raise ValueError(QT_TRANSLATE_NOOP("optimizers", "eps must be a positive number; got {0:g}")
                             .format(options[key]))
    return kinds[name](n, lr, **options)
