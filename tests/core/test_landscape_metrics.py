"""The loss landscape equals the loss computed directly; metrics match their definitions."""

import numpy as np
import pytest

from core import Network, initialise
from core.landscape import landscape
from core.metrics import accuracy, confusion, r2
from tests.core.lessons import HAND_X, HAND_Y, XOR_X, XOR_Y, hand_note


@pytest.mark.parametrize("acts,loss,Y", [(["sigmoid", "sigmoid"], "bce", XOR_Y),
                                         (["tanh", "softmax"], "cce", np.eye(2)[[0, 1, 1, 0]]),
                                         (["relu", "linear"], "mse", XOR_Y * 3 - 1)])
@pytest.mark.parametrize("labels", [("w5", "w2"), ("w7", "w8"), ("w1", "w8")])
def test_landscape_values_equal_the_loss_at_sampled_points(acts, loss, Y, labels):
    """Grids in the first layer, in the last (the hidden layer is computed once and
    broadcast) and across both."""
    net = initialise(Network([2, 3, Y.shape[1]], acts, bias=[True, False]), "xavier", seed=2,
                     bias=0.2)
    before = net.params.copy()
    p, q = net.resolve(labels[0]), net.resolve(labels[1])
    land = landscape(net, XOR_X, Y, loss, "mean", [p, q], span=1.5, n=21)
    assert land.loss.shape == (21, 21) and np.array_equal(net.params, before)
    rng = np.random.default_rng(0)
    for i, j in rng.integers(0, 21, (8, 2)):
        probe = net.copy()
        probe.set(p, land.axes[0][j])
        probe.set(q, land.axes[1][i])
        assert land.loss[i, j] == pytest.approx(probe.loss(XOR_X, Y, loss, "mean"), abs=1e-12)
    g = net.gradient(XOR_X, Y, loss, "mean").flat
    assert land.gradient == [g[net.index(p)], g[net.index(q)]]


def test_one_parameter_curve_of_the_hand_note_is_a_parabola():
    net = hand_note()
    land = landscape(net, HAND_X, HAND_Y, "half_sse", "sum", [net.resolve("w6")], span=2.0, n=81)
    assert land.loss.shape == (81,)
    k = int(np.argmin(land.loss))
    assert land.loss[40] == pytest.approx(0.3272405, abs=1e-12)  # the centre is the current point
    # E(w6) = 1/2 (h1 w5 + h2 w6 - 1)^2 is smallest where h2 w6 = 1 - h1 w5
    assert land.axes[0][k] == pytest.approx((1 - 0.85 * 0.14) / 0.48, abs=0.05)


def test_metrics():
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    yhat = np.array([[0.2], [0.9], [0.4], [0.6]])
    assert confusion(yhat, y).tolist() == [[1, 1], [1, 1]] and accuracy(yhat, y) == 0.5
    Y3 = np.eye(3)[[0, 1, 2, 2]]
    P3 = np.eye(3)[[0, 2, 2, 1]]
    assert confusion(P3, Y3).tolist() == [[1, 0, 0], [0, 0, 1], [0, 1, 1]]
    t = np.array([[1.0], [2.0], [3.0]])
    assert r2(t, t) == 1.0 and r2(np.full((3, 1), 2.0), t) == 0.0


def test_landscape_refuses_a_weight_too_large_to_vary():
    """At 1e17 (and up to 1e308, a typed value) ±2 is lost in rounding: every grid point
    would be the same network. Refused with the reason, not drawn as an empty range."""
    net = initialise(Network([2, 2, 1], "sigmoid"), "xavier", seed=0)
    for big in (1e17, -1e308):
        net["w1"] = big
        with pytest.raises(ValueError, match="w1 = .* is too large to vary by ±2"):
            landscape(net, XOR_X, XOR_Y, "bce", "mean", [net.resolve("w1")], span=2.0, n=21)
    net["w1"] = 1e6  # large, still a landscape
    land = landscape(net, XOR_X, XOR_Y, "bce", "mean", [net.resolve("w1")], span=2.0, n=21)
    assert np.all(np.diff(land.axes[0]) > 0)
