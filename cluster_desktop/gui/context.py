"""What every window shares: the opened workspace, the logged-in actor, and app-wide signals."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from cluster_desktop.services.actor import Actor
from cluster_desktop.services.workspace import Workspace


class AppContext(QObject):
    """Passed to every view. ``changed`` tells open views that data changed (refresh what you show)."""

    changed = Signal(str)  # what changed: "dossier:<id>", "members", "meetings", "bundle", ...
    open_dossier = Signal(str)  # a view asks the main window to open a dossier's page
    navigate = Signal(str)  # a view asks the main window to show another view (by key)

    def __init__(self, ws: Workspace, actor: Actor, lang: str = "fa") -> None:
        super().__init__()
        self.ws = ws
        self.actor = actor
        self.lang = lang

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work (committed at the end, rolled back on error)."""
        with self.ws.db.session() as s:
            yield s

    @property
    def is_central(self) -> bool:
        return self.actor.office_kind.value == "central"
