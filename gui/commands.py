"""Undoable edits. Each user edit is one QUndoCommand; nudges of one parameter merge."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from core.notation import Param
from core.text import QT_TRANSLATE_NOOP
from gui.i18n import message, translate

SET_PARAM_ID = 1001


def named(text: str) -> str:
    """A command's text for QUndoCommand: as it is for text(), and with each '&' doubled
    for the Edit menu's Undo/Redo items (actionText, after a line break), where 'Import
    R&D.csv' showed as 'Import RD.csv' with the D underlined."""
    return text if "&" not in text else f"{text}\n{text.replace('&', '&&')}"


class SetParam(QUndoCommand):
    """Set one weight or bias. Consecutive edits of the same parameter with
    ``merge=True`` (wheel nudges, slider drags) become one undo step."""

    def __init__(self, doc, param: Param, old: float, new: float, label: str,
                 merge: bool = False) -> None:
        super().__init__(named(translate("commands", "Set {0} to {1}").format(label, f"{new:.6g}")))
        self.doc, self.param, self.old, self.new, self.merge = doc, param, old, new, merge

    def id(self) -> int:
        return SET_PARAM_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetParam) and other.merge and self.merge
                and other.param == self.param):
            return False
        self.new = other.new
        self.setText(named(other.text()))
        return True

    def redo(self) -> None:
        self.doc.apply_param(self.param, self.new)

    def undo(self) -> None:
        self.doc.apply_param(self.param, self.old)


class SetFrozen(QUndoCommand):
    def __init__(self, doc, param: Param, frozen: bool, label: str) -> None:
        super().__init__((translate("commands", "Freeze {0}") if frozen
                          else translate("commands", "Unfreeze {0}")).format(label))
        self.doc, self.param, self.frozen = doc, param, frozen

    def redo(self) -> None:
        self.doc.apply_frozen(self.param, self.frozen)

    def undo(self) -> None:
        self.doc.apply_frozen(self.param, not self.frozen)


#: each setting as the Training panel labels it (and Edit → Undo names its change)
SETTING_NAMES = {"lr": QT_TRANSLATE_NOOP("training", "learning rate"),
                 "batch": QT_TRANSLATE_NOOP("training", "batch"),
                 "loss": QT_TRANSLATE_NOOP("training", "loss"),
                 "reduction": QT_TRANSLATE_NOOP("training", "reduction"),
                 "optimizer": QT_TRANSLATE_NOOP("training", "optimizer"),
                 "l1": QT_TRANSLATE_NOOP("training", "L1 penalty λ₁"),  # (short: a form's label
                 "l2": QT_TRANSLATE_NOOP("training", "L2 penalty λ₂"),  # does not wrap)
                 "speed": QT_TRANSLATE_NOOP("training", "speed"),
                 "max_epochs": QT_TRANSLATE_NOOP("training", "max epochs"),
                 "loss_threshold": QT_TRANSLATE_NOOP("training", "stop at loss ≤"),
                 "shuffle": QT_TRANSLATE_NOOP("commands", "shuffling")}


#: (text, value) of each choice; the value is what the setting holds
BATCHES = [(QT_TRANSLATE_NOOP("training", "per sample"), "sample"),
           (QT_TRANSLATE_NOOP("training", "full batch"), "full"),
           (QT_TRANSLATE_NOOP("training", "mini-batch {0}").format(8), 8),
           (QT_TRANSLATE_NOOP("training", "mini-batch {0}").format(32), 32)]
LOSS_TEXT = {"half_sse": "½Σ(ŷ−y)²", "mse": "Σ(ŷ−y)² (MSE)",
             "bce": QT_TRANSLATE_NOOP("training", "binary cross-entropy"),
             "cce": QT_TRANSLATE_NOOP("training", "categorical cross-entropy")}
REDUCTIONS = [(QT_TRANSLATE_NOOP("training", "mean"), "mean"), (QT_TRANSLATE_NOOP("training", "sum"), "sum")]
OPTIMIZERS = [("SGD", "sgd"), (QT_TRANSLATE_NOOP("training", "momentum"), "momentum"),
              ("Adam", "adam")]

VALUE_TEXT = {"batch": {v: t for t, v in BATCHES}, "loss": LOSS_TEXT,  # setting -> value -> text
              "reduction": {v: t for t, v in REDUCTIONS}, "optimizer": {v: t for t, v in OPTIMIZERS}}


def value_text(key: str, value) -> str:
    """A setting's value as its control shows it ("binary cross-entropy", "mini-batch 8",
    "100 epochs/s"), in the interface's language; numbers as numbers."""
    from gui.controller import speed_name  # (the controller needs the document, which needs us)

    if isinstance(value, bool):
        return translate("commands", "on") if value else translate("commands", "off")
    if key == "speed":
        return message(speed_name(value))
    if value is None:
        return translate("training", "none")
    named = VALUE_TEXT.get(key, {})
    if key == "batch" and isinstance(value, int) and value not in named:
        return message(QT_TRANSLATE_NOOP("training", "mini-batch {0}").format(value))
    if value in named:
        return message(named[value])
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def setting_text(key: str, value) -> str:
    """An undo step's name for a setting's change, in the interface's words: "Set learning
    rate to 0.5", "Set loss to binary cross-entropy" (Edit → Undo shows it)."""
    shown = value_text(key, value)
    return translate("commands", "Set {0} to {1}").format(message(SETTING_NAMES.get(key, key)), shown)


class SetSetting(QUndoCommand):
    """Change a training setting (learning rate, batch, loss, ...)."""

    def __init__(self, doc, key: str, old, new) -> None:
        super().__init__(named(setting_text(key, new)))
        self.doc, self.key, self.old, self.new = doc, key, old, new

    def redo(self) -> None:
        self.doc.apply_setting(self.key, self.new)

    def undo(self) -> None:
        self.doc.apply_setting(self.key, self.old)


class Swap(QUndoCommand):
    """An edit that replaces the document's whole state (a new network shape, new data, a
    new training mode, a reset): redo and undo swap the two states, the very objects, so
    training state, histories and timeline come back exactly."""

    def __init__(self, doc, text: str, before, after) -> None:
        super().__init__(named(text))
        self.doc, self.before, self.after = doc, before, after

    def redo(self) -> None:
        self.doc.reinstate(self.after)

    def undo(self) -> None:
        self.doc.reinstate(self.before)


class SetNotation(QUndoCommand):
    def __init__(self, doc, old: str, new: str) -> None:
        super().__init__(translate("commands", "Name parameters {0}").format(new.replace('_', ' ')))
        self.doc, self.old, self.new = doc, old, new

    def redo(self) -> None:
        self.doc.apply_notation(self.new)

    def undo(self) -> None:
        self.doc.apply_notation(self.old)


SET_PARAMS_ID = 1002


class SetParams(QUndoCommand):
    """Set several parameters at once (a neuron line's two weights and bias). Changes
    with the same ``key`` and ``merge=True`` (one drag) become one undo step."""

    def __init__(self, doc, changes: list, text: str, key=None, merge: bool = False) -> None:
        super().__init__(named(text))
        self.doc, self.key, self.merge = doc, key, merge
        self.params = [p for p, _, _ in changes]
        self.old = [o for _, o, _ in changes]
        self.new = [n for _, _, n in changes]

    def id(self) -> int:
        return SET_PARAMS_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetParams) and self.merge and other.merge
                and other.key == self.key and other.params == self.params):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.doc.apply_params(self.params, self.new)

    def undo(self) -> None:
        self.doc.apply_params(self.params, self.old)
