"""GUI test helpers: a Persian, right-to-left application; a logged-in context; typing Persian text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from cluster_desktop.domain.roles import Role
from cluster_desktop.gui import prompts
from cluster_desktop.gui.application import setup_application
from cluster_desktop.gui.context import AppContext


@pytest.fixture
def fa_app(qapp: QApplication) -> QApplication:
    return setup_application("fa", qapp)


@pytest.fixture
def ctx(fa_app, workspace, province_admin) -> Iterator[AppContext]:
    """A provincial office, acting as its secretary (the admin may do what the secretary does)."""
    c = AppContext(workspace, replace(province_admin, role=Role.ADMIN), "fa")
    yield c


@pytest.fixture
def central_ctx(fa_app, workspace, central_admin) -> AppContext:
    return AppContext(workspace, central_admin, "fa")


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Persian included (QTest.keyClicks accepts only ASCII and aborts otherwise)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


class Prompts:
    """Records what the GUI asked or told, and answers as the test says."""

    def __init__(self) -> None:
        self.confirm_answer = True
        self.save_answer = "cancel"
        self.text_answer: str | None = None
        self.files: list = []
        self.messages: list[tuple[str, str]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> Prompts:
        monkeypatch.setattr(
            prompts, "confirm", lambda _p, t, x: self._log("confirm", x) or self.confirm_answer
        )
        monkeypatch.setattr(
            prompts, "save_discard_cancel", lambda _p, w: self._log("unsaved", w) or self.save_answer
        )
        monkeypatch.setattr(prompts, "info", lambda _p, t, x: self._log("info", x))
        monkeypatch.setattr(prompts, "error", lambda _p, e, title=None: self._log("error", str(e)))
        monkeypatch.setattr(prompts, "ask_text", lambda _p, t, label, text="": self.text_answer)
        monkeypatch.setattr(prompts, "open_file", lambda *a, **k: self.files.pop(0) if self.files else None)
        monkeypatch.setattr(prompts, "save_file", lambda *a, **k: self.files.pop(0) if self.files else None)
        monkeypatch.setattr(prompts, "open_folder", lambda *a, **k: self.files.pop(0) if self.files else None)
        return self

    def _log(self, kind: str, text: str) -> None:
        self.messages.append((kind, text))

    def said(self, kind: str) -> list[str]:
        return [t for k, t in self.messages if k == kind]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    return Prompts().install(monkeypatch)
