"""Data as CSV: a header naming the columns, then one sample per line.

    x1,x2,y            inputs x1..xn, one target column y (numbers or class names)
    x1,x2,y1,y2,y3     inputs, then several target columns (e.g. one-hot)

A single ``y`` column of class names (or of integers 0..k-1 with k > 2) becomes
one-hot targets, one column per class; 0/1 stays one column. Every problem is a
``DataError`` naming the line and column; nothing is returned half-read.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAX_BYTES = 64 * 2**20  # larger files are refused before reading
MAX_ROWS = 1_000_000


class DataError(ValueError):
    """A CSV that cannot be used as data; the message names the line and column."""


@dataclass
class Table:
    X: np.ndarray  # (N, n_inputs)
    Y: np.ndarray  # (N, n_targets)
    inputs: list[str]
    targets: list[str]
    classes: list[str] = field(default_factory=list)  # names, when y held class names


def _number(text: str, line: int, col: int, name: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise DataError(f"line {line}, column {col} ({name}): {text.strip()[:30]!r} is not a number") \
            from None
    if not math.isfinite(v):
        raise DataError(f"line {line}, column {col} ({name}): {text.strip()} is not allowed "
                        "(only finite numbers)")
    return v


def parse_csv(text: str) -> Table:
    """Read CSV text (see the module doc); DataError names the first problem."""
    if not text.strip():
        raise DataError("line 1: the file is empty; it needs a header such as x1,x2,y")
    if "\x00" in text[:4096]:
        raise DataError("line 1, column 1: this is not a text CSV file (it holds binary data)")
    rows = csv.reader(io.StringIO(text))
    try:
        header = [h.strip() for h in next(rows)]
    except csv.Error as e:
        raise DataError(f"line 1: {e}") from None
    xs = [h for h in header if h.lower().startswith("x")]
    ys = [h for h in header if h.lower().startswith("y")]
    if not xs or not ys or header != xs + ys:
        raise DataError("line 1: the header must name the input columns first, then the "
                        f"targets: x1,x2,…,y or x1,…,y1,y2,… (found {','.join(header)[:80]!r})")
    if len(set(header)) != len(header):
        raise DataError("line 1: a column name appears twice")
    n_in, ncol = len(xs), len(header)
    X, raw_y, lines = [], [], []
    line = 1
    try:
        for row in rows:
            line = rows.line_num
            if not row or all(not c.strip() for c in row):
                continue  # blank lines are fine
            if len(row) != ncol:
                raise DataError(f"line {line}: expected {ncol} columns ({','.join(header)}), "
                                f"found {len(row)}")
            X.append([_number(row[c], line, c + 1, header[c]) for c in range(n_in)])
            raw_y.append([row[c].strip() for c in range(n_in, ncol)])
            lines.append(line)
            if len(X) > MAX_ROWS:
                raise DataError(f"line {line}: more than {MAX_ROWS:,} samples")
    except csv.Error as e:
        raise DataError(f"line {line}: {e}") from None
    if not X:
        raise DataError("line 2: no samples after the header")
    classes: list[str] = []
    if len(ys) == 1:
        Y, classes = _single_target(raw_y, lines, n_in)
    else:
        Y = np.array([[_number(v, ln, n_in + j + 1, ys[j]) for j, v in enumerate(r)]
                      for ln, r in zip(lines, raw_y)])
    targets = ys if not classes or len(classes) == 2 else [f"y{k + 1}" for k in range(len(classes))]
    return Table(np.asarray(X, dtype=np.float64), Y, xs, targets, classes)


def _single_target(raw: list[list[str]], lines: list[int], n_in: int
                   ) -> tuple[np.ndarray, list[str]]:
    values = [r[0] for r in raw]
    try:
        numbers = [float(v) for v in values]
        numeric = all(math.isfinite(v) for v in numbers)
    except ValueError:
        numeric = False
    if numeric:
        y = np.array(numbers)
        labels = np.unique(y)
        if len(labels) > 2 and len(labels) <= 20 and np.all(labels == np.arange(len(labels))):
            return np.eye(len(labels))[y.astype(int)], [str(int(v)) for v in labels]
        return y[:, None], []
    for ln, v in zip(lines, values):
        if not v:
            raise DataError(f"line {ln}, column {n_in + 1} (y): the target is empty")
        try:
            if not math.isfinite(float(v)):
                raise DataError(f"line {ln}, column {n_in + 1} (y): {v} is not allowed")
        except ValueError:
            pass
    names = sorted(set(values))
    if len(names) > 50:
        raise DataError(f"line {lines[0]}, column {n_in + 1} (y): {len(names)} different class names; "
                        "at most 50")
    index = {n: k for k, n in enumerate(names)}
    codes = np.array([index[v] for v in values])
    if len(names) <= 2:
        return codes[:, None].astype(float), names
    return np.eye(len(names))[codes], names


def read_csv(path: str | Path) -> Table:
    """Read a CSV file (at most 64 MiB); DataError for anything unusable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataError(f"line 1: {path.name} is {size / 2**20:.0f} MiB; data files are "
                            f"limited to {MAX_BYTES // 2**20} MiB")
        data = path.read_bytes()
    except OSError as e:
        raise DataError(f"cannot read {path}: {e.strerror or e}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise DataError(f"line {line}, column {col}: not UTF-8 text") from None
    return parse_csv(text)


def to_csv(X: np.ndarray, Y: np.ndarray) -> str:
    """CSV text with a header x1..xn, then y (one column) or y1..yk; exact floats (repr)."""
    X, Y = np.atleast_2d(X), np.atleast_2d(Y)
    head = [f"x{i + 1}" for i in range(X.shape[1])]
    head += ["y"] if Y.shape[1] == 1 else [f"y{k + 1}" for k in range(Y.shape[1])]
    lines = [",".join(head)]
    for x, y in zip(X, Y):
        lines.append(",".join(repr(float(v)) for v in (*x, *y)))
    return "\n".join(lines) + "\n"
