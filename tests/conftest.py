import os

# Qt must run headless in tests and CI; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tempfile  # noqa: E402

# Preferences and the recovery file go to a throwaway folder, never the user's.
os.environ.setdefault("BACKPROP_STUDIO_HOME", tempfile.mkdtemp(prefix="backprop-studio-test-"))
