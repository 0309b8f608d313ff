import os

# Qt must run headless in tests and CI; set before anything imports Qt. The offscreen
# screen is a 1920x1080 monitor (its default, 800x800, would maximise every window small).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    screen = os.path.join(os.path.dirname(__file__), "gui", "screen1080.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"

# One BLAS thread, as main.py sets for the app and its training process.
for name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(name, "1")

import tempfile  # noqa: E402

# Preferences and the recovery file go to a throwaway folder, never the user's.
os.environ.setdefault("BACKPROP_STUDIO_HOME", tempfile.mkdtemp(prefix="backprop-studio-test-"))
