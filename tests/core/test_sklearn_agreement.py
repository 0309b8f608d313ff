"""REFERENCE section 3: scikit-learn's MLPClassifier computes the same full-batch steps."""

import warnings

import numpy as np

from core import Network, Trainer, initialise


def test_matches_sklearn_mlpclassifier_for_100_epochs():
    from sklearn.neural_network import MLPClassifier  # test dependency (pyproject [test])

    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (40, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(float)
    net = initialise(Network([2, 2, 1], "sigmoid"), "uniform", seed=3, bias=0.1)
    clf = MLPClassifier(hidden_layer_sizes=(2,), activation="logistic", solver="sgd",
                        momentum=0, alpha=0, batch_size=len(X), shuffle=False,
                        learning_rate_init=1.0, learning_rate="constant")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf.partial_fit(X, y, classes=[0.0, 1.0])  # sets up its attributes
    clf.coefs_ = [W.copy() for W in net.weights]
    clf.intercepts_ = [b.copy() for b in net.biases]
    t = Trainer(net, X, y[:, None], loss="bce", reduction="mean", lr=1.0)
    for _ in range(100):
        clf.partial_fit(X, y)
        t.step_epoch()
    diff = max(np.abs(a - b).max() for a, b in
               zip(clf.coefs_ + clf.intercepts_, net.weights + net.biases))
    assert diff < 1e-12
    assert np.abs(net.predict(X)[:, 0] - clf.predict_proba(X)[:, 1]).max() < 1e-12
    assert abs(clf.loss_curve_[-1] - t.history.losses[-1]) < 1e-12
