"""Textbook names for parameters and neurons, in the course's three notations.

``by_source`` (hand note 000): weights numbered layer by layer, all edges
leaving the first source neuron, then the second, ...:
w1 x1->h1, w2 x1->h2, w3 x2->h1, w4 x2->h2, w5 h1->yhat, w6 h2->yhat.

``by_target`` (note 001, after M. Mazur): all edges entering the first
target neuron, then the second, ...: w1 i1->h1, w2 i2->h1, w3 i1->h2, ...

``w_ji`` (exercise 004): non-input neurons numbered 1, 2, ... across the
layers; w_ji is the weight into neuron j from neuron i (inputs are
x1, x2, ... as sources) and w_j0 is neuron j's bias: w10 w11 w12 w20 ...

Biases in the first two notations are b<layer>_<neuron>, e.g. b1_2.
"""

from __future__ import annotations

from typing import NamedTuple

from core.formula import Sym
from core.text import QT_TRANSLATE_NOOP

NOTATIONS = ("by_source", "by_target", "w_ji")


class Param(NamedTuple):
    """Address of one parameter: weight (layer, source, target), or a bias
    when ``source`` is -1 (then ``target`` is the neuron it belongs to).
    Layers, sources and targets count from 0. A named tuple: Params key the
    canvas's and the views' tables, and a tuple hashes and compares in C (as a frozen
    dataclass, hashing was 3 ms of a 32-32 net's structural edit)."""

    layer: int
    source: int
    target: int

    @property
    def is_bias(self) -> bool:
        return self.source == -1

    def __str__(self) -> str:
        if self.is_bias:
            return f"bias of neuron {self.target + 1} in layer {self.layer + 1}"
        return f"weight in layer {self.layer + 1} from {self.source + 1} to {self.target + 1}"


def check_notation(notation: str) -> str:
    if notation not in NOTATIONS:
        raise ValueError(QT_TRANSLATE_NOOP("notation", "unknown notation {0!r}; known: {1}")
                         .format(notation, ', '.join(NOTATIONS)))
    return notation


def _ji(j: int, i: int) -> Sym:
    return Sym("w", (str(j), str(i)), "" if j < 10 and i < 10 else ",")


def symbols(sizes: list[int], use_bias: list[bool], notation: str) -> dict[Param, Sym]:
    """Param -> its textbook symbol (w5, b1_2, w12) for a network with these layer sizes and
    bias flags, in label order."""
    check_notation(notation)
    out: dict[Param, Sym] = {}
    L = len(sizes) - 1
    if notation == "w_ji":
        first = [0]  # global number of the first neuron of each non-input layer, minus 1
        for l in range(L):
            first.append(first[-1] + sizes[l + 1])
        for l in range(L):
            for j in range(sizes[l + 1]):
                jg = first[l] + j + 1
                if use_bias[l]:
                    out[Param(l, -1, j)] = _ji(jg, 0)
                for i in range(sizes[l]):
                    ig = i + 1 if l == 0 else first[l - 1] + i + 1
                    out[Param(l, i, j)] = _ji(jg, ig)
        return out
    k = 0
    for l in range(L):
        n_in, n_out = sizes[l], sizes[l + 1]
        pairs = ([(i, j) for i in range(n_in) for j in range(n_out)] if notation == "by_source"
                 else [(i, j) for j in range(n_out) for i in range(n_in)])
        for i, j in pairs:
            k += 1
            out[Param(l, i, j)] = Sym("w", (str(k),))
    for l in range(L):
        if use_bias[l]:
            for j in range(sizes[l + 1]):
                out[Param(l, -1, j)] = Sym("b", (str(l + 1), str(j + 1)), "_")
    return out


def labels(sizes: list[int], use_bias: list[bool], notation: str) -> dict[str, Param]:
    """label -> Param for a network with these layer sizes and bias flags."""
    return {s.plain(): p for p, s in symbols(sizes, use_bias, notation).items()}


def neuron_symbols(sizes: list[int], notation: str) -> list[list[Sym]]:
    """The symbol of every neuron, layer by layer (inputs first), as the notes write them."""
    check_notation(notation)
    L = len(sizes) - 1
    if notation == "w_ji":
        names = [[Sym("x", (str(i + 1),)) for i in range(sizes[0])]]
        k = 0
        for l in range(L):
            names.append([Sym("z", (str(k + j + 1),)) for j in range(sizes[l + 1])])
            k += sizes[l + 1]
        return names
    inp, hid, outp = ("x", "h", "ŷ") if notation == "by_source" else ("i", "h", "o")
    names = [[Sym(inp, (str(i + 1),)) for i in range(sizes[0])]]
    for l in range(1, L):
        names.append([Sym(hid, (str(j + 1),)) if L == 2 else Sym(hid, (str(l), str(j + 1)), "_")
                      for j in range(sizes[l])])
    if notation == "by_source" and sizes[-1] == 1:
        names.append([Sym(outp)])
    else:
        names.append([Sym(outp, (str(j + 1),)) for j in range(sizes[-1])])
    return names


def neuron_names(sizes: list[int], notation: str) -> list[list[str]]:
    """Names of every neuron, layer by layer (inputs first), as the notes write them."""
    return [[s.plain() for s in layer] for layer in neuron_symbols(sizes, notation)]
