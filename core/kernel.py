"""The training hot loop: forward, loss and backward of one batch in reused buffers.

Samples-last layout. A batch of n samples enters as Zt[0] = [1; X.T], shape
(n_0 + 1, n), and for every weight layer l, with B[l] = [b; W] its
(n_l + 1, n_(l+1)) block of the flat parameter vector:

    A[l]     = B[l].T @ Zt[l]              pre-activations a     (n_(l+1), n)
    Zt[l+1]  = [1; f(A[l])]                outputs z, ones row   (n_(l+1) + 1, n)
    D[l]     = dE/dA[l]                    deltas                (n_(l+1), n)
    dE/dB[l] = Zt[l] @ D[l].T              dE/db and dE/dW in one product
    D[l-1]   = (W[l] @ D[l]) * f'(A[l-1])  the error sent back

A layer without biases uses W and Zt[l][1:] instead of B and Zt[l]. Every
buffer and every view of one is made once per batch size, so an epoch of a
2-2-1 net is about twenty numpy calls and allocates nothing.

The caller holds ``np.errstate(all="ignore")``: the fast sigmoid computes
1 / (1 + e^-a), where e^-a overflows to inf for a < -709 and the result 0
is still right, and a non-finite loss is recomputed with the stable formula
before it is believed. ``Network.forward``/``backward`` compute the same
numbers the plain way; the tests hold the two equal.
"""

from __future__ import annotations

import math

import numpy as np

from core.activations import softmax_backward
from core.losses import Loss
from core.network import Network

Array = np.ndarray
ONE = np.float64(1.0)  # numpy scalars: a ufunc converts a Python float each call


class Kernel:
    """Buffers and the forward/backward pass of ``net`` for batches of ``n`` samples.

    ``gradient`` fills ``grad`` (a flat vector in the layout of ``net.params``)
    with dE/dparams summed over the batch.
    """

    def __init__(self, net: Network, loss: Loss, n: int, grad: Array) -> None:
        self.loss, self.n = loss, n
        self.Zt = [np.ones((s + 1, n)) for s in net.sizes]  # Zt[0]: shuffled batches
        K = net.sizes[-1]
        self.Y = np.empty((K, n))  # targets of shuffled batches
        self.V = np.empty((2 * K, n))  # and their [1; 1 - Y]
        # the output layer's a sits under a scratch block T: E = V . [T; a] in one product
        TA = np.empty((2 * K, n))
        A = [np.empty((s, n)) for s in net.sizes[1:-1]] + [TA[K:]]
        D = [np.empty((s, n)) for s in net.sizes[1:]]
        T = [np.empty((s, n)) for s in net.sizes[1:-1]] + [TA[:K]]  # scratch: f'(a), e^-a
        G, bias, acts = net.layer_views(grad), net.use_bias, net.acts
        self.bias0 = bias[0]  # layer 0 reads the batch, which changes each call

        def rows(M, l):  # drop the ones row (and bias row) of a bias-free layer l
            return M if bias[l] else M[1:]

        L = net.n_layers
        # forward: (B.T, input, A, f, z) per layer; input None = the batch
        self.forward = [(rows(net.blocks[l], l).T, rows(self.Zt[l], l) if l else None,
                         A[l], acts[l].fast, self.Zt[l + 1][1:]) for l in range(L)]
        # backward, last layer first: (input, D.T, dE/dB, then what sends D back or None)
        self.backward = [(rows(self.Zt[l], l) if l else None, D[l].T, rows(G[l], l),
                          (net.weights[l], D[l], D[l - 1], acts[l - 1].df, A[l - 1],
                           self.Zt[l][1:], T[l - 1]) if l else None)
                         for l in reversed(range(L))]
        self.out = (A[-1], self.Zt[L][1:], D[-1], T[-1], acts[-1], TA)
        self.fused_bce = loss.output == "sigmoid"

    def gradient(self, Zin: Array, Y: Array, V: Array) -> float:
        """Forward and backward on a batch: inputs Zin = [1; X.T], targets Y (n_L, n)
        and V = [1; 1 - Y] (2 n_L, n). Fills ``grad`` and returns the summed loss;
        a non-finite loss is returned at once, ``grad`` left as it was."""
        total = self.loss_sum(Zin, Y, V)
        if not math.isfinite(total):
            return total
        dot, head = np.dot, Zin if self.bias0 else Zin[1:]
        for src, Dt, G, back in self.backward:
            dot(head if src is None else src, Dt, G)
            if back is not None:
                W, D, Dprev, df, Aprev, Zprev, T = back
                dot(W, D, Dprev)
                df(Aprev, Zprev, T)
                np.multiply(Dprev, T, Dprev)
        return total

    def loss_sum(self, Zin: Array, Y: Array, V: Array) -> float:
        """The forward pass and the loss summed over the batch (and the output delta)."""
        dot, head = np.dot, Zin if self.bias0 else Zin[1:]
        *hidden, (Bt, src, A, f, Z) = self.forward
        for Bt_, src_, A_, f_, Z_ in hidden:
            dot(Bt_, head if src_ is None else src_, A_)
            f_(A_, Z_)
        dot(Bt, head if src is None else src, A)
        return self._output(Y, V)

    def _output(self, Y: Array, V: Array) -> float:
        """The output layer from its pre-activations A: yhat, the loss summed over
        the batch, and its delta D = dE/da."""
        A, Z, D, T, act, TA = self.out
        loss = self.loss
        if self.fused_bce:
            # e = e^-a, yhat = 1 / (1 + e), E = sum log(1 + e) + (1 - y) a, dE/da = yhat - y
            np.negative(A, T)
            np.exp(T, T)
            np.add(T, ONE, Z)
            np.reciprocal(Z, Z)
            np.log1p(T, T)
            total = float(np.vdot(V, TA))  # sum of [1; 1 - y] * [log(1 + e); a]
            if not math.isfinite(total):  # e^-a overflowed: the stable formula decides
                total = loss.sum(Z.T, Y.T, A.T)
            np.subtract(Z, Y, D)
            return total
        if act.elementwise:
            act.fast(A, Z)
        else:  # softmax works along the samples' own axis
            act.f(A.T, Z.T)
        if loss.output:  # softmax + categorical cross-entropy: dE/da = yhat - y
            total = loss.sum(Z.T, Y.T, A.T)
            np.subtract(Z, Y, D)
            return total
        if not loss.from_grad:
            total = loss.sum(Z.T, Y.T, A.T)
        loss.grad(Z, Y, D)  # dE/dyhat
        if loss.from_grad:  # E = c |dE/dyhat|^2
            total = loss.from_grad * float(np.vdot(D, D))
        if act.elementwise:
            act.df(A, Z, T)
            np.multiply(D, T, D)
        else:
            softmax_backward(Z.T, D.T, D.T)
        return total
