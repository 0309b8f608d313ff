"""The Document: the one object that owns the model and is its only writer.

Its ``state`` holds the project's metadata, the Network, the data, the
settings and the training Session (core.session). Views read from it and
connect to its signals; every user edit goes through an undo command
(gui.commands). A structural, data or training-mode edit builds a whole new
State and swaps it in; undo swaps the old one back — the very objects, so the
weights, epoch, step, loss history, timeline and test curve are exactly
what they were, and an undo step costs no copy of the data.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core import Diverged, Network, Param, initialise
from core import edit as structure
from core.checks import finite_float
from core.features import Features
from core.network import as_batch
from core.notation import NOTATIONS
from core.project import Project, ProjectError, capture, resume, snapshots_dict
from core.project import load as load_project
from core.project import save as save_project
from core.session import Session
from gui.commands import SetFrozen, SetNotation, SetParam, SetParams, SetSetting, Swap

UNDO_LIMIT = 100
SETTING_KEYS = ("lr", "batch", "loss", "reduction", "optimizer", "shuffle", "max_epochs",
                "loss_threshold", "speed")
#: settings that change the training itself: a new session (undo brings the old one back)
SESSION_KEYS = ("batch", "loss", "reduction", "optimizer", "shuffle")
MAX_SAMPLES = 1_000_000


@dataclass
class State:
    """Everything one undo step brings back."""

    project: Project  # name, description, init, initial weights, the lesson's view
    net: Network
    X: np.ndarray
    Y: np.ndarray
    X_test: np.ndarray | None
    Y_test: np.ndarray | None
    settings: dict  # replaced, never changed in place
    session: Session
    sample: int = -1  # the highlighted sample
    features: Features | None = None  # data points -> network inputs (identity by default)

    def __post_init__(self) -> None:
        if self.features is None:
            self.features = Features.identity(self.X.shape[1])


class Document(QObject):
    loaded = Signal()  # another project or lesson (selections and the like start afresh)
    structure_changed = Signal()  # a new network shape (or a new project)
    weights_changed = Signal()  # parameters edited, reset or trained
    trained = Signal()  # training steps happened (history grew)
    settings_changed = Signal()
    sample_changed = Signal(int)  # the highlighted sample (-1: none)
    message = Signal(str)  # a result the user should see ("Saved run.json")
    refused = Signal(str)  # input refused, a file not read, training diverged: why
    modified_changed = Signal(bool)  # unsaved changes appeared or were saved
    stopped = Signal(str)  # training stopped by itself (reason)
    preview_changed = Signal(int)  # the timeline shows the network at this epoch (-1: now)

    def __init__(self, project: Project, parent: QObject | None = None,
                 path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.modified = False
        self._trained_since_save = False
        self._clean = True
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.load(project, path)

    # --- the state, read by the views ----------------------------------------------
    project = property(lambda self: self.state.project)
    net = property(lambda self: self.state.net)
    X = property(lambda self: self.state.X)
    Y = property(lambda self: self.state.Y)
    X_test = property(lambda self: self.state.X_test)
    Y_test = property(lambda self: self.state.Y_test)
    settings = property(lambda self: self.state.settings)
    session = property(lambda self: self.state.session)
    trainer = property(lambda self: self.state.session.trainer)
    weight_history = property(lambda self: self.state.session.weight_history)
    test_history = property(lambda self: self.state.session.test_history)
    preview_epoch = property(lambda self: self.state.session.preview_epoch)

    @property
    def sample(self) -> int:
        return self.state.sample

    @property
    def features(self) -> Features:
        return self.state.features

    @property
    def plane_inputs(self) -> bool:
        """The first layer sees the input plane itself (x1, x2), so a first-layer neuron's
        w·x + b = 0 is a line there."""
        return self.features == Features.identity(2)

    def inputs(self, points) -> np.ndarray:
        """What the network sees for data points (N, d): every forward pass from the data or
        from a grid of the input plane goes through here (core.features)."""
        return self.state.features(points)

    @property
    def is_classification(self) -> bool:
        return self.settings["loss"] in ("bce", "cce")

    # --- project -------------------------------------------------------------------
    def load(self, project: Project, path: str | Path | None = None) -> None:
        """Show ``project`` (from ``path``, or a lesson/new project when None)."""
        self.path = Path(path) if path else None
        if project.initial_params is None:
            project.initial_params = project.net.params.copy()
        settings = dict(project.training)
        features = Features.identity(project.X.shape[1])
        session = Session(project.net, features(project.X), project.Y, settings,
                          project.init.get("seed", 0), _maybe(features, project.X_test),
                          project.Y_test)
        resume(project, session.trainer)
        session.restore_snapshots(project.snapshots)
        session.snapshot()
        self.state = State(project, project.net, project.X, project.Y, project.X_test,
                           project.Y_test, settings, session, features=features)
        self.undo_stack.clear()
        self._trained_since_save = False
        self.loaded.emit()
        self.structure_changed.emit()
        self.weights_changed.emit()
        self.settings_changed.emit()
        self.trained.emit()
        self._update_modified()

    def _on_clean_changed(self, clean: bool) -> None:
        self._clean = clean  # (the stack may be gone: this runs while it is destroyed)
        self._update_modified()

    def _update_modified(self) -> None:
        on = self._trained_since_save or not self._clean
        if on != self.modified:
            self.modified = on
            self.modified_changed.emit(on)

    def set_modified(self, on: bool) -> None:
        """Mark unsaved (True: e.g. restored work) or saved (False: the stack's clean point)."""
        if on:
            self._trained_since_save = True
        else:
            self._trained_since_save = False
            self.undo_stack.setClean()
        self._update_modified()

    def to_project(self) -> Project:
        """The project as it stands: settings, training state, decimated history, the
        test curve and weight snapshots."""
        self.end_preview()
        s = self.state
        p = s.project
        p.net, p.training = s.net, dict(s.settings)
        p.X, p.Y, p.X_test, p.Y_test = s.X, s.Y, s.X_test, s.Y_test
        capture(p, self.trainer)
        t, w = self.test_history, self.weight_history
        p.snapshots = snapshots_dict(t.epochs, t.values, w.epochs, w.values)
        return p

    def save(self, path: str | Path) -> bool:
        """Save atomically to ``path`` (the old file survives any failure)."""
        try:
            save_project(self.to_project(), path)
        except (ProjectError, OSError, ValueError) as e:
            self.refused.emit(str(e))
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
            self.refused.emit(f"{Path(path).name}: {e}")
            return False
        self.load(project, path)
        self.message.emit(f"Opened {Path(path).name}")
        return True

    # --- whole-state edits (undo swaps the state back) --------------------------------
    def _new_state(self, net: Network | None = None, settings: dict | None = None,
                   project: Project | None = None, data: tuple | None = None,
                   features: Features | None = None) -> State:
        """A State like the present one with a fresh session; ``net`` defaults to a copy
        of the present network (the old state keeps its own, trained or not)."""
        s = self.state
        net = net if net is not None else s.net.copy()
        settings = dict(settings if settings is not None else s.settings)
        project = project or s.project
        X, Y, Xt, Yt = data or (s.X, s.Y, s.X_test, s.Y_test)
        if features is None:
            features = s.features if X.shape[1] == s.features.d else Features.identity(X.shape[1])
        session = Session(net, features(X), Y, settings, project.init.get("seed", 0),
                          _maybe(features, Xt), Yt)
        session.snapshot()
        return State(project, net, X, Y, Xt, Yt, settings, session, features=features)

    def _swap(self, text: str, make) -> bool:
        """Push ``make() -> State`` as one undo step; a ValueError from it is refused
        with its message and nothing changes."""
        self.end_preview()
        try:
            after = make()
        except ValueError as e:
            self.refused.emit(str(e))
            return False
        self.undo_stack.push(Swap(self, text, self.state, after))
        return True

    def reinstate(self, state: State) -> None:
        """Make ``state`` the present (called by Swap commands only)."""
        old, self.state = self.state, state
        if old.session is not state.session:
            old.session.release()
        self.structure_changed.emit()
        self.weights_changed.emit()
        self.settings_changed.emit()
        self.trained.emit()
        self.sample_changed.emit(state.sample)
        self.preview_changed.emit(-1)

    def set_data(self, X, Y, X_test=None, Y_test=None, text: str = "Change the data") -> bool:
        """Replace the data (undoable). Inputs and outputs of the network follow it; the
        loss and output activation change only when the old ones cannot fit the targets."""
        def make() -> State:
            Xa = as_batch(X, np.shape(X)[1] if np.ndim(X) == 2 else 1, "inputs")
            Ya = as_batch(Y, np.shape(Y)[1] if np.ndim(Y) == 2 else 1, "targets")
            if len(Xa) != len(Ya):
                raise ValueError(f"{len(Xa)} inputs but {len(Ya)} targets")
            Xt = Yt = None
            if X_test is not None and len(X_test):
                Xt, Yt = as_batch(X_test, Xa.shape[1], "test inputs"), \
                    as_batch(Y_test, Ya.shape[1], "test targets")
                if len(Xt) != len(Yt):
                    raise ValueError(f"{len(Xt)} test inputs but {len(Yt)} test targets")
            n = len(Xa) + (0 if Xt is None else len(Xt))
            if n > MAX_SAMPLES:
                raise ValueError(f"{n:,} samples; the data is limited to {MAX_SAMPLES:,}")
            net, settings = structure.fit_to_data(self.net, self.settings, Xa, Ya)
            project = self.project
            if net is not self.net:
                project = dataclasses.replace(project, initial_params=net.params.copy())
            return self._new_state(net if net is not self.net else None, settings, project,
                                   (Xa, Ya, Xt, Yt))
        return self._swap(text, make)

    def add_point(self, x: tuple[float, float], cls: int) -> bool:
        """Add a training sample at ``x`` of class ``cls`` (undoable)."""
        K = self.net.sizes[-1]
        y = np.eye(K)[cls % K] if K > 1 else np.array([float(cls > 0)])
        return self.set_data(np.vstack([self.X, x]), np.vstack([self.Y, y]), self.X_test,
                             self.Y_test, "Add a point")

    def nearest(self, x: tuple[float, float]) -> int:
        """The training sample nearest to ``x`` in the input plane."""
        return int(np.argmin(((self.X[:, :2] - np.asarray(x)) ** 2).sum(axis=1)))

    def remove_nearest(self, x: tuple[float, float]) -> bool:
        """Remove the training sample nearest to ``x`` (undoable; one sample always stays)."""
        if len(self.X) <= 1:
            self.refused.emit("the data keeps at least one sample")
            return False
        keep = np.arange(len(self.X)) != self.nearest(x)
        return self.set_data(self.X[keep], self.Y[keep], self.X_test, self.Y_test,
                             "Remove a point")

    def restructure(self, text: str, make) -> bool:
        """A structural edit ``make(net) -> Network`` as one undo step; the new network's
        weights become the initial ones (Reset goes back to them)."""
        def state() -> State:
            new = make(self.net)
            project = dataclasses.replace(self.project, initial_params=new.params.copy())
            return self._new_state(new, project=project)
        return self._swap(text, state)

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

    def reset(self) -> bool:
        """Back to the initial weights (same seed), training afresh (undoable)."""
        def make() -> State:
            net = self.net.copy()
            net.params[...] = self.project.initial_params
            return self._new_state(net)
        return self._swap("Reset", make)

    def reinitialise(self) -> bool:
        """New weights from the next seed; they become the initial state (undoable: undo
        brings back the previous weights, seed and training)."""
        init = dict(self.project.init, seed=int(self.project.init.get("seed", 0)) + 1)

        def make() -> State:
            net = self.net.copy()
            initialise(net, init["scheme"], init["seed"], init["scale"], init["bias"])
            project = dataclasses.replace(self.project, init=init,
                                          initial_params=net.params.copy())
            return self._new_state(net, project=project)
        if not self._swap(f"Re-initialise (seed {init['seed']})", make):
            return False
        self.message.emit(f"Re-initialised with seed {init['seed']}")
        return True

    # --- small edits (undoable) ---------------------------------------------------------
    def label(self, p: Param) -> str:
        return self.net.label(p)

    def set_param(self, p: Param | str, text_or_value, merge: bool = False) -> bool:
        """Set a weight or bias from user input; refuse bad input with a message."""
        try:
            p = self.net.resolve(p)
            value = finite_float(text_or_value, self.net.label(p))
        except ValueError as e:
            self.refused.emit(str(e))
            return False
        self.end_preview()
        old = self.net.get(p)
        if value != old:
            self.undo_stack.push(SetParam(self, p, old, value, self.net.label(p), merge))
        return True

    def nudge_param(self, p: Param, delta: float) -> None:
        self.set_param(p, self.net.get(p) + delta, merge=True)

    def move_neuron_line(self, neuron: int, p1, p2, merge: bool = True, drag: int = 0) -> bool:
        """Hidden neuron ``neuron`` of the first layer gets the line through points p1 and
        p2 of the input plane (w1 x1 + w2 x2 + b = 0): |w| and the positive side are kept,
        the direction and (with a bias) the offset follow the points. One drag, one undo."""
        net = self.net
        if not self.plane_inputs:
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

    def set_frozen(self, p: Param, frozen: bool) -> None:
        if self.net.is_frozen(p) != frozen:
            self.undo_stack.push(SetFrozen(self, p, frozen, self.net.label(p)))

    def set_setting(self, key: str, text_or_value) -> bool:
        """Change a training setting; refuse bad values with a message, change nothing.
        Settings that change the training itself start a new run (undo brings back the
        old one exactly)."""
        try:
            value = self._check_setting(key, text_or_value)
        except ValueError as e:
            self.refused.emit(str(e))
            return False
        if value == self.settings[key]:
            return True
        if key in SESSION_KEYS:
            return self._swap(f"Set {key} to {value}",
                              lambda: self._new_state(settings={**self.settings, key: value}))
        self.undo_stack.push(SetSetting(self, key, self.settings[key], value))
        return True

    def _check_setting(self, key: str, v):
        if key not in SETTING_KEYS:
            raise ValueError(f"unknown setting {key!r}")
        if key == "lr":
            v = finite_float(v, "learning rate")
            if v <= 0:
                raise ValueError(f"learning rate must be positive; got {v:g}")
            return v
        if key == "batch":
            if v in ("full", "sample"):
                return v
            n = finite_float(v, "batch size")
            if n < 1 or n != int(n):
                raise ValueError("batch size must be a whole number of at least 1")
            return int(n)
        if key in ("max_epochs", "loss_threshold", "speed"):
            if v in (None, ""):
                return None
            x = finite_float(v, key.replace("_", " "))
            if x <= 0:
                raise ValueError(f"{key.replace('_', ' ')} must be positive")
            return int(x) if key == "max_epochs" else x
        if key == "shuffle":
            if not isinstance(v, bool):
                raise ValueError("shuffle must be on or off")
            return v
        Session(self.net.copy(), self.inputs(self.X), self.Y, {**self.settings, key: v})  # fits?
        return v

    def set_notation(self, notation: str) -> bool:
        """Name parameters and neurons by source, by target or as w_ji (undoable)."""
        if notation not in NOTATIONS:
            self.refused.emit(f"unknown notation {notation!r}")
            return False
        if notation != self.net.notation:
            self.undo_stack.push(SetNotation(self, self.net.notation, notation))
        return True

    # --- apply (called by commands only) ------------------------------------------
    def apply_param(self, p: Param, value: float) -> None:
        self.end_preview()
        self.net.set(p, value)
        self.session.snapshot()
        self.weights_changed.emit()

    def apply_params(self, params: list, values: list) -> None:
        self.end_preview()
        for p, v in zip(params, values):
            self.net.set(p, v)
        self.session.snapshot()
        self.weights_changed.emit()

    def apply_frozen(self, p: Param, frozen: bool) -> None:
        self.net.freeze(p, frozen)
        self.weights_changed.emit()

    def apply_setting(self, key: str, value) -> None:
        self.state.settings = {**self.settings, key: value}
        if key == "lr":
            self.trainer.set_lr(value)  # keeps epochs, history and optimiser state
        self.settings_changed.emit()

    def apply_notation(self, notation: str) -> None:
        """Only names change: training state and histories stay."""
        self.net.notation = notation
        self.structure_changed.emit()
        self.weights_changed.emit()

    # --- the timeline ---------------------------------------------------------------
    def preview(self, k: int) -> None:
        """Show the network as it was at weight snapshot k (nothing is changed for good)."""
        epoch = self.session.preview(k)
        if epoch >= 0:
            self.weights_changed.emit()
            self.preview_changed.emit(epoch)

    def end_preview(self) -> None:
        """Back to the present."""
        if self.session.end_preview():
            self.weights_changed.emit()
            self.preview_changed.emit(-1)

    def replay_from(self, k: int) -> bool:
        """Make snapshot k the present: weights, epoch and loss history go back to it, and
        training continues from there."""
        epoch = self.session.replay_from(k)
        if epoch < 0:
            return False
        self._after_training()
        self.preview_changed.emit(-1)
        self.message.emit(f"Replaying from epoch {epoch}")
        return True

    # --- training -------------------------------------------------------------------
    def _after_training(self, samples=()) -> None:
        if len(samples) == 1:
            self.state.sample = int(samples[0])
            self.sample_changed.emit(self.sample)
        self._trained_since_save = True
        self._update_modified()
        self.weights_changed.emit()
        self.trained.emit()

    def step_back(self) -> bool:
        """Undo the last training call (a step, an epoch or a Play slice): weights,
        counters and histories go back; the last PAST_STEPS calls are kept."""
        self.end_preview()
        c = self.session.step_back()
        if c is None:
            self.refused.emit("No earlier training step is kept")
            return False
        self.state.sample = -1
        self.sample_changed.emit(-1)
        self._after_training()
        self.message.emit(f"Stepped back to epoch {c['epoch']}, step {c['steps']}")
        return True

    def _step(self, fn) -> bool:
        self.end_preview()
        self.session.remember()
        try:
            r = fn()
        except Diverged as e:
            self.session.forget_last()  # nothing changed
            self.refused.emit(str(e))
            self.stopped.emit("diverged")
            return False
        self.session.snapshot()
        self._after_training(r.samples)
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
        self.session.remember()
        r = t.run(max_epochs=limit, loss_threshold=s["loss_threshold"], seconds=seconds)
        if not r.epochs:
            self.session.forget_last()
        else:
            self.session.snapshot()
            self._after_training()
        if r.reason == "diverged":
            self.refused.emit(str(r.error))
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
            self.session.snapshot()
            if r.reason != "max_epochs":
                reason = r.reason
                if r.error is not None:
                    self.refused.emit(str(r.error))
                break
        self._after_training()
        return reason

    def next_sample(self) -> int:
        """The sample the next single-sample step will use."""
        t = self.trainer
        return int(t.order[t.position])

    # --- measures ----------------------------------------------------------------------
    def status(self) -> dict:
        t = self.trainer
        out = {"epoch": t.epoch, "steps": t.steps, "loss": t.loss(), "accuracy": t.accuracy()}
        if self.X_test is not None:
            Xt = self.inputs(self.X_test)
            out["test_loss"] = t.loss(Xt, self.Y_test)
            out["test_accuracy"] = t.accuracy(Xt, self.Y_test)
        return out


def _maybe(features: Features, points):
    """Network inputs for optional data (the test set)."""
    return None if points is None else features(points)
