"""A document with undo steps, its views deleted first, freed by the garbage collector: no
crash (it segfaulted in QUndoStack::clear, the commands' Python halves freed before the
stack deleted them). In a process of its own, so that a crash is a failure, not the end of
the suite."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import gc, os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from bench.gui import NETS, project_for
    from gui.document import Document
    from gui.plots.health import HealthHistory, HealthView
    from gui.plots.views import HiddenPlot
    for k in range(3):
        doc = Document(project_for(*NETS[1]))
        views = [HiddenPlot(doc), HealthView(doc, HealthHistory(doc))]
        for v in views:
            v.show()
        app.processEvents()
        doc.add_neuron(3)
        doc.remove_layer(6)
        doc.remove_layer(5)
        app.processEvents()
        for v in views:
            v.close()
            v.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        steps = doc.undo_stack.count()
        del doc, views, v
        print(steps, gc.collect() > 0, flush=True)
    print("ok")
""")


def test_a_document_freed_by_the_garbage_collector_takes_its_undo_steps_quietly():
    r = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.split() == ["3", "True"] * 3 + ["ok"]
