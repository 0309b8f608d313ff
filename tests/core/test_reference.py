"""REFERENCE.md sections 1-3: the course's figures, to 1e-9."""

import pytest

from core import Network, Trainer, initialise
from tests.core.lessons import HAND_X, HAND_Y, MAZUR_X, MAZUR_Y, XOR_X, XOR_Y, hand_note, mazur

TOL = 1e-9


# --- section 1: hand note, linear 2-2-1 -------------------------------------------

def test_hand_note_forward():
    net = hand_note()
    p = net.forward(HAND_X)
    assert p.z[1][0] == pytest.approx([0.85, 0.48], abs=TOL)
    assert p.output[0, 0] == pytest.approx(0.191, abs=TOL)
    assert net.loss(HAND_X, HAND_Y, "half_sse", "sum") == pytest.approx(0.3272405, abs=TOL)
    assert p.output[0, 0] - HAND_Y[0, 0] == pytest.approx(-0.809, abs=TOL)


def test_hand_note_first_update():
    net = hand_note()
    Trainer(net, HAND_X, HAND_Y, loss="half_sse", reduction="sum", lr=0.05).step_sample()
    expected = {"w1": 0.121326, "w2": 0.132135, "w3": 0.226989, "w4": 0.0982025,
                "w5": 0.1743825, "w6": 0.169416}
    for label, v in expected.items():
        assert net[label] == pytest.approx(v, abs=TOL), label


def test_hand_note_errors_and_stopping_rule():
    net = hand_note()
    t = Trainer(net, HAND_X, HAND_Y, loss="half_sse", reduction="sum", lr=0.05)
    result = t.run(max_epochs=1000, loss_threshold=1e-6)
    assert result.reason == "threshold"
    assert t.steps == 20  # "E <= 1e-6" is met when measured before update 21
    assert t.history.losses[1] == pytest.approx(0.276957171393, abs=TOL)  # before update 2
    assert t.history.losses[9] == pytest.approx(0.00607095605221, abs=TOL)  # before update 10
    assert t.loss() == pytest.approx(4.33757922743e-07, abs=TOL)
    assert net.predict(HAND_X)[0, 0] == pytest.approx(0.999068594693, abs=TOL)
    assert t.history.losses[19] > 1e-6


def test_hand_note_stopping_rule_same_in_per_sample_mode():
    net = hand_note()
    t = Trainer(net, HAND_X, HAND_Y, loss="half_sse", reduction="sum", lr=0.05, batch="sample")
    assert t.run(max_epochs=1000, loss_threshold=1e-6).reason == "threshold"
    assert t.steps == 20


# --- section 2: sigmoid 2-2-2 with frozen biases (Mazur) --------------------------

def test_mazur_forward_and_w5_gradient():
    net = mazur()
    p = net.forward(MAZUR_X)
    assert p.z[1][0] == pytest.approx([0.593269992107, 0.596884378260], abs=TOL)
    assert p.output[0] == pytest.approx([0.751365069552, 0.772928465321], abs=TOL)
    assert net.loss(MAZUR_X, MAZUR_Y, "half_sse", "sum") == pytest.approx(0.298371108760, abs=TOL)
    g = net.gradient(MAZUR_X, MAZUR_Y, "half_sse", "sum")
    assert g.flat[net.index(net.resolve("w5"))] == pytest.approx(0.082167040564, abs=TOL)


def test_mazur_one_update():
    net = mazur()
    t = Trainer(net, MAZUR_X, MAZUR_Y, loss="half_sse", reduction="sum", lr=0.5)
    t.step_sample()
    expected = [0.149780716, 0.199561432, 0.249751144, 0.299502287,
                0.358916480, 0.408666186, 0.511301270, 0.561370121]
    for k, v in enumerate(expected):
        assert net[f"w{k + 1}"] == pytest.approx(v, abs=1e-9)
    assert [net["b1_1"], net["b1_2"], net["b2_1"], net["b2_2"]] == [0.35, 0.35, 0.60, 0.60]
    assert t.loss() == pytest.approx(0.291027773694, abs=TOL)


def test_mazur_10000_updates():
    net = mazur()
    t = Trainer(net, MAZUR_X, MAZUR_Y, loss="half_sse", reduction="sum", lr=0.5)
    assert t.run(max_epochs=10_000).epochs == 10_000
    assert t.loss() == pytest.approx(3.51019e-05, rel=1e-5)  # figure given to 6 digits
    assert t.loss() == pytest.approx(3.5101877829787e-05, rel=1e-9)
    assert net.predict(MAZUR_X)[0] == pytest.approx([0.0159136, 0.9840643], abs=1e-7)


def test_mazur_with_trained_biases():
    net = mazur(train_biases=True)
    t = Trainer(net, MAZUR_X, MAZUR_Y, loss="half_sse", reduction="sum", lr=0.5)
    t.step_epoch()
    assert t.loss() == pytest.approx(0.280471446791, abs=TOL)


# --- section 3: XOR, 2-h-1 sigmoid + cross-entropy --------------------------------

def xor_solved(hidden: int, seed: int) -> bool:
    net = Network([2, hidden, 1], "sigmoid", notation="w_ji")
    initialise(net, "uniform", seed=seed, scale=1.0, bias=0.0)
    t = Trainer(net, XOR_X, XOR_Y, loss="bce", reduction="mean", lr=1.0)
    t.run(max_epochs=5000)
    return t.accuracy() == 1.0


def test_xor_needs_more_than_two_hidden_sometimes():
    two = [xor_solved(2, s) for s in range(20)]
    four = [xor_solved(4, s) for s in range(20)]
    assert all(four), "4 hidden neurons should solve XOR from every seed"
    assert not all(two), "2 hidden neurons should fail for at least one seed"
    assert sum(two) >= 8, "but 2 hidden neurons do solve XOR from many seeds"
