"""Trainer behaviour: freezing, optimisers, modes, history, divergence, stop rules."""

import warnings

import numpy as np
import pytest

from core import Diverged, History, Network, Trainer, initialise
from tests.core.lessons import HAND_X, HAND_Y, XOR_X, XOR_Y, hand_note, mazur


def xor_net(hidden=2, seed=0, act="sigmoid"):
    net = Network([2, hidden, 1], [act, "sigmoid"])
    return initialise(net, "uniform", seed=seed)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("batch", ["full", "sample", 3])
def test_frozen_parameters_never_move(optimizer, batch):
    net = xor_net(3)
    net.freeze(["w1", "w7"])
    net.freeze(net.resolve("b1_2"))
    before = net.params.copy()
    t = Trainer(net, XOR_X, XOR_Y, loss="bce", lr=0.5, batch=batch, optimizer=optimizer, l2=0.01)
    t.run(max_epochs=20)
    frozen = net.frozen
    assert np.array_equal(net.params[frozen], before[frozen])
    assert (net.params[~frozen] != before[~frozen]).all()


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_every_optimizer_learns_xor(optimizer):
    net = xor_net(4, seed=1)
    lr = {"sgd": 2.0, "momentum": 0.5, "adam": 0.05}[optimizer]
    t = Trainer(net, XOR_X, XOR_Y, loss="bce", lr=lr, optimizer=optimizer)
    first = t.loss()
    t.run(max_epochs=3000)
    assert t.loss() < 0.1 * first
    assert t.accuracy() == 1.0


def test_momentum_and_adam_follow_their_equations():
    net = hand_note()
    g = net.gradient(HAND_X, HAND_Y, "half_sse", "sum").flat
    w0 = net.params.copy()
    t = Trainer(net, HAND_X, HAND_Y, loss="half_sse", reduction="sum", lr=0.05,
                optimizer="momentum", momentum=0.9)
    t.step_sample()
    np.testing.assert_allclose(net.params, w0 - 0.05 * g, atol=1e-15)
    g2 = net.gradient(HAND_X, HAND_Y, "half_sse", "sum").flat
    w1 = net.params.copy()
    t.step_sample()
    np.testing.assert_allclose(net.params, w1 - 0.05 * (0.9 * g + g2), atol=1e-15)

    net = hand_note()
    t = Trainer(net, HAND_X, HAND_Y, loss="half_sse", reduction="sum", lr=0.01, optimizer="adam")
    t.step_sample()
    m, s = 0.1 * g, 0.001 * g * g
    step = 0.01 * (m / 0.1) / (np.sqrt(s / 0.001) + 1e-8)
    np.testing.assert_allclose(net.params, w0 - step, atol=1e-15)


def test_l2_adds_lambda_w_to_weight_gradients_only():
    net = Network([2, 2, 1], "sigmoid")
    initialise(net, "normal", seed=2, bias=0.3)
    w0 = net.params.copy()
    g = net.gradient(XOR_X, XOR_Y, "bce", "mean").flat
    Trainer(net, XOR_X, XOR_Y, loss="bce", lr=0.1, l2=0.5).step_epoch()
    penalty = 0.5 * w0 * ~np.isin(np.arange(w0.size), [0, 1, 6])  # bias slots hold no penalty
    np.testing.assert_allclose(net.params, w0 - 0.1 * (g + penalty), atol=1e-15)


def test_l1_is_a_proximal_step_on_weights_only():
    """Away from zero an L1 step is the gradient step of l1·sign(w); a weight it would take
    to or across zero stops at exactly 0; biases are never shrunk."""
    net = Network([2, 2, 1], "sigmoid")
    initialise(net, "normal", seed=2, bias=0.3)
    net.params[3] = 1e-3  # a weight the shrink will take to zero
    w0 = net.params.copy()
    g = net.gradient(XOR_X, XOR_Y, "bce", "mean").flat
    lr, l1 = 0.1, 0.2
    Trainer(net, XOR_X, XOR_Y, loss="bce", lr=lr, l1=l1).step_epoch()
    plain = w0 - lr * g
    weight = ~np.isin(np.arange(w0.size), [0, 1, 6])
    want = np.where(weight, np.sign(plain) * np.maximum(np.abs(plain) - lr * l1, 0), plain)
    np.testing.assert_allclose(net.params, want, atol=1e-15)
    assert net.params[3] == 0.0
    far = weight & (np.abs(plain) > lr * l1)  # there it is the subgradient step
    np.testing.assert_allclose(net.params[far], (w0 - lr * (g + l1 * np.sign(w0)))[far], atol=1e-15)


def test_l1_kills_weights_the_data_does_not_need_and_they_stay_dead():
    """XOR on x1, x2 and a noise input: strong L1 drives the noise input's weights to
    exactly 0, where they stay; with l1 = 0 nothing is exactly 0."""
    rng = np.random.default_rng(0)
    X = np.column_stack([XOR_X, rng.normal(size=4)])
    for l1, dead in ((0.0, False), (0.05, True)):
        net = Network([3, 4, 1], ["tanh", "sigmoid"])
        initialise(net, "xavier", seed=1)
        t = Trainer(net, X, XOR_Y, loss="bce", lr=0.3, l1=l1)
        t.run(max_epochs=3000)
        zeros = net.weights[0] == 0.0
        assert zeros.any() == dead
        if dead:
            before = zeros.copy()
            t.run(max_epochs=200)
            assert (net.weights[0][before] == 0.0).all()  # dead ones stay dead
            assert np.isfinite(net.params).all()


def test_steps_of_each_size_and_epoch_bookkeeping():
    net = xor_net(2)
    t = Trainer(net, XOR_X, XOR_Y, loss="bce", lr=0.5, batch=3)
    r = t.step_sample()
    assert list(r.samples) == [0] and t.position == 1 and t.epoch == 0
    r = t.step_batch()
    assert list(r.samples) == [1, 2, 3] and t.position == 0 and t.epoch == 1
    r = t.step_batch()
    assert list(r.samples) == [0, 1, 2] and t.epoch == 1
    r = t.step_epoch()  # finishes the current epoch
    assert list(r.samples) == [3] and t.epoch == 2
    r = t.step_epoch()
    assert list(r.samples) == [0, 1, 2, 3] and r.steps == 2 and t.epoch == 3
    assert t.steps == 6
    assert t.history.epochs == [0, 1, 2]


def test_shuffle_is_reproducible_from_the_seed():
    runs = []
    for _ in range(2):
        net = xor_net(2, seed=3)
        t = Trainer(net, XOR_X, XOR_Y, loss="bce", lr=0.5, batch="sample", shuffle=True, seed=9)
        orders = []
        for _ in range(3):
            orders.append(t.order.copy())
            t.step_epoch()
        runs.append((orders, net.params.copy()))
    assert all(np.array_equal(a, b) for a, b in zip(runs[0][0], runs[1][0]))
    assert not np.array_equal(runs[0][0][0], runs[0][0][1])
    assert np.array_equal(runs[0][1], runs[1][1])


def test_history_records_loss_at_weights_of_each_epoch():
    net = xor_net(2)
    t = Trainer(net, XOR_X, XOR_Y, loss="bce", lr=0.5, batch="sample")
    e0 = t.loss()
    t.run(max_epochs=3)
    assert t.history.epochs == [0, 1, 2]
    assert t.history.losses[0] == e0
    full = Trainer(xor_net(2), XOR_X, XOR_Y, loss="bce", lr=0.5)
    full.run(max_epochs=3)
    assert full.history.losses[0] == pytest.approx(e0, abs=1e-15)


def test_history_is_decimated_not_unbounded():
    h = History(capacity=100)
    for e in range(10_000):
        h.record(e, float(e))
    assert len(h) <= 100
    assert h.epochs[0] == 0 and h.epochs == sorted(h.epochs)
    assert h.epochs[-1] >= 10_000 - 2 * h.stride
    assert all(e % h.stride == 0 for e in h.epochs)


def test_learning_rate_change_keeps_training_state():
    net = xor_net(2)
    t = Trainer(net, XOR_X, XOR_Y, loss="bce", lr=0.5)
    t.run(max_epochs=5)
    t.set_lr(0.1)
    assert t.epoch == 5 and len(t.history) == 5 and t.lr == 0.1
    with pytest.raises(ValueError, match="learning rate"):
        t.set_lr(0)
    assert t.lr == 0.1


# --- divergence -------------------------------------------------------------------

@pytest.mark.parametrize("batch", ["full", "sample"])
def test_divergence_keeps_last_finite_parameters(batch):
    net = hand_note()
    t = Trainer(net, HAND_X, HAND_Y, loss="half_sse", reduction="sum", lr=100.0, batch=batch)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow warnings leak out
        result = t.run(max_epochs=100_000)
    assert result.reason == "diverged"
    assert isinstance(result.error, Diverged)
    assert "diverged at epoch" in str(result.error)
    assert np.isfinite(net.params).all()
    assert result.error.epoch == t.epoch < 100
    # the kept parameters are the last finite ones: one more update is not finite
    g = net.gradient(HAND_X, HAND_Y, "half_sse", "sum")
    with np.errstate(all="ignore"):
        nxt = net.params - 100.0 * g.flat
        bad = not np.isfinite(nxt).all() or not np.isfinite(g.loss)
    assert bad


def test_divergence_in_a_single_step_raises_and_changes_nothing():
    net = hand_note()
    net.params[...] *= 1e155
    before = net.params.copy()
    t = Trainer(net, HAND_X, HAND_Y, loss="half_sse", reduction="sum", lr=1.0)
    with pytest.raises(Diverged):
        t.step_sample()
    assert np.array_equal(net.params, before)
    assert t.steps == 0 and t.epoch == 0


def test_saturated_sigmoid_network_does_not_warn_or_nan():
    net = Network([2, 2, 1], "sigmoid")
    net.params[...] = 500.0
    X = np.array([[2.0, 2.0], [-2.0, -2.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = Trainer(net, X, [[0.0], [1.0]], loss="bce", lr=1.0)
        assert np.isfinite(t.loss()) and t.loss() > 100
        t.run(max_epochs=5)
    assert np.isfinite(net.params).all()


# --- initialisation -----------------------------------------------------------------

def test_initialisation_is_reproducible_and_follows_note_003_defaults():
    a = initialise(Network([2, 3, 1]), "normal", seed=42, scale=0.1, bias=0.05)
    b = initialise(Network([2, 3, 1]), "normal", seed=42, scale=0.1, bias=0.05)
    c = initialise(Network([2, 3, 1]), "normal", seed=43, scale=0.1, bias=0.05)
    assert np.array_equal(a.params, b.params) and not np.array_equal(a.params, c.params)
    assert all((B == 0.05).all() for B in a.biases)
    assert max(abs(W).max() for W in a.weights) < 0.5


@pytest.mark.parametrize("scheme", ["uniform", "normal", "xavier", "he"])
def test_initialisation_scales(scheme):
    net = initialise(Network([50, 200, 1]), scheme, seed=0)
    W = net.weights[0]
    expected_std = {"uniform": 1 / np.sqrt(3), "normal": 1.0, "xavier": np.sqrt(2 / 250),
                    "he": np.sqrt(2 / 50)}[scheme]
    assert W.std() == pytest.approx(expected_std, rel=0.05)


def test_zero_initialisation_keeps_hidden_units_identical():
    net = initialise(Network([2, 3, 1], "sigmoid"), "zeros")
    t = Trainer(net, XOR_X, XOR_Y, loss="bce", lr=1.0)
    t.run(max_epochs=200)
    W = net.weights[0]
    assert np.allclose(W, W[:, :1]) and np.allclose(net.biases[0], net.biases[0][0])
    assert np.allclose(net.weights[1], net.weights[1][0])


def test_reinitialising_keeps_frozen_parameters():
    net = mazur()
    initialise(net, "xavier", seed=1)
    assert [net["b1_1"], net["b2_2"]] == [0.35, 0.60]
    assert net["w1"] != 0.15


def test_snapshots_stay_bounded_and_keep_the_newest_per_epoch():
    from core import Snapshots

    s = Snapshots(capacity=50)
    for k in range(10_000):
        s.record(3 * k, np.full(2, k))
    assert len(s) <= 50 and s.epochs == sorted(s.epochs) and s.epochs[0] == 0
    s.record(s.epochs[-1], np.zeros(2))
    assert (s.values[-1] == 0).all()


def test_loss_and_accuracy_on_other_data():
    net = xor_net(4, seed=1)
    t = Trainer(net, XOR_X, XOR_Y, loss="bce", lr=2.0)
    t.run(max_epochs=2000)
    assert t.loss(XOR_X[::-1], XOR_Y[::-1]) == pytest.approx(t.loss(), abs=1e-15)
    assert t.accuracy(XOR_X[:2], XOR_Y[:2]) == 1.0


def test_the_regression_sets_plane_and_gauss():
    """TensorFlow Playground's regression sets on our [-1, 1] plane, through the project's
    generator: the plane is (x1 + x2) / 2 exactly; each Gaussian bump is ±1 at its centre,
    0 beyond 1/3 from every centre, and the tallest bump counts."""
    from core import datasets
    from core.project import generate

    X, Y = generate({"generator": "plane", "n": 50, "noise": 0.0, "seed": 3})
    assert X.shape == (50, 2) and np.abs(X).max() <= 1
    np.testing.assert_allclose(Y[:, 0], X.sum(axis=1) / 2, atol=1e-15)
    X, Y = generate({"generator": "gauss", "n": 4000, "noise": 0.0, "seed": 1})
    assert Y.shape == (4000, 1) and np.abs(Y).max() <= 1
    d = np.array([np.hypot(X[:, 0] - cx, X[:, 1] - cy) for cx, cy, _ in datasets.BUMPS])
    far = (d > 1 / 3).all(axis=0)
    assert far.any() and (Y[far, 0] == 0).all()
    for k, (_, _, sign) in enumerate(datasets.BUMPS):
        near = d[k] < 0.1  # within 0.1 of this centre (the bumps are 2/3 apart)
        assert near.any() and (np.sign(Y[near, 0]) == sign).all()
        assert np.allclose(np.abs(Y[near, 0]), 1 - 3 * d[k][near])


def test_a_layers_stages_end_at_its_activations():
    """Network.stages: the layer's input, W·x, W·x + b and f(W·x + b) for chosen neurons."""
    net = initialise(Network([2, 3, 2, 1], ["tanh", "relu", "sigmoid"]), "xavier", seed=5, bias=0.2)
    X = np.random.default_rng(2).normal(size=(9, 2))
    z0, wx, a, f = net.stages(X, 2, [1, 0])
    p = net.forward(X)
    np.testing.assert_array_equal(z0, p.z[1])
    np.testing.assert_allclose(wx + net.biases[1][[1, 0]], a, atol=1e-15)
    np.testing.assert_array_equal(f, p.z[2][:, [1, 0]])
    np.testing.assert_array_equal(f, np.maximum(a, 0))
