"""The multi-layer perceptron: parameters, forward pass, backward pass.

Layers are numbered l = 0 .. L-1 by their weight matrices; layer l maps
n_l = sizes[l] inputs to n_(l+1) = sizes[l+1] outputs:

    a[l] = z[l] @ W[l] + b[l]        a[l]: (N, n_(l+1))
    z[l+1] = f_l(a[l])               z[0] = X: (N, n_0)

with W[l] of shape (n_l, n_(l+1)) so that ``W[l][i, j]`` is the weight from
neuron i of layer l to neuron j of layer l+1, and b[l] of shape (n_(l+1),).

Backward, with delta[l] = dE/da[l] (N, n_(l+1)):

    delta[L-1] = dE/dyhat * f'(a[L-1])     (= yhat - y for sigmoid+bce, softmax+cce)
    delta[l-1] = (delta[l] @ W[l].T) * f'(a[l-1])
    dE/dW[l] = z[l].T @ delta[l]           dE/db[l] = sum_n delta[l]

All parameters live in one flat float64 vector ``params``: layer l owns a
block of shape (n_l + 1, n_(l+1)) whose row 0 is the bias and rows 1.. the
weights, so ``weights[l]`` and ``biases[l]`` are views into it. Gradients,
freeze masks and optimiser state use the same layout. A layer without bias
keeps row 0 at zero and never trains it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from core.activations import Activation, get_activation
from core.checks import finite_float, flag, real_array, short, whole
from core.formula import Sym
from core.losses import Loss, check_reduction, get_loss
from core.notation import Param, check_notation, neuron_names, neuron_symbols, symbols
from core.text import QT_TRANSLATE_NOOP

Array = np.ndarray
MAX_NEURONS = 4096  # per layer: far beyond what the canvas can show

__all__ = ["Gradients", "Network", "Pass", "as_batch", "finite_float"]


@dataclass
class Pass:
    """One forward pass: a[l] (N, n_(l+1)) and z[l] (z[0] = X, z[L] = yhat)."""

    a: list[Array]
    z: list[Array]

    @property
    def output(self) -> Array:
        return self.z[-1]


@dataclass
class Gradients:
    """dE/dparams in the flat layout, with per-layer views and the deltas."""

    flat: Array
    weights: list[Array]
    biases: list[Array]
    deltas: list[Array]
    loss: float


def as_batch(X, n_features: int, what: str = "X") -> Array:
    """X as a finite float64 array of shape (N, n_features); a 1-D X is one sample.
    Bools, complex numbers and text are refused, not converted."""
    X = real_array(X, what)
    if X.ndim == 1:
        X = X[None, :]
    if X.ndim != 2 or X.shape[1] != n_features:
        raise ValueError(
            QT_TRANSLATE_NOOP("network", "{0} must have shape (N, {1}); got {2}")
            .format(what, n_features, X.shape))
    if X.shape[0] == 0:
        raise ValueError(QT_TRANSLATE_NOOP("network", "{0} has no samples").format(what))
    if not np.isfinite(X).all():
        r, c = np.argwhere(~np.isfinite(X))[0]
        raise ValueError(QT_TRANSLATE_NOOP("network", "{0} holds a non-finite value ({1}) at row {2}, "
                                                      "column {3}").format(what, X[r, c], r, c))
    return X


class Network:
    """A fully connected feed-forward network.

    ``sizes`` = [n_0, ..., n_L] neurons per layer (inputs first);
    ``activations`` = one name per weight layer (or one name for all);
    ``bias`` = bool per weight layer (or one bool for all).
    Parameters start at zero: see ``core.init.initialise``.
    """

    def __init__(self, sizes: Sequence[int], activations: str | Sequence[str] = "sigmoid",
                 bias: bool | Sequence[bool] = True, notation: str = "by_source") -> None:
        if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence | np.ndarray) \
                or len(sizes) < 2:
            raise ValueError(QT_TRANSLATE_NOOP("network", "sizes must list at least 2 layers of >= 1 "
                                                          "neuron; got {0}").format(short(sizes)))
        sizes = [whole(s, f"sizes[{k}]", 1, MAX_NEURONS) for k, s in enumerate(sizes)]
        L = len(sizes) - 1
        if not isinstance(activations, str | Sequence) or isinstance(activations, bytes):
            raise ValueError(QT_TRANSLATE_NOOP("network", "activations must be a name or a list of names; "
                                                          "got {0}").format(short(activations)))
        acts = [activations] * L if isinstance(activations, str) else list(activations)
        if len(acts) != L:
            raise ValueError(QT_TRANSLATE_NOOP("network", "need {0} activations (one per weight layer); "
                                                          "got {1}").format(L, len(acts)))
        self.acts: list[Activation] = [get_activation(a) for a in acts]
        for l, act in enumerate(self.acts[:-1]):
            if not act.elementwise:
                raise ValueError(QT_TRANSLATE_NOOP("network", "{0} is only allowed on the output layer, "
                                                              "not layer {1}").format(act.name, l + 1))
        if isinstance(bias, (bool, np.bool_)):
            flags = [bias] * L
        elif isinstance(bias, Sequence) and not isinstance(bias, str):
            flags = list(bias)
        else:
            raise ValueError(QT_TRANSLATE_NOOP("network", "bias must be True, False or a list of them; "
                                                          "got {0}").format(short(bias)))
        if len(flags) != L:
            raise ValueError(QT_TRANSLATE_NOOP("network", "need {0} bias flags (one per weight layer); "
                                                          "got {1}").format(L, len(flags)))
        flags = [flag(b, f"bias[{l}]") for l, b in enumerate(flags)]
        self.sizes = sizes
        self.notation = check_notation(notation)
        self.use_bias = flags
        shapes = [(sizes[l] + 1, sizes[l + 1]) for l in range(L)]
        self.offsets = np.cumsum([0] + [r * c for r, c in shapes]).tolist()
        self.params = np.zeros(self.offsets[-1])
        self._tables: dict[tuple[str, str], dict] = {}  # names per (kind, notation)
        self.frozen = np.zeros(self.offsets[-1], dtype=bool)  # change it with freeze()
        self.any_frozen = False
        self.blocks = self.layer_views(self.params)
        self.weights = [B[1:] for B in self.blocks]
        self.biases = [B[0] for B in self.blocks]

    # --- structure -------------------------------------------------------
    @property
    def n_layers(self) -> int:
        """Number of weight layers L."""
        return len(self.sizes) - 1

    @property
    def activations(self) -> list[str]:
        return [a.name for a in self.acts]

    def layer_views(self, flat: Array) -> list[Array]:
        """Per-layer (n_l + 1, n_(l+1)) views of a vector in the flat layout."""
        return [flat[self.offsets[l]:self.offsets[l + 1]].reshape(self.sizes[l] + 1, self.sizes[l + 1])
                for l in range(self.n_layers)]

    def trainable_mask(self) -> Array:
        """True where a parameter exists (bias rows of bias-free layers do not) and is not frozen."""
        mask = ~self.frozen
        for l, B in enumerate(self.layer_views(mask)):
            if not self.use_bias[l]:
                B[0] = False
        return mask

    def layer_name(self, l: int) -> str:
        """'output layer' or 'hidden layer k' for weight layer l (0-based)."""
        return QT_TRANSLATE_NOOP("network", "output layer") if l == self.n_layers - 1 else \
            QT_TRANSLATE_NOOP("network", "hidden layer {0}").format(l + 1)

    # --- parameters ------------------------------------------------------
    def param_list(self) -> Iterator[Param]:
        """Every existing parameter, layer by layer: biases, then weights by source."""
        for l in range(self.n_layers):
            if self.use_bias[l]:
                for j in range(self.sizes[l + 1]):
                    yield Param(l, -1, j)
            for i in range(self.sizes[l]):
                for j in range(self.sizes[l + 1]):
                    yield Param(l, i, j)

    def indices(self) -> dict[Param, int]:
        """Every existing parameter -> its position in the flat vector, in ``param_list``
        order (made once; a copy)."""
        def make(*_) -> dict[Param, int]:  # index()'s formula, without its checks per param
            out = {}
            for l in range(self.n_layers):
                n_in, n_out, at = self.sizes[l], self.sizes[l + 1], self.offsets[l]
                first = -1 if self.use_bias[l] else 0
                for i in range(first, n_in):
                    for j in range(n_out):
                        out[Param(l, i, j)] = at + (i + 1) * n_out + j
            return out
        return dict(self._names("indices", make, self.notation))

    def index(self, p: Param) -> int:
        """Position of parameter ``p`` in the flat vector (ValueError if it does not exist)."""
        if not isinstance(p, Param):
            raise ValueError(QT_TRANSLATE_NOOP("network", "not a parameter: {0}").format(short(p)))
        l, i, j = p.layer, p.source, p.target
        if not all(isinstance(k, int) and not isinstance(k, bool) for k in (l, i, j)):
            raise ValueError(QT_TRANSLATE_NOOP("network", "a parameter's layer, source and target are "
                                                          "whole numbers; got {0!r}").format(p))
        if not 0 <= l < self.n_layers:
            raise ValueError(QT_TRANSLATE_NOOP("network", "no layer {0}: the network has {1} weight layers")
                             .format(l + 1, self.n_layers))
        if not (-1 <= i < self.sizes[l] and 0 <= j < self.sizes[l + 1]):
            raise ValueError(QT_TRANSLATE_NOOP("network", "no such parameter: {0}").format(p))
        if i == -1 and not self.use_bias[l]:
            raise ValueError(QT_TRANSLATE_NOOP("network", "layer {0} has no biases").format(l + 1))
        return self.offsets[l] + (i + 1) * self.sizes[l + 1] + j

    def labels(self, notation: str | None = None) -> dict[str, Param]:
        """label -> Param under ``notation`` (default: the network's own)."""
        def make(*_) -> dict[str, Param]:  # from the symbols table, made once
            return {s.plain(): p for p, s in self._names("symbols", symbols, notation).items()}
        return dict(self._names("labels", make, notation))

    def symbols(self, notation: str | None = None) -> dict[Param, Sym]:
        """Param -> its textbook symbol under ``notation``, in label order."""
        return dict(self._names("symbols", symbols, notation))

    def texts(self, notation: str | None = None) -> dict[Param, str]:
        """Param -> its symbol typeset in Unicode (w₅, b₁₂), in label order."""
        def make(*_) -> dict[Param, str]:  # from the symbols table, made once
            return {p: s.unicode() for p, s in self._names("symbols", symbols, notation).items()}
        return dict(self._names("texts", make, notation))

    def _names(self, kind: str, make, notation: str | None) -> dict:
        """A table of names, made once per notation: the shape never changes (a structural
        edit makes a new Network), and a 32-32 net's table took ~5 ms to make."""
        key = (kind, notation or self.notation)
        table = self._tables.get(key)
        if table is None:
            table = self._tables[key] = make(self.sizes, self.use_bias, key[1])
        return table

    def neuron_symbols(self, notation: str | None = None) -> list[list[Sym]]:
        """Neuron symbols per layer, inputs first."""
        return neuron_symbols(self.sizes, notation or self.notation)

    def neuron_names(self, notation: str | None = None) -> list[list[str]]:
        """Neuron names per layer, inputs first (x1, h1, yhat, ...)."""
        return neuron_names(self.sizes, notation or self.notation)

    def describe(self, p: Param, notation: str | None = None) -> str:  # a Text: translatable
        """Where parameter ``p`` sits, in neuron names: 'h1 → ŷ' or 'bias of h1'."""
        self.index(p)
        names = self.neuron_names(notation)
        target = names[p.layer + 1][p.target]
        if p.is_bias:
            return QT_TRANSLATE_NOOP("network", "bias of {0}").format(target)
        return f"{names[p.layer][p.source]} → {target}"

    def label(self, p: Param, notation: str | None = None) -> str:
        """The textbook label of parameter ``p``."""
        self.index(p)
        return {q: k for k, q in self.labels(notation).items()}[p]

    def resolve(self, p: Param | str, notation: str | None = None) -> Param:
        """A Param, or the Param a label names (ValueError for an unknown label)."""
        if isinstance(p, Param):
            self.index(p)
            return p
        table = self.labels(notation)
        if not isinstance(p, str) or p not in table:
            raise ValueError(QT_TRANSLATE_NOOP("network", "no parameter labelled {0!r} in {1} notation; "
                                                          "labels are {2}")
                             .format(p, notation or self.notation, ', '.join(table)))
        return table[p]

    def get(self, p: Param | str) -> float:
        """One parameter's value, by Param or by label."""
        return float(self.params[self.index(self.resolve(p))])

    def set(self, p: Param | str, value: float) -> None:
        """Set one parameter (by Param or label); ValueError, nothing changed, if
        the value is not a finite number."""
        p = self.resolve(p)
        k = self.index(p)
        value = finite_float(value, str(p))
        self.params[k] = value

    def set_params(self, flat) -> None:
        """Replace every parameter (a vector in the flat layout)."""
        flat = real_array(flat, "parameters")
        if flat.shape != self.params.shape:
            raise ValueError(QT_TRANSLATE_NOOP("network", "need {0} parameters; got shape {1}")
                             .format(self.params.size, flat.shape))
        if not np.isfinite(flat).all():
            raise ValueError(QT_TRANSLATE_NOOP("network", "parameters must be finite"))
        self.params[...] = flat
        self._zero_missing_biases()

    def _zero_missing_biases(self) -> None:
        for l in range(self.n_layers):
            if not self.use_bias[l]:
                self.biases[l][...] = 0.0

    __getitem__ = get
    __setitem__ = set

    def freeze(self, params, frozen: bool = True) -> None:
        """Freeze (or with frozen=False, unfreeze) parameters: a Param or label,
        a list of them, or a group: 'all', 'weights', 'biases'."""
        frozen = flag(frozen, "frozen")
        groups = {"all": lambda p: True, "weights": lambda p: not p.is_bias,
                  "biases": lambda p: p.is_bias}
        if isinstance(params, str) and params in groups:
            params = [p for p in self.param_list() if groups[params](p)]
        elif isinstance(params, (str, Param)):
            params = [params]
        elif not isinstance(params, Sequence):
            raise ValueError(QT_TRANSLATE_NOOP("network", "freeze needs a label, a Param, a list of them "
                                                          "or a group ('all', 'weights', 'biases'); got "
                                                          "{0}").format(short(params)))
        idx = [self.index(self.resolve(p)) for p in params]
        self.frozen[idx] = frozen
        self.any_frozen = bool(self.frozen.any())

    def is_frozen(self, p: Param | str) -> bool:
        return bool(self.frozen[self.index(self.resolve(p))])

    def copy(self) -> Network:
        net = Network(self.sizes, self.activations, self.use_bias, self.notation)
        net.params[...] = self.params
        net.frozen[...] = self.frozen
        net.any_frozen = self.any_frozen
        return net

    # --- the maths -------------------------------------------------------
    def forward(self, X) -> Pass:
        """Forward pass of a batch X (N, n_0), keeping every a and z. A diverged network's
        sums may overflow: inf (saturating sigmoid and tanh) or nan, without a warning,
        as in training; the views show what is finite."""
        X = as_batch(X, self.sizes[0])
        a, z = [], [X]
        with np.errstate(over="ignore", invalid="ignore"):
            for l, act in enumerate(self.acts):
                a.append(z[l] @ self.weights[l] + self.biases[l] if self.use_bias[l]
                         else z[l] @ self.weights[l])
                z.append(act(a[l]))
        return Pass(a, z)

    def stages(self, X, l: int, cols: list[int]) -> list[Array]:
        """How neuron layer l (1..L) turns its input into its neurons ``cols``, for a batch
        X (N, n_0): the layer's input z[l-1] (N, n_(l-1)), then z[l-1]·W[:, cols],
        + b[cols] and f(·), each (N, len(cols)) (Olah's layer-by-layer picture)."""
        p = self.forward(X)
        before = p.z[l - 1]
        with np.errstate(over="ignore", invalid="ignore"):  # (as in forward)
            product = before @ self.weights[l - 1][:, cols]
        return [before, product, p.a[l - 1][:, cols], p.z[l][:, cols]]

    def predict(self, X) -> Array:
        """Outputs yhat (N, n_L)."""
        return self.forward(X).output

    def check_targets(self, Y, loss: Loss | str, n: int) -> Array:
        """Y as (n, n_L) float64, checked against the output layer and the loss."""
        loss = get_loss(loss) if isinstance(loss, str) else loss
        Y = as_batch(Y, self.sizes[-1], "targets")
        if Y.shape[0] != n:
            raise ValueError(QT_TRANSLATE_NOOP("network", "{0} inputs but {1} targets").format(n, Y.shape[0]))
        out = self.acts[-1].name
        if loss.output and out != loss.output:
            raise ValueError(QT_TRANSLATE_NOOP("network", "the {0} loss needs a {1} output layer; this "
                                                          "network's output is {2}")
                             .format(loss.name, loss.output, out))
        if loss.name == "bce" and ((Y < 0) | (Y > 1)).any():
            raise ValueError(QT_TRANSLATE_NOOP("network", "binary cross-entropy targets must lie in [0, 1]"))
        if loss.name == "cce":
            if self.sizes[-1] < 2:
                raise ValueError(QT_TRANSLATE_NOOP("network", "categorical cross-entropy needs at least 2 "
                                                              "output neurons"))
            if (Y < 0).any() or not np.allclose(Y.sum(axis=1), 1.0):
                raise ValueError(QT_TRANSLATE_NOOP("network", "categorical cross-entropy targets must be "
                                                              "one-hot (or probabilities summing to 1) "
                                                              "per sample"))
        return Y

    def check_trainable(self) -> None:
        """ValueError naming the first layer whose activation has no gradient."""
        for l, act in enumerate(self.acts):
            if not act.differentiable:
                raise ValueError(
                    QT_TRANSLATE_NOOP("network", "layer {0} ({1}) uses the {2} activation, whose gradient "
                                                 "is zero almost everywhere: it can be evaluated but not "
                                                 "trained by backpropagation")
                    .format(l + 1, self.layer_name(l), act.name))

    def loss(self, X, Y, loss: str, reduction: str) -> float:
        """E for inputs X and targets Y, reduced by 'mean' or 'sum' over samples (inf or
        nan for a diverged network, without a warning, as in forward)."""
        p = self.forward(X)
        lossf = get_loss(loss)
        Y = self.check_targets(Y, lossf, p.output.shape[0])
        with np.errstate(over="ignore", invalid="ignore"):
            terms = lossf.terms(p.output, Y, p.a[-1])
            return float(terms.mean() if check_reduction(reduction) == "mean" else terms.sum())

    def backward(self, p: Pass, Y, loss: str, reduction: str) -> Gradients:
        """Gradients of E (reduced over samples) for the pass ``p``."""
        lossf = get_loss(loss)
        check_reduction(reduction)
        self.check_trainable()
        yhat, N = p.output, p.output.shape[0]
        Y = self.check_targets(Y, lossf, N)
        terms = lossf.terms(yhat, Y, p.a[-1])
        scale = 1.0 / N if reduction == "mean" else 1.0
        if lossf.output:  # sigmoid + bce, softmax + cce
            delta = (yhat - Y) * scale
        else:
            g = lossf.grad(yhat, Y, np.empty_like(yhat)) * scale
            delta = self.acts[-1].grad(p.a[-1], yhat, g, np.empty_like(g))
        flat = np.zeros_like(self.params)
        blocks = self.layer_views(flat)
        deltas: list[Array] = [None] * self.n_layers  # type: ignore[list-item]
        for l in reversed(range(self.n_layers)):
            deltas[l] = delta
            blocks[l][1:] = p.z[l].T @ delta
            if self.use_bias[l]:
                blocks[l][0] = delta.sum(axis=0)
            if l > 0:
                g = delta @ self.weights[l].T
                delta = self.acts[l - 1].grad(p.a[l - 1], p.z[l], g, np.empty_like(g))
        value = float(terms.mean() if reduction == "mean" else terms.sum())
        return Gradients(flat, [B[1:] for B in blocks], [B[0] for B in blocks], deltas, value)

    def gradient(self, X, Y, loss: str, reduction: str) -> Gradients:
        """Forward then backward on (X, Y). A diverged network's gradient may be inf or
        nan, without a warning (as in forward)."""
        p = self.forward(X)
        with np.errstate(over="ignore", invalid="ignore"):
            return self.backward(p, Y, loss, reduction)

    def __repr__(self) -> str:
        return f"Network({'-'.join(map(str, self.sizes))}, {self.activations})"
