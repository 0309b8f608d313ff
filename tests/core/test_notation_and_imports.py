"""Textbook labels in the three notations; core stays free of Qt."""

import subprocess
import sys

from core import Network, Param
from tests.core.lessons import hand_note, mazur


def test_by_source_labels_of_the_hand_note():
    net = hand_note()
    table = net.labels("by_source")
    assert list(table) == ["w1", "w2", "w3", "w4", "w5", "w6"]
    assert table["w2"] == Param(0, 0, 1)  # x1 -> h2
    assert table["w3"] == Param(0, 1, 0)  # x2 -> h1
    assert table["w6"] == Param(1, 1, 0)  # h2 -> yhat
    assert net.neuron_names() == [["x1", "x2"], ["h1", "h2"], ["ŷ"]]


def test_by_target_labels_of_the_mazur_net():
    net = mazur()
    table = net.labels("by_target")
    assert [table[f"w{k}"] for k in range(1, 9)] == [
        Param(0, 0, 0), Param(0, 1, 0), Param(0, 0, 1), Param(0, 1, 1),
        Param(1, 0, 0), Param(1, 1, 0), Param(1, 0, 1), Param(1, 1, 1)]
    assert table["b2_1"] == Param(1, -1, 0)
    assert net.neuron_names() == [["i1", "i2"], ["h1", "h2"], ["o1", "o2"]]
    assert net.label(Param(1, 1, 0)) == "w6"


def test_w_ji_labels_of_the_exercise_net():
    net = Network([2, 2, 1], "sigmoid", notation="w_ji")
    assert list(net.labels()) == ["w10", "w11", "w12", "w20", "w21", "w22", "w30", "w31", "w32"]
    assert net.labels()["w31"] == Param(1, 0, 0)  # z1 -> z3
    assert net.labels()["w20"] == Param(0, -1, 1)  # bias of z2
    assert net.neuron_names() == [["x1", "x2"], ["z1", "z2"], ["z3"]]
    net["w32"] = 0.5
    assert net.weights[1][1, 0] == 0.5


def test_same_parameter_under_every_notation():
    net = Network([2, 2, 1], "sigmoid")
    net.weights[0][1, 0] = 0.7  # x2 -> h1
    assert net.get(net.labels("by_source")["w3"]) == 0.7
    assert net.get(net.labels("by_target")["w2"]) == 0.7
    assert net.get(net.labels("w_ji")["w12"]) == 0.7


def test_deeper_nets_get_unique_labels():
    net = Network([3, 12, 5, 2], "tanh", notation="w_ji")
    for notation in ("by_source", "by_target", "w_ji"):
        table = net.labels(notation)
        assert len(table) == len(set(table)) == len(list(net.param_list()))
    assert "w13,2" in net.labels("w_ji")


def test_the_index_table_is_index_of_every_parameter_in_order():
    """``indices()`` (made in one pass) agrees with ``index()`` and with where ``get``
    reads, biases on and off."""
    net = Network([3, 4, 2, 1], "tanh", bias=[True, False, True])
    net.params[:] = range(net.params.size)
    table = net.indices()
    assert list(table) == list(net.param_list())
    assert all(table[p] == net.index(p) == net.get(p) for p in net.param_list())
    assert len(set(table.values())) == len(table)  # (a layer without biases keeps their slots)


def test_importing_core_loads_no_qt():
    code = ("import sys, core, core.training, core.init;"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')];"
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
