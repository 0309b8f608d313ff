"""Training settings typed by a user: each checked and turned into its value.

    lr              a positive number ("0,5" with a decimal comma too)
    batch           'full', 'sample' or a whole number >= 1
    loss, reduction, optimizer: names the trainer knows (checked by building one)
    shuffle         True or False
    max_epochs      a whole number > 0, or empty/None for no limit
    loss_threshold  a number > 0, or empty/None
    speed           epochs per second > 0 for Play, or empty/None: as fast as it goes
    l1, l2          regularisation strengths from 0 (off) to MAX_REGULARIZATION

``SESSION_KEYS`` change the training itself (a new run starts); the others do not.
"""

from __future__ import annotations

from core.checks import finite_float
from core.text import QT_TRANSLATE_NOOP

KEYS = ("lr", "batch", "loss", "reduction", "optimizer", "shuffle", "max_epochs",
        "loss_threshold", "speed", "l1", "l2")
MAX_REGULARIZATION = 10.0
SESSION_KEYS = ("batch", "loss", "reduction", "optimizer", "shuffle")


def check(key: str, v):
    """``v`` for setting ``key`` as the value to store; ValueError saying what is wrong.
    Names (loss, reduction, optimizer) are returned as they are: whether they fit the
    network and data is the trainer's to say."""
    if key not in KEYS:
        raise ValueError(QT_TRANSLATE_NOOP("settings", "unknown setting {0!r}").format(key))
    if key == "lr":
        v = finite_float(v, QT_TRANSLATE_NOOP("settings", "learning rate"))
        if v <= 0:
            raise ValueError(QT_TRANSLATE_NOOP("settings", "learning rate must be positive; got {0:g}")
                             .format(v))
        return v
    if key in ("l1", "l2"):
        what = QT_TRANSLATE_NOOP("settings", "L1 strength") if key == "l1" else \
            QT_TRANSLATE_NOOP("settings", "L2 strength")
        v = 0.0 if v in (None, "") else finite_float(v, what)
        if not 0.0 <= v <= MAX_REGULARIZATION:
            raise ValueError(QT_TRANSLATE_NOOP("settings", "{0} must be from 0 (off) to {1:g}; got {2:g}")
                             .format(what, MAX_REGULARIZATION, v))
        return v
    if key == "batch":
        if v in ("full", "sample"):
            return v
        n = finite_float(v, QT_TRANSLATE_NOOP("settings", "batch size"))
        if n < 1 or n != int(n):
            raise ValueError(QT_TRANSLATE_NOOP("settings", "batch size must be a whole number of at least "
                                                           "1"))
        return int(n)
    if key in ("max_epochs", "loss_threshold", "speed"):
        if v in (None, ""):
            return None
        what = {"max_epochs": QT_TRANSLATE_NOOP("settings", "max epochs"),
                "loss_threshold": QT_TRANSLATE_NOOP("settings", "loss to stop at"),
                "speed": QT_TRANSLATE_NOOP("settings", "speed")}[key]
        x = finite_float(v, what)
        if x <= 0:
            raise ValueError(QT_TRANSLATE_NOOP("settings", "{0} must be positive").format(what))
        return int(x) if key == "max_epochs" else x
    if key == "shuffle" and not isinstance(v, bool):
        raise ValueError(QT_TRANSLATE_NOOP("settings", "shuffle must be on or off"))
    return v
