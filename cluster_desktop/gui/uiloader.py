"""Designer forms by composition: ``self.ui = load_ui("dashboard.ui", self)``; ``find`` is typed and strict.

QUiLoader reads the .ui at run time (no generated code, nothing shelled out, works frozen); translations
installed on the application apply to the form's strings, with the form's class name as context.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, Qt
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from cluster_desktop.paths import ui_dir

from .rtl_text import align_boxes

W = TypeVar("W", bound=QWidget)
_custom: list[type[QWidget]] = []


def register_custom_widget(cls: type[QWidget]) -> type[QWidget]:
    """Make a widget class usable as a promoted widget in .ui files (class decorator)."""
    if cls not in _custom:
        _custom.append(cls)
    return cls


def load_ui(name: str, host: QWidget | None = None) -> QWidget:
    """Load ``ui/<name>``; with ``host``, the form fills the host through a margin-less layout."""
    loader = QUiLoader()
    for cls in _custom:
        loader.registerCustomWidget(cls)
    path = ui_dir() / name
    f = QFile(str(path))
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(path)
    try:
        form = loader.load(f, host)
    finally:
        f.close()
    if form is None:
        raise RuntimeError(f"{name}: {loader.errorString()}")
    align_boxes(form)
    plain_labels(form)
    from .content_text import use_content_direction  # it registers a custom widget from here

    use_content_direction(form)
    if host is not None:
        if host.layout() is None:
            layout = QVBoxLayout(host)
            # A dialog keeps a frame of room around its form; a view is framed by whoever shows it.
            margin = 10 if isinstance(host, QDialog) else 0
            layout.setContentsMargins(margin, margin, margin, margin)
        host.layout().addWidget(form)
        if not host.windowTitle() and form.windowTitle():
            host.setWindowTitle(form.windowTitle())
    return form


def plain_labels(form: QWidget) -> None:
    """Every label of a form shows its text as typed: a cluster named ``<img src=…>`` must not become
    markup (QLabel's default, AutoText, guesses). A label meant for markup says so in its .ui file
    (``textFormat`` RichText) and escapes what it quotes."""
    for label in form.findChildren(QLabel):
        if label.textFormat() == Qt.TextFormat.AutoText:
            label.setTextFormat(Qt.TextFormat.PlainText)


def find(root: QWidget, cls: type[W], name: str) -> W:
    """The child ``name`` of type ``cls``; raises when the .ui file and the code disagree."""
    w = root.findChild(cls, name)
    if w is None:
        raise LookupError(f"{root.objectName() or type(root).__name__}: no {cls.__name__} named {name!r}")
    return w
