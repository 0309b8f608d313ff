"""The document's model: what it holds and how training moves it.

``DocumentModel`` owns the ``State`` — the project's metadata, the Network,
the data, the settings and the training Session (core.session) — with the
signals views connect to, loading and saving, training steps and the
timeline, and the machinery of whole-state undo: a structural, data or
training-mode edit builds a new State and ``Swap`` (gui.commands) swaps it
in; undo swaps the old one back — the very objects, so the weights, epoch,
step, loss history, timeline and test curve are exactly what they were, and
an undo step costs no copy of the data. The edits themselves are
``gui.document.Document``'s.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core import Diverged, Network, Param, lessonkit
from core.datasets import nearest as nearest_sample
from core.features import Features
from core.health import neuron_states
from core.project import Project, ProjectError, capture, project_features, resume, snapshots_dict
from core.project import load as load_project
from core.project import save as save_project
from core.session import Session
from gui.commands import Swap
from gui.i18n import message, translate

UNDO_LIMIT = 100
UNDO_BYTES = 256 * 2**20  # snapshots and checkpoints the undo steps' sessions may hold


def _clear_quietly(stack: QUndoStack) -> None:
    """Delete the undo steps of a document that is going (see DocumentModel.__init__): no signal
    reaches a view of it on the way."""
    try:
        stack.blockSignals(True)
        stack.clear()
    except RuntimeError:  # its Qt half went first (the application is closing)
        pass


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


class DocumentModel(QObject):
    """The model views watch; the only writer of it is the Document (its subclass)."""

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
    burst_over = Signal()  # the signals of one change are out: views that waited redraw now
    map_range_changed = Signal()  # the decision map's view range (a view state, not undone)
    map_slice_changed = Signal()  # the map's axes and held inputs (more than two inputs)
    probe_changed = Signal()  # a probe point was put on the map, moved or removed
    locks_changed = Signal()  # the lesson's profile came (with a project) or was lifted

    def __init__(self, project: Project, parent: QObject | None = None,
                 path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.bursting = False  # True while emitting the signals of one change (views wait)
        self.map_range: tuple | None = None  # the map's view (a view: undo leaves it alone)
        self._map_slice: tuple | None = None  # ((a, b), held values) or None: see map_slice()
        self._means = (None, None)  # (the data, its inputs' means): the slice's defaults
        self.probe: tuple[float, ...] | None = None  # a data point put on the map (Ctrl+click)
        self.probe_class = 0  # the class its lecture step takes as target
        self.sample_changed.connect(self._drop_probe)  # a training step shows its sample
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.modified = False
        self._trained_since_save = False
        self._clean = True
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        # The undo steps are Python objects that refer to this document: when the garbage
        # collector frees a document, it may free its commands' Python halves first, and
        # the stack, deleted with the document, then deleted freed commands (a segfault in
        # QUndoStack::clear). A finalizer runs before the collector frees anything of it:
        # the steps go while all of it is whole.
        weakref.finalize(self, _clear_quietly, self.undo_stack).atexit = False  # (at exit, Qt
        # may be gone: the process frees everything at once)
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
    def epoch(self) -> int:
        """Epochs trained."""
        return self.state.session.trainer.epoch

    @property
    def steps(self) -> int:
        """Updates made."""
        return self.state.session.trainer.steps

    @property
    def loss_history(self):
        """E(w_k) per epoch (core.training.History: ``epochs``, ``losses``)."""
        return self.state.session.trainer.history

    def loss(self) -> float:
        """E on the training data at the current weights."""
        return self.state.session.trainer.loss()

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

    def set_probe(self, point, cls: int = 0) -> None:
        """Probe the network at data point ``point`` (None: remove the probe): the canvas
        shows its forward pass and the lecture derives a step for it, with target class
        ``cls`` (or, for regression, the target of the nearest training sample).
        A view state, not an undo step; a training step that shows a sample removes it."""
        self.probe = None if point is None else tuple(float(v) for v in point)
        self.probe_class = int(cls)
        self.probe_changed.emit()

    def _drop_probe(self, sample: int) -> None:
        if self.probe is not None and sample >= 0:
            self.set_probe(None)

    def probe_target(self) -> np.ndarray:
        """The target of the probe's lecture step: class ``probe_class`` (one-hot for several
        outputs, 0/1 for one), or for regression the target of the nearest training sample
        (probe_neighbour): what the data says there."""
        K = self.net.sizes[-1]
        if not self.is_classification:
            return self.Y[self.probe_neighbour()].copy()
        return np.eye(K)[self.probe_class % K] if K > 1 else np.array([float(self.probe_class > 0)])

    def probe_neighbour(self) -> int:
        """The training sample nearest the probe (core.datasets.nearest: each input in its
        own spread)."""
        return nearest_sample(self.X, self.probe)

    def input_names(self) -> list | None:
        """The input neurons' names as formula tokens when they are features (x₁x₂), else
        None (the notation's x₁, x₂)."""
        f = self.features
        return None if f.is_identity else [feature.sym() for feature in f.parsed]

    def inputs(self, points) -> np.ndarray:
        """What the network sees for data points (N, d): every forward pass from the data or
        from a grid of the input plane goes through here (core.features)."""
        return self.state.features(points)

    def map_slice(self) -> tuple[tuple[int, int], np.ndarray] | None:
        """For data of d > 2 inputs, the decision map's slice: the inputs (a, b) on its
        axes and the values every input is held at, shape (d,) (a copy); the first two
        inputs and the data's means unless set (Document.set_map_slice). None for d <= 2."""
        if self.X.shape[1] <= 2:
            return None
        if self._fits(self._map_slice):
            return self._map_slice[0], np.array(self._map_slice[1], dtype=float)
        if self._means[0] is not self.X:
            self._means = (self.X, self.X.mean(axis=0))
        return (0, 1), self._means[1].copy()

    def _fits(self, s) -> bool:
        """Whether a stored slice is one for the data's number of inputs (data of another
        width drops it: the defaults apply)."""
        return s is not None and len(s[1]) == self.X.shape[1] > 2

    @property
    def is_classification(self) -> bool:
        return self.settings["loss"] in ("bce", "cce")

    # --- project -------------------------------------------------------------------
    def load(self, project: Project, path: str | Path | None = None) -> None:
        """Show ``project`` (from ``path``, or a lesson/new project when None)."""
        self.path = Path(path) if path else None
        self.map_range = project.map_range
        self._map_slice = project.map_slice
        # the controls the lesson's profile takes away (core.lessonkit); a view state, not
        # an edit: Lecture → Unlock controls lifts them
        self.locks = lessonkit.locked((project.lesson or {}).get("profile", {}))
        self.probe = None  # a probe belongs to the data it was put on
        if project.initial_params is None:
            project.initial_params = project.net.params.copy()
        settings = dict(project.training)
        features = project_features(project)
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
        self.bursting = True
        try:
            self.loaded.emit()
            self.locks_changed.emit()
            self.structure_changed.emit()
            self.weights_changed.emit()
            self.settings_changed.emit()
            self.trained.emit()
        finally:
            self.bursting = False
        self.burst_over.emit()
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
        p.features = None if s.features.is_identity else s.features.names
        p.map_range = self.map_range
        p.map_slice = self._map_slice if self._fits(self._map_slice) else None
        capture(p, self.trainer)
        t, w, r = self.test_history, self.weight_history, self.session.resume_history
        p.snapshots = snapshots_dict(t.epochs, t.values, w.epochs, w.values, r.epochs, r.values)
        return p

    def save(self, path: str | Path) -> bool:
        """Save atomically to ``path`` (the old file survives any failure)."""
        try:
            save_project(self.to_project(), path)
        except (ProjectError, OSError, ValueError) as e:
            self.refused.emit(message(e))
            return False
        self.path = Path(path)
        self.set_modified(False)
        self.message.emit(translate("model", "Saved {0}").format(self.path.name))
        return True

    def open(self, path: str | Path) -> bool:
        """Open a project file; a bad file is refused and the open project stays."""
        try:
            project = load_project(path)
        except ProjectError as e:
            self.refused.emit(f"{Path(path).name}: {message(e)}")
            return False
        self.load(project, path)
        self.message.emit(translate("model", "Opened {0}").format(Path(path).name))
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
            self.refused.emit(message(e))
            return False
        self.undo_stack.push(Swap(self, text, self.state, after))
        self.keep_undo_within(UNDO_BYTES)
        return True

    def keep_undo_within(self, budget: int) -> int:
        """Make the sessions the undo steps keep (not the present one) hold at most
        ``budget`` bytes of snapshots and checkpoints, the oldest shedding first
        (``Session.shed``: a step's network, weights and run come back whole; its
        timeline keeps fewer snapshots). The bytes held after."""
        sessions, ids = [], {id(self.state.session)}
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            for state in (getattr(command, "before", None), getattr(command, "after", None)):
                if isinstance(state, State) and id(state.session) not in ids:
                    ids.add(id(state.session))
                    sessions.append(state.session)

        sizes = [s.held_bytes() for s in sessions]
        while sum(sizes) > budget:
            k = next((k for k, s in enumerate(sessions) if s.shed()), None)  # the oldest that can
            if k is None:
                break
            sizes[k] = sessions[k].held_bytes()
        return sum(sizes)

    def reinstate(self, state: State) -> None:
        """Make ``state`` the present (called by Swap commands only)."""
        old, self.state = self.state, state
        if old.session is not state.session:
            old.session.release()
        self.bursting = True  # views redraw once after these, not once for each
        try:
            self.structure_changed.emit()
            self.weights_changed.emit()
            self.settings_changed.emit()
            self.trained.emit()
            self.sample_changed.emit(state.sample)
            self.preview_changed.emit(-1)
        finally:
            self.bursting = False
        self.burst_over.emit()

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
        elif key in ("l1", "l2"):  # so do these
            s = self.settings
            self.trainer.set_regularization(s.get("l1", 0.0), s.get("l2", 0.0))
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

    # --- training -------------------------------------------------------------------
    def _after_training(self, samples=()) -> None:
        if len(samples) == 1:
            self.state.sample = int(samples[0])
            self.sample_changed.emit(self.sample)
        self._trained_since_save = True
        self._update_modified()
        self.weights_changed.emit()
        self.trained.emit()

    def allowed(self, control: str) -> bool:
        """Whether the lesson lets the student use ``control`` (core.lessonkit.CONTROLS);
        if not, the refusal says so."""
        if control in self.locks:
            what = message(lessonkit.CONTROL_TEXT[control])
            self.refused.emit(translate("model", "This lesson locks {0} (Lecture → Unlock controls "
                                                 "lifts it)").format(what))
            return False
        return True

    def unlock(self) -> None:
        """Lift the lesson's profile: every control works again."""
        if self.locks:
            self.locks = set()
            self.locks_changed.emit()

    def step_back(self) -> bool:
        """Undo the last training call (a step, an epoch or a Play slice): weights,
        counters and histories go back; the last PAST_STEPS calls are kept."""
        if not self.allowed("step_back"):
            return False
        self.end_preview()
        c = self.session.step_back()
        if c is None:
            self.refused.emit(translate("model", "No earlier training step is kept"))
            return False
        self.state.sample = -1
        self.sample_changed.emit(-1)
        self._after_training()
        self.message.emit(translate("model", "Stepped back to epoch {0}, step {1}")
                          .format(c['epoch'], c['steps']))
        return True

    def _step(self, kind: str) -> bool:
        if not self.allowed(f"step_{kind}"):
            return False
        try:
            r = self.session.step(kind)
        except Diverged as e:
            self.refused.emit(message(e))
            self.stopped.emit("diverged")
            return False
        self._after_training(r.samples)
        return True

    def step_sample(self) -> bool:
        return self._step("sample")

    def step_batch(self) -> bool:
        return self._step("batch")

    def step_epoch(self) -> bool:
        return self._step("epoch")

    def train_for(self, seconds: float, max_epochs: int | None = None, go_on: bool = False
                  ) -> str | None:
        """Train whole epochs for about ``seconds``; returns a stop reason when a rule
        stopped training (and tells the user), else None. ``go_on``: a further slice of
        the last training call, which one Step back undoes whole (Predict's N epochs)."""
        return self._ran(*self.session.train_for(seconds, max_epochs, self.settings, go_on))

    def training_job(self) -> dict | None:
        """What another process needs to continue training under the stop rules
        (``core.worker``); None when they leave nothing to do."""
        return self.session.job(self.settings)

    def adopt(self, reports: list[dict]) -> str | None:
        """Take over what another process trained (``core.worker`` reports, oldest
        first), as ``train_for`` would have done it; its stop reason or None."""
        return self._ran(*self.session.adopt(reports, self.settings))

    def _ran(self, r, reason: str | None, text: str) -> str | None:
        if r is not None and r.epochs:
            self._after_training()
        if text:
            (self.refused if reason == "diverged" else self.message).emit(message(text))
        if reason is not None:
            self.stopped.emit(reason)
        return reason

    def train_epochs(self, epochs: int, snapshots: int = 100) -> str:
        """Train ``epochs`` epochs at once (no window needed), recording test loss and
        weights ``snapshots`` times along the way; returns the stop reason."""
        r = self.session.train_epochs(epochs, self.settings["loss_threshold"], snapshots)
        if r.error is not None:
            self.refused.emit(message(r.error))
        self._after_training()
        return r.reason

    def next_sample(self) -> int:
        """The sample the next single-sample step will use."""
        t = self.trainer
        return int(t.order[t.position])

    # --- measures ----------------------------------------------------------------------
    def status(self) -> dict:
        """The status line's numbers, and the hidden neurons' states (saturated or dead)
        for the canvas, from one forward pass over each data set."""
        t = self.trainer
        loss, acc, p = t.measures()
        out = {"epoch": t.epoch, "steps": t.steps, "loss": loss, "accuracy": acc,
               "states": neuron_states(t.net, t.X, p)}
        if self.X_test is not None:
            out["test_loss"], out["test_accuracy"], _ = t.measures(self.inputs(self.X_test), self.Y_test)
        return out


def _maybe(features: Features, points):
    """Network inputs for optional data (the test set)."""
    return None if points is None else features(points)
