"""The red warning that the office's audit log was tampered with: the main window shows it from the
start, the audit view above its table. The chain is verified off the GUI thread (about 1.5 s per
100,000 entries); while it holds the banner stays hidden."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from cluster_desktop.services.audit_views import ChainStatus, chain_status

from .context import AppContext
from .operation import Operation

log = logging.getLogger(__name__)
STYLE = "background: #b00020; color: white; font-weight: bold;"


class AuditBanner(QLabel):
    checked = Signal(object)  # the ChainStatus, intact or not

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, compact: bool = False) -> None:
        """``compact``: the short form (the audit view, under the main window's full warning)."""
        super().__init__(parent)
        self.ctx = ctx
        self.compact = compact
        self.setObjectName("audit_warning_banner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setMargin(8)  # not style-sheet padding: wrapped text would be cut off
        self.setStyleSheet(STYLE)
        self.hide()
        self.status: ChainStatus | None = None
        self.operation: Operation | None = None

    def check(self) -> Operation:
        """Verify the chain in the background, then show or hide the warning."""
        ws = self.ctx.ws

        def work(_progress: object) -> ChainStatus:
            with ws.db.session() as s:
                return chain_status(s)

        self.operation = Operation(self, "", work, quiet=True).on_success(self.show_status)
        self.operation.on_failure(self._failed).start()
        return self.operation

    def busy(self) -> bool:
        return self.operation is not None

    def show_status(self, status: ChainStatus) -> None:
        self.operation = None
        self.status = status
        if status.intact:
            self.hide()
        else:
            fa = self.ctx.lang == "fa"
            if self.compact:
                self.setText(status.marker_fa if fa else status.marker_en)
            else:
                self.setText(status.warning_fa if fa else status.warning_en)
            self.show()
        self.checked.emit(status)

    def _failed(self, exc: BaseException) -> None:
        # A check that could not run says nothing either way; the log keeps why.
        self.operation = None
        log.warning("the audit chain could not be verified: %s", exc)
