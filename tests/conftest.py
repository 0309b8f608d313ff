import os

# Qt must run headless in tests and CI; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
