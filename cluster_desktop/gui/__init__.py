"""The PySide6 user interface over the services (no business rules, no SQL here)."""

from . import pyside_fixes

# Before any signal is emitted from Python (see pyside_fixes: PySide6 6.12.0's emit leak).
pyside_fixes.apply()
