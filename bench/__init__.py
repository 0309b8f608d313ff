"""Benchmarks: ``python -m bench`` (engine vs PyTorch and scikit-learn)."""
