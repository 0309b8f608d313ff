"""The course's worked examples as engine objects, shared by the core tests."""

import numpy as np

from core import Network

HAND_X, HAND_Y = np.array([[2.0, 3.0]]), np.array([[1.0]])
MAZUR_X, MAZUR_Y = np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]])
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def hand_note() -> Network:
    """Note 000: linear 2-2-1, no biases, weights by source."""
    net = Network([2, 2, 1], "linear", bias=False, notation="by_source")
    for label, v in zip(["w1", "w2", "w3", "w4", "w5", "w6"], [0.11, 0.12, 0.21, 0.08, 0.14, 0.15]):
        net[label] = v
    return net


def mazur(train_biases: bool = False) -> Network:
    """Note 001: sigmoid 2-2-2, weights by target, biases 0.35 / 0.60 (frozen)."""
    net = Network([2, 2, 2], "sigmoid", notation="by_target")
    for k, v in enumerate([0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55]):
        net[f"w{k + 1}"] = v
    net["b1_1"] = net["b1_2"] = 0.35
    net["b2_1"] = net["b2_2"] = 0.60
    if not train_biases:
        net.freeze("biases")
    return net
