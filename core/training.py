"""Training: one sample, one batch or one epoch at a time, or run until a stop rule.

An epoch visits every sample once, in order or (``shuffle=True``) in a new
permutation drawn from ``numpy.random.default_rng(seed)`` each epoch. Each
update uses the gradient of E on its batch (one sample, ``batch_size``
samples, or all of them) and the chosen optimiser.

``history`` holds E(w_k), the loss on the whole training set at the weights
after k epochs (k = 0 is the initial loss), measured at the start of epoch
k+1; in full-batch mode that is the update's own forward pass, so it costs
nothing. The stop rule ``loss_threshold`` compares the same E(w_k): the hand
note's "E <= 1e-6" stops after 20 updates.

If a loss or a parameter turns non-finite (a learning rate of 100, say), the
trainer puts back the parameters of the last finite step and raises
``Diverged`` telling the epoch and step; ``run`` reports it instead.

The forward and backward passes of the hot loop are ``core.kernel``'s (numpy,
any batch) or, for one sample of a small net, ``core.scalar``'s (plain floats).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from core.checks import flag, is_number, real, short, whole
from core.kernel import Kernel
from core.losses import check_reduction, get_loss
from core.metrics import accuracy
from core.network import Network, as_batch
from core.optimizers import make_optimizer
from core.scalar import ScalarKernel
from core.text import QT_TRANSLATE_NOOP

Array = np.ndarray


NON_FINITE = QT_TRANSLATE_NOOP("training", "a parameter became non-finite")


def loss_is(loss: float) -> str:
    """What a diverged step measured: "the loss is inf" (or nan)."""
    return QT_TRANSLATE_NOOP("training", "the loss is {0}").format(loss)


class Diverged(ArithmeticError):
    """Training produced a non-finite loss or parameter; the network keeps the
    parameters from before the offending step."""

    def __init__(self, epoch: int, step: int, what: str, why: str = "") -> None:
        """``what`` went wrong (the loss is inf), ``why`` (which layer's gradient exploded);
        the message is a ``Text``, so the window shows it in the user's language."""
        self.epoch, self.step, self.what, self.why = epoch, step, what, why
        super().__init__(QT_TRANSLATE_NOOP(
            "training", "training diverged at epoch {0}, update {1}: {2}; {3}; the last finite "
                        "parameters were kept (try a smaller learning rate)")
            .format(epoch + 1, step + 1, what, why))


@dataclass
class StepResult:
    """What one call did: the loss measured before its update(s), samples used."""

    loss: float
    samples: Array
    epoch: int
    steps: int


@dataclass
class RunResult:
    epochs: int
    steps: int
    reason: str  # 'max_epochs', 'threshold', 'time', 'diverged'
    loss: float
    error: Diverged | None = None


@dataclass
class History:
    """E(w_k) per epoch k, decimated by 2 whenever it exceeds ``capacity`` points."""

    capacity: int = 20_000
    stride: int = 1
    epochs: list[int] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    #: changes other than appending a point (a truncation, a thinning): a reader that
    #: converted the points before may add only the new ones while this is unchanged
    edits: int = field(default=0, compare=False, repr=False)

    def record(self, epoch: int, loss: float) -> None:
        if epoch % self.stride:
            return
        self.epochs.append(epoch)
        self.losses.append(loss)
        if len(self.epochs) > self.capacity:
            self.epochs, self.losses = self.epochs[::2], self.losses[::2]
            self.stride *= 2
            keep = [i for i, e in enumerate(self.epochs) if e % self.stride == 0]
            self.epochs = [self.epochs[i] for i in keep]
            self.losses = [self.losses[i] for i in keep]
            self.edits += 1

    def __len__(self) -> int:
        return len(self.epochs)

    def truncate(self, n: int) -> None:
        """Keep the first n points."""
        if n < len(self.epochs):
            del self.epochs[n:], self.losses[n:]
            self.edits += 1


@dataclass
class Snapshots:
    """(epoch, value) pairs taken at irregular times (a GUI tick, a step), kept
    bounded: past ``capacity`` every other one is dropped and from then on only
    every ``stride``-th offer is kept. Values may be floats or arrays."""

    capacity: int = 2_000
    stride: int = 1
    epochs: list[int] = field(default_factory=list)
    values: list = field(default_factory=list)
    _offers: int = 0
    #: changes other than appending a snapshot (a replaced last value, a truncation, a
    #: thinning), as History.edits
    edits: int = field(default=0, compare=False, repr=False)

    def record(self, epoch: int, value) -> None:
        if self.epochs and epoch == self.epochs[-1]:
            self.values[-1] = value  # same epoch again: keep the newest
            self.edits += 1
            return
        self._offers += 1
        if (self._offers - 1) % self.stride:
            return
        self.epochs.append(epoch)
        self.values.append(value)
        if len(self.epochs) > self.capacity:
            self.epochs, self.values = self.epochs[::2], self.values[::2]
            self.stride *= 2
            self.edits += 1

    def __len__(self) -> int:
        return len(self.epochs)

    def truncate(self, n: int) -> None:
        """Keep the first n snapshots."""
        if n < len(self.epochs):
            del self.epochs[n:], self.values[n:]
            self.edits += 1

    def halve(self) -> None:
        """Keep every other snapshot, the newest among them (as when full)."""
        keep = list(range(len(self.epochs) - 1, -1, -2))[::-1]
        self.epochs = [self.epochs[i] for i in keep]
        self.values = [self.values[i] for i in keep]
        self.stride *= 2
        self.edits += 1

    def keep_until(self, epoch: int) -> None:
        """Keep the snapshots taken at or before ``epoch``."""
        self.truncate(next((i for i, e in enumerate(self.epochs) if e > epoch), len(self)))


class Trainer:
    """Trains ``net`` on inputs X (N, n_0) and targets Y (N, n_L).

    loss: 'half_sse', 'mse', 'bce', 'cce'; reduction: 'mean' or 'sum' over the batch.
    batch: 'full', 'sample' or a mini-batch size. optimizer: 'sgd', 'momentum', 'adam'.
    l2: adds (l2 / 2) sum w^2 over the weights (not biases) to each batch's loss
        (its gradient l2 * w joins every update; reported losses leave it out).
    l1: adds l1 sum |w| over the weights (not biases), as a proximal step after each
        update: w <- sign(w) max(|w| - lr l1, 0). Away from zero that is the gradient step
        of l1 sign(w); a weight the step would take to or across zero stops at exactly 0
        and stays there ("dead") while the data's gradient on it is at most l1.
        Reported losses leave it out too.
    """

    def __init__(self, net: Network, X, Y, loss: str = "half_sse", reduction: str = "mean",
                 lr: float = 0.1, batch: str | int = "full", shuffle: bool = False,
                 seed: int = 0, optimizer: str = "sgd", l2: float = 0.0, l1: float = 0.0,
                 **options) -> None:
        self.net = net
        self.lossf = get_loss(loss)
        self.reduction = check_reduction(reduction)
        X = as_batch(X, net.sizes[0], "inputs")
        Y = net.check_targets(Y, self.lossf, X.shape[0])
        net.check_trainable()
        self.N = X.shape[0]
        self.X, self.Y = X, Y
        self._data: tuple[Array, Array, Array] | None = None  # [1; X.T], Y.T, [1; 1 - Y.T]
        self.batch_size = self._batch_size(batch)
        self.lr = real(lr, "learning rate", positive=True)
        self.l2 = real(l2, "L2 strength", lo=0.0)
        self.l1 = real(l1, "L1 strength", lo=0.0)
        self.shuffle, self.seed = flag(shuffle, "shuffle"), whole(seed, "seed")
        self.optimizer_name, self.options = optimizer, options
        self.opt = make_optimizer(optimizer, net.params.size, self.lr, **options)
        self.rng = np.random.default_rng(self.seed)
        self.epoch = 0  # completed epochs
        self.steps = 0  # updates made
        self.position = 0  # samples of the current epoch already used
        self._order_rng: dict | None = None  # generator state the current order was drawn from
        self._order: Array | None = self._new_order()  # None: 0..N-1, made when needed
        self.history = History()
        self._kernels: dict[int, Kernel | ScalarKernel] = {}
        self._grad = np.zeros_like(net.params)
        self._is_weight = np.ones(net.params.size, bool)  # False at the bias slots
        for B in net.layer_views(self._is_weight):
            B[0] = False
        self._safe = np.empty_like(net.params)  # parameters before the current call

    @classmethod
    def from_settings(cls, net: Network, X, Y, settings: dict, seed: int = 0) -> Trainer:
        """A trainer from a project's settings dict (loss, reduction, lr, batch, shuffle,
        optimizer; other keys are not the trainer's)."""
        s = settings
        return cls(net, X, Y, loss=s["loss"], reduction=s["reduction"], lr=s["lr"],
                   batch=s["batch"], shuffle=s["shuffle"], seed=seed, optimizer=s["optimizer"],
                   l1=s.get("l1", 0.0), l2=s.get("l2", 0.0))

    # --- settings ----------------------------------------------------------
    def _batch_size(self, batch) -> int:
        if batch == "full":
            return self.N
        if batch == "sample":
            return 1
        if is_number(batch) and not isinstance(batch, str):
            try:
                return min(whole(batch, "batch", 1), self.N)
            except ValueError:
                pass
        raise ValueError(QT_TRANSLATE_NOOP("training", "batch must be 'full', 'sample' or a size >= 1; "
                                                       "got {0}").format(short(batch)))

    def set_lr(self, lr: float) -> None:
        """Change the learning rate without resetting anything."""
        self.lr = self.opt.lr = real(lr, "learning rate", positive=True)

    def set_regularization(self, l1: float, l2: float) -> None:
        """Change the L1 and L2 strengths without resetting anything."""
        self.l1, self.l2 = real(l1, "L1 strength", lo=0.0), real(l2, "L2 strength", lo=0.0)

    def set_order(self, order: Array, rng_state: dict) -> None:
        """Resume a shuffled epoch: its sample order and the generator after drawing it."""
        order = np.asarray(order, dtype=np.intp)
        if order.shape != (self.N,) or not np.array_equal(np.sort(order), np.arange(self.N)):
            raise ValueError(QT_TRANSLATE_NOOP("training", "order must list the samples 0..{0} once each")
                             .format(self.N - 1))
        self.rng.bit_generator.state = rng_state
        self.order, self._order_rng = order, None

    @property
    def order(self) -> Array:
        """This epoch's sample order (N,): shuffled, or 0..N-1."""
        if self._order is None:
            self._order = np.arange(self.N)
        return self._order

    @order.setter
    def order(self, value: Array | None) -> None:
        self._order = value

    def _new_order(self) -> Array | None:
        """The next epoch's order: a permutation drawn from ``rng`` (remembering the state
        it was drawn from, so a checkpoint need not copy it), or None for 0..N-1."""
        if not self.shuffle:
            return None
        self._order_rng = self.rng.bit_generator.state
        return self.rng.permutation(self.N)

    # --- the data in the kernel's layout -----------------------------------------
    @property
    def data(self) -> tuple[Array, Array, Array]:
        """[1; X.T] (n_0 + 1, N), Y.T (n_L, N) and [1; 1 - Y.T], made when first needed."""
        if self._data is None:
            YT = np.ascontiguousarray(self.Y.T)
            self._data = (np.vstack([np.ones((1, self.N)), self.X.T]), YT,
                          np.vstack([np.ones_like(YT), 1.0 - YT]))
        return self._data

    def release(self) -> None:
        """Free the data copies and kernel buffers (an undo step keeps this trainer idle);
        they are made again when training resumes."""
        self._data = None
        self._kernels = {}
        if not self.shuffle:
            self._order = None

    # --- the fast forward/backward/update on one batch ------------------------
    def _kernel(self, n: int) -> Kernel | ScalarKernel:
        """The forward/backward pass for batches of n samples: plain Python floats
        for one sample of a small net (``core.scalar``), numpy otherwise."""
        k = self._kernels.get(n)
        if k is None:
            if n == 1 and ScalarKernel.fits(self.net, self.lossf):
                k = ScalarKernel(self.net, self.lossf, self._grad)
            else:
                k = Kernel(self.net, self.lossf, n, self._grad)
            self._kernels[n] = k
        return k

    def _update(self, Zin: Array, Y: Array, V: Array, kernel: Kernel | ScalarKernel) -> float:
        """Forward, loss, backward (``core.kernel``) and one optimiser update on a
        batch, samples-last: Zin = [1; X.T] (n_0 + 1, n), Y (n_L, n), V = [1; 1 - Y].
        Returns the batch's summed loss measured before the update (non-finite:
        nothing is updated)."""
        total = kernel.gradient(Zin, Y, V)
        if not math.isfinite(total):
            return total
        g = self._grad
        scale = 1.0 / Zin.shape[1] if self.reduction == "mean" else 1.0
        if self.net.any_frozen:
            g[self.net.frozen] = 0.0
        if self.l2:
            g *= scale
            g += self.l2 * self._weights()
            scale = 1.0
        self.opt.update(self.net.params, g, scale)
        if self.l1:  # the proximal step of l1 |w|: shrink towards 0, stop at 0
            p, m = self.net.params, self._is_weight & ~self.net.frozen
            p[m] = np.sign(p[m]) * np.maximum(np.abs(p[m]) - self.lr * self.l1, 0.0)
        return total

    def _weights(self) -> Array:
        """The parameters with biases and frozen ones set to 0 (what L1 and L2 act on)."""
        w = self.net.params.copy()
        for B, frozen in zip(self.net.layer_views(w), self.net.layer_views(self.net.frozen)):
            B[0] = 0.0
            B[frozen] = 0.0
        return w

    def _batch(self, idx: Array) -> tuple[Array, Array, Array, Kernel | ScalarKernel]:
        """Inputs [1; X.T], targets Y.T and [1; 1 - Y.T] of the samples ``idx``
        (views when contiguous), and the kernel for their number."""
        n = idx.size
        k = self._kernel(n)
        XT, YT, VT = self.data
        if n == self.N and not self.shuffle:
            return XT, YT, VT, k
        lo = int(idx[0])
        if not self.shuffle:
            cols = slice(lo, lo + n)
            return XT[:, cols], YT[:, cols], VT[:, cols], k
        np.take(XT, idx, axis=1, out=k.Zt[0])
        np.take(YT, idx, axis=1, out=k.Y)
        np.take(VT, idx, axis=1, out=k.V)
        return k.Zt[0], k.Y, k.V, k

    def _explosion(self) -> str:
        """Which layer's gradient blew up (core.health), at the last finite weights."""
        from core.health import explosion

        return explosion(self.net, self.X, self.Y, self.lossf.name, self.reduction)

    # --- steps ---------------------------------------------------------------
    def _run_batches(self, size: int, count: int | None, record: bool = True) -> StepResult:
        """``count`` updates of ``size`` samples (None: to the end of the epoch)."""
        params = self.net.params
        np.copyto(self._safe, params)
        safe = (self.opt.state(), self.position, self.epoch, self.steps, self._order,
                self._order_rng, self.rng.bit_generator.state if self.shuffle else None,
                len(self.history))
        losses, used, done = 0.0, [], 0
        try:
            with np.errstate(all="ignore"):  # overflow is detected below
                while count is None or done < count:
                    whole = self.position == 0 and size >= self.N
                    if self.position == 0 and record and not whole:
                        self.history.record(self.epoch, self.loss())
                    idx = self.order[self.position:self.position + size]
                    total = self._update(*self._batch(idx))
                    if not math.isfinite(total):
                        raise _Bad(loss_is(total))
                    if not math.isfinite(np.vdot(params, params)):
                        raise _Bad(NON_FINITE)
                    if whole and record:  # this update's forward pass measured E(w_k)
                        self.history.record(self.epoch, total * self._mean_scale(self.N))
                    losses += total
                    used.append(idx)
                    done += 1
                    self.steps += 1
                    self.position += idx.size
                    if self.position >= self.N:
                        self.position = 0
                        self.epoch += 1
                        if self.shuffle:
                            self.order = self._new_order()
                        if count is None:
                            break
        except _Bad as bad:
            self._restore(safe)
            raise Diverged(self.epoch, self.steps, bad.args[0], self._explosion()) from None
        samples = used[0] if len(used) == 1 else np.concatenate(used)
        n = max(samples.size, 1)
        return StepResult(losses / n if self.reduction == "mean" else losses, samples,
                          self.epoch, done)

    def checkpoint(self) -> dict:
        """Everything needed to come back to this point: parameters, optimiser state,
        position in the epoch, counters, the shuffle generator and the history length.
        A shuffled epoch's order is kept as the generator state it was drawn from (a few
        numbers, not N), and redrawn by ``restore``."""
        return {"params": self.net.params.copy(), **self.resume_state(), "history": len(self.history)}

    def restore(self, c: dict) -> None:
        """Go back to a checkpoint of this trainer (history after it is dropped)."""
        self.net.params[...] = c["params"]
        self.opt.set_state(c["opt"])
        self.position, self.epoch, self.steps = c["position"], c["epoch"], c["steps"]
        if c["order"] is None and self.shuffle:
            self.rng.bit_generator.state = c["order_rng"]
            self.order = self._new_order()
        else:
            self.order, self._order_rng = c["order"], c["order_rng"]
        if c["rng"] is not None:
            self.rng.bit_generator.state = c["rng"]
        self.history.truncate(c["history"])

    def resume_state(self) -> dict:
        """What training needs besides the weights to go on exactly from here: the
        optimiser's state, the position in the epoch (its order as the generator state it
        was drawn from), the step count and the shuffle generator; ``checkpoint`` without
        the parameters and the history."""
        redraw = self.shuffle and self._order_rng is not None
        return {"opt": self.opt.state(), "position": self.position, "epoch": self.epoch,
                "steps": self.steps, "order": None if redraw or not self.shuffle else self._order,
                "order_rng": self._order_rng,
                # the generator only shuffles: without shuffling its state is not kept (a
                # snapshot's resume state held ~1 KB of it, 2 MB over 2,000 snapshots)
                "rng": self.rng.bit_generator.state if self.shuffle else None}

    def rewind(self, epoch: int, params: Array, state: dict | None = None) -> bool:
        """Make ``params`` the weights after ``epoch`` epochs and train on from there. With
        ``state`` (``resume_state`` taken at that epoch) training goes on exactly as it
        did from that point; without, the epoch starts afresh (a new order when shuffling)
        and the optimiser's running averages start from zero. The loss history keeps the
        epochs before ``epoch`` (and ``epoch`` itself where training stopped within it).
        Returns whether ``state`` was used."""
        self.net.params[...] = params
        exact = state is not None and state.get("epoch") == epoch
        if exact:
            self.restore({**state, "params": params, "history": len(self.history)})
        else:
            self.epoch, self.position = whole(epoch, "epoch"), 0
            self.order = self._new_order()
            self.opt.set_state(make_optimizer(self.optimizer_name, self.net.params.size, self.lr,
                                              **self.options).state())
        self.trim_history()
        return exact

    def trim_history(self) -> None:
        """Keep the loss history's points before the present: those up to this epoch when
        within it, before it at its start (where training records E(w_epoch) next; a
        point kept there would be recorded twice and the history could not be saved)."""
        epoch, within = self.epoch, self.position > 0
        self.history.truncate(next((i for i, e in enumerate(self.history.epochs)
                                    if e > epoch or (e == epoch and not within)), len(self.history)))

    def _restore(self, safe) -> None:
        opt, pos, epoch, steps, order, order_rng, rng, hist = safe
        self.net.params[...] = self._safe
        self.opt.set_state(opt)
        self.position, self.epoch, self.steps = pos, epoch, steps
        self.order, self._order_rng = order, order_rng
        if rng is not None:
            self.rng.bit_generator.state = rng
        self.history.truncate(hist)

    def step_sample(self) -> StepResult:
        """One update on the next single sample of the epoch."""
        return self._run_batches(1, 1)

    def step_batch(self) -> StepResult:
        """One update on the next mini-batch (at most ``batch_size`` samples)."""
        return self._run_batches(self.batch_size, 1)

    def step_epoch(self) -> StepResult:
        """Updates until the current epoch ends (a whole epoch when at its start)."""
        if self.batch_size == self.N and not self.shuffle and self.position == 0:
            r = self._full_epochs(1, None)
            if r.error is not None:  # the fast path reports; a step raises like every step
                raise r.error
            return StepResult(r.loss, np.arange(self.N), self.epoch, r.steps)
        return self._run_batches(self.batch_size, None)

    def _full_epochs(self, epochs: int, threshold: float | None, deadline: float = math.inf
                     ) -> RunResult:
        """The fast path: full-batch epochs, one update each."""
        with np.errstate(all="ignore"):  # overflow is detected below
            return self._full_loop(epochs, threshold, deadline)

    def _full_loop(self, epochs: int, threshold: float | None, deadline: float) -> RunResult:
        kernel, scale, record = self._kernel(self.N), self._mean_scale(self.N), self.history.record
        XT, YT, VT = self.data
        params = self.net.params
        done, loss, reason = 0, math.nan, "max_epochs"
        safe = params.copy()
        while done < epochs:
            np.copyto(safe, params)
            state = self.opt.state()
            total = self._update(XT, YT, VT, kernel)
            loss = total * scale
            if not math.isfinite(loss) or not math.isfinite(np.vdot(params, params)):
                np.copyto(params, safe)
                self.opt.set_state(state)
                what = loss_is(loss) if not math.isfinite(loss) else NON_FINITE
                err = Diverged(self.epoch, self.steps, what, self._explosion())
                return RunResult(done, done, "diverged", loss, err)
            if threshold is not None and loss <= threshold:
                np.copyto(params, safe)  # E(w_k) met the rule: undo this epoch's update
                self.opt.set_state(state)
                reason = "threshold"
                break
            record(self.epoch, loss)
            self.epoch += 1
            self.steps += 1
            done += 1
            if time.perf_counter() > deadline:
                reason = "time"
                break
        return RunResult(done, done, reason, loss)

    def _mean_scale(self, n: int) -> float:
        return 1.0 / n if self.reduction == "mean" else 1.0

    def run(self, max_epochs: int | None = None, loss_threshold: float | None = None,
            seconds: float | None = None) -> RunResult:
        """Train whole epochs until ``max_epochs`` more have run, E(w_k) <= loss_threshold
        (checked before each epoch), or ``seconds`` have passed (at least one epoch).
        Finishes a partly done epoch first. Never raises Diverged: see RunResult."""
        if max_epochs is None and loss_threshold is None and seconds is None:
            raise ValueError(QT_TRANSLATE_NOOP("training", "run needs a stop rule: max_epochs, "
                                                           "loss_threshold or seconds"))
        if max_epochs is not None:
            max_epochs = whole(max_epochs, "max_epochs")
        if loss_threshold is not None:
            loss_threshold = real(loss_threshold, "loss_threshold")
        if seconds is not None:
            seconds = real(seconds, "seconds", lo=0.0)
        limit = math.inf if max_epochs is None else max_epochs
        deadline = math.inf if seconds is None else time.perf_counter() + seconds
        start_epoch, start_steps = self.epoch, self.steps
        try:
            if self.position:
                self._run_batches(self.batch_size, None)
            if self.batch_size == self.N and not self.shuffle:
                r = self._full_epochs(int(min(limit, 2**62)), loss_threshold, deadline)
                r.epochs, r.steps = self.epoch - start_epoch, self.steps - start_steps
                return r
            while self.epoch - start_epoch < limit:
                e = self.loss()
                if loss_threshold is not None and e <= loss_threshold:
                    return self._result(start_epoch, start_steps, "threshold")
                self.history.record(self.epoch, e)
                self._run_batches(self.batch_size, None, record=False)
                if time.perf_counter() > deadline:
                    return self._result(start_epoch, start_steps, "time")
        except Diverged as err:
            return RunResult(self.epoch - start_epoch, self.steps - start_steps, "diverged",
                             math.nan, err)
        return self._result(start_epoch, start_steps, "max_epochs")

    def _result(self, e0: int, s0: int, reason: str) -> RunResult:
        return RunResult(self.epoch - e0, self.steps - s0, reason, self.loss())

    # --- measuring -------------------------------------------------------------
    def loss(self, X=None, Y=None) -> float:
        """E at the current weights on the training set, or on (X, Y) if given
        (same loss and reduction; without the L2 term)."""
        with np.errstate(all="ignore"):  # a diverging net reports inf/nan, no warning
            if X is None:  # the training set: the kernel's forward pass, no allocation
                return self._kernel(self.N).loss_sum(*self.data) * self._mean_scale(self.N)
            return self._loss_of(self.net.forward(X), Y)

    def _loss_of(self, p, Y) -> float:
        """E from a forward pass ``p`` made for the targets Y (N, n_L)."""
        with np.errstate(all="ignore"):
            return self.lossf.sum(p.output, Y, p.a[-1]) * self._mean_scale(len(Y))

    def measures(self, X=None, Y=None) -> tuple[float, float, object]:
        """(E, accuracy, the forward pass) on the training set or on (X, Y), from one
        forward pass (the status line of a window with 100,000 samples made five: loss and
        accuracy on each set, the neurons' states). On the training set E is ``loss()``'s,
        from the kernel, as the history records it."""
        training = X is None
        if training:
            X, Y = self.X, self.Y
        with np.errstate(all="ignore"):
            p = self.net.forward(X)
        return (self.loss() if training else self._loss_of(p, Y)), accuracy(p.output, Y), p

    def accuracy(self, X=None, Y=None) -> float:
        """Fraction of samples classified right (threshold 0.5, or argmax for several
        outputs), on the training set or on (X, Y)."""
        if X is None:
            X, Y = self.X, self.Y
        return accuracy(self.net.predict(X), Y)


class _Bad(Exception):
    pass
