"""Views in napari's style: each view is built from a Document alone (no window), the test
changes the document, and the view shows the change. A view needs nothing but the document's
signals and accessors; these tests fail if a view reaches into the window."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from core.formula import num
from gui.canvas.view import NetworkCanvas
from gui.controller import Controller
from gui.document import Document
from gui.panels.data import DataPanel
from gui.panels.training import TrainingPanel
from gui.plots.explore import Metrics, Timeline
from gui.plots.legend import CurveLegend, Readout
from gui.plots.views import DecisionPlot, HiddenPlot, LossPlot, Thumbnails, WeightsPlot
from resources import load_lesson
from tests.gui.conftest import track


@pytest.fixture
def doc() -> Document:
    return Document(load_lesson("xor"))


def shown(qtbot, widget):
    track(qtbot, widget)
    widget.resize(500, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_loss_plot_follows_training(qtbot, doc):
    view = shown(qtbot, LossPlot(doc))
    for _ in range(3):
        doc.step_epoch()
    qtbot.waitUntil(lambda: view.curve.xData is not None and len(view.curve.xData) == 3)
    assert np.allclose(view.curve.yData, doc.loss_history.losses)
    doc.reset()  # back to epoch 0: one point, the loss at the initial weights
    qtbot.waitUntil(lambda: len(view.curve.xData) == 1)
    assert view.curve.yData[0] == doc.loss()


def test_at_epoch_0_the_loss_plot_shows_both_losses_as_whole_dots(qtbot, doc):
    """Before the first epoch each loss is one point: the training one was a dot cut in
    half by the plot's left edge, and the test one (a dashed line of one point) was not
    drawn at all. After the first epoch the training curve has one point again (the loss the
    epoch began with): it was drawn as a line of one point, nothing, until the second."""
    view = shown(qtbot, LossPlot(doc))
    view.redraw()
    assert doc.X_test is not None and len(view.test_curve.xData) == 1
    vb = view.plot.getPlotItem().vb
    box = vb.sceneBoundingRect()
    for curve in (view.curve, view.test_curve):
        assert curve.opts["symbol"] == "o"
        centre = vb.mapViewToScene(pg.Point(curve.xData[0], curve.yData[0]))
        radius = curve.opts["symbolSize"] / 2
        assert box.adjusted(radius, radius, -radius, -radius).contains(centre), curve.name()
    doc.step_epoch()  # the training history holds one point (epoch 0's loss): still a dot
    qtbot.waitUntil(lambda: len(view.test_curve.xData) == 2)
    assert len(view.curve.xData) == 1 and view.curve.opts["symbol"] == "o"
    doc.step_epoch()
    qtbot.waitUntil(lambda: len(view.curve.xData) == 2)
    assert view.test_curve.opts["symbol"] is None and view.curve.opts["symbol"] is None  # lines


def test_decision_map_follows_weights_and_points(qtbot, doc):
    view = shown(qtbot, DecisionPlot(doc))
    qtbot.waitUntil(lambda: view.image.image is not None)
    before = view.image.image.copy()
    doc.set_param("w1", -3.0)
    qtbot.waitUntil(lambda: not np.array_equal(view.image.image, before))
    def points() -> int:
        return sum(len(item.data) for item in view.points.items)

    assert points() == 200
    doc.add_point((0.25, 0.75), 1)
    qtbot.waitUntil(lambda: points() == 201)
    assert view.title == "Decision regions"
    doc.set_data(doc.X[:, :1], doc.Y)  # one input: no plane to map, the curve ŷ(x) instead
    qtbot.waitUntil(lambda: view.title == "Output curve" and not view.image.isVisible())
    assert points() == 201 and len(view.scatter.data) == 0  # the data at (x, y)
    assert len(view.curve.getData()[0]) == 400
    view.versus_box.setChecked(True)  # or predictions against targets
    qtbot.waitUntil(lambda: view.title == "Predictions" and len(view.scatter.data) == 201)
    assert points() == 0


def test_weights_plot_has_a_curve_per_parameter_after_a_structural_edit(qtbot, doc):
    view = shown(qtbot, WeightsPlot(doc))
    doc.add_neuron(1)
    doc.step_epoch()
    assert doc.net.sizes == [2, 3, 1]
    qtbot.waitUntil(lambda: len(view.curves) == doc.net.params.size == 13)


def test_hidden_views_follow_the_hidden_layer(qtbot, doc):
    hidden = shown(qtbot, HiddenPlot(doc))
    thumbs = shown(qtbot, Thumbnails(doc))
    qtbot.waitUntil(lambda: len(thumbs.cells) == 2)
    doc.add_neuron(1)
    qtbot.waitUntil(lambda: len(thumbs.cells) == 3)
    assert hidden.layer.count() == 1 and "h1, h2, h3" in hidden.layer.itemText(0)


def test_the_hidden_view_of_big_data_works_out_only_the_points_it_draws(qtbot, doc):
    """It drew at most MAX_POINTS, evenly spread, but sent every sample through the net
    first (65 ms a redraw for 100,000 samples on a 6 x 8 net). Now only those it draws
    and the current sample go; the ring sits on the current sample as the engine puts it."""
    from core.datasets import xor
    from gui.plots.views import MAX_POINTS

    X, Y = xor(3 * MAX_POINTS + 7, seed=5)
    assert doc.set_data(X, Y)
    hidden = shown(qtbot, HiddenPlot(doc))
    sent = []
    real = doc.net.stages
    doc.net.stages = lambda points, *a: sent.append(len(points)) or real(points, *a)
    for _ in range(3):  # a sample between the ones drawn
        doc.step_sample()
    s = doc.sample
    hidden.redraw()
    assert sent and max(sent) <= MAX_POINTS + 1
    drawn = sum(len(item.data) for item in hidden.points.items)
    assert MAX_POINTS - 1 <= drawn <= MAX_POINTS
    h = doc.net.forward(doc.X[s:s + 1]).z[1][0]  # (h1, h2) of the current sample
    assert np.allclose(hidden.current.getData(), ([h[0]], [h[1]]), rtol=0, atol=1e-12)


def test_canvas_label_shows_a_typed_weight_and_its_undo(qtbot, doc):
    canvas = shown(qtbot, NetworkCanvas(doc))
    w1 = doc.net.labels()["w1"]
    old = doc.net.get(w1)
    doc.set_param("w1", "0.5")
    qtbot.waitUntil(lambda: canvas.labels[w1].text.text() == "w₁ = 0.5")  # when the loop runs
    doc.undo_stack.undo()
    assert doc.net.get(w1) == old
    qtbot.waitUntil(lambda: canvas.labels[w1].text.text() == f"w₁ = {num(old)}")


def test_data_panel_and_metrics_follow_the_document(qtbot, doc):
    data = shown(qtbot, DataPanel(doc))
    metrics = shown(qtbot, Metrics(doc))
    assert "200 training samples" in data.summary.text()
    doc.add_point((0.5, 0.5), 0)
    assert "201 training samples" in data.summary.text()
    doc.step_epoch()
    qtbot.waitUntil(lambda: "accuracy" in metrics.text.text())


def test_training_panel_and_timeline_follow_settings_and_epochs(qtbot, doc):
    controller = Controller(doc)
    panel = shown(qtbot, TrainingPanel(doc, controller))
    timeline = shown(qtbot, Timeline(doc))
    doc.set_setting("lr", "0.25")
    assert panel.lr.text() == "0.25"
    doc.undo_stack.undo()
    assert panel.lr.text() == f"{doc.settings['lr']:g}"
    for _ in range(5):
        doc.step_epoch()
    qtbot.waitUntil(lambda: timeline.slider.maximum() >= 1)
    assert timeline.slider.value() == timeline.slider.maximum()  # the present
    controller.pause()


def test_canvas_items_follow_scale_and_theme_when_kept(qtbot, doc):
    """Items are reused across rebuilds: at 250 % and in high contrast the kept neurons and
    labels take the new fonts, radius and colours (not the ones they were made with)."""
    canvas = shown(qtbot, NetworkCanvas(doc))
    neuron, label = canvas.neurons[1][0], canvas.labels[doc.net.labels()["w1"]]
    small = neuron.value.font().pointSizeF()
    canvas.set_scale(2.5)
    assert canvas.neurons[1][0] is neuron  # kept, not rebuilt
    assert neuron.value.font().pointSizeF() == canvas.label_font.pointSizeF() > 2 * small
    assert neuron.name.font() == canvas.name_font
    assert neuron.rect().width() == pytest.approx(2 * canvas.metrics.r)
    canvas.set_high_contrast(True)
    assert label.brush().color() == canvas.theme["box"] and neuron.brush().color() == canvas.theme["fill"]
    for p in canvas.edges:  # the edges are recoloured too
        sign = "pos" if doc.net.get(p) >= 0 else "neg"
        assert canvas.edge_pen(p).color().rgb() == canvas.theme[sign].rgb()


def big_doc() -> Document:
    from bench.gui import NETS, project_for

    return Document(project_for(*NETS[1]))  # 2-8-8-8-8-8-8-1 tanh on a spiral


def test_landscape_follows_training_coarser_on_a_costly_net_then_in_full(qtbot):
    from gui.plots.explore import GRID, LandscapePlot

    doc = big_doc()
    view = shown(qtbot, LandscapePlot(doc))
    qtbot.waitUntil(lambda: view.land is not None)
    assert view.land.loss.shape == (GRID, GRID)  # the first picture is the full grid
    view.FRAME = view.full_cost / 4  # as if a full grid took four frames
    doc.train_epochs(5)
    qtbot.waitUntil(lambda: view.land.loss.shape == (GRID // 2, GRID // 2))  # half a side
    assert view.refine.isActive()
    # drawn filtered, not as 30 x 30 blocks: a row across the map has many more colours
    shot = view.plot.grab().toImage()
    box = view.plot.getPlotItem().vb.sceneBoundingRect()
    for y in (box.top() + box.height() / 4, box.bottom() - box.height() / 4):
        row = {shot.pixel(x, int(y)) for x in range(int(box.left()) + 2, int(box.right()) - 2)}
        assert len(row) > 3 * GRID // 2
    qtbot.waitUntil(lambda: view.land.loss.shape == (GRID, GRID), timeout=3000)  # settled
    # the full grid's numbers are the engine's at the current weights
    from core.landscape import landscape

    again = landscape(doc.net, doc.inputs(doc.X), doc.Y, "bce", "mean", view.land.params,
                      view.span.value(), GRID)
    np.testing.assert_array_equal(again.loss, view.land.loss)


def test_at_epoch_0_the_weights_plot_shows_each_weight_as_a_dot(qtbot, doc):
    """Before the first epoch each weight's curve is one point, which a line does not
    draw: the plot was empty but for its legend. Each is a dot in its curve's colour."""
    view = shown(qtbot, WeightsPlot(doc))
    view.redraw()
    qtbot.waitUntil(lambda: len(view.curves[0].xData) == 1)
    vb = view.plot.getPlotItem().vb
    shot = view.plot.grab().toImage()
    for k in (0, 3):  # w1 and w4 (w2 and w3 may lie close to another)
        curve = view.curves[k]
        at = view.plot.mapFromScene(vb.mapViewToScene(pg.Point(curve.xData[0], curve.yData[0])))
        colour = curve.opts["pen"].color()
        near = [shot.pixelColor(at.x() + dx, at.y() + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
        assert any(abs(c.red() - colour.red()) + abs(c.green() - colour.green())
                   + abs(c.blue() - colour.blue()) < 40 for c in near), view.names[k]


def test_weights_plot_draws_many_parameters_as_bundles(qtbot):
    doc = big_doc()
    view = shown(qtbot, WeightsPlot(doc))
    doc.train_epochs(30, snapshots=30)
    qtbot.waitUntil(lambda: view.curves[0].xData is not None and len(view.curves[0].xData) > 0)
    assert len(view.curves) == WeightsPlot.BUNDLES  # 40 parameters shown, 8 items
    shown_params = [k for group in view.groups for k in group]
    assert sorted(shown_params) == sorted(view.index) and len(view.index) == 40
    h = doc.weight_history
    # bundle 0's second run is parameter groups[0][1] over the snapshots, after a NaN
    n = len(h)
    y = view.curves[0].yData
    assert np.isnan(y[n]) and np.isnan(y[2 * n + 1])
    np.testing.assert_array_equal(y[n + 1:2 * n + 1], np.asarray(h.values)[:, view.groups[0][1]])


def test_neuron_maps_mosaic_shows_each_neurons_output(qtbot):
    from gui.plots.views import plane

    doc = big_doc()
    view = shown(qtbot, Thumbnails(doc))
    qtbot.waitUntil(lambda: view.mosaic.image is not None)
    img, S, step = view.mosaic.image, view.SIZE, view.SIZE + view.GAP
    assert img.dtype == np.uint8 and img.shape == (6 * step, 8 * step)
    assert (img[:, S:step] == 255).all()  # white gaps between maps
    # neuron h3,5 (layer 3, index 4): its tile, flipped to y up, is its tanh over the grid
    x0, x1, y0, y1 = plane(doc.X)
    gx, gy = np.linspace(x0, x1, S), np.linspace(y0, y1, S)
    z = doc.net.forward(np.stack(np.meshgrid(gx, gy), axis=-1).reshape(-1, 2)).z[3][:, 4]
    tile = img[2 * step:2 * step + S, 4 * step:4 * step + S][::-1]
    expected = np.clip((z.reshape(S, S) + 1.0) * (254 / 2.0), 0, 254).astype(np.uint8)
    np.testing.assert_array_equal(tile, expected)
    assert (view.lut[255] == 255).all()  # index 255: white


def test_neuron_maps_of_one_input_are_curves(qtbot):
    """The sine lesson (one input): each small picture is the neuron's output over x, its
    column c filled up to the value there; the large one is the hovered neuron's curve."""
    doc = Document(load_lesson("sine"))
    doc.train_epochs(200)
    view = shown(qtbot, Thumbnails(doc))
    qtbot.waitUntil(lambda: view.mosaic.image is not None)
    img, S, step = view.mosaic.image, view.SIZE, view.SIZE + view.GAP
    lo_x, hi_x = doc.X.min(), doc.X.max()
    pad = 0.1 * (hi_x - lo_x)
    xs = np.linspace(lo_x - pad, hi_x + pad, S)
    z = doc.net.forward(doc.inputs(xs[:, None])).z[1]  # (S, hidden)
    assert doc.net.activations[0] == "tanh" and len(view.cells) == z.shape[1]
    for k in (0, z.shape[1] - 1):
        tile = img[(k // 8) * step:(k // 8) * step + S, (k % 8) * step:(k % 8) * step + S][::-1]
        filled = (tile != 255).sum(axis=0)  # per column: how high the fill reaches
        index = np.clip((z[:, k] + 1) * 127, 0, 254).astype(np.uint8).astype(int)  # its colour
        want = np.rint(index * (S - 1) / 254) + 1
        np.testing.assert_array_equal(filled, want)
    assert "over x" in view.big.getPlotItem().titleLabel.text
    np.testing.assert_array_equal(view.big_curve.yData, z[:, 0])
    assert view.big_image.image is None


def test_neuron_maps_of_more_inputs_follow_the_decision_maps_slice(qtbot):
    """Iris (four inputs): the maps are over the slice the decision map shows, and follow it."""
    doc = Document(load_lesson("iris"))
    doc.train_epochs(50)
    view = shown(qtbot, Thumbnails(doc))
    assert doc.set_map_slice((2, 3), [5.0, 3.0, 0.0, 0.0])
    qtbot.waitUntil(lambda: "over (x3, x4)" in view.big.getPlotItem().titleLabel.text)
    img, S = view.mosaic.image, view.SIZE
    X = doc.X
    x0, x1, y0, y1 = X[:, 2].min() - 0.3, X[:, 2].max() + 0.3, X[:, 3].min() - 0.3, X[:, 3].max() + 0.3
    r, c = 30, 12  # a pixel of the first neuron's map (y up)
    point = np.array([[5.0, 3.0, np.linspace(x0, x1, S)[c], np.linspace(y0, y1, S)[r]]])
    value = doc.net.forward(doc.inputs(point)).z[1][0, 0]
    lo, hi = -1.0, 1.0  # tanh's levels
    assert doc.net.activations[0] == "tanh"
    assert img[:S, :S][::-1][r, c] == np.uint8(np.clip((value - lo) * (254 / (hi - lo)), 0, 254))
    assert view.big.getPlotItem().getAxis("bottom").labelText == "x3"


def test_a_neurons_big_map_fills_its_plot_whatever_the_inputs_scales(qtbot):
    """Locked to the inputs' aspect, the big map over Iris's x1 (4-8) and x2 (2-4.5) took a
    third of a wide plot, the rest blank axis (seen under X at 1280 x 720). It fills the
    plot's width and height now, as the decision map does."""
    doc = Document(load_lesson("iris"))
    view = shown(qtbot, Thumbnails(doc))
    view.resize(480, 420)
    qtbot.waitUntil(lambda: view.big_image.image is not None)
    qtbot.wait(50)
    vb = view.big.getPlotItem().vb
    image, box = view.big_image.sceneBoundingRect(), vb.sceneBoundingRect()
    assert box.width() > 1.5 * box.height()  # a wide plot
    assert image.width() > 0.9 * box.width() and image.height() > 0.9 * box.height()


def test_a_structural_edit_redraws_each_view_once(qtbot, doc):
    """An edit emits six signals (structure, weights, settings, trained, sample, preview):
    the views redraw once for them all, when the burst is over and before the event loop
    paints (not once per signal, and not a stale paint first)."""
    views = [shown(qtbot, cls(doc)) for cls in (DecisionPlot, HiddenPlot, LossPlot, WeightsPlot)]
    qtbot.wait(200)  # drawn once, and past their frame interval
    before = [v.frames for v in views]
    seen = []  # frames drawn when each signal of the burst came out
    for signal in (doc.structure_changed, doc.weights_changed, doc.trained, doc.burst_over):
        signal.connect(lambda: seen.append([v.frames for v in views]))
    assert doc.add_neuron(1)
    assert all(frames == before for frames in seen[:-1])  # nothing drawn inside the burst
    assert [v.frames for v in views] == [b + 1 for b in before]  # all drawn as it ended
    qtbot.wait(200)
    assert [v.frames for v in views] == [b + 1 for b in before]  # and nothing more after it
    assert len(views[0].lines.colours) == 3  # the map drew the new network


def test_throttle_paces_calls_from_when_they_were_due(qtbot):
    """A call a little late (the loop was busy) counts from when it was due, so the
    next one is not pushed back: over many frames the rate stays at the cap."""
    import time

    from PySide6.QtWidgets import QWidget

    from gui.throttle import Throttle

    owner = QWidget()
    calls = []
    t = Throttle(lambda: calls.append(time.perf_counter()), 50, owner)  # 20 ms apart
    t.now()
    first_due = t._last
    time.sleep(0.025)  # the next request comes 5 ms after it was due
    t.request()
    assert len(calls) == 2 and t._last == pytest.approx(first_due + 0.02, abs=1e-9)  # when due
    time.sleep(0.05)  # far later than half an interval: starts afresh
    t.request()
    assert len(calls) == 3 and abs(t._last - calls[-1]) < 0.005


def test_loss_plot_grid_lines_sit_on_the_major_ticks_in_either_scale(qtbot, doc):
    view = shown(qtbot, LossPlot(doc))
    doc.train_epochs(500)
    vb = view.plot.getPlotItem().vb
    for log in (False, True):
        view.log.setChecked(log)
        qtbot.waitUntil(lambda: view.grid.xData is not None and len(view.grid.xData) > 0)
        (x0, x1), (y0, y1) = vb.viewRange()
        majors = view.plot.getAxis("bottom").tickValues(x0, x1, vb.width())[0][1]
        x, y = view.grid.xData, view.grid.yData
        vertical = x[: 2 * len(majors)]
        np.testing.assert_allclose(vertical[::2], majors)  # one line per major tick
        assert (y >= y0 - 1e-9).all() and (y <= y1 + 1e-9).all()  # inside the view


def test_hidden_views_keep_the_chosen_layer_and_neurons_through_an_edit(qtbot):
    from gui.plots.health import HealthHistory, HealthView

    doc = big_doc()  # six hidden layers of 8
    hidden = shown(qtbot, HiddenPlot(doc))
    health = shown(qtbot, HealthView(doc, HealthHistory(doc)))
    health.chart.setCurrentIndex(2)  # activations over time: a hidden layer's
    for box, presses in ((hidden.layer, 2), (hidden.second, 3), (health.layer, 4)):
        for _ in range(presses):  # the keyboard's way through a combo box: 'activated'
            qtbot.keyClick(box, Qt.Key_Down)
    chosen = lambda: (hidden.layer.currentData(), hidden.first.currentData(),  # noqa: E731
                      hidden.second.currentData(), health.layer.currentData())
    assert chosen() == (3, 0, 4, 5)
    doc.add_neuron(3)  # the chosen layer grows: all stay chosen (they went back to the first)
    assert chosen() == (3, 0, 4, 5)
    assert hidden.second.count() == 9 and "h3" in hidden.layer.currentText()
    axes = [hidden.plot.getPlotItem().getAxis(a) for a in ("bottom", "left")]
    qtbot.waitUntil(lambda: all(a.labelText.startswith("h3") for a in axes))
    doc.remove_layer(6)  # a layer not chosen goes: the choices stay
    assert chosen() == (3, 0, 4, 5)
    doc.remove_layer(5)  # health's layer is gone: its first layer
    assert chosen() == (3, 0, 4, 1)
    assert health.layer.count() == 4


def test_weight_curves_legend_names_each_curve_and_a_click_hides_it(qtbot, doc):
    view = shown(qtbot, WeightsPlot(doc))
    doc.add_neuron(1)
    assert view.legend.names() == list(doc.net.labels())  # w1 ... b2_1 of the 2-3-1 net
    assert len(view.legend.names()) == 13
    doc.undo_stack.undo()
    assert len(view.legend.names()) == 9
    qtbot.waitUntil(lambda: view.legend.isVisible())
    cell = view.legend.cells[2]  # w3's entry
    at = view.plot.mapFromScene(view.legend.mapToScene(cell.center()))
    qtbot.mouseClick(view.plot.viewport(), Qt.LeftButton, pos=at)
    assert not view.curves[2].isVisible() and view.curves[1].isVisible()
    qtbot.mouseClick(view.plot.viewport(), Qt.LeftButton, pos=at)
    assert view.curves[2].isVisible()


def test_history_arrays_follow_appends_truncations_thinning_and_replaced_values():
    """The plots convert a history's lists once and then only the appended points; every
    other change (core's ``edits``) converts afresh. Random appends and truncations, with
    the histories thinning at a small capacity: the arrays always equal the lists."""
    from core.training import History, Snapshots
    from gui.plots.views import Arrays

    rng = np.random.default_rng(0)
    h, s = History(capacity=50), Snapshots(capacity=20)
    loss, snaps = Arrays("epochs", "losses"), Arrays("epochs", "values")
    for e in range(400):
        h.record(e, float(rng.random()))
        s.record(e // 2, rng.random(3))  # every epoch twice: the last value replaced
        if rng.random() < 0.05:
            h.truncate(int(rng.integers(0, len(h) + 1)))
            s.truncate(int(rng.integers(0, len(s) + 1)))
        if rng.random() < 0.4:
            x, y = loss.of(h)
            np.testing.assert_array_equal(x, h.epochs)
            np.testing.assert_array_equal(y, h.losses)
            x, v = snaps.of(s)
            np.testing.assert_array_equal(x, s.epochs)
            np.testing.assert_array_equal(v, np.asarray(s.values))
    assert h.stride > 1 and s.stride > 1  # both thinned on the way


def test_loss_curve_after_replaying_from_an_earlier_epoch_and_training_on(qtbot, doc):
    view = shown(qtbot, LossPlot(doc))
    doc.train_epochs(40, snapshots=40)
    qtbot.waitUntil(lambda: len(view.curve.xData) == 40)
    old = list(doc.loss_history.losses)
    assert doc.replay_from(5)  # back to an early snapshot: the history is cut there
    assert doc.set_setting("lr", 5.0)  # and trained on differently, past where it was
    doc.train_epochs(60, snapshots=60)
    h = doc.loss_history
    qtbot.waitUntil(lambda: len(view.curve.xData) == len(h))
    np.testing.assert_array_equal(view.curve.xData, h.epochs)
    np.testing.assert_array_equal(view.curve.yData, h.losses)
    assert view.curve.yData[20] != old[20]  # the points after the replay are the new run's


def test_weight_legend_shows_only_with_room_and_hover_names_a_curve(qtbot, doc):
    """In a small dock the legend covered half the curves it named: it shows only while the
    plot has room for it. Hovering names the curve under the pointer, with its value."""
    view = shown(qtbot, WeightsPlot(doc))
    doc.train_epochs(200)
    qtbot.waitUntil(lambda: len(view.curves[0].xData) == len(doc.weight_history))
    qtbot.waitUntil(lambda: view.legend.isVisible())  # 500 x 400: room for 3 rows of 3
    view.resize(380, 140)  # about the weights dock of the 1280 x 720 window (its plot ~100 px high)
    qtbot.waitUntil(lambda: not view.legend.isVisible())
    box, legend = view.plot.getPlotItem().vb.boundingRect(), view.legend.size()
    assert legend.height() > CurveLegend.ROOM[1] * box.height() or \
        legend.width() > CurveLegend.ROOM[0] * box.width()
    h = doc.weight_history
    k = len(h) // 2
    epoch, value = h.epochs[k], np.asarray(h.values)[k, doc.net.index(doc.net.resolve("w5"))]
    vb = view.plot.getPlotItem().vb
    at = view.plot.mapFromScene(vb.mapViewToScene(pg.Point(epoch, value)))
    qtbot.mouseMove(view.plot.viewport(), at)
    qtbot.waitUntil(lambda: view.readout.textItem.toPlainText() != "")
    shown_text = view.readout.textItem.toPlainText()
    name, rest = shown_text.split(" = ")
    # the named curve passes within a few pixels of the pointer at that epoch
    j = view.names.index(name)
    there = np.asarray(h.values)[k, view.index[j]]
    assert abs(there - value) / vb.viewPixelSize()[1] <= Readout.HOVER_PX
    assert rest == f"{there:.6g} at epoch {int(epoch)}"
    view.resize(700, 500)
    qtbot.waitUntil(lambda: view.legend.isVisible())


def test_neuron_maps_fit_a_short_dock_and_enlarge_where_there_is_room(qtbot):
    """48 maps (a 6 x 8 net) once fixed the mosaic at four rows' height (286 px), so the
    window could not be shorter than 766 px (taller than a 1280 x 720 screen) and the
    enlarged map under it was a sliver. Now the maps shrink with a short dock and the
    enlarged map shows only where the maps keep 40 px a row beside it."""
    from bench.gui import project_for

    doc = Document(project_for([2, 8, 8, 8, 8, 8, 8, 1], "tanh", "spiral", 500))
    view = shown(qtbot, Thumbnails(doc))
    view.resize(450, 230)  # the 1280 x 720 window's dock
    # the maps take the dock: six rows at ~25 px and more
    qtbot.waitUntil(lambda: not view.big.isVisible() and view.grid.height() >= 150)
    assert view.minimumSizeHint().height() < 120  # (four rows fixed: 286 px)
    view.resize(450, 600)
    qtbot.waitUntil(lambda: view.big.isVisible() and view.big.height() >= Thumbnails.BIG_MIN)
    small = Document(load_lesson("xor"))  # two maps: room for the enlarged one in that dock
    two = shown(qtbot, Thumbnails(small))
    two.resize(380, 220)
    qtbot.waitUntil(lambda: two.big.isVisible())


def test_a_right_click_on_a_plot_opens_its_menu_made_on_demand(qtbot, doc):
    """pyqtgraph's plot menu (View All, the axes' ranges, Plot Options, Export) is made on
    the first right-click, not with each plot: it was a tenth of building a window."""
    from PySide6.QtWidgets import QApplication, QMenu

    view = shown(qtbot, LossPlot(doc))
    vb = view.plot.getPlotItem().vb
    assert vb.menu is None and vb.menuEnabled()
    centre = view.plot.mapFromScene(vb.sceneBoundingRect().center())
    qtbot.mouseClick(view.plot.viewport(), Qt.RightButton, pos=centre)
    qtbot.waitUntil(lambda: any(isinstance(w, QMenu) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    texts = [a.text() for a in menu.actions()]
    assert "View All" in texts and "Export..." in texts, texts
    menu.close()


def test_a_short_loss_plot_puts_its_legend_entries_side_by_side(qtbot, doc):
    """In a short loss plot (a 1280x720 window's column) the legend's two rows covered the
    curves and ran into the epoch axis: side by side they fit in the plot."""
    view = shown(qtbot, LossPlot(doc))
    legend = view.plot.getPlotItem().legend
    assert legend.columnCount == 1  # tall: one under the other
    view.resize(500, 150)
    qtbot.waitUntil(lambda: legend.columnCount == 2)
    vb = view.plot.getPlotItem().vb
    qtbot.waitUntil(lambda: vb.sceneBoundingRect().contains(legend.sceneBoundingRect()))
    view.resize(500, 400)
    qtbot.waitUntil(lambda: legend.columnCount == 1)


def test_a_curve_passing_under_the_loss_legend_is_veiled_by_its_fill(qtbot, doc):
    """The loss plot's legend had no fill until the first zoom or theme change: a spike of
    the Iris loss ran through its line sample like a cross (seen under X). A line under
    the legend now shows pale through it (the legend's fill is white at 210/255)."""
    from PySide6.QtWidgets import QGraphicsLineItem

    view = shown(qtbot, LossPlot(doc))
    legend = view.plot.getPlotItem().legend
    qtbot.waitUntil(lambda: legend.sceneBoundingRect().width() > 0)
    view.plot.grab()  # (laid out: the legend and the axes in their places)
    qtbot.wait(50)
    vb = view.plot.getPlotItem().vb
    box = legend.sceneBoundingRect()
    x = box.left() + 3  # inside the fill, left of the line sample
    group = vb.childGroup  # (where the curves are)
    a, b = group.mapFromScene(x, box.top() - 20), group.mapFromScene(x, box.bottom() + 20)
    line = QGraphicsLineItem(a.x(), a.y(), b.x(), b.y(), group)
    pen = pg.mkPen(200, 40, 40, width=3)
    pen.setCosmetic(True)
    line.setPen(pen)
    shot = view.plot.grab().toImage()
    inside = view.plot.mapFromScene(pg.Point(x, box.center().y()))
    outside = view.plot.mapFromScene(pg.Point(x, box.bottom() + 10))

    def least_green(at):  # the reddest of the pixels across the line there
        return min(shot.pixelColor(at.x() + dx, at.y()).green() for dx in range(-3, 4))

    assert least_green(outside) < 100  # the line itself, red
    assert least_green(inside) > 180  # under the legend: pale
