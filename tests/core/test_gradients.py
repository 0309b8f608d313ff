"""Backprop against central finite differences; the trainer's fast path against the reference."""

import zlib

import numpy as np
import pytest

from core import ACTIVATIONS, LOSSES, Network, Trainer, initialise
from core.gradcheck import NumericGradient, agrees, gradient_check, numeric_gradient, rounding_noise
from core.kernel import Kernel
from core.scalar import FUNCTIONS, ScalarKernel

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


def test_finite_differences_in_parts_are_the_ones_in_one_go_and_leave_the_network_alone():
    """The gradient check's window works them out a slice at a time (a big net's took 36 s
    at once): run(0) does one parameter a call, a copy of the network is differentiated,
    and the parts together are numeric_gradient's numbers, exactly."""
    from tests.core.lessons import MAZUR_X, MAZUR_Y, mazur

    net = mazur()
    before = net.params.copy()
    parts = NumericGradient(net, MAZUR_X, MAZUR_Y, "half_sse", "sum")
    calls = 0
    while not parts.run(0.0):
        calls += 1
        assert parts.k == calls and not parts.g[calls:].any()
        net.params += 1.0  # the caller's network trains on meanwhile: no matter
    assert calls + 1 == net.params.size
    net.params[...] = before
    assert np.array_equal(parts.g, numeric_gradient(net, MAZUR_X, MAZUR_Y, "half_sse", "sum"))
    assert np.array_equal(parts.net.params, before)  # its copy back at the weights it checks


def test_a_saturated_neurons_tiny_gradients_agree_within_the_rounding_noise():
    """A tanh neuron at b = 9 (saturated) has ∂E/∂w ≈ 1e-8: the finite differences' rounding
    (ε·E/h ≈ 2e-10) makes relative differences of ~1e-3 although backprop is exact, and the
    gradient check said "look closer". ``agrees`` allows ten times the noise; a real error
    of 1e-4 relative on a large gradient is still caught."""
    from dataclasses import replace

    net = initialise(Network([2, 2, 1], ["tanh", "sigmoid"]), "xavier", seed=0)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    net.biases[0][0] = 9.0
    checks = gradient_check(net, X, Y, "bce", "mean")
    E = net.loss(X, Y, "bce", "mean")
    assert max(c.relative for c in checks) > 1e-4  # a false alarm by relative differences alone
    assert 1e-10 < rounding_noise(E) < 1e-9 and agrees(checks, E)
    tiny = [c for c in checks if c.relative > 1e-5]
    assert tiny and all(abs(c.backprop) < 1e-6 for c in tiny)  # the saturated neuron's
    big = max(checks, key=lambda c: abs(c.backprop))
    wrong = [replace(c, backprop=c.backprop * (1 + 1e-4)) if c is big else c for c in checks]
    assert not agrees(wrong, E)
    assert not agrees([replace(checks[0], numeric=float("nan"))], E)


@pytest.mark.parametrize("loss", ["half_sse", "mse", "bce"])
@pytest.mark.parametrize("act", list(FUNCTIONS))
def test_scalar_kernel_equals_numpy_kernel_and_reference(act, loss):
    """One sample of a small net goes through plain Python floats (core.scalar); it
    must give what the numpy kernel and Network.backward give."""
    rng = np.random.default_rng(zlib.crc32(f"scalar/{act}/{loss}".encode()))
    for depth in (1, 2, 3, 4):
        for bias in (True, False):
            net, X, Y = random_problem(rng, depth, act, loss, bias)
            t = Trainer(net, X, Y, loss=loss, reduction="sum", batch="sample")
            scalar = t._kernel(1)
            assert isinstance(scalar, ScalarKernel), "small nets take the scalar path"
            grad = np.zeros_like(net.params)
            numpy_kernel = Kernel(net, t.lossf, 1, grad)
            XT, YT, VT = t.data
            for i in range(len(X)):
                Zin, Yi, Vi = XT[:, i:i + 1], YT[:, i:i + 1], VT[:, i:i + 1]
                e_scalar = scalar.gradient(Zin, Yi, Vi)
                with np.errstate(all="ignore"):
                    e_numpy = numpy_kernel.gradient(Zin, Yi, Vi)
                reference = net.gradient(X[i:i + 1], Y[i:i + 1], loss, "sum").flat
                scale = max(np.abs(reference).max(), 1.0)
                np.testing.assert_allclose(t._grad, reference, rtol=0, atol=1e-12 * scale)
                np.testing.assert_allclose(grad, reference, rtol=0, atol=1e-12 * scale)
                assert e_scalar == pytest.approx(e_numpy, rel=1e-12, abs=1e-15)
                assert scalar.loss_sum(Zin, Yi, Vi) == e_scalar


@pytest.mark.parametrize("act", list(FUNCTIONS))
def test_scalar_kernel_is_finite_and_quiet_for_huge_pre_activations(act):
    import warnings

    for a in (1000.0, -1000.0):
        for loss in ("bce", "half_sse"):
            net = Network([1, 1], "sigmoid" if loss == "bce" else act)
            net.set("w1", a)
            t = Trainer(net, [[1.0]], [[0.0]], loss=loss, reduction="sum", batch="sample")
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                e = t._kernel(1).gradient(*t.data)
            assert np.isfinite(e) and np.isfinite(t._grad).all(), (act, a, loss, e)


def test_scalar_kernel_source_reads_like_the_hand_note():
    net = Network([2, 2, 1], "sigmoid")
    src = ScalarKernel(net, Trainer(net, [[0.0, 1.0]], [[1.0]], loss="bce").lossf,
                       np.zeros(9)).source
    assert "a1_0 = p[0] + x[0] * p[2] + x[1] * p[4]" in src
    assert "d1_0 = (p[7] * d2_0) * (z1_0 - z1_0 * z1_0)" in src
