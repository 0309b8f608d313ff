"""Training health: gradient norms by layer agree with finite differences; saturated and
dead neurons are found; a divergence names the layer whose gradient blew up."""

import numpy as np
import pytest

from core.gradcheck import numeric_gradient
from core.health import explosion, gradient_norms, histogram, neuron_states
from core.network import Network
from core.project import make_trainer
from resources import load_lesson


def test_gradient_norms_by_layer_match_finite_differences():
    p = load_lesson("xor")
    net, X, Y = p.net, p.X[:40], p.Y[:40]
    numeric = numeric_gradient(net, X, Y, "bce", "mean")
    expected = [np.linalg.norm(B) for B in net.layer_views(numeric)]
    assert gradient_norms(net, X, Y, "bce", "mean") == pytest.approx(expected, rel=1e-6)


def test_saturated_and_dead_neurons_are_found_and_healthy_ones_are_not():
    X = np.random.default_rng(0).normal(size=(100, 2))
    net = Network([2, 3, 1], ["tanh", "sigmoid"])
    net.params[...] = 0.1
    assert neuron_states(net, X) == {}
    W = net.layer_views(net.params)[0]  # rows: bias, x1, x2; columns: h1 h2 h3
    W[0, 0] = 10.0  # h1's argument is about 10 on every sample: saturated on 100 %
    states = neuron_states(net, X)
    assert states == {(1, 0): ("saturated", 1.0)}
    relu = Network([2, 3, 1], ["relu", "sigmoid"])
    relu.params[...] = 0.1
    B = relu.layer_views(relu.params)[0]
    B[0, 2] = -100.0  # h3 below 0 on every sample: dead
    assert neuron_states(relu, X) == {(1, 2): ("dead", 1.0)}


def test_histogram_clips_into_the_end_bins_and_skips_non_finite_values():
    counts = histogram(np.array([-10.0, -1.0, 0.0, 0.5, 10.0, np.nan, np.inf]), -1.0, 1.0, 4)
    assert counts.tolist() == [2, 0, 1, 2]  # -10 and -1 in the first, 0.5 and 10 in the last; no nan, inf


def test_a_divergence_says_which_layers_gradient_exploded_first():
    p = load_lesson("hand_note")  # linear layers, half SSE: a huge step overflows at once
    t = make_trainer(p)
    t.set_lr(1e300)
    r = t.run(max_epochs=3)
    assert r.reason == "diverged"
    norms = gradient_norms(t.net, t.X, t.Y, "half_sse", p.training["reduction"])
    worst = int(np.argmax(norms)) + 1
    assert f"the gradient of weight layer {worst} exploded first" in str(r.error)
    assert str(explosion(t.net, t.X, t.Y, "half_sse", p.training["reduction"])) in str(r.error)


@pytest.mark.parametrize("lesson", ["xor", "iris", "sine"])
def test_one_forward_pass_gives_the_status_lines_numbers_and_the_states(lesson):
    """The window's status asked for five passes over the data (loss, accuracy, test loss,
    test accuracy, the neurons' states); ``measures`` and a shared pass give the same
    numbers, exactly, from two."""
    p = load_lesson(lesson)
    t = make_trainer(p)
    t.run(max_epochs=30)
    E, acc, pass_ = t.measures()
    assert (E, acc) == (t.loss(), t.accuracy())
    assert neuron_states(t.net, t.X, pass_) == neuron_states(t.net, t.X)
    X, Y = (p.X_test, p.Y_test) if p.X_test is not None else (p.X[:7], p.Y[:7])
    E, acc, _ = t.measures(X, Y)
    assert (E, acc) == (t.loss(X, Y), t.accuracy(X, Y))
