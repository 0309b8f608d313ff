"""The network as a runnable script with these exact weights, and weights as CSV.

``numpy_script`` and ``torch_script`` return Python source that rebuilds the
network (weights written with ``repr``, so every float is exact), runs it on
the data and prints one line per sample, ``repr`` of each output, the same
numbers ``Network.predict`` gives.
"""

from __future__ import annotations

import numpy as np

from core.activations import ACTIVATIONS
from core.features import Features
from core.network import Network


def _matrix(a: np.ndarray) -> str:
    return repr([[float(v) for v in row] for row in np.atleast_2d(a)])


def docstring(title: str, net: Network) -> str:
    """The script's docstring as a Python string literal: ``title`` comes from a file
    and may hold quotes, backslashes or newlines, so it is written with ``repr``
    (escaped, one line) and can never end the literal early."""
    return repr(f"{title}: {'-'.join(map(str, net.sizes))}, exported from Backprop Studio.")


def _inputs(X: np.ndarray, features: Features | None, module: str) -> list[str]:
    """Lines that set ``X`` to the network's inputs: the data itself, or (features) the
    data as ``P`` and each feature's column computed from it (code made from the parsed
    feature, never from text a file held)."""
    array = "np.array" if module == "np" else "torch.tensor"
    if features is None or features.is_identity:
        return [f"X = {array}({_matrix(X)})"]
    columns = ", ".join(f.code("P", module) for f in features.parsed)
    stack = "np.column_stack" if module == "np" else "torch.stack"
    axis = "" if module == "np" else ", dim=1"
    return [f"P = {array}({_matrix(X)})  # the data: " + ", ".join(features.names),
            f"X = {stack}([{columns}]{axis})  # the network's inputs"]


def numpy_script(net: Network, X: np.ndarray, title: str = "network",
                 features: Features | None = None) -> str:
    """A plain numpy script computing this network's outputs on data X (through
    ``features`` when given: the script computes them)."""
    lines = [docstring(title, net), "import numpy as np", "", *_inputs(X, features, "np"), "layers = ["]
    for l in range(net.n_layers):
        lines.append(f"    (np.array({_matrix(net.weights[l])}), np.array("
                     f"{[float(v) for v in net.biases[l]]!r}), {net.activations[l]!r}),")
    lines += ["]", "", "", "def activate(name, a):"]
    for name in dict.fromkeys(net.activations):  # the activations this network uses
        lines.append(f"    if name == {name!r}:\n        return {ACTIVATIONS[name].numpy}")
    lines += ["    raise ValueError(name)", "", "",
              "z = X", "for W, b, f in layers:", "    z = activate(f, z @ W + b)",
              "for row in z:", "    print(' '.join(repr(float(v)) for v in row))", ""]
    return "\n".join(lines)


def torch_script(net: Network, X: np.ndarray, title: str = "network",
                 features: Features | None = None) -> str:
    """A PyTorch script (float64) with the same layers and weights, printing the same outputs
    (computing ``features`` of data X when given)."""
    lines = [docstring(title, net), "import torch", "", "torch.set_default_dtype(torch.float64)", "",
             "", "class Net(torch.nn.Module):", "    def __init__(self):",
             "        super().__init__()", "        self.layers = torch.nn.ModuleList(["]
    for l in range(net.n_layers):
        lines.append(f"            torch.nn.Linear({net.sizes[l]}, {net.sizes[l + 1]}, "
                     f"bias={net.use_bias[l]}),")
    lines += ["        ])", f"        self.activations = {net.activations!r}", "",
              "    def forward(self, z):",
              "        for layer, name in zip(self.layers, self.activations):",
              "            a = layer(z)"]
    for k, name in enumerate(dict.fromkeys(net.activations)):
        lines.append(f"            {'elif' if k else 'if'} name == {name!r}:\n"
                     f"                z = {ACTIVATIONS[name].torch}")
    lines += ["        return z", "", "", "net = Net()", "with torch.no_grad():"]
    for l in range(net.n_layers):
        lines.append(f"    net.layers[{l}].weight.copy_(torch.tensor({_matrix(net.weights[l].T)}))")
        if net.use_bias[l]:
            lines.append(f"    net.layers[{l}].bias.copy_(torch.tensor("
                         f"{[float(v) for v in net.biases[l]]!r}))")
    lines += [*("    " + line for line in _inputs(X, features, "torch")), "    out = net(X)",
              "for row in out:", "    print(' '.join(repr(float(v)) for v in row))", ""]
    return "\n".join(lines)


def weights_csv(net: Network) -> str:
    """label,layer,source,target,value,frozen: every parameter (source 0 = the bias)."""
    lines = ["label,layer,source,target,value,frozen"]
    for label, p in net.labels().items():
        lines.append(f"{label},{p.layer + 1},{p.source + 1},{p.target + 1},"
                     f"{net.get(p)!r},{int(net.is_frozen(p))}")
    return "\n".join(lines) + "\n"
