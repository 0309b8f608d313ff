"""Backprop Studio's engine: numpy and the standard library only, float64.

    from core import Network, Trainer, initialise
"""

from core.activations import ACTIVATIONS, get_activation
from core.init import SCHEMES, initialise
from core.losses import LOSSES, get_loss
from core.network import Gradients, Network, Pass
from core.notation import NOTATIONS, Param
from core.training import Diverged, History, RunResult, Snapshots, StepResult, Trainer

__version__ = "0.1.0"  # the app's version (pyproject.toml reads it from here)

__all__ = [
    "ACTIVATIONS", "LOSSES", "NOTATIONS", "SCHEMES", "Diverged", "Gradients", "History",
    "Network", "Param", "Pass", "RunResult", "Snapshots", "StepResult", "Trainer", "get_activation",
    "get_loss", "initialise",
]
