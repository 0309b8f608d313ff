"""Backprop against central finite differences; the trainer's fast path against the reference."""

import zlib

import numpy as np
import pytest

from core import ACTIVATIONS, LOSSES, Network, Trainer, initialise
from core.gradcheck import gradient_check, numeric_gradient

DIFFERENTIABLE = [n for n, a in ACTIVATIONS.items() if a.differentiable and a.elementwise]


def random_problem(rng, depth, hidden_act, loss, bias):
    sizes = [int(rng.integers(1, 4))] + [int(rng.integers(1, 5)) for _ in range(depth - 1)]
    n_out = int(rng.integers(2, 4)) if loss == "cce" else int(rng.integers(1, 3))
    sizes.append(n_out)
    out_act = {"bce": "sigmoid", "cce": "softmax"}.get(loss, hidden_act)
    net = Network(sizes, [hidden_act] * (depth - 1) + [out_act], bias=bias)
    initialise(net, "normal", seed=int(rng.integers(1 << 30)), scale=0.8, bias=0.1)
    if bias:  # non-zero, distinct biases
        for B in net.biases:
            B[...] = rng.normal(0, 0.5, B.shape)
    N = int(rng.integers(1, 6))
    X = rng.normal(0, 1, (N, sizes[0]))
    if loss == "bce":
        Y = rng.uniform(0, 1, (N, n_out))
    elif loss == "cce":
        Y = np.eye(n_out)[rng.integers(0, n_out, N)]
    else:
        Y = rng.normal(0, 1, (N, n_out))
    return net, X, Y


@pytest.mark.parametrize("loss", list(LOSSES))
@pytest.mark.parametrize("act", DIFFERENTIABLE)
def test_backprop_matches_finite_differences(act, loss):
    rng = np.random.default_rng(zlib.crc32(f"{act}/{loss}".encode()))  # same draw every run
    for depth in (1, 2, 3, 4):
        for bias in (True, False):
            reduction = "mean" if rng.random() < 0.5 else "sum"
            net, X, Y = random_problem(rng, depth, act, loss, bias)
            analytic = net.gradient(X, Y, loss, reduction).flat
            numeric = numeric_gradient(net, X, Y, loss, reduction)
            scale = np.linalg.norm(analytic) + np.linalg.norm(numeric)
            err = np.linalg.norm(analytic - numeric) / max(scale, 1e-12)
            assert err < 1e-6, (act, loss, depth, bias, err)


def test_softmax_output_with_squared_error_matches_finite_differences():
    rng = np.random.default_rng(7)
    net = Network([3, 4, 3], ["tanh", "softmax"])
    initialise(net, "normal", seed=3, bias=0.2)
    X, Y = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
    analytic = net.gradient(X, Y, "mse", "mean").flat
    numeric = numeric_gradient(net, X, Y, "mse", "mean")
    assert np.linalg.norm(analytic - numeric) / np.linalg.norm(numeric) < 1e-6


def sgd_by_hand(net, X, Y, loss, reduction, lr, batches):
    """Reference: Network.backward and a plain update per batch, frozen kept."""
    ref = net.copy()
    mask = ref.trainable_mask()
    for idx in batches:
        g = ref.gradient(X[idx], Y[idx], loss, reduction).flat
        ref.params[mask] -= lr * g[mask]
    return ref.params


@pytest.mark.parametrize("batch", ["full", "sample", 2])
@pytest.mark.parametrize("loss,out", [("half_sse", "tanh"), ("mse", "linear"), ("bce", "sigmoid"),
                                      ("cce", "softmax")])
def test_trainer_fast_path_equals_reference(batch, loss, out):
    rng = np.random.default_rng(11)
    n_out = 3 if loss == "cce" else 2
    net = Network([2, 3, 4, n_out], ["relu", "tanh", out], bias=[True, False, True])
    initialise(net, "xavier", seed=5, bias=0.1)
    net.freeze(net.resolve("w2"))
    X = rng.normal(size=(5, 2))
    Y = np.eye(n_out)[rng.integers(0, n_out, 5)] if loss == "cce" else rng.uniform(0, 1, (5, n_out))
    t = Trainer(net, X, Y, loss=loss, reduction="mean", lr=0.3, batch=batch, shuffle=True, seed=4)
    order = t.order.copy()
    size = {"full": 5, "sample": 1}.get(batch, batch)
    batches = [order[i:i + size] for i in range(0, 5, size)]
    expected = sgd_by_hand(net, X, Y, loss, "mean", 0.3, batches)
    t.step_epoch()
    np.testing.assert_allclose(net.params, expected, rtol=0, atol=1e-14)


def test_gradient_check_lists_every_parameter_with_small_differences():
    from tests.core.lessons import MAZUR_X, MAZUR_Y, mazur

    net = mazur()
    before = net.params.copy()
    checks = gradient_check(net, MAZUR_X, MAZUR_Y, "half_sse", "sum")
    assert [c.label for c in checks] == list(net.labels())
    assert max(c.relative for c in checks) < 1e-7
    w5 = next(c for c in checks if c.label == "w5")
    assert abs(w5.backprop - 0.082167040564) < 1e-11 and abs(w5.numeric - w5.backprop) < 1e-8
    assert np.array_equal(net.params, before)
