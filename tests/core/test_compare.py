"""Comparing runs that differ in one setting: parsing, the runs' start, training together."""

import time

import numpy as np
import pytest

from core import Network, initialise
from core.compare import Comparison, make_runs, parse
from core.datasets import xor
from core.features import Features
from core.project import make_trainer, project_features
from resources import load_lesson


def xor_runs(spec: str):
    p = load_lesson("xor")
    setting, values = parse(spec)
    net = p.net.copy()
    if p.initial_params is not None:
        net.params[...] = p.initial_params
    return p, make_runs(net, p.X, p.Y, p.training, p.init, project_features(p), setting, values)


def test_parse_names_the_setting_and_its_values():
    assert parse("lr=0.1,1,10") == ("lr", ["0.1", "1", "10"])
    assert parse(" optimizer = sgd, adam ") == ("optimizer", ["sgd", "adam"])
    for spec, said in (("lr", "SETTING=V1,V2"), ("colour=red,blue", "cannot compare 'colour'"),
                       ("lr=0.1", "compare 2 to 6 values; got 1"), ("lr=1,2,3,4,5,6,7", "got 7"),
                       ("lr=0.1,,1", "an empty value"), ("lr=1,1", "repeat")):
        with pytest.raises(ValueError, match=said):
            parse(spec)


def test_every_run_starts_from_the_same_weights_and_differs_in_one_setting():
    p, runs = xor_runs("lr=0.1,1,10")
    assert [r.label for r in runs] == ["lr = 0.1", "lr = 1", "lr = 10"]
    assert [r.trainer.lr for r in runs] == [0.1, 1.0, 10.0]
    for r in runs[1:]:
        assert np.array_equal(r.net.params, runs[0].net.params)
        assert {k: v for k, v in r.settings.items() if k != "lr"} == \
            {k: v for k, v in p.training.items() if k != "lr"}
    _, runs = xor_runs("activation=tanh,relu")
    assert [r.net.activations for r in runs] == [["tanh", "sigmoid"], ["relu", "sigmoid"]]
    assert np.array_equal(runs[0].net.params, runs[1].net.params)
    _, runs = xor_runs("seed=1,2")
    assert not np.array_equal(runs[0].net.params, runs[1].net.params) and [r.seed for r in runs] == [1, 2]
    _, runs = xor_runs("hidden=2,5")
    assert [r.net.sizes for r in runs] == [[2, 2, 1], [2, 5, 1]]
    kept = runs[1].net.layer_views(runs[1].net.params)[1][:3]  # h1, h2 -> y keep their weights
    assert np.array_equal(kept, runs[0].net.layer_views(runs[0].net.params)[1])
    _, runs = xor_runs("features=x1+x2,x1+x2+x1*x2")
    assert [r.net.sizes[0] for r in runs] == [2, 3] and runs[1].features.names[-1] == "x1*x2"


def test_a_run_trains_exactly_as_the_project_would_with_that_setting():
    p, runs = xor_runs(f"lr={p_lr(load_lesson('xor'))},0.01")
    Comparison(runs).train(epochs=300)
    alone = make_trainer(load_lesson("xor"))
    alone.run(max_epochs=300)
    assert runs[0].trainer.history.losses == alone.history.losses  # the same engine, bit for bit
    assert runs[0].trainer.loss() < runs[1].trainer.loss()  # a tiny step learns less in 300 epochs


def test_time_slices_train_the_runs_together_up_to_an_epoch_and_no_further():
    _, runs = xor_runs("lr=0.5,2")
    c = Comparison(runs)
    trained = [c.train(seconds=0.01, until=37) for _ in range(200)]
    assert [r.trainer.epoch for r in runs] == [37, 37]
    assert trained[-1] == 0 and sum(trained) == 37  # slices, then nothing past the epoch


def p_lr(p) -> str:
    return repr(p.training["lr"])


def test_a_run_that_diverges_stops_with_its_reason_and_the_others_go_on():
    _, runs = xor_runs("lr=0.5,1e300")
    c = Comparison(runs)
    c.train(epochs=50)
    c.train(epochs=50)
    assert runs[1].error.startswith("training diverged at epoch 1")
    assert np.isfinite(runs[1].net.params).all()  # the last finite weights kept
    assert runs[0].error == "" and runs[0].trainer.epoch == 100 and runs[1].trainer.epoch == 0


def test_values_that_fail_the_settings_check_name_the_setting_and_make_no_runs():
    for spec, said in (("lr=0.1,-1", "lr = -1: learning rate must be positive"),
                       ("optimizer=sgd,rmsprop", "optimizer = rmsprop: .*rmsprop"),
                       ("activation=tanh,cosh", "activation = cosh: unknown activation"),
                       ("hidden=2,100", "hidden size must be a whole number from 1 to 64"),
                       ("seed=1,x", "seed = x: seed: 'x' is not a number"),
                       ("features=x1+x2,sin(x3)", "features = sin\\(x3\\)")):
        with pytest.raises(ValueError, match=said):
            xor_runs(spec)


@pytest.mark.parametrize("link,values", [("fd", ["0.05", "0.3", "50"]),
                                         ("tcp", ["0.05", "0.3", "50"]),
                                         ("fd", ["50", "0.05", "0.3"])])  # the lead diverges
def test_a_comparison_trained_in_the_training_process_gives_the_same_numbers(link, values):
    """The window hands a comparison to the training process (core.worker): its runs
    train there in step, and the reports make each run what it would be trained here,
    bit for bit, the run that diverges stopped at the same epoch with the same message."""
    from core.worker import Remote

    def runs():
        X, Y = xor(40, seed=3)
        net = initialise(Network([2, 3, 1], ["relu", "linear"]), "xavier", seed=1)
        settings = {"loss": "mse", "reduction": "mean", "lr": 0.05, "batch": 8,
                    "shuffle": True, "optimizer": "sgd", "max_epochs": None,
                    "loss_threshold": None}
        return Comparison(make_runs(net, X, Y, settings, {"seed": 2}, Features.identity(2),
                                    "lr", values))

    here, there = runs(), runs()
    here.train(epochs=400)
    remote = Remote(link=link)
    try:
        remote.launch()
        deadline = time.monotonic() + 60
        reports = 0
        while there.epoch < 400 and time.monotonic() < deadline:
            for report in remote.receive():
                there.adopt(report)
                reports += 1
            if remote.ready and not remote.running and there.left(400):
                remote.start(there.job(400))
            time.sleep(0.005)
        assert not remote.failed, remote.failed
    finally:
        remote.close()
    assert reports > 1  # in slices
    for a, b in zip(here.runs, there.runs):
        assert a.trainer.epoch == b.trainer.epoch and a.error == b.error, a.label
        assert np.array_equal(a.net.params, b.net.params), a.label
        assert a.trainer.history.losses == b.trainer.history.losses
    for r in here.runs:  # lr = 50 diverges, the rest train on
        assert (r.trainer.epoch, bool(r.error)) == ((15, True) if r.label == "lr = 50" else (400, False))


def test_a_runs_name_stays_within_what_a_project_may_hold():
    """A project may be named with 200 characters; its run's name, with ' (lr = 2)', was
    longer, and the run, opened as the project, could not be saved."""
    from core.compare import run_name
    from core.project import MAX_NAME

    assert run_name("XOR", "lr = 2") == "XOR (lr = 2)"
    long = run_name("N" * MAX_NAME, "lr = 2", MAX_NAME)
    assert len(long) == MAX_NAME and long.endswith("N… (lr = 2)")
    huge = run_name("N" * MAX_NAME, "features = " + "x1*x2+" * 50, MAX_NAME)
    assert len(huge) <= MAX_NAME and huge.startswith("N")
