"""PySide6 6.12.0's emit leak (gui/pyside_fixes): thousands of signals, then a clean exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget
import cluster_desktop.gui  # applies the work-arounds
from cluster_desktop.gui.operation import Operation

app = QApplication([])
parent = QWidget()
results = []

def work(progress):
    for i in range(3000):
        progress(i, 3000, "")  # a cross-thread Signal(int, int, str) per step
    return None  # Signal(object) carrying None

def done(result):
    results.append(result)
    QTimer.singleShot(0, app.quit)

Operation(parent, "work", work).on_success(done).start()
app.exec()
print("finished", len(results))
"""


def test_thousands_of_emits_then_a_clean_exit() -> None:
    # GIVEN a background operation that emits 3,000 progress signals and a None result
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    # THEN the process ends normally (without the fix: "Fatal Python error: bool_dealloc", exit 134)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "finished 1" in out.stdout
