"""The Document: the one object that owns the model and is its only writer.

It holds the Network, the data, the Trainer and a QUndoStack. Views read
from it and connect to its signals; every user edit goes through an undo
command whose redo/undo call the ``apply_*`` methods here.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core import Diverged, Network, Param, Snapshots, Trainer, initialise
from core import edit as structure
from core.network import as_batch, finite_float
from core.project import Project, ProjectError, capture, from_dict, network_dict, resume, to_dict
from core.project import load as load_project
from core.project import save as save_project
from gui.commands import Restructure, SetFrozen, SetNotation, SetParam, SetParams, SetSetting

PAST_STEPS = 500  # training steps the user can step back through

SETTING_KEYS = ("lr", "batch", "loss", "reduction", "optimizer", "shuffle", "max_epochs",
                "loss_threshold")


class Document(QObject):
    structure_changed = Signal()  # a new network shape (or a new project)
    weights_changed = Signal()  # parameters edited, reset or trained
    trained = Signal()  # training steps happened (history grew)
    settings_changed = Signal()
    sample_changed = Signal(int)  # the highlighted sample (-1: none)
    message = Signal(str)  # something the user must read (refused input, divergence)
    modified_changed = Signal(bool)  # unsaved changes appeared or were saved
    stopped = Signal(str)  # training stopped by itself (reason)
    preview_changed = Signal(int)  # the timeline shows the network at this epoch (-1: now)

    def __init__(self, project: Project, parent: QObject | None = None,
                 path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.sample = -1
        self.modified = False
        self._live = None  # the present weights while the timeline previews the past
        self.preview_epoch = -1
        self.undo_stack.indexChanged.connect(lambda i: self.set_modified(True))
        self.trained.connect(lambda: self.set_modified(True))
        self.load(project, path)

    # --- project ---------------------------------------------------------------
    def load(self, project: Project, path: str | Path | None = None) -> None:
        """Show ``project`` (from ``path``, or a lesson/new project when None)."""
        self.path = Path(path) if path else None
        self._take(project)
        self.undo_stack.clear()
        self.structure_changed.emit()
        self.weights_changed.emit()
        self.settings_changed.emit()
        self.set_modified(False)

    def _take(self, project: Project) -> None:
        """Adopt a project's network, data and settings; restore its training state."""
        self._live, self.preview_epoch = None, -1
        self.project = project
        self.net: Network = project.net
        self.X, self.Y = project.X, project.Y
        self.X_test, self.Y_test = project.X_test, project.Y_test
        if project.initial_params is None:
            project.initial_params = self.net.params.copy()
        self.settings = dict(project.training)
        self.trainer = self._new_trainer()
        resume(project, self.trainer)
        self._snapshot()
        self.sample = -1

    def set_modified(self, on: bool) -> None:
        if on != self.modified:
            self.modified = on
            self.modified_changed.emit(on)

    def to_project(self, view: str | None = None) -> Project:
        """The project as it stands: settings, training state, decimated history."""
        self.end_preview()
        p = self.project
        p.training = dict(self.settings)
        p.X, p.Y, p.X_test, p.Y_test = self.X, self.Y, self.X_test, self.Y_test
        capture(p, self.trainer)
        if view is not None:
            p.view = view
        return p

    def save(self, path: str | Path, view: str | None = None) -> bool:
        """Save atomically to ``path`` (the old file survives any failure)."""
        try:
            save_project(self.to_project(view), path)
        except (ProjectError, OSError, ValueError) as e:
            self.message.emit(str(e))
            return False
        self.path = Path(path)
        self.set_modified(False)
        self.message.emit(f"Saved {self.path.name}")
        return True

    def open(self, path: str | Path) -> bool:
        """Open a project file; a bad file is refused and the open project stays."""
        try:
            project = load_project(path)
        except ProjectError as e:
            self.message.emit(str(e))
            return False
        self.load(project, path)
        self.message.emit(f"Opened {Path(path).name}")
        return True

    # --- data ------------------------------------------------------------------
    def set_data(self, X, Y, X_test=None, Y_test=None, text: str = "Change the data") -> bool:
        """Replace the data (undoable). Inputs and outputs of the network follow it; the
        loss and output activation change only when the old ones cannot fit the targets."""
        try:
            X = as_batch(X, np.shape(X)[1] if np.ndim(X) == 2 else 1, "inputs")
            Y = as_batch(Y, np.shape(Y)[1] if np.ndim(Y) == 2 else 1, "targets")
            if len(X) != len(Y):
                raise ValueError(f"{len(X)} inputs but {len(Y)} targets")
            net, settings = structure.fit_to_data(self.net, self.settings, X, Y)
            Trainer(net, X, Y, loss=settings["loss"], reduction=settings["reduction"])
        except ValueError as e:
            self.message.emit(str(e))
            return False
        before = self.project_dict()
        after = dict(before)
        after["data"] = {"X": X.tolist(), "Y": Y.tolist()}
        if X_test is not None and len(X_test):
            after["data"].update(X_test=np.asarray(X_test).tolist(), Y_test=np.asarray(Y_test).tolist())
        if net is not self.net:
            after["network"] = network_dict(net)
            after["initial_params"] = net.params.tolist()
        after["training"] = dict(settings)
        self.undo_stack.push(Restructure(self, text, before, after))
        return True

    def add_point(self, x: tuple[float, float], cls: int) -> bool:
        """Add a training sample at ``x`` of class ``cls`` (undoable)."""
        K = self.net.sizes[-1]
        y = np.eye(K)[cls % K] if K > 1 else np.array([float(cls > 0)])
        return self.set_data(np.vstack([self.X, x]), np.vstack([self.Y, y]), self.X_test,
                             self.Y_test, "Add a point")

    def remove_nearest(self, x: tuple[float, float]) -> bool:
        """Remove the training sample nearest to ``x`` (undoable; one sample always stays)."""
        if len(self.X) <= 1:
            self.message.emit("the data keeps at least one sample")
            return False
        k = int(np.argmin(((self.X[:, :2] - np.asarray(x)) ** 2).sum(axis=1)))
        keep = np.arange(len(self.X)) != k
        return self.set_data(self.X[keep], self.Y[keep], self.X_test, self.Y_test,
                             "Remove a point")

    def _new_trainer(self) -> Trainer:
        """A trainer for the current network and settings; the test-loss and
        weight histories and the step-back checkpoints restart with it."""
        s = self.settings
        self.test_history = Snapshots()  # E on the test set, at the end of each training call
        self.weight_history = Snapshots()  # parameter vectors, same times
        self.past: deque = deque(maxlen=PAST_STEPS)  # checkpoints before each training call
        return Trainer(self.net, self.X, self.Y, loss=s["loss"], reduction=s["reduction"],
                       lr=s["lr"], batch=s["batch"], shuffle=s["shuffle"],
                       seed=self.project.init.get("seed", 0), optimizer=s["optimizer"])

    def project_dict(self) -> dict:
        self.project.training = dict(self.settings)
        d = to_dict(self.project)
        d.pop("state", None)
        d.pop("history", None)
        return d

    def apply_project_dict(self, d: dict) -> None:
        """Used by Restructure commands: replace network and data, keep the undo stack."""
        self._take(from_dict(d))
        self.structure_changed.emit()
        self.weights_changed.emit()
        self.settings_changed.emit()

    # --- names -----------------------------------------------------------------
    def label(self, p: Param) -> str:
        return self.net.label(p)

    # --- edits (undoable) --------------------------------------------------------
    def set_param(self, p: Param | str, text_or_value, merge: bool = False) -> bool:
        """Set a weight or bias from user input; refuse bad input with a message."""
        try:
            p = self.net.resolve(p)
            value = finite_float(text_or_value, self.net.label(p))
        except ValueError as e:
            self.message.emit(str(e))
            return False
        old = self.net.get(p)
        if value != old:
            self.undo_stack.push(SetParam(self, p, old, value, self.net.label(p), merge))
        return True

    def move_neuron_line(self, neuron: int, p1, p2, merge: bool = True, drag: int = 0) -> bool:
        """Hidden neuron ``neuron`` of the first layer gets the line through points p1 and
        p2 of the input plane (w1 x1 + w2 x2 + b = 0): |w| and the positive side are kept,
        the direction and (with a bias) the offset follow the points. One drag, one undo."""
        net = self.net
        if net.sizes[0] != 2:
            return False
        w_old = net.weights[0][:, neuron].copy()
        line = structure.line_through(w_old, p1, p2)
        if line is None:
            return False
        w_new, b_new = line
        changes = [(Param(0, 0, neuron), w_old[0], float(w_new[0])),
                   (Param(0, 1, neuron), w_old[1], float(w_new[1]))]
        if net.use_bias[0]:
            changes.append((Param(0, -1, neuron), float(net.biases[0][neuron]), b_new))
        name = net.neuron_names()[1][neuron]
        self.undo_stack.push(SetParams(self, changes, f"Move the line of {name}",
                                       key=("line", neuron, drag), merge=merge))
        return True

    def apply_params(self, params: list, values: list) -> None:
        for p, v in zip(params, values):
            self.net.set(p, v)
        self._snapshot()
        self.weights_changed.emit()

    # --- the timeline -------------------------------------------------------------
    def preview(self, k: int) -> None:
        """Show the network as it was at weight snapshot k (nothing is changed for good)."""
        h = self.weight_history
        if not 0 <= k < len(h):
            return
        if self._live is None:
            self._live = self.net.params.copy()
        self.net.params[...] = h.values[k]
        self.preview_epoch = h.epochs[k]
        self.weights_changed.emit()
        self.preview_changed.emit(self.preview_epoch)

    def end_preview(self) -> None:
        """Back to the present."""
        if self._live is not None:
            self.net.params[...] = self._live
            self._live, self.preview_epoch = None, -1
            self.weights_changed.emit()
            self.preview_changed.emit(-1)

    def replay_from(self, k: int) -> bool:
        """Make snapshot k the present: weights, epoch and loss history go back to it, and
        training continues from there."""
        h = self.weight_history
        if not 0 <= k < len(h):
            return False
        epoch, params = h.epochs[k], h.values[k].copy()
        self._live, self.preview_epoch = None, -1
        t = self.trainer
        self.net.params[...] = params
        t.epoch = epoch
        t.position, t.order = 0, t._new_order()
        cut = next((i for i, e in enumerate(t.history.epochs) if e >= epoch), len(t.history))
        del t.history.epochs[cut:], t.history.losses[cut:]
        for snaps in (self.weight_history, self.test_history):
            cut = next((i for i, e in enumerate(snaps.epochs) if e > epoch), len(snaps))
            del snaps.epochs[cut:], snaps.values[cut:]
        self.past.clear()
        self.weights_changed.emit()
        self.trained.emit()
        self.preview_changed.emit(-1)
        self.message.emit(f"Replaying from epoch {epoch}")
        return True

    def nudge_param(self, p: Param, delta: float) -> None:
        self.set_param(p, self.net.get(p) + delta, merge=True)

    def set_frozen(self, p: Param, frozen: bool) -> None:
        if self.net.is_frozen(p) != frozen:
            self.undo_stack.push(SetFrozen(self, p, frozen, self.net.label(p)))

    def set_setting(self, key: str, text_or_value) -> bool:
        """Change a training setting; refuse bad values with a message, change nothing."""
        try:
            value = self._check_setting(key, text_or_value)
        except ValueError as e:
            self.message.emit(str(e))
            return False
        if value != self.settings[key]:
            self.undo_stack.push(SetSetting(self, key, self.settings[key], value))
        return True

    def _check_setting(self, key: str, v):
        if key == "lr":
            v = finite_float(v, "learning rate")
            if v <= 0:
                raise ValueError(f"learning rate must be positive; got {v:g}")
            return v
        if key == "batch":
            if v in ("full", "sample"):
                return v
            n = int(finite_float(v, "batch size"))
            if n < 1:
                raise ValueError("batch size must be at least 1")
            return n
        if key in ("max_epochs", "loss_threshold"):
            if v in (None, ""):
                return None
            x = finite_float(v, key.replace("_", " "))
            if x <= 0:
                raise ValueError(f"{key.replace('_', ' ')} must be positive")
            return int(x) if key == "max_epochs" else x
        if key == "shuffle":
            return bool(v)
        trial = dict(self.settings, **{key: v})
        Trainer(self.net, self.X, self.Y, loss=trial["loss"], reduction=trial["reduction"],
                lr=trial["lr"], batch=trial["batch"], optimizer=trial["optimizer"])
        return v

    def restructure(self, text: str, make) -> bool:
        """Apply a structural edit ``make(net) -> Network`` as one undo step."""
        try:
            new = make(self.net)
            Trainer(new, self.X, self.Y, loss=self.settings["loss"])  # data still fits?
        except ValueError as e:
            self.message.emit(str(e))
            return False
        before = self.project_dict()
        after = dict(before, network=network_dict(new), initial_params=new.params.tolist())
        self.undo_stack.push(Restructure(self, text, before, after))
        return True

    def add_neuron(self, layer: int) -> bool:
        return self.restructure("Add a neuron", lambda n: structure.resize_layer(
            n, layer, n.sizes[layer] + 1, seed=self.undo_stack.index()))

    def remove_neuron(self, layer: int, neuron: int) -> bool:
        return self.restructure("Remove a neuron",
                                lambda n: structure.remove_neuron(n, layer, neuron))

    def insert_layer(self, position: int, activation: str = "tanh") -> bool:
        return self.restructure("Insert a layer", lambda n: structure.insert_layer(
            n, position, 2, activation, seed=self.undo_stack.index()))

    def remove_layer(self, position: int) -> bool:
        return self.restructure("Remove a layer", lambda n: structure.remove_layer(n, position))

    def set_activation(self, layer: int, name: str) -> bool:
        return self.restructure(f"Set activation to {name}",
                                lambda n: structure.set_activation(n, layer, name))

    def set_bias(self, layer: int, on: bool) -> bool:
        return self.restructure("Biases on" if on else "Biases off",
                                lambda n: structure.set_bias(n, layer, on))

    # --- apply (called by commands only) ------------------------------------------
    def apply_param(self, p: Param, value: float) -> None:
        self.net.set(p, value)
        self._snapshot()
        self.weights_changed.emit()

    def apply_frozen(self, p: Param, frozen: bool) -> None:
        self.net.freeze(p, frozen)
        self.weights_changed.emit()

    def apply_setting(self, key: str, value) -> None:
        self.settings[key] = value
        if key == "lr":
            self.trainer.set_lr(value)  # keeps epochs, history and optimiser state
        elif key not in ("max_epochs", "loss_threshold"):
            self.trainer = self._new_trainer()
            self._snapshot()
        self.settings_changed.emit()

    # --- training -----------------------------------------------------------------
    def _snapshot(self) -> None:
        """Record the test loss and the parameters at the trainer's current epoch."""
        t = self.trainer
        self.weight_history.record(t.epoch, self.net.params.copy())
        if self.X_test is not None:
            self.test_history.record(t.epoch, t.loss(self.X_test, self.Y_test))

    def _after_steps(self, samples) -> None:
        self._snapshot()
        if len(samples) == 1:
            self.sample = int(samples[0])
            self.sample_changed.emit(self.sample)
        self.weights_changed.emit()
        self.trained.emit()

    def _remember(self) -> None:
        t = self.trainer
        self.past.append((t.checkpoint(), len(self.test_history), len(self.weight_history)))

    def step_back(self) -> bool:
        """Undo the last training call (a step, an epoch or a Play slice): weights,
        counters and histories go back; the last PAST_STEPS calls are kept."""
        if not self.past:
            self.message.emit("No earlier training step is kept")
            return False
        c, n_test, n_weights = self.past.pop()
        self.trainer.restore(c)
        for h, n in ((self.test_history, n_test), (self.weight_history, n_weights)):
            del h.epochs[n:], h.values[n:]
        self.sample = -1
        self.weights_changed.emit()
        self.trained.emit()
        self.message.emit(f"Stepped back to epoch {c['epoch']}, step {c['steps']}")
        return True

    def _step(self, fn) -> bool:
        self.end_preview()
        self._remember()
        try:
            r = fn()
        except Diverged as e:
            self.past.pop()  # nothing changed
            self.message.emit(str(e))
            self.stopped.emit("diverged")
            return False
        self._after_steps(r.samples)
        return True

    def step_sample(self) -> bool:
        return self._step(self.trainer.step_sample)

    def step_batch(self) -> bool:
        return self._step(self.trainer.step_batch)

    def step_epoch(self) -> bool:
        return self._step(self.trainer.step_epoch)

    def train_for(self, seconds: float, max_epochs: int | None = None) -> str | None:
        """Train whole epochs for about ``seconds``; returns a stop reason when a
        rule stopped training (and tells the user), else None."""
        self.end_preview()
        s, t = self.settings, self.trainer
        limit = max_epochs
        if s["max_epochs"] is not None:
            left = s["max_epochs"] - t.epoch
            if left <= 0:
                self.stopped.emit("max_epochs")
                return "max_epochs"
            limit = left if limit is None else min(limit, left)
        self._remember()
        r = t.run(max_epochs=limit, loss_threshold=s["loss_threshold"], seconds=seconds)
        if not r.epochs:
            self.past.pop()
        if r.epochs:
            self._snapshot()
            self.weights_changed.emit()
            self.trained.emit()
        if r.reason == "diverged":
            self.message.emit(str(r.error))
        elif r.reason == "threshold":
            self.message.emit(f"Stopped: the loss reached {s['loss_threshold']:g} "
                              f"at epoch {t.epoch}")
        elif r.reason == "max_epochs" and s["max_epochs"] is not None and \
                t.epoch >= s["max_epochs"]:
            self.message.emit(f"Stopped after {t.epoch} epochs (the maximum set)")
        else:
            return None
        self.stopped.emit(r.reason)
        return r.reason

    def train_epochs(self, epochs: int, snapshots: int = 100) -> str:
        """Train ``epochs`` epochs at once (no window needed), recording test loss and
        weights ``snapshots`` times along the way; returns the stop reason."""
        self.end_preview()
        t, done, reason = self.trainer, 0, "max_epochs"
        chunk = max(1, epochs // snapshots)
        while done < epochs:
            r = t.run(max_epochs=min(chunk, epochs - done),
                      loss_threshold=self.settings["loss_threshold"])
            done += r.epochs
            self._snapshot()
            if r.reason != "max_epochs":
                reason = r.reason
                if r.error is not None:
                    self.message.emit(str(r.error))
                break
        self.weights_changed.emit()
        self.trained.emit()
        return reason

    def next_sample(self) -> int:
        """The sample the next single-sample step will use."""
        t = self.trainer
        return int(t.order[t.position])

    def set_notation(self, notation: str) -> bool:
        """Name parameters and neurons by source, by target or as w_ji (undoable)."""
        from core.notation import NOTATIONS
        if notation not in NOTATIONS:
            self.message.emit(f"unknown notation {notation!r}")
            return False
        if notation != self.net.notation:
            self.undo_stack.push(SetNotation(self, self.net.notation, notation))
        return True

    def apply_notation(self, notation: str) -> None:
        """Only names change: training state and histories stay."""
        self.net.notation = notation
        self.structure_changed.emit()
        self.weights_changed.emit()

    def reset(self) -> None:
        """Back to the initial weights (same seed); history cleared."""
        self.net.params[...] = self.project.initial_params
        self.trainer = self._new_trainer()
        self._snapshot()
        self.sample = -1
        self.weights_changed.emit()
        self.trained.emit()

    def reinitialise(self) -> None:
        """New weights from the next seed; they become the initial state (undoable: undo
        brings back the previous weights and seed; training starts afresh either way)."""
        self.end_preview()
        before = self.project_dict()
        init = dict(before["init"])
        init["seed"] = int(init.get("seed", 0)) + 1
        net = self.net.copy()
        initialise(net, init["scheme"], init["seed"], init["scale"], init["bias"])
        after = dict(before, init=init, network=network_dict(net),
                     initial_params=net.params.tolist())
        self.undo_stack.push(Restructure(self, f"Re-initialise (seed {init['seed']})", before,
                                         after))
        self.message.emit(f"Re-initialised with seed {init['seed']}")

    # --- measures ----------------------------------------------------------------
    def status(self) -> dict:
        t = self.trainer
        out = {"epoch": t.epoch, "steps": t.steps, "loss": t.loss(), "accuracy": t.accuracy()}
        if self.X_test is not None:
            out["test_loss"] = t.loss(self.X_test, self.Y_test)
            out["test_accuracy"] = t.accuracy(self.X_test, self.Y_test)
        return out

    @property
    def is_classification(self) -> bool:
        return self.settings["loss"] in ("bce", "cce")
