"""Training health (core.health) over time: per-layer gradient norms, the weights' and
a hidden layer's activations' distributions as they change (TensorBoard's histogram
view, as heatmaps: time across, value up, count as colour), and which hidden neurons
are saturated or dead now. ``HealthHistory`` works the numbers out once per weight
snapshot (the timeline's), a few snapshots at a time, for this view and the timeline's
marks alike."""

from __future__ import annotations

import time
import weakref

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
)

from core.health import gradient_norms, histogram, neuron_states
from gui.colour_vision import PALETTE
from gui.document import Document
from gui.i18n import translate
from gui.plots.legend import CurveLegend, Readout, nearest
from gui.plots.steady import Grid, SteadyPlot, room_above, set_items, set_label, set_range
from gui.plots.views import Throttled, spread
from gui.throttle import Throttle

BINS = 40
WEIGHT_RANGE = (-4.0, 4.0)  # weights beyond go to the end bins
COLOURS = PALETTE  # apart for colour-vision deficiencies too (gui.colour_vision)
SLICE_S = 0.02  # at most this long per update working through new snapshots
# While someone watches, new snapshots are worked through (newest first) in slices of PUMP_S,
# at most PUMP_FPS a second, between the window's frames: the view's redraw did 6 ms of them
# and drew for 3 more, a 10 ms block that held up a frame twice a second. While a big net
# plays, snapshots come faster than that; the older ones fill in when it pauses.
PUMP_S = 0.003
PUMP_FPS = 10
# The numbers over time are worked out on at most this many samples, evenly spread: one
# snapshot's on all of 100,000 samples (a 6 x 8 net) took 225 ms, a block no slice can
# split, and the window answered three times a second while it played. The present
# states (describe_states, the canvas's marks) stay on every sample.
HEALTH_SAMPLES = 5_000


def activation_range(act: str) -> tuple[float, float]:
    return {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0), "softmax": (0.0, 1.0)}.get(act, (-4.0, 4.0))


class HealthHistory(QObject):
    """Per weight snapshot: gradient norms by layer, the weight histogram, each hidden
    layer's activation histogram and how many hidden neurons are saturated or dead.
    Cached by epoch (with a checksum of the weights, which a step back may change), one
    cache per training run (its weight history) and loss: an undo that brings back a run
    brings back its numbers at once, not a recomputation of hundreds of snapshots."""

    changed = Signal()
    RUNS = 8  # the caches of this many runs are kept (undo steps back through runs)

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._caches: dict[tuple, list] = {}  # (run, loss, reduction) -> _entry()
        for signal in (doc.structure_changed, doc.settings_changed, doc.loaded):
            # another run (or loss): the marks follow. Signal to signal, which Qt drops with
            # this object (connected to ``changed.emit``, it outlived it: View → Language)
            signal.connect(self.changed)
        # paced by PUMP_FPS alone: each slice is bounded by PUMP_S already, and a slice that
        # a garbage collection or a redraw made long must not slow the next ones down
        self.pump = Throttle(self._work, PUMP_FPS, self, budget=1.0, background=True)
        self._wanted_until = 0.0
        doc.burst_over.connect(self._after_edit)

    def _after_edit(self) -> None:
        """An edit (or an undo) has just been made: its views redraw and paint in this turn
        of the event loop, so the next slice waits a pace (one that fell due here took
        ~3.5 ms of a 6 x 8 net's Add a neuron)."""
        self.pump.hold(1.0 / PUMP_FPS)

    def want(self) -> None:
        """A view shows these numbers: work through new snapshots, a slice at a time, for
        a second after the last call (views call it as they redraw on ``changed``)."""
        self._wanted_until = time.perf_counter() + 1.0
        self.pump.request()

    def _work(self) -> None:
        if not self.update(PUMP_S) and time.perf_counter() < self._wanted_until:
            self.pump.request()

    def _entry(self) -> list:
        """The current run's cache: [its weight history (weakly), epoch -> (checksum,
        numbers), the history's ``edits`` when the checksums were last verified]."""
        h, s = self.doc.weight_history, self.doc.settings
        key = (id(h), s["loss"], s["reduction"])
        entry = self._caches.get(key)
        if entry is None or entry[0]() is not h:  # (an id reused by another run)
            entry = self._caches[key] = [weakref.ref(h), {}, -1]
            while len(self._caches) > self.RUNS:
                del self._caches[next(iter(self._caches))]
        return entry

    @property
    def stats(self) -> dict[int, tuple[float, dict]]:
        """The current run's cache: epoch -> (checksum, numbers)."""
        return self._entry()[1]

    def update(self, budget: float = SLICE_S) -> bool:
        """Work out the snapshots not yet done (newest first) for up to ``budget`` seconds;
        True when every snapshot is done."""
        doc, h = self.doc, self.doc.weight_history
        done = True
        entry = self._entry()
        stats = entry[1]
        if entry[2] != h.edits:  # a replaced value, a truncation or a thinning (a step back,
            # a replay): each kept epoch's numbers are checked against its weights now.
            # Appending changes no kept snapshot, so a slice need not sum them all (up to
            # 10^6 numbers: ~1.5 ms, ten times a second)
            kept = dict(zip(h.epochs, h.values))
            for e in [e for e, (check, _) in stats.items()
                      if e not in kept or not _same(check, _checksum(kept[e]))]:
                del stats[e]
            entry[2] = h.edits
        todo = [(e, p) for e, p in zip(reversed(h.epochs), reversed(h.values)) if e not in stats]
        if not todo:  # (the common case while paused: nothing to copy or compute)
            return True
        net = doc.net.copy()
        keep = spread(len(doc.X), HEALTH_SAMPLES)
        X, Y = doc.inputs(doc.X[keep]), doc.Y[keep]
        s = doc.settings
        # a summed loss's gradient grows with the samples: scaled to all of them
        scale = len(doc.X) / len(X) if s["reduction"] == "sum" else 1.0
        start = time.perf_counter()  # the budget is for the snapshots' numbers
        for epoch, params in todo:
            check = _checksum(params)
            if time.perf_counter() - start > budget:
                done = False
                break
            net.params[...] = params
            acts = {}
            with np.errstate(all="ignore"):
                z = net.forward(X).z
            for l, act in enumerate(net.activations[:-1]):
                acts[l + 1] = histogram(z[l + 1], *activation_range(act), BINS)
            weights = np.concatenate([W.ravel() for W in net.weights])
            stats[epoch] = (check, {
                "grad": gradient_norms(net, X, Y, s["loss"], s["reduction"]) * scale,
                "weights": histogram(weights, *WEIGHT_RANGE, BINS), "acts": acts,
                "unhealthy": len(neuron_states(net, X))})
        self.changed.emit()
        return done

    def series(self) -> tuple[np.ndarray, list[dict]]:
        """(epochs, stats) of the snapshots done, in epoch order."""
        stats = self.stats
        epochs = sorted(stats)
        return np.array(epochs, dtype=float), [stats[e][1] for e in epochs]


def heatmap(columns: list[np.ndarray]) -> np.ndarray:
    """Histograms (one a snapshot) as an image, time across and value up, each column
    scaled to its own largest count (so a shape stays visible as counts change)."""
    img = np.array(columns, dtype=np.float32)  # (T, BINS)
    peak = img.max(axis=1, keepdims=True)
    return img / np.where(peak > 0, peak, 1.0)


class HealthView(Throttled):
    """The Training health view."""

    max_fps = 2  # whole-data passes per snapshot: two redraws a second are plenty, and the
    budget = 0.03  # view must not cost the others their frames on a big net

    def __init__(self, doc: Document, history: HealthHistory, parent=None) -> None:
        super().__init__(doc, parent)
        self.history = history
        self.grads = SteadyPlot()
        self.grads.setLogMode(y=True)
        room_above(self.grads)
        set_label(self.grads, "bottom", translate("health", "epoch"))
        # no left label: the chart box above says "gradient norm by layer", and in the
        # 1280 x 720 window's dock the rotated "‖∂E/∂W‖" was taller than the plot (clipped)
        Grid(self.grads)
        self.legend = CurveLegend(self.grads, columns=1)  # hidden where it has no room
        self.curves = []
        self.readout = Readout(self.grads)  # the curve hovered
        self.grads.scene().sigMouseMoved.connect(self._hover)
        self.weights = SteadyPlot()
        self.acts = SteadyPlot()
        self.images = {}
        for plot, what in ((self.weights, translate("health", "weight")),
                           (self.acts, translate("health", "activation"))):
            set_label(plot, "bottom", translate("health", "epoch"))
            set_label(plot, "left", what)
            img = pg.ImageItem(axisOrder="col-major")
            img.setColorMap(pg.colormap.get("viridis"))
            plot.addItem(img)
            self.images[id(plot)] = img
        self.layer = QComboBox()
        self.layer.setToolTip(translate("health", "The hidden layer whose activations are shown"))
        self.layer.activated.connect(lambda i: self.redraw())
        self.chart = QComboBox()  # one chart at a time: each stays readable in a small dock
        for text in (translate("health", "gradient norm by layer"),
                     translate("health", "weights over time"),
                     translate("health", "activations over time")):
            self.chart.addItem(text)
        self.chart.setToolTip(translate("health", "Which chart: per-layer gradient norms, or the "
                                                  "distribution of the weights or of a hidden layer's "
                                                  "activations as training goes on (brighter: more)"))
        self.stack = QStackedWidget()
        for plot in (self.grads, self.weights, self.acts):
            self.stack.addWidget(plot)
        self.chart.currentIndexChanged.connect(self._choose)
        self.states = QLabel()
        self.states.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.chart, 1)
        row.addWidget(self.layer, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(row)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.states)
        self._choose(0)
        doc.trained.connect(self.request)
        history.changed.connect(self.request)
        doc.structure_changed.connect(self._on_structure_changed)
        self._on_structure_changed()

    def apply_theme(self, high_contrast: bool) -> None:
        self.legend.apply_theme(high_contrast)
        self.readout.apply_theme(high_contrast)

    def apply_scale(self, scale: float) -> None:
        room_above(self.grads)  # its range is whole decades: the top tick is on the edge

    def _hover(self, pos) -> None:
        """The layer whose gradient-norm curve passes nearest the pointer, named with its
        value and epoch (the legend has no room in a small dock)."""
        vb, text = self.grads.getPlotItem().vb, ""
        if vb.sceneBoundingRect().contains(pos):
            at, best = vb.mapSceneToView(pos), (Readout.HOVER_PX, None)
            for c, name in zip(self.curves, self.legend.names()):
                x, y = c.xData, c.yData
                if x is None or not len(x) or not c.isVisible():
                    continue
                k = nearest(x, at.x())
                if y[k] > 0:  # on the log axis the view's y is log10 of the norm
                    d = abs(np.log10(y[k]) - at.y()) / max(vb.viewPixelSize()[1], 1e-300)
                    if d <= best[0]:
                        best = (d, translate("health", "{0}: {1:.4g} at epoch {2}").format(
                            name, y[k], int(x[k])))
            text = best[1] or ""
        self.readout.show_text(text)

    def _choose(self, k: int) -> None:
        self.stack.setCurrentIndex(k)
        self.layer.setVisible(k == 2)

    def _on_structure_changed(self) -> None:
        """A curve per weight layer, kept across edits (adding a neuron makes no item);
        the combo of hidden layers made again (it is a widget, not a graphics item)."""
        net = self.doc.net
        names = net.neuron_names()
        while len(self.curves) > net.n_layers:
            self.grads.removeItem(self.curves.pop())
        while len(self.curves) < net.n_layers:
            l = len(self.curves)
            colour = COLOURS[l % len(COLOURS)]  # (the brush: a dot while there is one epoch)
            self.curves.append(self.grads.plot([], [], pen=pg.mkPen(colour, width=2), symbolBrush=colour,
                                               symbolPen=colour, symbolSize=7))
        self.legend.set_entries([
            (c, f"{names[l][0].rstrip('0123456789')}→{names[l + 1][0].rstrip('0123456789')} ({l + 1})")
            for l, c in enumerate(self.curves)])
        set_items(self.layer, [(translate("health", "hidden layer {0} ({1})").format(
            l, net.activations[l - 1]), l) for l in range(1, len(net.sizes) - 1)])
        self.request()

    def redraw(self) -> None:
        h = self.history
        h.want()  # (its ``changed`` brings the next redraw)
        epochs, stats = h.series()
        net = self.doc.net
        if not len(epochs):
            return
        grads = np.array([s["grad"] for s in stats])
        for l, c in enumerate(self.curves):
            g = grads[:, l] if grads.ndim == 2 and l < grads.shape[1] else np.empty(0)
            keep = np.isfinite(g) & (g > 0)  # one point (epoch 0): a line of one draws nothing
            c.setData(epochs[keep], g[keep], symbol="o" if keep.sum() == 1 else None)
        e0, e1 = float(epochs[0]), float(max(epochs[-1], epochs[0] + 1))
        ok = grads[np.isfinite(grads) & (grads > 0)]
        if ok.size:
            lo, hi = np.log10(ok.min()), np.log10(ok.max())
            # whole decades: within one, pyqtgraph labels every minor tick of the log axis,
            # a stack of overlapping numbers in a short dock
            # (from a little left of the first epoch: its dots show whole)
            set_range(self.grads, (e0 - 0.02 * (e1 - e0), e1), (np.floor(lo - 0.05), np.ceil(hi + 0.05)), 0)
        self._heat(self.weights, [s["weights"] for s in stats], (e0, e1), WEIGHT_RANGE)
        layer = self.layer.currentData()
        if layer is not None:
            lo_hi = activation_range(net.activations[layer - 1])
            columns = [s["acts"].get(layer, np.zeros(BINS)) for s in stats]
            self._heat(self.acts, columns, (e0, e1), lo_hi)
        if layer is None and self.chart.currentIndex() == 2:  # no hidden layer: no activations
            self.chart.setCurrentIndex(0)
        text = describe_states(self.doc)
        if len(self.doc.X) > HEALTH_SAMPLES:
            text += " " + translate("health", "The charts over time are worked out on {0:,} of the "
                                              "{1:,} samples, evenly spread.").format(
                HEALTH_SAMPLES, len(self.doc.X))
        self.states.setText(text)

    def _heat(self, plot, columns, xs, ys) -> None:
        img = self.images[id(plot)]
        img.setImage(heatmap(columns), levels=(0.0, 1.0), autoLevels=False)
        img.setRect(xs[0], ys[0], xs[1] - xs[0], ys[1] - ys[0])
        set_range(plot, xs, ys, 0)


def describe_states(doc: Document) -> str:
    """'Saturated: h1 (87 % of samples). Dead ReLUs: h2,1.' or that all are healthy."""
    states = neuron_states(doc.net, doc.inputs(doc.X))
    names = doc.net.neuron_names()
    sat = [f"{names[l][i]} ({share:.0%})" for (l, i), (s, share) in sorted(states.items())
           if s == "saturated"]
    dead = [names[l][i] for (l, i), (s, _) in sorted(states.items()) if s == "dead"]
    parts = []
    if sat:
        parts.append(translate("health", "Saturated (|a| > 4 on most samples): {0}.").format(
            ", ".join(sat)))
    if dead:
        parts.append(translate("health", "Dead ReLUs (0 on every sample): {0}.").format(
            ", ".join(dead)))
    return " ".join(parts) or translate("health", "No hidden neuron is saturated or dead.")


def _checksum(params: np.ndarray) -> float:
    """A snapshot's sum, to notice a replaced one (inf or nan for a diverged net's weights,
    without a warning)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return float(params.sum())


def _same(a: float, b: float) -> bool:
    return a == b or (a != a and b != b)  # (nan: the same as nan here)
