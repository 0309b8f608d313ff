"""The step trace holds the notes' intermediate numbers."""

import numpy as np
import pytest

from core import Network, Trainer, initialise
from core.trace import trace_step
from tests.core.lessons import HAND_X, HAND_Y, MAZUR_X, MAZUR_Y, hand_note, mazur


def test_hand_note_trace():
    net = hand_note()
    before = net.params.copy()
    t = trace_step(net, HAND_X, HAND_Y, "half_sse", 0.05)
    assert np.array_equal(net.params, before)  # tracing changes nothing
    assert t.z[1] == pytest.approx([0.85, 0.48], abs=1e-12)
    assert t.loss == pytest.approx(0.3272405, abs=1e-12)
    assert t.dE_dyhat == pytest.approx([-0.809], abs=1e-12)
    w6 = t.param("w6")
    assert (w6.delta, w6.source) == (pytest.approx(-0.809), pytest.approx(0.48))
    assert w6.grad == pytest.approx(-0.38832, abs=1e-12)
    assert w6.new == pytest.approx(0.169416, abs=1e-12)
    w1 = t.param("w1")  # Delta * w5 * x1
    assert w1.grad == pytest.approx(-0.809 * 0.14 * 2, abs=1e-12)
    assert t.backprop[0] == pytest.approx([-0.809 * 0.14, -0.809 * 0.15], abs=1e-12)
    assert t.neuron_names == [["x1", "x2"], ["h1", "h2"], ["ŷ"]]


def test_mazur_trace_factors_of_w5():
    net = mazur()
    t = trace_step(net, MAZUR_X, MAZUR_Y, "half_sse", 0.5)
    w5 = t.param("w5")
    assert t.dE_dyhat[0] == pytest.approx(0.741365069552, abs=1e-9)
    assert t.fprime[1][0] == pytest.approx(0.186815601808, abs=1e-9)
    assert w5.source == pytest.approx(0.593269992107, abs=1e-9)
    assert w5.grad == pytest.approx(0.082167040564, abs=1e-9)
    assert w5.new == pytest.approx(0.358916480, abs=1e-9)
    b = t.param("b1_1")
    assert b.frozen and b.new == b.old == 0.35


def test_trace_update_equals_trainer_step():
    net = initialise(Network([2, 3, 2], ["tanh", "softmax"], notation="w_ji"), "xavier", seed=1)
    x, y = np.array([[0.3, -0.7]]), np.array([[0.0, 1.0]])
    t = trace_step(net, x, y, "cce", 0.2)
    assert t.dE_dyhat is None and t.fprime[1] is None
    Trainer(net, x, y, loss="cce", reduction="sum", lr=0.2).step_sample()
    for s in t.params:
        assert net.get(s.param) == pytest.approx(s.new, abs=1e-15)
        assert s.grad == pytest.approx(s.delta * s.source, abs=1e-15)
