"""Bad input: a clear ValueError naming the problem, and nothing changes."""

import numpy as np
import pytest

from core import Network, Trainer, initialise
from tests.core.lessons import XOR_X, XOR_Y, hand_note


@pytest.fixture
def net():
    return initialise(Network([2, 2, 1], "sigmoid"), "xavier", seed=0)


@pytest.mark.parametrize("X,Y,message", [
    (np.ones((4, 3)), XOR_Y, r"shape \(N, 2\)"),
    (XOR_X, np.ones((4, 2)), r"targets must have shape \(N, 1\)"),
    (XOR_X, XOR_Y[:3], "4 inputs but 3 targets"),
    (np.array([[0, 0], [np.nan, 1], [1, 0], [1, 1]]), XOR_Y, "non-finite value.*row 1, column 0"),
    (XOR_X, np.array([[0], [np.inf], [1], [0]]), "targets holds a non-finite"),
    (np.empty((0, 2)), np.empty((0, 1)), "no samples"),
    ([["a", "b"]], [[1]], "must hold real numbers; it holds text"),
    (XOR_X, XOR_Y * 2, r"targets must lie in \[0, 1\]"),
])
def test_bad_data_is_refused_and_the_network_is_untouched(net, X, Y, message):
    before = net.params.copy()
    with pytest.raises(ValueError, match=message):
        Trainer(net, X, Y, loss="bce")
    assert np.array_equal(net.params, before)


@pytest.mark.parametrize("kwargs,message", [
    ({"loss": "hinge"}, "unknown loss 'hinge'"),
    ({"reduction": "avg"}, "reduction must be 'mean' or 'sum'"),
    ({"lr": 0}, "learning rate must be a positive number"),
    ({"lr": -1}, "learning rate must be a positive number"),
    ({"lr": "fast"}, "learning rate must be a number"),
    ({"batch": 0}, "batch must be"),
    ({"optimizer": "rmsprop"}, "unknown optimizer"),
    ({"l2": -0.1}, "L2 strength"),
    ({"loss": "cce"}, "cce loss needs a softmax output layer"),
])
def test_bad_settings_are_refused(net, kwargs, message):
    with pytest.raises(ValueError, match=message):
        Trainer(net, XOR_X, XOR_Y, **{"loss": "bce", **kwargs})


def test_unknown_activation_and_bad_structure():
    with pytest.raises(ValueError, match="unknown activation 'mish'.*known: linear"):
        Network([2, 2, 1], "mish")
    with pytest.raises(ValueError, match="need 2 activations"):
        Network([2, 2, 1], ["tanh"])
    with pytest.raises(ValueError, match="at least 2 layers"):
        Network([2])
    with pytest.raises(ValueError, match="softmax is only allowed on the output layer"):
        Network([2, 3, 2], ["softmax", "softmax"])


def test_loss_must_fit_the_output_layer():
    net = Network([2, 2, 1], ["tanh", "softmax"])
    with pytest.raises(ValueError, match="at least 2 output neurons"):
        Trainer(net, XOR_X, XOR_Y, loss="cce")
    net = Network([2, 2, 2], ["tanh", "softmax"])
    with pytest.raises(ValueError, match="one-hot"):
        Trainer(net, XOR_X, np.ones((4, 2)), loss="cce")


@pytest.mark.parametrize("act", ["step", "sign"])
def test_training_through_step_or_sign_names_the_layer(act):
    net = Network([2, 2, 1], [act, "sigmoid"])
    net.forward(XOR_X)  # evaluating is fine
    with pytest.raises(ValueError, match=f"layer 1 \\(hidden layer 1\\) uses the {act} activation"):
        Trainer(net, XOR_X, XOR_Y, loss="bce")
    with pytest.raises(ValueError, match="not trained"):
        net.gradient(XOR_X, XOR_Y, "bce", "mean")


def test_step_and_sign_forward_values():
    net = Network([1, 1], "sign", bias=False)
    net["w1"] = 1.0
    assert net.predict([[-2.0], [0.0], [3.0]])[:, 0].tolist() == [-1.0, 1.0, 1.0]
    net = Network([1, 1], "step", bias=False)
    net["w1"] = 1.0
    assert net.predict([[-2.0], [0.0], [3.0]])[:, 0].tolist() == [0.0, 0.0, 1.0]


def test_setting_a_parameter_checks_label_and_value():
    net = hand_note()
    before = net.params.copy()
    for value in ["abc", float("nan"), float("inf"), None]:
        with pytest.raises(ValueError):
            net["w1"] = value
    with pytest.raises(ValueError, match="no parameter labelled 'w7'.*w1, w2"):
        net["w7"] = 1.0
    with pytest.raises(ValueError, match="layer 1 has no biases"):
        net.set(net.resolve("w1").__class__(0, -1, 0), 1.0)
    with pytest.raises(ValueError, match="need 9 parameters"):  # flat layout keeps bias slots
        net.set_params(np.zeros(5))
    assert np.array_equal(net.params, before)


def test_extreme_preactivations_stay_finite_without_warnings():
    import warnings

    from core import ACTIVATIONS, LOSSES
    a = np.array([[-1000.0, -50.0, 0.0, 50.0, 1000.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name, act in ACTIVATIONS.items():
            z = act(a)
            assert np.isfinite(z).all(), name
        assert ACTIVATIONS["sigmoid"](a)[0].tolist()[::4] == [0.0, 1.0]
        assert ACTIVATIONS["softplus"](a)[0, -1] == 1000.0
        y = np.array([[1.0, 0.0, 1.0, 0.0, 1.0]])
        terms = LOSSES["bce"].terms(ACTIVATIONS["sigmoid"](a), y, a)
        assert np.isfinite(terms).all() and terms[0] == pytest.approx(1000 + np.log(2) + 50)


def test_fast_activations_of_the_training_loop_agree_with_the_plain_ones():
    """The hot loop's sigmoid 1/(1+e^-a) and tanh 1-2/(1+e^2a) (under errstate: e^±a
    may overflow to inf) against the plain forms, from 0 to ±1000."""
    import warnings

    from core import ACTIVATIONS
    a = np.concatenate([np.linspace(-40, 40, 8001), [-1000.0, -710.0, -355.0, 355.0, 710.0, 1000.0],
                        [-1e-12, -0.0, 0.0, 1e-12]])[None, :]
    for name in ("sigmoid", "tanh"):
        act = ACTIVATIONS[name]
        assert act.fast is not act.f
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with np.errstate(all="ignore"):
                fast = act.fast(a, np.empty_like(a))
        plain = act(a)
        assert np.isfinite(fast).all(), name
        np.testing.assert_allclose(fast, plain, rtol=0, atol=4e-16, err_msg=name)
        assert fast[0, 8001] == plain[0, 8001] and fast[0, 8006] == plain[0, 8006]  # ±1000
