"""What the program remembers per Windows/Linux user (QSettings, an .ini file, not the registry, so IT
can read and reset it): window geometry and layout, splitter positions, column widths, last folders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QTableView, QTreeView, QWidget


def app_settings() -> QSettings:
    # %APPDATA%\TPO\ClusterDesktop.ini on Windows, ~/.config/TPO/ClusterDesktop.ini on Linux.
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "TPO", "ClusterDesktop")


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore_window(win: QMainWindow) -> None:
    s = app_settings()
    geometry = _bytes(s.value("window/geometry"))
    if geometry is not None:
        win.restoreGeometry(geometry)
    state = _bytes(s.value("window/state"))
    if state is not None:
        win.restoreState(state)


def save_window(win: QMainWindow) -> None:
    s = app_settings()
    s.setValue("window/geometry", win.saveGeometry())
    s.setValue("window/state", win.saveState())


def _remembered(root: QWidget) -> list[tuple[str, QSplitter | QHeaderView]]:
    """Named splitters and the horizontal headers of named tables under ``root``."""
    out: list[tuple[str, QSplitter | QHeaderView]] = []
    for splitter in root.findChildren(QSplitter):
        if splitter.objectName():
            out.append((f"splitter/{splitter.objectName()}", splitter))
    for view in root.findChildren(QTableView) + root.findChildren(QTreeView):
        if view.objectName():
            header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
            out.append((f"columns/{view.objectName()}", header))
    return out


def save_layout(root: QWidget, key: str) -> None:
    s = app_settings()
    for name, widget in _remembered(root):
        s.setValue(f"layout/{key}/{name}", widget.saveState())


def restore_layout(root: QWidget, key: str) -> int:
    """Put back what :func:`save_layout` kept for ``key``; returns how many pieces were restored.
    A header whose column count changed (a newer program) refuses the old state and keeps its own."""
    s = app_settings()
    restored = 0
    for name, widget in _remembered(root):
        state = _bytes(s.value(f"layout/{key}/{name}"))
        if state is not None and widget.restoreState(state):
            restored += 1
    return restored


def last_folder(kind: str) -> str:
    value = app_settings().value(f"folders/{kind}", "")
    folder = str(value) if value else ""
    return folder if folder and Path(folder).is_dir() else ""


def remember_folder(kind: str, chosen: Path) -> None:
    folder = chosen if chosen.is_dir() else chosen.parent
    app_settings().setValue(f"folders/{kind}", str(folder))
