"""Data as CSV: a header naming the columns, then one sample per line.

    x1,x2,y            inputs x1..xn, one target column y (numbers or class names)
    x1,x2,y1,y2,y3     inputs, then several target columns (e.g. one-hot)
    x1;x2;y            separated by semicolons (or tabs): decimal commas too, 0,5 (a
                       spreadsheet's CSV where the comma is the decimal mark, as in Czech)

A single ``y`` column of class names (or of integers 0..k-1 with k > 2) becomes
one-hot targets, one column per class; 0/1 stays one column. Every problem is a
``DataError`` naming the line and column; nothing is returned half-read.
"""

from __future__ import annotations

import csv
import io
import math
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from core.checks import short
from core.text import QT_TRANSLATE_NOOP

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


def _cell(text: str) -> str:
    """A cell quoted for a message: at most about 40 characters, on one line."""
    return short(text.strip())


def _number(text: str, line: int, col: int, name: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise DataError(QT_TRANSLATE_NOOP("csvio", "line {0}, column {1} ({2}): {3} is not a number")
                        .format(line, col, name, _cell(text))) \
            from None
    if not math.isfinite(v):
        raise DataError(QT_TRANSLATE_NOOP("csvio", "line {0}, column {1} ({2}): {3} is not allowed (only "
                                                   "finite numbers)").format(line, col, name, _cell(text)))
    return v


def _header(text: str) -> tuple[list[str], list[str], list[str], int]:
    """The header's names: (all, inputs, targets) and the offset where the data starts."""
    if not text.strip():
        raise DataError(QT_TRANSLATE_NOOP("csvio", "line 1: the file is empty; it needs a header such as "
                                                   "x1,x2,y"))
    if "\x00" in text[:4096]:
        raise DataError(QT_TRANSLATE_NOOP("csvio", "line 1, column 1: this is not a text CSV file (it "
                                                   "holds binary data)"))
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    for delimiter in DELIMITERS:  # the first that makes a header: x…, then y…
        try:
            header = _header_cells(first, delimiter)
        except DataError:
            continue
        xs = [h for h in header if h.lower().startswith("x")]
        ys = [h for h in header if h.lower().startswith("y")]
        if xs and ys and header == xs + ys:
            break
    else:
        header = _header_cells(first, ",")  # (a quote's error is the comma-separated one)
        raise DataError(QT_TRANSLATE_NOOP("csvio", "line 1: the header must name the input columns first, "
                                                   "then the targets: x1,x2,…,y or x1,…,y1,y2,… (found "
                                                   "{0})").format(short(','.join(header), 80)))
    if len(set(header)) != len(header):
        raise DataError(QT_TRANSLATE_NOOP("csvio", "line 1: a column name appears twice"))
    return header, xs, ys, (len(text) if end < 0 else end + 1), delimiter


DELIMITERS = (",", ";", "\t")  # ';' with decimal commas: a spreadsheet's CSV in Czech


def _header_cells(first: str, delimiter: str) -> list[str]:
    try:  # strict, as the rows are read: the header is one line, its quotes closed on it
        return [h.strip() for h in next(csv.reader([first], delimiter=delimiter, strict=True))]
    except csv.Error as e:
        if "end of data" in str(e):
            raise DataError(QT_TRANSLATE_NOOP("csvio", "line 1: a quote opened on this line is "
                                                       "never closed")) from None
        raise DataError(QT_TRANSLATE_NOOP("csvio", "line 1: {0}").format(e)) from None
    except StopIteration:
        return []


def _decimal(cell: str) -> str:
    """A cell of a file not separated by commas, its decimal comma made a point when that
    makes a number ('0,5' -> '0.5'); other cells (a class name, a typo) as they are."""
    if "," not in cell:
        return cell
    point = cell.replace(",", ".")
    try:
        float(point)
    except ValueError:
        return cell
    return point


def _mac_lines(text: str) -> str:
    """Text with lines ending in a carriage return alone (old Mac files, or lines pasted
    together from several) read as line feeds; other text as it is (the same object)."""
    if "\r" not in text or text.count("\r") == text.count("\r\n"):
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_csv(text: str) -> Table:
    """Read CSV text (see the module doc); DataError names the first problem."""
    text = _mac_lines(text)
    header, xs, ys, start, delimiter = _header(text)
    table = _fast(text[start:], header, xs, ys, delimiter)
    return table if table is not None else _exact(text, header, xs, ys, delimiter)


def _fast(body, header, xs, ys, delimiter: str = ",") -> Table | None:
    """All numbers, finite, no blank or odd lines: numpy's C reader (a million rows in
    well under a second, no Python object per cell). None when anything is unusual: the
    exact reader then finds the problem and names its line and column. ``body`` is the
    text after the header, or a path to the file (read with the header skipped)."""
    if delimiter != "," and isinstance(body, str):
        body = body.replace(",", ".")  # decimal commas (a class name with one: not all numbers)
    try:
        kwargs = dict(delimiter=delimiter, comments=None, quotechar='"', ndmin=2, dtype=np.float64)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "input contained no data": the exact reader says
            a = _loadtxt(body, kwargs)
    except (ValueError, TypeError, OverflowError, UnicodeError):
        return None
    if a.shape[0] == 0 or a.shape[1] != len(header) or not np.isfinite(a).all() \
            or a.shape[0] > MAX_ROWS:
        return None
    n_in = len(xs)
    X = np.ascontiguousarray(a[:, :n_in])
    if len(ys) > 1:
        return Table(X, np.ascontiguousarray(a[:, n_in:]), xs, ys)
    Y, classes = _numeric_target(a[:, n_in])
    targets = ys if not classes else [f"y{k + 1}" for k in range(len(classes))]
    return Table(X, Y, xs, targets, classes)


def _loadtxt(body, kwargs) -> np.ndarray:
    if isinstance(body, Path):
        return np.loadtxt(body, skiprows=1, encoding="utf-8-sig", **kwargs)
    return np.loadtxt(io.StringIO(body), **kwargs)


def _numeric_target(y: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """A numeric y column: integers 0..k-1 with 2 < k <= 20 become one-hot classes."""
    labels = np.unique(y)
    if 2 < len(labels) <= 20 and np.all(labels == np.arange(len(labels))):
        return np.eye(len(labels))[y.astype(int)], [str(int(v)) for v in labels]
    return y[:, None].copy(), []


CHUNK = 65_536  # rows converted to numbers at a time by the exact reader


def _exact(text: str, header, xs, ys, delimiter: str = ",") -> Table:
    """Row by row with csv (quotes, blank lines), numbers converted a chunk at a time;
    the first problem is named by line and column."""
    n_in, ncol = len(xs), len(header)
    rows = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    X_parts, y_parts, y_codes, names = [], [], [], {}
    chunk, chunk_lines = [], []
    line = 1

    def flush() -> None:
        try:
            X_parts.append(np.array([r[:n_in] for r in chunk], dtype=np.float64))
        except ValueError:
            X_parts.append(np.array([[_number(v, ln, c + 1, header[c]) for c, v in
                                      enumerate(r[:n_in])] for r, ln in zip(chunk, chunk_lines)]))
        bad = ~np.isfinite(X_parts[-1])
        if bad.any():
            r, c = np.argwhere(bad)[0]
            _number(chunk[r][c], chunk_lines[r], c + 1, header[c])
        if len(ys) > 1:
            try:
                y_parts.append(np.array([r[n_in:] for r in chunk], dtype=np.float64))
            except ValueError:
                y_parts.append(None)
            if y_parts[-1] is None or not np.isfinite(y_parts[-1]).all():
                y_parts[-1] = np.array([[_number(v, ln, n_in + j + 1, ys[j])
                                         for j, v in enumerate(r[n_in:])]
                                        for r, ln in zip(chunk, chunk_lines)])
        else:
            for r, ln in zip(chunk, chunk_lines):
                v = r[n_in].strip()
                if not v:
                    raise DataError(QT_TRANSLATE_NOOP("csvio", "line {0}, column {1} ({2}): the target is "
                                                               "empty").format(ln, n_in + 1, ys[0]))
                try:
                    finite = math.isfinite(float(v))
                except ValueError:
                    finite = True  # a class name
                if not finite:  # "nan" is a typo or a missing value, never a class name
                    raise DataError(QT_TRANSLATE_NOOP("csvio", "line {0}, column {1} ({2}): {3} is not "
                                                               "allowed (only finite numbers or class "
                                                               "names)")
                                    .format(ln, n_in + 1, ys[0], _cell(v)))
                code = names.setdefault(v, len(names))
                if len(names) > MAX_CLASSES and not _all_numbers(names):
                    raise DataError(QT_TRANSLATE_NOOP("csvio", "line {0}, column {1} ({2}): more than {3} "
                                                               "different class names")
                                    .format(ln, n_in + 1, ys[0], MAX_CLASSES))
                y_codes.append(code)
        chunk.clear()
        chunk_lines.clear()

    try:
        next(rows)  # the header (read by _header)
        while True:
            start = rows.line_num + 1
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as e:
                if "end of data" in str(e):
                    raise DataError(QT_TRANSLATE_NOOP("csvio", "line {0}: a quote opened on this line is "
                                                               "never closed").format(start)) from None
                raise DataError(QT_TRANSLATE_NOOP("csvio", "line {0}: {1}").format(start, e)) from None
            line = start
            if not row or all(not c.strip() for c in row):
                continue  # blank lines are fine
            if len(row) != ncol:
                raise DataError(QT_TRANSLATE_NOOP("csvio", "line {0}: expected {1} columns ({2}), found "
                                                           "{3}")
                                .format(line, ncol, short(delimiter.join(header), 60), len(row)))
            if delimiter != ",":
                row = [_decimal(c) for c in row]
            chunk.append(row)
            chunk_lines.append(line)
            if len(chunk) >= CHUNK:
                flush()
            if rows.line_num > MAX_ROWS + 1 and len(X_parts) * CHUNK + len(chunk) > MAX_ROWS:
                raise DataError(QT_TRANSLATE_NOOP("csvio", "line {0}: more than {1:,} samples")
                                .format(line, MAX_ROWS))
        if chunk:
            flush()
    except csv.Error as e:
        raise DataError(QT_TRANSLATE_NOOP("csvio", "line {0}: {1}").format(line, e)) from None
    if not X_parts:
        raise DataError(QT_TRANSLATE_NOOP("csvio", "line 2: no samples after the header"))
    X = np.concatenate(X_parts)
    if len(ys) > 1:
        return Table(X, np.concatenate(y_parts), xs, ys)
    Y, classes = _single_target(names, np.asarray(y_codes))
    targets = ys if not classes or len(classes) == 2 else [f"y{k + 1}" for k in range(len(classes))]
    return Table(X, Y, xs, targets, classes)


MAX_CLASSES = 50


def _all_numbers(names: dict) -> bool:
    try:
        for v in names:
            float(v)
    except ValueError:
        return False
    return True


def _single_target(names: dict, codes: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """One y column from its distinct texts (``names``: text -> code) and each row's code:
    numbers (0/1, a value, or classes 0..k-1), or class names (one-hot beyond two)."""
    texts = list(names)
    if _all_numbers(names):
        values = np.array([float(v) for v in texts])
        return _numeric_target(values[codes])
    order = sorted(texts)
    rank = np.empty(len(texts), dtype=int)
    rank[[names[t] for t in order]] = np.arange(len(order))
    k = rank[codes]
    if len(order) <= 2:
        return k[:, None].astype(float), order
    return np.eye(len(order))[k], order


def read_csv(path: str | Path) -> Table:
    """Read a CSV file (at most 64 MiB); DataError for anything unusable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataError(QT_TRANSLATE_NOOP("csvio", "line 1: {0} is {1:.0f} MiB; data files are "
                                                       "limited to {2} MiB")
                            .format(path.name, size / 2**20, MAX_BYTES // 2**20))
        data = path.read_bytes()
    except OSError as e:
        raise DataError(QT_TRANSLATE_NOOP("csvio", "cannot read {0}: {1}")
                        .format(path, e.strerror or e)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise DataError(QT_TRANSLATE_NOOP("csvio", "line {0}, column {1}: not UTF-8 text")
                        .format(line, col)) from None
    del data
    fixed = _mac_lines(text)
    if fixed is not text:  # (lines numpy's reader would not split)
        return parse_csv(fixed)
    header, xs, ys, start, delimiter = _header(text)
    if delimiter == "," and '"' not in text[:start]:  # numpy reads the file: no copy of the text
        del text
        table = _fast(path, header, xs, ys)
        if table is not None:
            return table
        text = path.read_bytes().decode("utf-8-sig")
    elif delimiter != ",":
        table = _fast(text[start:], header, xs, ys, delimiter)
        if table is not None:
            return table
    return _exact(text, header, xs, ys, delimiter)


def to_csv(X: np.ndarray, Y: np.ndarray, spreadsheet: bool = False) -> str:
    """CSV text with a header x1..xn, then y (one column) or y1..yk; exact floats (repr).
    ``spreadsheet``: cells separated by semicolons, with decimal commas (``0,5;1,25;1``),
    as a spreadsheet in Czech reads and saves CSV; ``read_csv`` reads either back exactly."""
    X, Y = np.atleast_2d(X), np.atleast_2d(Y)
    head = [f"x{i + 1}" for i in range(X.shape[1])]
    head += ["y"] if Y.shape[1] == 1 else [f"y{k + 1}" for k in range(Y.shape[1])]
    sep = ";" if spreadsheet else ","
    lines = [sep.join(head)]
    for x, y in zip(X, Y):
        cells = (repr(float(v)) for v in (*x, *y))
        lines.append(sep.join(c.replace(".", ",") for c in cells) if spreadsheet else sep.join(cells))
    return "\n".join(lines) + "\n"
