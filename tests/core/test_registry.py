"""Every registered activation and loss works everywhere the app uses one: training, the
one-sample scalar kernel, the lecture derivation, the gradient check, the loss landscape
and both exported scripts, and they agree. A new registry entry is covered by adding it."""

import importlib.util
import json
import math
import subprocess
import sys

import numpy as np
import pytest

from core import ACTIVATIONS, LOSSES, Network, Trainer, initialise
from core.derivation import derive, to_latex, to_markdown
from core.export import numpy_script, torch_script
from core.gradcheck import gradient_check
from core.landscape import batched_loss
from core.scalar import ScalarKernel
from core.trace import trace_step

ELEMENTWISE = [n for n, a in ACTIVATIONS.items() if a.elementwise]
TRAINABLE = [n for n in ELEMENTWISE if ACTIVATIONS[n].df is not None]
X = np.array([[0.2, -0.7], [1.1, 0.4], [-0.5, 0.9], [0.3, 0.3]])


def problem(hidden: str, loss: str):
    """A 2-3-K network with ``hidden`` in its hidden layer and the output the loss needs."""
    lossf = LOSSES[loss]
    out = lossf.output or "linear"
    K = 3 if out == "softmax" else 1
    net = initialise(Network([2, 3, K], [hidden, out]), "xavier", seed=7)
    if loss == "cce":
        Y = np.eye(3)[[0, 1, 2, 1]]
    elif loss == "bce":
        Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    else:
        Y = np.array([[0.3], [-0.2], [0.8], [0.1]])
    return net, Y


@pytest.mark.parametrize("loss", list(LOSSES))
@pytest.mark.parametrize("act", TRAINABLE)
def test_every_activation_and_loss_trains_derives_and_checks(act, loss):
    net, Y = problem(act, loss)
    # training: a few steps change the weights and keep them finite
    before = net.params.copy()
    t = Trainer(net.copy(), X, Y, loss=loss, reduction="sum", lr=0.05, batch="sample")
    t.run(max_epochs=3)
    assert np.isfinite(t.net.params).all() and not np.array_equal(t.net.params, before)
    # the gradient check agrees with backpropagation
    checks = gradient_check(net, X, Y, loss, "sum")
    assert max(c.relative for c in checks) < 1e-5, (act, loss)
    # the derivation: every phase's value is the trace's, and both handouts render
    dv = derive(net, X[0], Y[0], loss, 0.1)
    tr = trace_step(net, X[0], Y[0], loss, 0.1)
    error = next(p for p in dv.phases if p.kind == "error")
    assert error.value == pytest.approx(tr.loss, abs=1e-12)
    grads = {p.name: p.value for p in dv.phases if p.kind == "gradient"}
    for s in tr.params:
        assert grads[f"∂E/∂{s.label}"] == s.grad
    assert to_markdown(dv) and to_latex(dv)
    assert float(np.sum(tr.loss_terms)) == pytest.approx(tr.loss, rel=1e-12, abs=1e-15)
    # the landscape's batched loss is the network's loss
    e = batched_loss(net, X, Y, loss, "sum", net.params[None, :])
    assert e[0] == pytest.approx(net.loss(X, Y, loss, "sum"), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("loss", [n for n, l in LOSSES.items() if l.grad_scale or
                                  l.output == "sigmoid"])
@pytest.mark.parametrize("act", TRAINABLE)
def test_the_scalar_kernel_covers_every_activation_with_float_forms(act, loss):
    net, Y = problem(act, loss)
    t = Trainer(net, X, Y, loss=loss, reduction="sum", batch="sample")
    kernel = t._kernel(1)
    assert isinstance(kernel, ScalarKernel), f"{act} has no float forms in its entry"
    XT, YT, VT = t.data
    for i in range(len(X)):
        e = kernel.gradient(XT[:, i:i + 1], YT[:, i:i + 1], VT[:, i:i + 1])
        ref = net.gradient(X[i:i + 1], Y[i:i + 1], loss, "sum")
        np.testing.assert_allclose(t._grad, ref.flat, rtol=0, atol=1e-12)
        assert e == pytest.approx(ref.loss, rel=1e-12, abs=1e-15)


RUNNER = """
import contextlib, io, json, sys
out = {}
for name, src in json.load(sys.stdin).items():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(src, name, "exec"), {"__name__": "__main__"})
    out[name] = buf.getvalue()
print(json.dumps(out))
"""


def exported_net(act: str) -> Network:
    """A 2-3-1 net with ``act`` hidden and a linear output (softmax: tanh hidden, 3 out)."""
    if act == "softmax":
        return initialise(Network([2, 3, 3], ["tanh", "softmax"]), "xavier", seed=3)
    return initialise(Network([2, 3, 1], [act, "linear"]), "xavier", seed=3)


@pytest.fixture(scope="module")
def script_outputs() -> dict:
    """Each activation's two exported scripts run as programs, all in one interpreter (a
    process a script imported PyTorch 14 times: 20 s of the suite); each script's printed
    rows by name ("tanh/numpy", "tanh/torch")."""
    torch = importlib.util.find_spec("torch") is not None
    scripts = {}
    for act in ELEMENTWISE + ["softmax"]:
        net = exported_net(act)
        scripts[f"{act}/numpy"] = numpy_script(net, X)
        if torch:
            scripts[f"{act}/torch"] = torch_script(net, X)
    r = subprocess.run([sys.executable, "-c", RUNNER], input=json.dumps(scripts),
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    return {name: np.array([[float(v) for v in line.split()] for line in text.splitlines()])
            for name, text in json.loads(r.stdout).items()}


@pytest.mark.parametrize("act", ELEMENTWISE + ["softmax"])
def test_both_exported_scripts_compute_every_activation(act, script_outputs):
    net = exported_net(act)
    assert np.array_equal(script_outputs[f"{act}/numpy"], net.predict(X))
    if importlib.util.find_spec("torch") is None:
        pytest.skip("PyTorch is a benchmark extra; not installed here")
    assert np.abs(script_outputs[f"{act}/torch"] - net.predict(X)).max() < 1e-12


def test_every_entry_is_complete():
    for name, a in ACTIVATIONS.items():
        assert a.numpy and a.torch and a.symbol and a.formula and a.derivative, name
        if a.elementwise and a.df is not None:
            assert a.scalar is not None, f"{name}: float forms for the one-sample kernel"
            for v in (-3.0, -0.5, 0.0, 0.7, 2.5):  # the float forms are the array forms
                z = float(a(np.array([[v]]))[0, 0])
                assert a.scalar[0](v) == pytest.approx(z, rel=1e-12, abs=1e-15)
                d = a.df(np.array([[v]]), np.array([[z]]), np.empty((1, 1)))[0, 0]
                assert a.scalar[1](v, z) == pytest.approx(d, rel=1e-12, abs=1e-15)
        if a.bounds is not None:
            z = a(np.linspace(-50, 50, 101)[None, :])
            assert a.bounds[0] <= z.min() and z.max() <= a.bounds[1], name
    for name, l in LOSSES.items():
        assert l.elements is not None and l.error_text[0] and l.error_text[1], name
        assert (l.de_text is None) == bool(l.output), name  # fused deltas need no dE/dŷ


def test_swish_was_added_by_one_entry():
    """The registry's demonstration: swish, a·σ(a), trains and matches finite differences."""
    a = ACTIVATIONS["swish"]
    v = np.linspace(-4, 4, 9)[None, :]
    assert np.allclose(a(v), v / (1 + np.exp(-v)))
    h = 1e-6
    numeric = (a(v + h) - a(v - h)) / (2 * h)
    assert np.allclose(a.df(v, a(v), np.empty_like(v)), numeric, atol=1e-8)
    assert math.isfinite(a.scalar[0](-1000.0)) and math.isfinite(a.scalar[0](1000.0))
