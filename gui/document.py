"""The Document: the one object that owns the model and is its only writer.

Views read from it (through ``gui.model.DocumentModel``'s accessors) and
connect to its signals; every user edit here goes through an undo command
(gui.commands): small edits (a weight, a freeze, a setting, the notation)
change one thing and undo it; structural, data and training-mode edits build
a new State and swap it in (see gui.model).
"""

from __future__ import annotations

import dataclasses

import numpy as np

from core import Param, initialise
from core import edit as structure
from core import settings as rules
from core.checks import finite_float
from core.features import Features, offered
from core.lessonkit import control_of_setting
from core.notation import NOTATIONS
from core.project import check_map_range, check_map_slice
from core.session import Session
from gui.commands import SetFrozen, SetNotation, SetParam, SetParams, SetSetting, setting_text
from gui.i18n import message, translate
from gui.model import UNDO_LIMIT, DocumentModel, State  # noqa: F401 (State: the edits' type)


class Document(DocumentModel):
    """The document: its model plus every undoable edit."""

    def set_data(self, X, Y, X_test=None, Y_test=None,
                 text: str | None = None) -> bool:
        """Replace the data (undoable). Inputs and outputs of the network follow it; the
        loss and output activation change only when the old ones cannot fit the targets."""
        if not self.allowed("data"):
            return False

        def make() -> State:
            Xa, Ya, Xt, Yt = structure.check_data(X, Y, X_test, Y_test)
            net, settings = structure.fit_to_data(self.net, self.settings, Xa, Ya)
            project = self.project
            if net is not self.net:
                project = dataclasses.replace(project, initial_params=net.params.copy())
            return self._new_state(net if net is not self.net else None, settings, project,
                                   (Xa, Ya, Xt, Yt))
        return self._swap(text or translate("document", "Change the data"), make)

    def add_point(self, x: tuple[float, float], cls: int) -> bool:
        """Add a training sample at ``x`` of class ``cls`` (undoable)."""
        K = self.net.sizes[-1]
        y = np.eye(K)[cls % K] if K > 1 else np.array([float(cls > 0)])
        return self.set_data(np.vstack([self.X, x]), np.vstack([self.Y, y]), self.X_test,
                             self.Y_test, translate("document", "Add a point"))

    def set_features(self, names) -> bool:
        """Feed the network these features of the data (x1, x2, x1*x2, sin(x1), ...;
        core.features) as one undoable edit: the input layer follows, inputs kept by name
        keep their weights. A name the data cannot give (sin(x3) with two inputs) is refused
        with its message and nothing changes."""
        if not self.allowed("features"):
            return False

        def make() -> State:
            features = Features.from_names(self.X.shape[1], list(names))
            net = structure.remap_inputs(self.net, list(self.features.names), list(features.names))
            project = dataclasses.replace(self.project, initial_params=net.params.copy())
            return self._new_state(net, project=project, features=features)
        return self._swap(translate("document", "Inputs: {0}").format(", ".join(map(str, names))), make)

    def toggle_feature(self, name: str, on: bool) -> bool:
        """Feed the network feature ``name`` or stop (the inputs stay in the offered order:
        x1, x2, x1^2, ...); the last input cannot go."""
        order = offered(self.X.shape[1])
        names = [n for n in self.features.names if n != name] + ([name] if on else [])
        names.sort(key=lambda n: order.index(n) if n in order else len(order))
        if not names:
            self.refused.emit(translate("document", "the network needs at least one input"))
            return False
        return names == list(self.features.names) or self.set_features(names)

    def set_map_range(self, r) -> bool:
        """The decision map's view: [x1 from, x1 to, x2 from, x2 to], or None for the data's
        range. Saved with the project; a view, like a zoom, so not an undo step and not an
        unsaved change. A range that breaks core.project.check_map_range is refused with
        its message and nothing changes."""
        return self._set_view("map_range", lambda: None if r is None else check_map_range(r),
                              self.map_range_changed)

    def set_map_slice(self, axes, held) -> bool:
        """Data of more than two inputs: the map shows inputs ``axes`` = (a, b) with every
        other input held at ``held`` (one value per input). Saved with the project; a view,
        like the map's range, so not an undo step and not an unsaved change. A slice that
        breaks core.project.check_map_slice is refused with its message, nothing changed."""
        return self._set_view(
            "_map_slice", lambda: check_map_slice({"axes": list(axes), "held": list(held)},
                                                  self.X.shape[1]), self.map_slice_changed)

    def _set_view(self, name: str, checked, changed) -> bool:
        """Set the view state ``name`` (not an undo step) to ``checked()``, telling ``changed``
        if it differs; a ValueError from the check is refused with its message."""
        try:
            value = checked()
        except ValueError as e:
            self.refused.emit(message(e))
            return False
        if value != getattr(self, name):
            setattr(self, name, value)
            changed.emit()
        return True

    def nearest(self, x: tuple[float, float]) -> int:
        """The training sample nearest to ``x`` in the input plane."""
        return int(np.argmin(((self.X[:, :2] - np.asarray(x)) ** 2).sum(axis=1)))

    def remove_nearest(self, x: tuple[float, float]) -> bool:
        """Remove the training sample nearest to ``x`` (undoable; one sample always stays)."""
        if len(self.X) <= 1:
            self.refused.emit(translate("document", "the data keeps at least one sample"))
            return False
        keep = np.arange(len(self.X)) != self.nearest(x)
        return self.set_data(self.X[keep], self.Y[keep], self.X_test, self.Y_test,
                             translate("document", "Remove a point"))

    def restructure(self, text: str, make) -> bool:
        """A structural edit ``make(net) -> Network`` as one undo step; the new network's
        weights become the initial ones (Reset goes back to them)."""
        if not self.allowed("structure"):
            return False

        def state() -> State:
            new = make(self.net)
            project = dataclasses.replace(self.project, initial_params=new.params.copy())
            return self._new_state(new, project=project)
        return self._swap(text, state)

    def add_neuron(self, layer: int) -> bool:
        return self.restructure(translate("document", "Add a neuron"), lambda n: structure.resize_layer(
            n, layer, n.sizes[layer] + 1, seed=self.undo_stack.index()))

    def remove_neuron(self, layer: int, neuron: int) -> bool:
        return self.restructure(translate("document", "Remove a neuron"),
                                lambda n: structure.remove_neuron(n, layer, neuron))

    def insert_layer(self, position: int, activation: str = "tanh") -> bool:
        return self.restructure(translate("document", "Insert a layer"), lambda n: structure.insert_layer(
            n, position, 2, activation, seed=self.undo_stack.index()))

    def remove_layer(self, position: int) -> bool:
        return self.restructure(translate("document", "Remove a layer"),
                                lambda n: structure.remove_layer(n, position))

    def set_activation(self, layer: int, name: str) -> bool:
        return self.restructure(translate("document", "Set activation to {0}").format(name),
                                lambda n: structure.set_activation(n, layer, name))

    def set_bias(self, layer: int, on: bool) -> bool:
        return self.restructure(translate("document", "Biases on") if on else translate("document",
                                                                                        "Biases off"),
                                lambda n: structure.set_bias(n, layer, on))

    def reset(self) -> bool:
        """Back to the initial weights (same seed), training afresh (undoable)."""
        if not self.allowed("reset"):
            return False

        def make() -> State:
            net = self.net.copy()
            net.params[...] = self.project.initial_params
            return self._new_state(net)
        return self._swap(translate("document", "Reset"), make)

    def reinitialise(self) -> bool:
        """New weights from the next seed; they become the initial state (undoable: undo
        brings back the previous weights, seed and training)."""
        if not self.allowed("reinit"):
            return False
        init = dict(self.project.init, seed=int(self.project.init.get("seed", 0)) + 1)

        def make() -> State:
            net = self.net.copy()
            initialise(net, init["scheme"], init["seed"], init["scale"], init["bias"])
            project = dataclasses.replace(self.project, init=init,
                                          initial_params=net.params.copy())
            return self._new_state(net, project=project)
        if not self._swap(translate("document", "Re-initialise (seed {0})").format(init['seed']), make):
            return False
        self.message.emit(translate("document", "Re-initialised with seed {0}").format(init['seed']))
        return True

    def replay_from(self, k: int) -> bool:
        """Make timeline snapshot k the present and train on from it, as one undoable
        step: undo brings back the whole run, redo the branch with what was trained on it.
        Training goes on exactly as it went from there (momentum's and Adam's averages, the
        epoch's order, the shuffle generator), under the settings now in force (a new
        learning rate, say). Project files keep that state with each snapshot; one read
        from an older file holds only its weights, so from one of those the averages start
        from zero, and the message says so."""
        h = self.session.weight_history
        if not 0 <= k < len(h):
            return False
        epoch, exact = h.epochs[k], []

        def make() -> State:
            state = self._new_state()
            state.session.follow(self.session)
            exact.append(state.session.replay_from(k)[1])
            return state
        if not self._swap(translate("document", "Replay from epoch {0}").format(epoch), make):
            return False
        self.message.emit(translate("model", "Replaying from epoch {0}").format(epoch) if exact[0]
                          else translate("document", "Replaying from epoch {0}: this snapshot, "
                                                     "from an older project file, holds only "
                                                     "weights, so the optimiser starts afresh")
                          .format(epoch))
        return True

    # --- small edits (undoable) ---------------------------------------------------------
    def label(self, p: Param) -> str:
        return self.net.label(p)

    def set_param(self, p: Param | str, text_or_value, merge: bool = False) -> bool:
        """Set a weight or bias from user input; refuse bad input with a message."""
        if not self.allowed("weights"):
            return False
        try:
            p = self.net.resolve(p)
            value = finite_float(text_or_value, self.net.label(p))
        except ValueError as e:
            self.refused.emit(message(e))
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
        if not self.plane_inputs or not self.allowed("weights"):
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
        self.undo_stack.push(SetParams(self, changes, translate("document", "Move the line of {0}")
                                                      .format(name),
                                       key=("line", neuron, drag), merge=merge))
        return True

    def set_frozen(self, p: Param, frozen: bool) -> None:
        if self.net.is_frozen(p) != frozen and self.allowed("weights"):
            self.undo_stack.push(SetFrozen(self, p, frozen, self.net.label(p)))

    def set_setting(self, key: str, text_or_value) -> bool:
        """Change a training setting; refuse bad values with a message, change nothing.
        Settings that change the training itself start a new run (undo brings back the
        old one exactly)."""
        control = control_of_setting(key)
        if control is not None and not self.allowed(control):
            return False
        try:
            value = rules.check(key, text_or_value)
            if key in rules.SESSION_KEYS:  # do the network and data still fit?
                Session(self.net.copy(), self.inputs(self.X), self.Y,
                        {**self.settings, key: value})
        except ValueError as e:
            self.refused.emit(message(e))
            return False
        if value == self.settings[key]:
            return True
        if key in rules.SESSION_KEYS:
            return self._swap(setting_text(key, value),
                              lambda: self._new_state(settings={**self.settings, key: value}))
        self.undo_stack.push(SetSetting(self, key, self.settings[key], value))
        return True

    def set_notation(self, notation: str) -> bool:
        """Name parameters and neurons by source, by target or as w_ji (undoable)."""
        if notation not in NOTATIONS:
            self.refused.emit(translate("document", "unknown notation {0!r}").format(notation))
            return False
        if notation != self.net.notation:
            self.undo_stack.push(SetNotation(self, self.net.notation, notation))
        return True

