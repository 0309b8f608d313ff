"""Crafted and damaged files, and bad arguments: a file never runs code, never crashes the
process, and is refused with one line naming the field; every public argument is checked."""

import json
import math
import os
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core import Diverged, Network, Trainer, initialise
from core.derivation import derive, to_latex, to_markdown
from core.export import numpy_script, torch_script
from core.project import Project, ProjectError, dumps, from_dict, load, loads, save, to_dict
from tests.core.lessons import XOR_X, XOR_Y

ROOT = Path(__file__).resolve().parent.parent.parent
HOSTILE_NAMES = [
    '"""; import os; os.system("echo PWNED")#',
    "x'''; __import__('os').system('echo PWNED') #",
    "C:\\Users\\me\\xor",
    'x"""',
    "a\nb\r\nc\\",
    "\\input{/etc/passwd}\n\\write18{echo PWNED}",
    "}{$&#^_%~ <script>alert(1)</script> *x* [y](z) `q` | ~~s~~ \u202e",
]


def small_project(name="p") -> Project:
    net = initialise(Network([2, 2, 1], "sigmoid"), "xavier", seed=0)
    return Project(net, XOR_X, XOR_Y, name=name)


# --- exports ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("kind", ["numpy", "torch"])
def test_exported_scripts_never_run_a_name(name, kind, tmp_path):
    net = initialise(Network([2, 2, 1], "sigmoid"), "xavier", seed=0)
    src = (numpy_script if kind == "numpy" else torch_script)(net, XOR_X, name)
    compile(src, "exported.py", "exec")  # no SyntaxError, whatever the name
    tree_docstring = __import__("ast").get_docstring(__import__("ast").parse(src))
    assert tree_docstring.startswith(name)  # the name is text in the docstring, whole
    if kind == "numpy":  # run it: it prints the outputs and nothing else
        r = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True,
                           timeout=60, cwd=tmp_path)
        assert r.returncode == 0 and "PWNED" not in r.stdout + r.stderr
        assert len(r.stdout.split("\n")) == len(XOR_X) + 1


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_markdown_and_latex_handouts_escape_the_name(name):
    net = Network([2, 2, 1], "linear", bias=False)
    dv = derive(net, [2, 3], [1], "half_sse", 0.05)
    md = to_markdown(dv, name)
    head, rest = md.split("\n", 1)
    assert head.startswith("# ") and "<" not in head and "\u202e" not in head
    assert rest.startswith("\n")  # the name stayed on its line
    for ch in "*_`[]|~":
        assert all(head[k - 1] == "\\" for k, c in enumerate(head) if c == ch and k > 1)
    tex = to_latex(dv, name)
    first, second = tex.split("\n")[:2]
    assert first.startswith("% ") and second.startswith("\\section*{") and second.endswith("}")
    body = second[len("\\section*{"):-1]
    # no command, group, comment or math can start inside the title
    for cmd in ("\\input", "\\write18", "\\section", "$", "%"):
        assert cmd not in body.replace("\\textbackslash{}", "").replace("\\$", "").replace("\\%", "")
    opened = body.replace("\\{", "").replace("\\}", "").replace("{}", "")
    assert "{" not in opened and "}" not in opened


def test_command_line_trace_export_escapes_a_hostile_project_name(tmp_path):
    p = small_project(HOSTILE_NAMES[5])
    save(p, tmp_path / "p.json")
    for kind in ("md", "tex"):
        out = tmp_path / f"step.{kind}"
        r = subprocess.run([sys.executable, "main.py", str(tmp_path / "p.json"), "--export-trace",
                            str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        text = out.read_text()
        if kind == "tex":
            assert "\\input{" not in text and "\\write18{" not in text
        else:
            assert text.split("\n")[1] == ""  # the name stayed on the title's line


# --- damaged projects --------------------------------------------------------------------------

def base() -> dict:
    p = small_project()
    d = to_dict(p)
    d["state"] = {"epoch": 3, "steps": 3, "position": 0}
    d["history"] = {"epochs": [0, 1, 2], "losses": [0.7, 0.69, 0.68], "stride": 1}
    d["training"]["optimizer"] = "adam"
    d["state"]["optimizer"] = [[0.0] * 9, [0.0] * 9, 3]
    return d


def change(d, path, value):
    node = d
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return d


@pytest.mark.parametrize("path,value,field", [
    (("history", "losses", 1), 10**400, "history.losses[1]"),
    (("history", "epochs", 1), 10**400, "history.epochs[1]"),
    (("state", "optimizer", 2), 10**400, "step count"),
    (("history", "stride"), 0, "history.stride"),
    (("history", "stride"), 1.5, "history.stride"),
    (("network", "bias"), ["false", True], "network.bias[0]"),
    (("network", "bias"), ["abc", True], "network.bias[0]"),
    (("network", "bias"), [None, True], "network.bias[0]"),
    (("network", "bias"), "false", "network.bias"),
    (("schema_version",), True, "schema_version"),
    (("schema_version",), 1.0, "schema_version"),
    (("network", "sizes", 1), 2.5, "network.sizes[1]"),
    (("network", "sizes", 1), True, "network.sizes[1]"),
    (("network", "params", 0), True, "network.params[0]"),
    (("network", "params", 0), 10**400, "network.params[0]"),
    (("data", "X", 0, 0), False, "data.X[0][0]"),
    (("data", "X", 0, 0), 10**400, "data.X[0][0]"),
    (("training", "shuffle"), "no", "training.shuffle"),
    (("training", "lr"), 10**400, "training.lr"),
    (("training", "max_epochs"), 1.5, "training.max_epochs"),
    (("state", "epoch"), -1, "state.epoch"),
    (("state", "epoch"), 10**400, "state.epoch"),
    (("state", "position"), 4, "state.position"),
    (("init", "seed"), -3, "init.seed"),
    (("network", "frozen"), [0, 99], "network.frozen[1]"),
    (("surprise",), 1, "unknown field project.surprise"),
    (("network", "colour"), "red", "unknown field network.colour"),
    (("training", "momentum"), 0.9, "unknown field training.momentum"),
    (("view",), "AAAA", "unknown field project.view"),
    (("name",), "x" * 1000, "name is longer"),
    (("show",), 3, "show must be text"),
    (("training", "l1"), -0.1, "training.l1 must be from 0"),
    (("training", "l2"), 11, "training.l2 must be from 0"),
    (("training", "l1"), "0.1", "training.l1 must be a number"),
    (("map_range",), [0, 1, 2], "map_range must list 4 numbers"),
    (("map_range",), "0 1 0 1", "map_range must list 4 numbers"),
    (("map_range",), [1, 0, 0, 1], "the x1 range must run from a smaller to a larger"),
    (("map_range",), [0, 1, 2, 2], "the x2 range must run from a smaller to a larger"),
    (("map_range",), [0, 1, 0, 10**400], "map_range[3]"),
    (("map_range",), [0, 1, 0, "1"], "map_range[3] must be a number"),
    (("map_range",), [0, 1, True, 1], "map_range[2] must be a number"),
    (("map_range",), [-1e7, 1, 0, 1], "map_range[0] must be from"),
])
def test_a_damaged_field_is_named(path, value, field):
    d = change(base(), path, value)
    with pytest.raises(ProjectError) as e:
        from_dict(d)
    assert field in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(ProjectError) as e:  # the same from the file's text
        loads(json.dumps(d))
    assert field in str(e.value)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_refused_anywhere_even_in_unknown_places(constant):
    text = json.dumps(base())
    bad = text.replace('"name": "p"', f'"name": "p", "extra": {constant}')
    with pytest.raises(ProjectError, match="not a number a project may hold"):
        loads(bad)


def test_a_schema_1_file_opens_and_its_window_layout_is_never_read():
    d = base()
    d["schema_version"] = 1
    d["view"] = "AAAA////"  # what the first version wrote: Qt's saveState bytes, base64
    p = from_dict(d)
    assert not hasattr(p, "view")
    assert "view" not in json.loads(dumps(p))  # and never written again


def test_the_map_range_is_saved_and_read_back_exactly(tmp_path):
    p = from_dict(change(base(), ("map_range",), [-3.5, 4.25, -1e-3, 2.0]))
    assert p.map_range == (-3.5, 4.25, -1e-3, 2.0)
    save(p, tmp_path / "range.json")
    assert loads((tmp_path / "range.json").read_text()).map_range == (-3.5, 4.25, -1e-3, 2.0)
    assert "map_range" not in json.loads(dumps(from_dict(base())))  # none: the data's range


def three_inputs() -> dict:
    """A project over data of 3 inputs (a 3-2-1 net), for the map's slice."""
    rng = np.random.default_rng(0)
    net = initialise(Network([3, 2, 1], "sigmoid"), "xavier", seed=0)
    X = rng.normal(size=(20, 3))
    return to_dict(Project(net, X, (X[:, :1] > 0).astype(float), name="p"))


def test_the_map_slice_is_saved_and_read_back_exactly(tmp_path):
    p = from_dict(change(three_inputs(), ("map_slice",), {"axes": [2, 0], "held": [0.5, -1.25, 3]}))
    assert p.map_slice == ((2, 0), (0.5, -1.25, 3.0))
    save(p, tmp_path / "slice.json")
    assert loads((tmp_path / "slice.json").read_text()).map_slice == ((2, 0), (0.5, -1.25, 3.0))
    assert "map_slice" not in json.loads(dumps(from_dict(three_inputs())))  # none: x1, x2, means


@pytest.mark.parametrize("value,field", [
    ({"axes": [0, 1], "held": [0, 0, 0], "x": 1}, "unknown field map_slice.x"),
    ({"axes": [0, 1]}, "map_slice needs axes and held"),
    ([0, 1], "map_slice must be an object"),
    ({"axes": [0, 0], "held": [0, 0, 0]}, "two different inputs"),
    ({"axes": [0, 3], "held": [0, 0, 0]}, "map_slice.axes[1] must be from 0 to 2"),
    ({"axes": [0, 1.0], "held": [0, 0, 0]}, "map_slice.axes[1] must be a whole number"),
    ({"axes": [0, True], "held": [0, 0, 0]}, "map_slice.axes[1] must be a whole number"),
    ({"axes": [0], "held": [0, 0, 0]}, "map_slice.axes must list 2 inputs"),
    ({"axes": [0, 1], "held": [0, 0]}, "map_slice.held must list 3 numbers"),
    ({"axes": [0, 1], "held": [0, 0, "0"]}, "map_slice.held[2] must be a number"),
    ({"axes": [0, 1], "held": [0, 10**400, 0]}, "map_slice.held[1]"),
    ({"axes": [0, 1], "held": [0, 0, 2e6]}, "map_slice.held[2] must be from"),
])
def test_a_damaged_map_slice_is_named(value, field):
    with pytest.raises(ProjectError) as e:
        from_dict(change(three_inputs(), ("map_slice",), value))
    assert field in str(e.value) and "\n" not in str(e.value)


def test_a_map_slice_needs_more_than_two_inputs():
    with pytest.raises(ProjectError, match="map_slice is for data of more than two inputs"):
        from_dict(change(base(), ("map_slice",), {"axes": [0, 1], "held": [0, 0]}))


def test_every_accepted_project_can_be_saved_again(tmp_path):
    for d in (base(), change(base(), ("name",), "\u202e\n<b>"), change(base(), ("data",),
                                                                          {"generator": "xor"})):
        p = from_dict(d)
        save(p, tmp_path / "again.json")
        q = load(tmp_path / "again.json")
        assert np.array_equal(q.net.params, p.net.params) and q.name == p.name


def test_save_into_a_missing_folder_is_a_project_error(tmp_path):
    with pytest.raises(ProjectError, match="cannot save"):
        save(small_project(), tmp_path / "no" / "such" / "p.json")


@pytest.mark.parametrize("args,message", [
    (["--save", "{tmp}/no/such/out.json", "--train", "3"], "cannot save"),
    (["--train", "-1", "--save", "{tmp}/o.json"], "--train must be"),
    (["--lesson", "../../etc/passwd", "--save", "{tmp}/o.json"], "no lesson called"),
    (["{tmp}/bad.json", "--save", "{tmp}/o.json"], "history.stride"),
])
def test_command_line_refuses_with_one_line_and_exit_2(args, message, tmp_path):
    d = change(base(), ("history", "stride"), 0)
    (tmp_path / "bad.json").write_text(json.dumps(d))
    r = subprocess.run([sys.executable, "main.py", *[a.format(tmp=tmp_path) for a in args]],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    assert message in r.stderr and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_train_zero_means_no_training(tmp_path):
    r = subprocess.run([sys.executable, "main.py", "--lesson", "hand_note", "--train", "0",
                        "--save", str(tmp_path / "o.json")], cwd=ROOT, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    saved = load(tmp_path / "o.json")
    assert saved.state["epoch"] == 0 and saved.state["steps"] == 0
    assert np.array_equal(saved.net.params, from_dict(json.loads(
        (ROOT / "resources/lessons/hand_note.json").read_text())).net.params)


# --- large projects ----------------------------------------------------------------------------

def test_large_arrays_are_written_exactly_as_base64_and_read_back(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50_000, 2)) * 1e3
    Y = (rng.random((50_000, 1)) > 0.5).astype(float)
    net = initialise(Network([2, 2, 1], "sigmoid"), "xavier", seed=0)
    p = Project(net, X, Y)
    save(p, tmp_path / "big.json")
    d = json.loads((tmp_path / "big.json").read_text())
    assert d["data"]["X"]["dtype"] == "float64" and d["data"]["X"]["shape"] == [50_000, 2]
    q = load(tmp_path / "big.json")
    assert np.array_equal(q.X, X) and np.array_equal(q.Y, Y)
    d["data"]["X"]["base64"] = d["data"]["X"]["base64"][:-4] + "!!!!"
    with pytest.raises(ProjectError, match="data.X.base64 is not base64"):
        from_dict(d)
    d["data"]["X"]["shape"] = [50_000, 3]
    with pytest.raises(ProjectError, match="data.X"):
        from_dict(d)


def test_a_base64_array_holding_nan_is_refused():
    a = np.zeros(5000)
    a[4321] = np.nan
    import base64
    d = base()
    d["network"]["params"] = {"dtype": "float64", "shape": [9],
                              "base64": base64.b64encode(np.zeros(9).tobytes()).decode()}
    from_dict(d)  # a small encoded array is fine
    d["data"]["X"] = {"dtype": "float64", "shape": [2500, 2],
                      "base64": base64.b64encode(a.tobytes()).decode()}
    with pytest.raises(ProjectError, match="not finite"):
        from_dict(d)


def test_save_refuses_what_load_would_refuse(monkeypatch, tmp_path):
    import core.project as project

    monkeypatch.setattr(project, "MAX_FILE", 300)
    with pytest.raises(ProjectError, match="limited to"):
        save(small_project(), tmp_path / "p.json")
    assert not (tmp_path / "p.json").exists()
    monkeypatch.undo()
    monkeypatch.setattr(project, "MAX_VALUES", 6)  # data load would refuse: save refuses too
    with pytest.raises(ProjectError, match="data"):
        save(small_project(), tmp_path / "p.json")
    assert not (tmp_path / "p.json").exists()


# --- atomic saves --------------------------------------------------------------------------------

def test_stale_temporary_files_of_killed_saves_are_removed(tmp_path):
    target = tmp_path / "run.json"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".run.json.{dead}.abcd.tmp"
    stale.write_text("half a project")
    live = tmp_path / f".run.json.{os.getppid()}.efgh.tmp"  # a save of a running process
    live.write_text("being written")
    other = tmp_path / f".other.json.{dead}.ijkl.tmp"
    other.write_text("another file's")
    save(small_project(), target)
    assert not stale.exists() and live.exists() and other.exists()
    old = os.path.getmtime(live) - 7200
    os.utime(live, (old, old))  # abandoned for two hours: removed whoever wrote it
    save(small_project(), target)
    assert not live.exists()
    assert sorted(f.name for f in tmp_path.iterdir()) == [".other.json." + other.name.split(
        ".", 3)[3], "run.json"]


def test_a_save_keeps_the_files_permissions_and_writes_through_a_symlink(tmp_path):
    real = tmp_path / "real.json"
    save(small_project(), real)
    os.chmod(real, 0o644)
    save(small_project("again"), real)
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o644
    os.chmod(real, 0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save(small_project("through the link"), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load(real).name == "through the link"
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o640
    fresh = tmp_path / "fresh.json"
    save(small_project(), fresh)  # a new file gets the usual permissions, not 0600
    assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o666 & ~_umask()


def _umask():
    m = os.umask(0o022)
    os.umask(m)
    return m


# --- bad arguments to the engine ---------------------------------------------------------------

def test_full_batch_step_epoch_raises_diverged_and_keeps_the_weights():
    net = initialise(Network([2, 2, 1], "linear"), "xavier", seed=0)
    t = Trainer(net, XOR_X, XOR_Y, loss="half_sse", lr=1e6)  # full batch, in order
    last = None
    with pytest.raises(Diverged):  # the old fast path stopped counting epochs, silently
        for _ in range(100):
            last = (net.params.copy(), t.epoch)
            t.step_epoch()
    assert np.isfinite(net.params).all()
    assert np.array_equal(net.params, last[0]) and t.epoch == last[1]


@pytest.mark.parametrize("call,arg", [
    (lambda t: t.run(seconds=math.nan), "seconds"),
    (lambda t: t.run(seconds=-1), "seconds"),
    (lambda t: t.run(loss_threshold=math.nan), "loss_threshold"),
    (lambda t: t.run(max_epochs=math.inf), "max_epochs"),
    (lambda t: t.run(max_epochs=2.5), "max_epochs"),
    (lambda t: t.run(max_epochs="10"), "max_epochs"),
    (lambda t: t.set_lr("abc"), "learning rate"),
    (lambda t: t.set_lr(math.inf), "learning rate"),
])
def test_bad_run_arguments_are_refused_and_change_nothing(call, arg):
    net = initialise(Network([2, 2, 1], "sigmoid"), "xavier", seed=0)
    t = Trainer(net, XOR_X, XOR_Y, loss="bce")
    before = net.params.copy(), t.epoch, t.steps, t.lr
    with pytest.raises(ValueError, match=arg):
        call(t)
    assert np.array_equal(net.params, before[0]) and (t.epoch, t.steps, t.lr) == before[1:]


@pytest.mark.parametrize("kwargs,arg", [
    ({"l2": "abc"}, "L2"), ({"l2": None}, "L2"), ({"l2": math.nan}, "L2"),
    ({"shuffle": "no"}, "shuffle"), ({"shuffle": 1}, "shuffle"),
    ({"seed": -1}, "seed"), ({"seed": 1.5}, "seed"), ({"seed": "0"}, "seed"),
    ({"batch": 2.5}, "batch"), ({"batch": True}, "batch"), ({"batch": "8"}, "batch"),
    ({"optimizer": "adam", "beta1": "x"}, "beta1"), ({"optimizer": "sgd", "momentum": 0.9},
                                                     "no option"),
    ({"optimizer": "momentum", "momentum": 2.0}, "momentum"),
    ({"lr": None}, "learning rate"), ({"loss": None}, "unknown loss"),
    ({"reduction": ["mean"]}, "reduction"),
])
def test_bad_trainer_arguments_are_refused(kwargs, arg):
    net = initialise(Network([2, 2, 1], "sigmoid"), "xavier", seed=0)
    before = net.params.copy()
    with pytest.raises(ValueError, match=arg):
        Trainer(net, XOR_X, XOR_Y, **{"loss": "bce", **kwargs})
    assert np.array_equal(net.params, before)


@pytest.mark.parametrize("X,what", [
    (XOR_X.astype(complex) + 1j, "complex"),
    (XOR_X.astype(bool), "true/false"),
    ([[0, 0], [0, None], [1, 0], [1, 1]], "not real numbers"),
    ([[0, 0], [0, 10**400], [1, 0], [1, 1]], "not real numbers"),
    ([[0, 0], [0, 1], [1], [1, 1]], "real numbers"),
])
def test_inputs_that_numpy_would_coerce_are_refused(X, what):
    net = Network([2, 2, 1], "sigmoid")
    with pytest.raises(ValueError, match=what):
        Trainer(net, X, XOR_Y, loss="bce")
    with pytest.raises(ValueError, match=what):
        net.forward(X)


@pytest.mark.parametrize("args,arg", [
    (([2, None, 1],), r"sizes\[1\]"), (([2, 2.5, 1],), r"sizes\[1\]"), (([2, "3", 1],), r"sizes\[1\]"),
    (([2, -1, 1],), r"sizes\[1\]"), ((None,), "sizes"), (("221",), "sizes"),
    (([2, 2, 1], None), "activations"), (([2, 2, 1], "sigmoid", "no"), "bias"),
    (([2, 2, 1], "sigmoid", [1, 0]), r"bias\[0\]"), (([2, 2, 1], "sigmoid", True, "mine"),
                                                      "notation"),
])
def test_bad_network_arguments_are_refused(args, arg):
    with pytest.raises(ValueError, match=arg):
        Network(*args)


def test_initialise_and_parameter_access_check_their_arguments():
    net = Network([2, 2, 1], "sigmoid")
    for kwargs, arg in (({"seed": -1}, "seed"), ({"scale": math.nan}, "scale"),
                        ({"bias": "x"}, "bias"), ({"scheme": None}, "scheme")):
        with pytest.raises(ValueError, match=arg):
            initialise(net, **{"scheme": "xavier", **kwargs})
    for bad in (None, 3, ["w1"]):
        with pytest.raises(ValueError):
            net.get(bad)
    with pytest.raises(ValueError, match="frozen"):
        net.freeze("w1", "yes")
    with pytest.raises(ValueError, match="real numbers"):
        net.set_params([True] * net.params.size)
