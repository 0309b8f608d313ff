"""Projects and CSV: exact round trips, fuzzed readers that only ever raise their own
error, atomic saves, resuming training."""

import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import ACTIVATIONS, Network, csvio, initialise
from core.csvio import DataError, parse_csv, read_csv, to_csv
from core.export import numpy_script, torch_script, weights_csv
from core.notation import NOTATIONS
from core.project import (
    Project,
    ProjectError,
    capture,
    dumps,
    from_dict,
    load,
    loads,
    make_trainer,
    resume,
    save,
    to_dict,
)
from tests.core.lessons import XOR_X, XOR_Y

# trainable ones: a file whose network cannot be trained (step) is refused (see below)
ELEMENTWISE = [n for n, a in ACTIVATIONS.items() if a.elementwise and a.differentiable]
finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def projects(draw):
    depth = draw(st.integers(1, 4))
    sizes = [draw(st.integers(1, 5)) for _ in range(depth + 1)]
    acts = [draw(st.sampled_from(ELEMENTWISE)) for _ in range(depth)]
    bias = [draw(st.booleans()) for _ in range(depth)]
    net = Network(sizes, acts, bias, draw(st.sampled_from(NOTATIONS)))
    params = np.array(draw(st.lists(finite, min_size=net.params.size, max_size=net.params.size)))
    net.set_params(params)
    frozen = draw(st.lists(st.sampled_from(list(net.param_list())), max_size=4))
    if frozen:
        net.freeze(frozen)
    n = draw(st.integers(1, 6))
    X = np.array(draw(st.lists(st.lists(finite, min_size=sizes[0], max_size=sizes[0]),
                               min_size=n, max_size=n)))
    Y = np.array(draw(st.lists(st.lists(finite, min_size=sizes[-1], max_size=sizes[-1]),
                               min_size=n, max_size=n)))
    training = {"loss": "mse", "reduction": draw(st.sampled_from(["mean", "sum"])),
                "lr": draw(st.floats(1e-6, 10)), "batch": draw(st.sampled_from(["full", "sample", 2])),
                "optimizer": draw(st.sampled_from(["sgd", "momentum", "adam"])),
                "shuffle": draw(st.booleans()), "max_epochs": None, "loss_threshold": None,
                "speed": draw(st.sampled_from([None, 1, 100, 2.5])),
                "l1": draw(st.sampled_from([0.0, 1e-4, 2.5])), "l2": draw(st.sampled_from([0.0, 0.01]))}
    return Project(net, X, Y, training, name=draw(st.text(max_size=20)),
                   initial_params=net.params.copy() * 0.5,
                   state={"epoch": draw(st.integers(2, 10**6)), "steps": 3},  # (past its history)
                   history={"epochs": [0, 1, 2], "losses": [0.5, 0.25, 0.125], "stride": 1},
                   translations=draw(st.sampled_from([None, {"cs": {"name": "Síť"}},
                                                     {"cs": {"name": "a", "description": "<b>b</b>"},
                                                      "de": {"description": "c"}}])))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_save_open_round_trip_is_exact(p):
    q = loads(json.dumps(to_dict(p), allow_nan=False))
    assert q.net.sizes == p.net.sizes and q.net.activations == p.net.activations
    assert q.net.use_bias == p.net.use_bias and q.net.notation == p.net.notation
    assert np.array_equal(q.net.params, p.net.params)
    assert np.array_equal(q.net.frozen, p.net.frozen)
    assert np.array_equal(q.X, p.X) and np.array_equal(q.Y, p.Y)
    assert np.array_equal(q.initial_params, p.initial_params)
    assert q.training == p.training and q.name == (p.name or "Untitled")
    assert q.state == p.state and q.history == p.history


def valid_text():
    net = initialise(Network([2, 3, 1], "sigmoid"), "xavier", seed=0)
    return json.dumps(to_dict(Project(net, XOR_X, XOR_Y)))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_loader_refuses_random_bytes_with_its_own_error(data):
    with pytest.raises(ProjectError):
        loads(data)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10_000))
def test_loader_refuses_truncated_files(cut):
    text = valid_text()
    cut = cut % len(text)
    with pytest.raises(ProjectError):
        loads(text[:cut])


json_values = st.recursive(st.none() | st.booleans() | st.integers(-10**12, 10**12) |
                           st.floats(allow_nan=False) | st.text(max_size=5),
                           lambda inner: st.lists(inner, max_size=3) |
                           st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_loader_meets_mutated_files_with_a_project_or_its_own_error(data):
    d = json.loads(valid_text())
    path = [data.draw(st.sampled_from(sorted(d)))]
    node = d[path[0]]
    while isinstance(node, dict) and node and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(node)))
        path.append(key)
        node = node[key]
    target = d
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(json_values)
    try:
        p = from_dict(d)
    except ProjectError:
        return
    assert np.isfinite(p.net.params).all()


def trained_text() -> str:
    """A project as the window saves it after training: state, loss history, test curve
    and weight snapshots with their resume states (Adam, mini-batches, shuffled)."""
    from core.project import snapshots_dict
    from core.session import Session

    net = initialise(Network([2, 3, 1], ["tanh", "sigmoid"]), "xavier", seed=0)
    p = Project(net, XOR_X, XOR_Y, X_test=XOR_X, Y_test=XOR_Y,
                training={"loss": "bce", "batch": 2, "shuffle": True, "optimizer": "adam"})
    p.training = from_dict(to_dict(p)).training
    s = Session(p.net, p.X, p.Y, p.training, 0, p.X_test, p.Y_test)
    s.train_epochs(25, None, snapshots=5)
    s.step("sample")
    capture(p, s.trainer)
    t, w, r = s.test_history, s.weight_history, s.resume_history
    p.snapshots = snapshots_dict(t.epochs, t.values, w.epochs, w.values, r.epochs, r.values)
    return json.dumps(to_dict(p))


TRAINED = trained_text()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_mutated_file_that_opens_trains_on_and_saves_again(data):
    """A file whose loss history went past its state's epoch opened, and once trained on
    could never be saved ("history.epochs[201] must be larger than the one before"): the
    user's work was stuck in the window. Any file that opens must train on and save."""
    from core.project import snapshots_dict
    from core.session import Session

    d = json.loads(TRAINED)
    node, path = d, []
    while isinstance(node, dict | list) and node and (not path or data.draw(st.booleans())):
        key = data.draw(st.sampled_from(sorted(node)) if isinstance(node, dict)
                        else st.integers(0, len(node) - 1))
        path.append(key)
        node = node[key]
    target = d
    for key in path[:-1]:
        target = target[key]
    old = target[path[-1]]
    target[path[-1]] = data.draw(st.integers(-2, 40) if isinstance(old, int) and not
                                 isinstance(old, bool) else json_values)
    try:
        p = from_dict(json.loads(json.dumps(d)))
    except ProjectError:
        return
    s = Session(p.net, p.X, p.Y, p.training, p.init.get("seed", 0), p.X_test, p.Y_test)
    resume(p, s.trainer)
    s.restore_snapshots(p.snapshots)
    s.snapshot()
    s.train_epochs(2, None, snapshots=2)
    s.step("sample")
    capture(p, s.trainer)
    t, w, r = s.test_history, s.weight_history, s.resume_history
    p.snapshots = snapshots_dict(t.epochs, t.values, w.epochs, w.values, r.epochs, r.values)
    loads(dumps(p))


def test_a_history_or_snapshot_past_the_state_is_refused_and_a_remeasured_epoch_counts_once():
    d = json.loads(TRAINED)
    epoch = d["state"]["epoch"]
    for key, path in (("history.epochs", ("history", "epochs")),
                      ("snapshots.weights.epochs", ("snapshots", "weights", "epochs")),
                      ("snapshots.test.epochs", ("snapshots", "test", "epochs"))):
        e = json.loads(TRAINED)
        part = e
        for k in path:
            part = part[k]
        part[-1] = epoch + 1
        with pytest.raises(ProjectError, match=re.escape(f"{key} reaches epoch {epoch + 1}, past the "
                                                         f"epoch training reached (state.epoch: {epoch})")):
            from_dict(e)
    e = json.loads(TRAINED)
    del e["state"]
    with pytest.raises(ProjectError, match=r"history.epochs reaches epoch \d+, past .*state.epoch: 0"):
        from_dict(e)
    e = json.loads(TRAINED)  # the state's own epoch measured, then the file says position 0
    e["state"]["position"] = 0
    e["history"]["epochs"][-1] = epoch
    p = from_dict(e)
    t = make_trainer(p)
    resume(p, t)
    t.run(max_epochs=2)
    assert t.history.epochs[-3:] == [epoch - 1, epoch, epoch + 1]  # epoch measured once, anew
    capture(p, t)
    assert loads(dumps(p)).history["epochs"][-3:] == [epoch - 1, epoch, epoch + 1]


def test_newer_schema_wrong_types_and_bad_values_are_named():
    d = json.loads(valid_text())
    for change, message in [
        (dict(schema_version=3), "newer Backprop Studio"),
        (dict(network="x"), "network must be an object"),
        (dict(training={"lr": -1}), "training.lr must be a positive number"),
        (dict(training={"loss": "hinge"}), "training.loss must be one of"),
        (dict(data={"X": [[0, "a"]], "Y": [[1]]}), r"data.X\[0\]\[1\] must be a finite number"),
        (dict(data={"X": [[0, 1]], "Y": [[1], [0]]}), "1 inputs but 2 targets"),
        # data that parses but that the loss cannot take: refused here, not when training
        (dict(data={"X": [[0, 1], [1, 0]], "Y": [[1], [2]]}, training={"loss": "bce"}),
         r"data.Y: binary cross-entropy targets must lie in \[0, 1\]"),
        (dict(data={"X": [[0, 1]], "Y": [[1]], "X_test": [[1, 1]], "Y_test": [[-1]]},
              training={"loss": "bce"}), "data.Y_test: binary cross-entropy"),
        (dict(training={"loss": "cce"}), "the cce loss needs a softmax output layer"),
    ]:
        with pytest.raises(ProjectError, match=message):
            from_dict({**d, **change})
    step = to_dict(Project(Network([2, 1], "step"), XOR_X, XOR_Y))  # evaluates, cannot train
    with pytest.raises(ProjectError, match="network: layer 1 .* step activation"):
        from_dict(step)
    bad = json.loads(valid_text())
    bad["network"]["params"][3] = "nan"
    with pytest.raises(ProjectError, match="network.params"):
        from_dict(bad)


def test_save_is_atomic_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    p = from_dict(json.loads(valid_text()))
    save(p, path)
    before = path.read_bytes()
    p.net.params[...] = 0.5

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ProjectError, match="No space left"):
        save(p, path)
    assert path.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir()] == ["p.json"]  # no temporary file left


def test_a_save_interrupted_at_random_points_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    p = from_dict(json.loads(valid_text()))
    save(p, path)
    before = path.read_bytes()
    real_replace = os.replace
    def fail(*a, **k):
        raise OSError(5, "I/O error")

    for fail_at in ("write", "replace"):
        if fail_at == "replace":
            monkeypatch.setattr(os, "replace", fail)
        else:
            monkeypatch.setattr(json, "dumps", lambda *a, **k: "{" + "x" * 100)  # a short write
            monkeypatch.setattr(os, "fsync", fail)
        p.net.params[...] = 1.0
        with pytest.raises(ProjectError):
            save(p, path)
        monkeypatch.undo()
        assert path.read_bytes() == before
        assert [f.name for f in tmp_path.iterdir()] == ["p.json"]
    assert os.replace is real_replace


def test_training_resumes_where_the_saved_project_stopped(tmp_path):
    text = json.loads(valid_text())
    straight = from_dict(text)
    t = make_trainer(straight)
    t.run(max_epochs=400)
    first = from_dict(text)
    t1 = make_trainer(first)
    t1.run(max_epochs=200)
    capture(first, t1)
    save(first, tmp_path / "half.json")
    second = load(tmp_path / "half.json")
    t2 = make_trainer(second)
    resume(second, t2)
    t2.run(max_epochs=200)
    assert np.array_equal(second.net.params, straight.net.params)
    assert t2.epoch == 400 and t2.history.losses == t.history.losses


# --- CSV ---------------------------------------------------------------------------------

def test_csv_reads_numbers_class_names_and_one_hot():
    t = parse_csv("x1,x2,y\n0,0,0\n0,1,1\n\n1,0,1\n1,1,0\n")
    assert t.X.tolist() == XOR_X.tolist() and t.Y.tolist() == XOR_Y.tolist()
    t = parse_csv("x1,y\n0.5,cat\n1.5,dog\n2.5,emu\n")
    assert t.classes == ["cat", "dog", "emu"] and t.Y.tolist() == np.eye(3).tolist()
    t = parse_csv("x1,y\n0,0\n1,2\n2,1\n")
    assert t.Y.shape == (3, 3)
    t = parse_csv("x1,x2,y1,y2\n1,2,0,1\n3,4,1,0\n")
    assert t.Y.tolist() == [[0, 1], [1, 0]]
    t = parse_csv("x1,y\n1,0.25\n2,-3\n")
    assert t.Y.ravel().tolist() == [0.25, -3.0]


def test_csv_separated_by_semicolons_or_tabs_reads_decimal_commas(tmp_path):
    """A spreadsheet saving CSV where the comma is the decimal mark (Czech) separates the
    cells with semicolons; tab-separated text is read too. Both readers, fast and exact."""
    cases = {"x1;x2;y\n0,5;-1,25;0\n1;2e-1;1\n": ([[0.5, -1.25], [1, 0.2]], [0, 1]),
             "x1;x2;y\n0,5;1;ano\n1,5;2;ne\n\n2,5;3;ano\n": ([[0.5, 1], [1.5, 2], [2.5, 3]], [0, 1, 0]),
             '"x1";"x2";"y"\n"0,5";"1";"a,b"\n"1";"2";"c"\n': ([[0.5, 1], [1, 2]], [0, 1]),
             "x1\tx2\ty\n0.5\t1\t0\n1,5\t2\t1\n": ([[0.5, 1], [1.5, 2]], [0, 1])}
    for k, (text, (X, y)) in enumerate(cases.items()):
        (tmp_path / f"{k}.csv").write_text(text, encoding="utf-8")
        for t in (parse_csv(text), read_csv(tmp_path / f"{k}.csv")):
            assert t.X.tolist() == X and t.Y.ravel().tolist() == y
    assert parse_csv('x1;y\n0;"a,b"\n1;c\n').classes == ["a,b", "c"]
    with pytest.raises(DataError, match="line 3, column 2 \\(x2\\): '1,5x' is not a number"):
        parse_csv("x1;x2;y\n0;1;0\n1;1,5x;1\n")
    with pytest.raises(DataError, match="line 2: expected 3 columns \\('x1;x2;y'\\), found 2"):
        parse_csv("x1;x2;y\n0,5;1\n")
    with pytest.raises(DataError, match="is not a number"):  # comma-separated: points only
        parse_csv('x1,x2,y\n"0,5",1,0\n')


@pytest.mark.parametrize("text,message", [
    ("", "line 1: the file is empty"),
    ("a,b,c\n1,2,3\n", "line 1: the header must name"),
    ("x1,x2,y\n1,2\n", "line 2: expected 3 columns"),
    ("x1,x2,y\n1,2,0\n1,abc,0\n", "line 3, column 2 \\(x2\\): 'abc' is not a number"),
    ("x1,x2,y\n1,2,0\n\n1,NaN,0\n", "line 4, column 2 \\(x2\\): 'NaN' is not allowed"),
    ("x1,x2,y\n", "line 2: no samples"),
    ("x1,x2,y1,y2\n1,2,3,inf\n", "line 2, column 4 \\(y2\\)"),
])
def test_malformed_csv_names_line_and_column(text, message):
    with pytest.raises(DataError, match=message):
        parse_csv(text)


@pytest.mark.parametrize("text,message", [
    ("x1,y\n0,0\n1,1\n2,nan\n3,1\n", "line 4, column 2 (y): 'nan' is not allowed"),
    ("x1,y\n0,cat\n1,dog\n2,inf\n", "line 4, column 2 (y): 'inf' is not allowed"),
    ("x1,y\n0,0\n1,\"1\n2,0\n3,1\n", "line 3: a quote opened on this line is never closed"),
    ("x1,x2,\"y\n0.1,0.2,a\n0.3,0.4,b\n", "line 1: a quote opened on this line is never closed"),
    ("x1,\"x2\"z,y\n1,2,0\n", "line 1: ',' expected after '\"'"),
    ("x1,x2,y\n1," + "9" * 5000 + "z,0\n", "line 2, column 2 (x2): '99999"),
])
def test_csv_typos_are_named_where_they_are(text, message):
    with pytest.raises(DataError) as e:
        parse_csv(text)
    assert message in str(e.value)
    assert len(str(e.value)) < 120  # a cell is quoted to about 40 characters, not 5000


@pytest.mark.parametrize("ending", ["\r", "\r\n", "mixed"])
def test_csv_lines_may_end_in_cr_crlf_or_both(tmp_path, ending):
    lines = ["x1,x2,y", "1,2,cat", "3,4,dog", "5,6,cat"]
    text = "\n".join(lines[:2]) + "\r" + "\r\n".join(lines[2:]) if ending == "mixed" \
        else ending.join(lines) + ending
    (tmp_path / "d.csv").write_bytes(text.encode())
    for t in (parse_csv(text), read_csv(tmp_path / "d.csv")):
        assert t.X.tolist() == [[1, 2], [3, 4], [5, 6]] and t.Y.ravel().tolist() == [0, 1, 0]
        assert t.classes == ["cat", "dog"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.sampled_from(
    ['"', ",", "\n", "\r", "\r\n", "nan", "x1", "y", " ", "\ufeff", "1e999", "é", "\"\""])),
    min_size=1, max_size=4))
def test_csv_reader_meets_a_damaged_file_with_its_own_error(edits):
    text = "x1,x2,y\n0.5,0.25,a\n1.5,2,b\n-1,0,a\n"
    for at, piece in edits:
        text = text[:at] + piece + text[at:]
    try:
        t = parse_csv(text)
    except DataError as e:
        assert "\n" not in str(e)
        return
    assert np.isfinite(t.X).all() and np.isfinite(t.Y).all() and len(t.X) == len(t.Y)


def test_fast_and_exact_csv_readers_agree(tmp_path):
    rng = np.random.default_rng(1)
    X = rng.normal(size=(3000, 3))
    for y in (rng.integers(0, 2, 3000)[:, None].astype(float), rng.normal(size=(3000, 1)),
              np.eye(4)[rng.integers(0, 4, 3000)]):
        text = to_csv(X, y)
        path = tmp_path / "d.csv"
        path.write_text(text)
        fast = read_csv(path)
        exact = csvio._exact(text, *csvio._header(text)[:3])
        assert np.array_equal(fast.X, exact.X) and np.array_equal(fast.Y, exact.Y)
        assert np.array_equal(fast.X, X) and fast.classes == exact.classes


def test_big_garbage_file_is_refused_quickly(tmp_path):
    path = tmp_path / "garbage.csv"
    rng = np.random.default_rng(0)
    path.write_bytes(rng.integers(0, 256, 50 * 2**20, dtype=np.uint8).tobytes())
    with pytest.raises(DataError, match="line 1"):
        read_csv(path)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_csv_reader_meets_random_text_with_its_own_error(text):
    try:
        t = parse_csv(text)
    except DataError:
        return
    assert np.isfinite(t.X).all() and np.isfinite(t.Y).all()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(finite, min_size=3, max_size=3), min_size=1, max_size=20), st.integers(0, 999),
       st.booleans())
def test_csv_round_trip_is_exact_and_truncation_is_safe(rows, cut, spreadsheet):
    """Either form: commas and points, or a spreadsheet's semicolons and decimal commas."""
    a = np.array(rows)
    X, Y = a[:, :2], a[:, 2:]
    text = to_csv(X, Y, spreadsheet)
    assert (";" in text.splitlines()[0]) == spreadsheet and not (spreadsheet and "." in text)
    t = parse_csv(text)
    assert np.array_equal(t.X, X)
    if t.classes:  # whole numbers 0..k-1 (k > 2) read as classes: one-hot, exactly those
        assert np.array_equal(np.array([float(c) for c in t.classes])[t.Y.argmax(1)], Y[:, 0])
    else:
        assert np.array_equal(t.Y, Y)
    try:
        parse_csv(text[: cut % len(text)])
    except DataError:
        pass


# --- exported scripts -----------------------------------------------------------------------

def run_script(src):
    r = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return np.array([[float(v) for v in line.split()] for line in r.stdout.splitlines() if line])


@pytest.mark.parametrize("acts", [["tanh", "sigmoid"], ["relu", "softmax"], ["elu", "linear"],
                                  ["selu", "softplus"]])
def test_numpy_script_prints_the_apps_outputs(acts):
    net = initialise(Network([2, 4, 3], acts, bias=[True, False]), "xavier", seed=3, bias=0.1)
    X = np.random.default_rng(1).normal(size=(6, 2))
    assert np.array_equal(run_script(numpy_script(net, X)), net.predict(X))


def test_torch_script_prints_the_apps_outputs():
    pytest.importorskip("torch", reason="PyTorch is a benchmark extra; not installed here")
    net = initialise(Network([2, 4, 3], ["tanh", "softmax"]), "xavier", seed=3, bias=0.1)
    X = np.random.default_rng(1).normal(size=(6, 2))
    assert np.abs(run_script(torch_script(net, X)) - net.predict(X)).max() < 1e-12


def test_both_scripts_compute_the_features_from_the_data():
    """A network fed x1, x1^2, x1*x2, sin(x2), cos(x1): the scripts get the raw data and
    compute the features themselves, and print what the app's forward pass gives."""
    from core.features import Features

    f = Features.from_names(2, ["x1", "x1^2", "x1*x2", "sin(x2)", "cos(x1)"])
    net = initialise(Network([5, 3, 1], ["tanh", "sigmoid"]), "xavier", seed=2, bias=0.1)
    P = np.random.default_rng(4).normal(size=(7, 2))
    want = net.predict(f(P))
    src = numpy_script(net, P, "features", f)
    assert "np.sin(P[:, 1])" in src and "P[:, 0] * P[:, 1]" in src
    assert np.allclose(run_script(src), want, rtol=0, atol=1e-15)
    pytest.importorskip("torch", reason="PyTorch is a benchmark extra; not installed here")
    assert np.abs(run_script(torch_script(net, P, "features", f)) - want).max() < 1e-12


def test_features_are_saved_with_the_network_and_checked(tmp_path):
    from core.project import dumps, from_dict, project_features

    d = json.loads(valid_text())
    d["network"]["sizes"][0] = 3
    d["network"]["params"] = None
    d["network"]["features"] = ["x1", "x2", "x1 * x2"]
    p = from_dict(d)
    assert p.features == ("x1", "x2", "x1*x2")  # canonical
    assert json.loads(dumps(p))["network"]["features"] == ["x1", "x2", "x1*x2"]
    assert project_features(p)(p.X).shape == (len(p.X), 3)
    for names, words in ((["x1", "sin(x3)"], "feature sin(x3) needs input x3"),
                         (["x1", "x2"], "lists 2 inputs but network.sizes[0] is 3"),
                         (["x1", "x1", "x2"], "listed twice"),
                         (["x1", "x2", "__import__('os')"], "unknown feature"),
                         (["x1", "x2", 5], "short name"), ("x1", "must list")):
        d["network"]["features"] = names
        with pytest.raises(ProjectError, match=re.escape(words)):
            from_dict(d)


def test_weights_csv_lists_every_parameter():
    net = initialise(Network([2, 2, 1], "sigmoid"), "xavier", seed=0)
    lines = weights_csv(net).splitlines()
    assert lines[0] == "label,layer,source,target,value,frozen" and len(lines) == 10
    assert lines[1].startswith("w1,1,1,1,") and lines[3].startswith("w3,1,2,1,")


def test_line_through_two_points_keeps_steepness_and_side():
    from core.edit import line_through

    w, b = line_through(np.array([3.0, 4.0]), (0.0, 1.0), (1.0, 1.0))  # the line y = 1
    assert np.allclose(w, [0.0, 5.0]) and b == pytest.approx(-5.0)  # |w| = 5, +side above
    w, b = line_through(np.array([0.0, -2.0]), (0.0, 1.0), (1.0, 1.0))
    assert np.allclose(w, [0.0, -2.0]) and b == pytest.approx(2.0)
    assert line_through(np.array([1.0, 0.0]), (1.0, 1.0), (1.0, 1.0)) is None


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_training_resumes_exactly_from_a_saved_project_mid_epoch(optimizer):
    """Saved after 2.5 epochs of shuffled per-sample steps, reopened and stepped on,
    the net equals the one that never stopped: position, order, generator and the
    optimiser's averages all come back."""
    from core.datasets import xor
    from core.project import capture, make_trainer, resume

    X, Y = xor(8, seed=1)
    net = initialise(Network([2, 3, 1], ["tanh", "sigmoid"]), "xavier", seed=0)
    training = {"loss": "bce", "reduction": "mean", "lr": 0.3, "batch": "sample",
                "optimizer": optimizer, "shuffle": True, "max_epochs": None,
                "loss_threshold": None}
    p = Project(net, X, Y, training, init={"seed": 5})
    t = make_trainer(p)
    for _ in range(20):
        t.step_sample()
    assert t.position == 4
    capture(p, t)
    q = loads(json.dumps(to_dict(p), allow_nan=False))
    t2 = make_trainer(q)
    resume(q, t2)
    for _ in range(13):
        t.step_sample()
        t2.step_sample()
    assert (t2.epoch, t2.steps, t2.position) == (t.epoch, t.steps, t.position)
    assert np.array_equal(t2.net.params, t.net.params)


@pytest.mark.parametrize("state,problem", [
    ({"epoch": 1, "steps": 1, "position": 4}, "state.position"),
    ({"epoch": 1, "steps": 1, "order": [0, 1, 1, 3]}, "state.order"),
    ({"epoch": 1, "steps": 1, "rng": {"bit_generator": "PCG64", "state": "x"}}, "state.rng"),
    ({"epoch": 1, "steps": 1, "optimizer": [[0.0] * 3]}, "state.optimizer"),
])
def test_loader_refuses_training_state_that_does_not_fit(state, problem):
    d = json.loads(valid_text())
    d["state"] = state
    with pytest.raises(ProjectError, match=problem):
        loads(json.dumps(d))


def test_a_project_carries_its_name_and_description_in_other_languages():
    """``translations``: a lesson's texts in Czech (and any two-letter language); the
    interface picks its language's, else the project's own; every field checked."""
    from core.localise import localised, with_texts

    p = Project(Network([2, 1], "sigmoid"), XOR_X, XOR_Y, name="XOR", description="Learn XOR.")
    q = with_texts(p, "cs", "XOR česky", "Naučte se XOR.")
    assert (q.name, q.description) == ("XOR", "Learn XOR.")  # the English texts stay
    back = from_dict(json.loads(json.dumps(to_dict(q))))
    assert localised(back, "cs") == ("XOR česky", "Naučte se XOR.")
    assert localised(back, "en") == localised(back, "de") == ("XOR", "Learn XOR.")
    assert localised(with_texts(back, "en", "X", "Y"), "en") == ("X", "Y")
    d = to_dict(p)
    for bad, said in (([1], "translations must be an object"),
                      ({"CZ": {}}, "translations: 'CZ' is not a two-letter language code such as cs"),
                      ({"cs": "x"}, "translations.cs must be an object"),
                      ({"cs": {"title": "x"}}, "unknown field translations.cs.title"),
                      ({"cs": {"name": 3}}, "translations.cs.name must be text"),
                      ({"cs": {"name": "x" * 201}}, "translations.cs.name is longer than 200"),
                      ({chr(97 + i // 26) + chr(97 + i % 26): {} for i in range(21)},
                       "translations lists more than 20 languages")):
        with pytest.raises(ProjectError, match=re.escape(said)):
            from_dict({**d, "translations": bad})


def test_a_lessons_challenges_carry_their_title_and_solution_in_other_languages():
    """``translations.cs.challenges``: the lesson's challenge at the same index, in Czech;
    the check is the lesson's own. Saving from the lesson editor in Czech writes the typed
    texts as the Czech ones and keeps the English for a challenge kept with its check; an
    English edit drops the Czech of the challenge it changed."""
    from core.localise import localised_challenges, with_challenges

    lesson = {"challenges": [{"title": "Beat 0.1", "check": "loss < 0.1", "solution": "Train."},
                             {"title": "Small", "check": "hidden_neurons <= 2", "solution": ""}]}
    p = Project(Network([2, 2, 1], "sigmoid"), XOR_X, XOR_Y, name="XOR", lesson=lesson,
                translations={"cs": {"name": "XOR", "challenges": [{"title": "Pod 0,1"}]}})
    back = from_dict(json.loads(json.dumps(to_dict(p))))
    cs = localised_challenges(back, "cs")
    assert [c["title"] for c in cs] == ["Pod 0,1", "Small"]  # untranslated: the English
    assert cs[0]["solution"] == "Train." and cs[0]["check"] == "loss < 0.1"
    assert localised_challenges(back, "en") == lesson["challenges"]
    # the editor in Czech: the first kept (its title edited), the second's check changed, a new third
    rows = [{"title": "Pod 0,1!", "check": "loss < 0.1", "solution": "Trénujte."},
            {"title": "Malá", "check": "hidden_neurons <= 3", "solution": ""},
            {"title": "Nová", "check": "epoch <= 9", "solution": "x"}]
    q = with_challenges(back, "cs", {"challenges": rows})
    assert [c["title"] for c in q.lesson["challenges"]] == ["Beat 0.1", "Malá", "Nová"]
    assert q.lesson["challenges"][0]["solution"] == "Train."
    assert [c["title"] for c in localised_challenges(q, "cs")] == ["Pod 0,1!", "Malá", "Nová"]
    assert q.translations["cs"]["name"] == "XOR"  # the other Czech texts stay
    # the editor in English: the first challenge rewritten, its Czech goes
    r = with_challenges(q, "en", {"challenges": [{**q.lesson["challenges"][0], "title": "Beat 0.05"},
                                                  q.lesson["challenges"][1]]})
    assert [c["title"] for c in localised_challenges(r, "cs")] == ["Beat 0.05", "Malá"]
    assert with_challenges(r, "en", {}).translations == {"cs": {"name": "XOR"}}
    d = to_dict(p)
    for bad, said in (({"cs": {"challenges": {}}}, "translations.cs.challenges must be a list of at most 50"),
                      ({"cs": {"challenges": [3]}}, "translations.cs.challenges[0] must be an object"),
                      ({"cs": {"challenges": [{"check": "loss < 1"}]}},
                       "unknown field translations.cs.challenges[0].check"),
                      ({"cs": {"challenges": [{"title": ["x"]}]}},
                       "translations.cs.challenges[0].title must be text"),
                      ({"cs": {"challenges": [{}, {}, {}]}},
                       "translations.cs.challenges lists 3 challenges; the lesson has 2")):
        with pytest.raises(ProjectError, match=re.escape(said)):
            from_dict({**d, "translations": bad})


def test_the_nearest_sample_weighs_every_input_in_its_own_spread():
    """core.datasets.nearest: x2 in thousands does not drown x1 (a probe's regression
    target comes from this sample)."""
    from core.datasets import nearest

    X = np.array([[0.0, 0.0], [1.0, 1000.0]])  # spreads 0.5 and 500
    # unscaled, row 1 is nearer (300 against 700 away in x2); in spreads, row 0 is
    # (0.4² + 1.4² = 2.12 against 1.6² + 0.6² = 2.92)
    assert nearest(X, [0.2, 700.0]) == 0
    assert nearest(np.array([[1.0, 5.0], [1.0, 7.0]]), [1.0, 6.9]) == 1  # a constant input
