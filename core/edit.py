"""Structural edits that return a new Network, keeping every weight that still fits.

Weights between neurons that survive the edit keep their values; new
weights are drawn from ``default_rng(seed)`` (uniform, scaled by ``scale``),
new biases start at 0.
"""

from __future__ import annotations

import numpy as np

from core.network import Network, as_batch
from core.text import QT_TRANSLATE_NOOP


def _rebuild(net: Network, sizes, acts, bias, keep_rows, keep_cols, seed: int,
             scale: float = 0.5) -> Network:
    """New network; keep_rows[l]/keep_cols[l] map new neuron index -> old index (or -1)."""
    new = Network(sizes, acts, bias, net.notation)
    rng = np.random.default_rng(seed)
    new.params[...] = rng.uniform(-scale, scale, new.params.size)
    for B in new.blocks:
        B[0] = 0.0
    for l, (B, F) in enumerate(zip(new.blocks, new.layer_views(new.frozen))):
        src_l = keep_cols[l]  # old weight layer feeding this one, or -1
        if src_l < 0:
            continue
        oldB, oldF = net.blocks[src_l], net.layer_views(net.frozen)[src_l]
        for j, oj in enumerate(keep_rows[l + 1]):
            if oj < 0:
                continue
            if new.use_bias[l] and net.use_bias[src_l]:
                B[0, j], F[0, j] = oldB[0, oj], oldF[0, oj]
            for i, oi in enumerate(keep_rows[l]):
                if oi >= 0:
                    B[i + 1, j], F[i + 1, j] = oldB[oi + 1, oj], oldF[oi + 1, oj]
    for l in range(new.n_layers):
        if not new.use_bias[l]:
            new.biases[l][...] = 0.0
    new.any_frozen = bool(new.frozen.any())
    return new


def _identity(net: Network):
    rows = [list(range(s)) for s in net.sizes]
    return rows, list(range(net.n_layers))


def resize_layer(net: Network, layer: int, n: int, seed: int = 0) -> Network:
    """Set neuron layer ``layer`` (1 .. L-1, a hidden layer) to n neurons."""
    if not 1 <= layer < len(net.sizes) - 1:
        raise ValueError(QT_TRANSLATE_NOOP("edit", "only hidden layers can change size; inputs and "
                                                   "outputs follow the data"))
    if not 1 <= n <= 64:
        raise ValueError(QT_TRANSLATE_NOOP("edit", "a layer needs 1 to 64 neurons; got {0}").format(n))
    sizes = list(net.sizes)
    sizes[layer] = n
    rows, cols = _identity(net)
    rows[layer] = [i if i < net.sizes[layer] else -1 for i in range(n)]
    return _rebuild(net, sizes, net.activations, net.use_bias, rows, cols, seed)


def remove_neuron(net: Network, layer: int, neuron: int, seed: int = 0) -> Network:
    """Remove one neuron of a hidden layer (which keeps at least one)."""
    if not 1 <= layer < len(net.sizes) - 1:
        raise ValueError(QT_TRANSLATE_NOOP("edit", "only hidden neurons can be removed; inputs and "
                                                   "outputs follow the data"))
    if net.sizes[layer] <= 1:
        raise ValueError(QT_TRANSLATE_NOOP("edit", "a hidden layer keeps at least one neuron; remove the "
                                                   "layer instead"))
    sizes = list(net.sizes)
    sizes[layer] -= 1
    rows, cols = _identity(net)
    rows[layer] = [i for i in range(net.sizes[layer]) if i != neuron]
    return _rebuild(net, sizes, net.activations, net.use_bias, rows, cols, seed)


def insert_layer(net: Network, position: int, n: int = 2, activation: str = "tanh",
                 seed: int = 0) -> Network:
    """Insert a hidden layer of n neurons as neuron layer ``position`` (1 .. L)."""
    if not 1 <= position <= len(net.sizes) - 1:
        raise ValueError(QT_TRANSLATE_NOOP("edit", "a hidden layer goes between the inputs and the outputs"))
    if len(net.sizes) >= 12:
        raise ValueError(QT_TRANSLATE_NOOP("edit", "at most 10 hidden layers"))
    sizes = net.sizes[:position] + [n] + net.sizes[position:]
    acts = net.activations[:position - 1] + [activation] + net.activations[position - 1:]
    bias = net.use_bias[:position - 1] + [True] + net.use_bias[position - 1:]
    rows = [list(range(s)) for s in net.sizes[:position]] + [[-1] * n] + \
        [list(range(s)) for s in net.sizes[position:]]
    # weight layer position-1 (into the new layer) is fresh; later ones are old layer l-1
    cols = [l if l < position - 1 else (-1 if l == position - 1 else l - 1)
            for l in range(len(sizes) - 1)]
    return _rebuild(net, sizes, acts, bias, rows, cols, seed)


def remove_layer(net: Network, position: int, seed: int = 0) -> Network:
    """Remove hidden neuron layer ``position`` (1 .. L-1)."""
    if not 1 <= position < len(net.sizes) - 1:
        raise ValueError(QT_TRANSLATE_NOOP("edit", "only hidden layers can be removed"))
    sizes = net.sizes[:position] + net.sizes[position + 1:]
    acts = net.activations[:position - 1] + net.activations[position:]
    bias = net.use_bias[:position - 1] + net.use_bias[position:]
    rows = [list(range(s)) for s in sizes]
    # weight layer position-1 now joins two layers that were not adjacent: fresh
    cols = [l if l < position - 1 else (-1 if l == position - 1 else l + 1)
            for l in range(len(sizes) - 1)]
    return _rebuild(net, sizes, acts, bias, rows, cols, seed)


def set_activation(net: Network, layer: int, name: str) -> Network:
    """Copy of ``net`` with weight layer ``layer``'s activation set to ``name``."""
    acts = list(net.activations)
    acts[layer] = name
    new = Network(net.sizes, acts, net.use_bias, net.notation)
    new.params[...] = net.params
    new.frozen[...] = net.frozen
    new.any_frozen = net.any_frozen
    return new


def set_bias(net: Network, layer: int, on: bool) -> Network:
    """Copy of ``net`` with biases of weight layer ``layer`` switched on or off."""
    bias = list(net.use_bias)
    bias[layer] = on
    new = Network(net.sizes, net.activations, bias, net.notation)
    new.params[...] = net.params
    new.frozen[...] = net.frozen
    new.any_frozen = net.any_frozen
    if not on:
        new.biases[layer][...] = 0.0
    return new


def resize_io(net: Network, n_in: int, n_out: int, seed: int = 0) -> Network:
    """The network with n_in inputs and n_out outputs (the data's widths); weights of
    inputs and outputs that remain are kept."""
    if not (1 <= n_in <= 256 and 1 <= n_out <= 256):
        raise ValueError(QT_TRANSLATE_NOOP("edit", "inputs and outputs must number 1 to 256"))
    sizes = [n_in] + net.sizes[1:-1] + [n_out]
    acts = list(net.activations)
    if n_out == 1 and acts[-1] == "softmax":
        acts[-1] = "sigmoid"  # softmax needs several outputs
    rows = [[i if i < net.sizes[0] else -1 for i in range(n_in)]] + \
        [list(range(s)) for s in net.sizes[1:-1]] + \
        [[j if j < net.sizes[-1] else -1 for j in range(n_out)]]
    return _rebuild(net, sizes, acts, net.use_bias, rows, list(range(net.n_layers)), seed)


def remap_inputs(net: Network, old: list[str], new: list[str], seed: int = 0) -> Network:
    """The network fed the inputs named ``new`` instead of ``old`` (features): an input
    kept by name keeps its weights wherever it moves; a new one gets small random weights."""
    if not 1 <= len(new) <= 256:
        raise ValueError(QT_TRANSLATE_NOOP("edit", "inputs and outputs must number 1 to 256"))
    rows = [[old.index(n) if n in old else -1 for n in new]] + \
        [list(range(s)) for s in net.sizes[1:]]
    return _rebuild(net, [len(new)] + net.sizes[1:], list(net.activations), net.use_bias, rows,
                    list(range(net.n_layers)), seed)


MAX_SAMPLES = 1_000_000  # training and test samples together


def check_data(X, Y, X_test=None, Y_test=None) -> tuple:
    """(X, Y, X_test, Y_test) as finite float arrays that fit together (no test set: None,
    None); ValueError saying what does not fit."""
    X = as_batch(X, np.shape(X)[1] if np.ndim(X) == 2 else 1, "inputs")
    Y = as_batch(Y, np.shape(Y)[1] if np.ndim(Y) == 2 else 1, "targets")
    if len(X) != len(Y):
        raise ValueError(QT_TRANSLATE_NOOP("edit", "{0} inputs but {1} targets").format(len(X), len(Y)))
    Xt = Yt = None
    if X_test is not None and len(X_test):
        Xt, Yt = as_batch(X_test, X.shape[1], "test inputs"), as_batch(Y_test, Y.shape[1],
                                                                        "test targets")
        if len(Xt) != len(Yt):
            raise ValueError(QT_TRANSLATE_NOOP("edit", "{0} test inputs but {1} test targets")
                             .format(len(Xt), len(Yt)))
    n = len(X) + (0 if Xt is None else len(Xt))
    if n > MAX_SAMPLES:
        raise ValueError(QT_TRANSLATE_NOOP("edit", "{0:,} samples; the data is limited to {1:,}")
                         .format(n, MAX_SAMPLES))
    return X, Y, Xt, Yt


def fit_to_data(net: Network, settings: dict, X: np.ndarray, Y: np.ndarray
                        ) -> tuple[Network, dict]:
    """``net`` (or a resized copy) and settings that fit inputs X and targets Y: the input
    and output layers take the data's widths; one-hot targets get softmax + cce, 0/1
    targets keep a loss that fits them (else sigmoid + bce), real targets get mse."""
    settings = dict(settings)
    n_in, n_out = X.shape[1], Y.shape[1]
    if net.sizes[0] != n_in or net.sizes[-1] != n_out:
        net = resize_io(net, n_in, n_out)
    binary = bool(np.isin(Y, (0.0, 1.0)).all())
    onehot = n_out > 1 and binary and bool(np.allclose(Y.sum(1), 1.0))
    loss = settings["loss"]
    if onehot:
        loss, out = "cce", "softmax"
    elif binary and loss in ("bce", "half_sse", "mse"):
        out = "sigmoid" if loss == "bce" else net.activations[-1]
    elif binary:
        loss, out = "bce", "sigmoid"
    else:
        loss = loss if loss in ("half_sse", "mse") else "mse"
        out = net.activations[-1] if net.activations[-1] not in ("softmax",) and \
            settings["loss"] in ("half_sse", "mse") else "linear"
    settings["loss"] = loss
    if net.activations[-1] != out:
        net = set_activation(net, net.n_layers - 1, out)
    return net, settings


def line_through(w_old: np.ndarray, p1, p2) -> tuple[np.ndarray, float] | None:
    """Weights (w1, w2) and bias b whose line w·x + b = 0 passes through points p1 and p2
    of the input plane, keeping |w_old| and the side w_old called positive; None when the
    points coincide or are not finite."""
    p1, p2 = np.asarray(p1, dtype=float), np.asarray(p2, dtype=float)
    d = p2 - p1
    if not np.isfinite(d).all() or np.hypot(*d) < 1e-9:
        return None
    normal = np.array([-d[1], d[0]]) / np.hypot(*d)
    if normal @ w_old < 0:
        normal = -normal
    w = normal * max(np.hypot(*w_old), 1e-6)
    return w, float(-w @ p1)
