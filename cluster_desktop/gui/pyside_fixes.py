"""Work-arounds for defects of the PySide6 release we ship, each with the probe that detects it.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without a new reference, so every signal
emitted from Python takes one reference away from ``True`` (measured: -1 per call). On Python 3.12+
``True`` and ``False`` are immortal and nothing happens; on 3.11 the count reaches zero after a few
hundred emits and the interpreter aborts ("Fatal Python error: bool_dealloc"), at once or at exit.
The same release loses references to ``None`` when a ``Signal(object)`` carrying it is delivered
across threads (measured: about one per ten queued deliveries), which aborts the same way
("none_dealloc") after a background operation returns nothing. The cure is what 3.12 does: give the
two booleans and ``None`` a reference count that cannot run out. It is applied
only when the probe sees the leak, so a fixed PySide6 (or a newer Python) leaves the counts alone.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# Far above any number of emits in a session, far below the overflow of a 64-bit count.
_RESERVE = 1 << 40


class _Probe(QObject):
    ping = Signal()


def emit_leaks_true() -> bool:
    """Whether emitting a signal from Python loses a reference to ``True`` (the 6.12.0 defect)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    leaked = sys.getrefcount(True) < before
    # Give back what the probe itself took.
    for _ in range(before - sys.getrefcount(True)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return leaked


def _reserve(obj: object) -> None:
    # ob_refcnt is the first field of every CPython object; it is a Py_ssize_t.
    ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE


_applied = False


def apply() -> bool:
    """Apply the work-arounds this PySide6 needs; returns whether the emit fix was applied."""
    global _applied
    if _applied:
        return True
    if sys.implementation.name == "cpython" and sys.version_info < (3, 12) and emit_leaks_true():
        for singleton in (True, False, None):
            _reserve(singleton)
        _applied = True
    return _applied
