"""Bundles between a province and TPO: send one, receive one (checked completely before anything is
applied), the trusted offices and their fingerprints, and the exchange history.

Every rule lives in ``services.sync``; this screen asks, shows and waits. Long work (unlocking the keys,
writing, checking and applying a bundle) runs off the GUI thread with a progress dialog. The office's
keys are unlocked once with the user's password and kept while the screen is open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali_datetime
from cluster_desktop.domain.numbers import format_int, to_latin_digits, to_persian_digits
from cluster_desktop.domain.workflow import PROGRAMME_STATE_TITLES
from cluster_desktop.services import sync

from . import password_dialog, prompts
from .central_tables import select_row, state_title
from .context import AppContext
from .operation import Operation
from .sync_enroll import SyncEnrollDialog, fingerprint_font
from .uiloader import find, load_ui
from .widgets import FieldErrors

if TYPE_CHECKING:  # types only: the screen talks to services.sync
    from cluster_desktop.sync.keys import OfficeCertificate, OfficeKeys
    from cluster_desktop.sync.trust import TrustEntry

LRI, PDI = "\u2066", "\u2069"  # isolate Latin text (paths, fingerprints) inside Persian sentences
OK_STYLE = "background: #eaf5ea; color: #1d4d1d;"
BAD_STYLE = "background: #fdecee; color: #8a0015;"
REVOKED_COLOR = "#b00020"
TABLE_ORDER = sync.TABLE_ORDER  # the report's order: clusters, dossiers, plans, …


def ltr(text: str) -> str:
    return f"{LRI}{text}{PDI}"


def _created(stamp: str) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None


def programme_state(state: str, lang: str) -> str:
    fa, en = PROGRAMME_STATE_TITLES.get(state, (state, state))
    return fa if lang == "fa" else en


class SyncView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("sync_view.ui", self)
        self._keys: OfficeKeys | None = None
        self.operation: Operation | None = None
        self.export_result: sync.ExportResult | None = None
        self.verified: tuple[Path, dict[str, Any]] | None = None  # the file checked, and its report
        self.import_report: dict[str, Any] | None = None
        self.refusal: str | None = None  # why the last bundle was refused (shown in the verdict)
        self.entries: list[TrustEntry] = []
        self.refusal_reason = sync.keys_refusal(ctx.actor)
        self.tabs = find(self.ui, QTabWidget, "tabs")
        self.office_label = find(self.ui, QLabel, "office_label")
        self.own_fingerprint = find(self.ui, QLabel, "own_fingerprint_label")
        self.own_fingerprint.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.own_fingerprint.setFont(fingerprint_font(12))
        self.permission_label = find(self.ui, QLabel, "permission_label")
        # send
        self.recipient_combo = find(self.ui, QComboBox, "recipient_combo")
        self.full_check = find(self.ui, QCheckBox, "full_check")
        self.export_button = find(self.ui, QPushButton, "export_button")
        self.export_result_label = find(self.ui, QLabel, "export_result_label")
        self.export_result_label.hide()
        self.export_errors = FieldErrors(
            find(self.ui, QWidget, "export_tab"), find(self.ui, QLabel, "export_error")
        )
        self.export_button.clicked.connect(self.export)
        # receive
        self.choose_button = find(self.ui, QPushButton, "choose_button")
        self.apply_button = find(self.ui, QPushButton, "apply_button")
        self.file_label = find(self.ui, QLabel, "file_label")
        self.verdict_label = find(self.ui, QLabel, "verdict_label")
        self.verdict_label.setMargin(8)  # not style-sheet padding: wrapped text would be cut off
        # Below the verdict: a bundle whose sender's audit log was rewritten (it imports all the same).
        self.audit_warning = QLabel(self)
        self.audit_warning.setObjectName("audit_warning_label")
        self.audit_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.audit_warning.setWordWrap(True)
        self.audit_warning.setMargin(8)
        self.audit_warning.setStyleSheet(BAD_STYLE + " font-weight: bold;")
        self.audit_warning.hide()
        box = self.verdict_label.parentWidget().layout()
        box.insertWidget(box.indexOf(self.verdict_label) + 1, self.audit_warning)  # type: ignore[attr-defined]
        self.values = {
            name: find(self.ui, QLabel, f"{name}_value")
            for name in ("kind", "sender", "fingerprint", "created", "recipient", "sequence")
        }
        self.values["fingerprint"].setFont(fingerprint_font(11))
        # A value that starts with Latin text or digits (a fingerprint, a date) would otherwise be
        # aligned as left-to-right text; keep every value on the reading side of the form.
        side = Qt.AlignmentFlag.AlignRight if ctx.lang == "fa" else Qt.AlignmentFlag.AlignLeft
        for label in (*self.values.values(), self.file_label):
            label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        self.report_panel = find(self.ui, QWidget, "report_panel")
        self.contents_table = find(self.ui, QTableWidget, "contents_table")
        self.dossiers_list = find(self.ui, QListWidget, "dossiers_list")
        self.contents_table.verticalHeader().setVisible(False)
        header = self.contents_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # the four counts share the width
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.choose_button.clicked.connect(self.choose_and_verify)
        self.apply_button.clicked.connect(self.apply)
        self._clear_bundle()
        # trust
        self.trust_table = find(self.ui, QTableWidget, "trust_table")
        self.enroll_button = find(self.ui, QPushButton, "enroll_button")
        self.revoke_button = find(self.ui, QPushButton, "revoke_button")
        self.certificate_button = find(self.ui, QPushButton, "certificate_button")
        self.trust_errors = FieldErrors(
            find(self.ui, QWidget, "trust_tab"), find(self.ui, QLabel, "trust_error")
        )
        self.enroll_button.clicked.connect(self.enroll)
        self.revoke_button.clicked.connect(self.revoke)
        self.certificate_button.clicked.connect(self.save_certificate)
        self.trust_table.itemSelectionChanged.connect(self._update_buttons)
        # Said once, above the empty table: without a trusted office no bundle is accepted.
        self.trust_empty_label = QLabel(self)
        self.trust_empty_label.setObjectName("trust_empty_label")
        self.trust_empty_label.setWordWrap(True)
        self.trust_empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.trust_empty_label.setStyleSheet("color: #8a5a00; font-weight: bold;")
        layout = find(self.ui, QWidget, "trust_tab").layout()
        layout.insertWidget(layout.indexOf(self.trust_table), self.trust_empty_label)
        # history
        self.history_table = find(self.ui, QTableWidget, "history_table")
        self.outbound_table = find(self.ui, QTableWidget, "outbound_table")
        for table in (self.trust_table, self.history_table, self.outbound_table):
            table.verticalHeader().setVisible(False)
            table.setStyleSheet("QTableWidget::item { padding: 0 6px; }")
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)

        # The office's name takes the slack; the revocation reason is empty for most rows.
        self.trust_table.horizontalHeader().setStretchLastSection(False)
        self.trust_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ctx.changed.connect(lambda what: self.refresh() if what in ("bundle", "trust") else None)
        self.refresh()

    # --- shared ------------------------------------------------------------------------------------

    def _n(self, value: int | str) -> str:
        """A number or code in the screen's digits (Persian in Persian)."""
        if isinstance(value, int):
            return format_int(value) if self.ctx.lang == "fa" else str(value)
        return to_persian_digits(value) if self.ctx.lang == "fa" else to_latin_digits(value)

    def _when(self, at: datetime | None) -> str:
        return self._n(format_jalali_datetime(at)) if at else ""

    def _title(self, pair: tuple[str, str]) -> str:
        return pair[0] if self.ctx.lang == "fa" else pair[1]

    def _message(self, exc: BaseException) -> str:
        if isinstance(exc, DomainError):
            return exc.fa if self.ctx.lang == "fa" else exc.en
        return self.tr("Unexpected error: %1").replace("%1", f"{type(exc).__name__}: {exc}")

    def _stages(self) -> dict[str, str]:
        return {
            "unlock": self.tr("Unlocking the office keys…"),
            "collect": self.tr("Collecting the changes…"),
            "part": self.tr("Writing part %1…"),
            "decrypt": self.tr("Decrypting the bundle…"),
            "files": self.tr("Checking the files in the bundle…"),
            "records": self.tr("Checking the records…"),
            "apply": self.tr("Applying the records…"),
            "done": self.tr("Done"),
        }

    def _run_with_keys(
        self,
        label: str,
        task: Callable[[OfficeKeys, sync.Progress], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> bool:
        """Run ``task(keys, progress)`` off the GUI thread, unlocking the keys first if needed.

        The password is asked once while the screen is open (unlocking is deliberately slow)."""
        if self.operation is not None:
            return False
        password = None
        if self._keys is None:
            password = password_dialog.ask_password(
                self,
                self.tr(
                    "Your password unlocks this office's keys. It is asked once while this screen stays open."
                ),
            )
            if password is None:
                return False
        keys, ws, actor, stages = self._keys, self.ctx.ws, self.ctx.actor, self._stages()
        unlocked: list[OfficeKeys] = []

        def work(progress):  # type: ignore[no-untyped-def]
            k = keys
            if k is None:
                progress(0, 100, stages["unlock"])
                with ws.db.session() as s:
                    k = sync.unlock(s, actor, password or "")
                unlocked.append(k)

            def report(fraction: float, message: str) -> None:
                if message.startswith("part "):
                    text = stages["part"].replace("%1", message[5:])
                else:
                    text = stages.get(message, stages["files"])
                progress(int(fraction * 100), 100, text)

            return task(k, report)

        def finish() -> None:
            self.operation = None
            if unlocked:
                self._keys = unlocked[0]
            self._update_buttons()

        op = Operation(self, label, work)
        op.dialog.setCancelButton(None)  # one transaction: it cannot stop half-way

        def succeeded(result: Any) -> None:
            finish()
            done(result)

        def refused(exc: BaseException) -> None:
            finish()
            failed(exc)

        op.on_success(succeeded).on_failure(refused)
        self.operation = op
        self._update_buttons()
        op.start()
        return True

    # --- refresh -----------------------------------------------------------------------------------

    def forget_keys(self) -> None:
        """Drop the office keys unlocked for this screen (on the idle lock, gui/session_lock.py)."""
        self._keys = None

    def refresh(self) -> None:
        with self.ctx.session() as s:
            info = sync.key_info(s)
            peers = sync.peers(s)
            self.entries = sync.trust_list(s)
            log = sync.exchange_log(s)
            outbound = sync.outbound_rows(s)
        self.office_label.setText(
            self.tr("%1 (code %2)").replace("%1", info.name_fa).replace("%2", ltr(info.office_id))
        )
        self.own_fingerprint.setText(info.fingerprint_text)
        self._fill_recipients(peers)
        self._fill_trust()
        self._fill_history(log)
        self._fill_outbound(outbound)
        if self.refusal_reason is not None:
            self.permission_label.setText(
                self.tr(
                    "You may look at the trusted offices and the history. Sending and receiving bundles, "
                    "enrolling and revoking need the office keys: %1"
                ).replace("%1", self._message(self.refusal_reason))
            )
            self.permission_label.show()
        else:
            self.permission_label.hide()
        self._update_buttons()

    def _fill_recipients(self, peers: list[sync.Peer]) -> None:
        current = self.recipient_combo.currentData()
        self.recipient_combo.clear()
        for p in peers:
            text = f"{p.name_fa} ({ltr(p.office_id)})"
            if not p.enrolled:
                text += " — " + self.tr("certificate not enrolled yet")
            self.recipient_combo.addItem(text, p.office_id)
        if not peers:
            self.recipient_combo.setPlaceholderText(
                self.tr("No province is enrolled yet: enrol its certificate under Trusted offices")
            )
        at = self.recipient_combo.findData(current)
        self.recipient_combo.setCurrentIndex(at if at >= 0 else (0 if peers else -1))

    def _fill_trust(self) -> None:
        selected = self.selected_entry()
        self.trust_table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            status = (
                self.tr("trusted")
                if e.active
                else self.tr("revoked on %1").replace("%1", self._when(e.revoked_at))
            )
            cells = [
                e.office_name,
                ltr(e.office_id),
                ltr(e.fingerprint_text),
                status,
                self._when(e.enrolled_at),
                "" if e.active else e.revoke_reason,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setFont(fingerprint_font(10))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == 3 and not e.active:
                    item.setForeground(QColor(REVOKED_COLOR))
                item.setData(Qt.ItemDataRole.UserRole, e.fingerprint)
                self.trust_table.setItem(r, c, item)
        if selected is not None:
            self.select_entry(selected.fingerprint)
        peer = self.tr("the provinces' offices") if self.ctx.is_central else self.tr("TPO's central office")
        self.trust_empty_label.setText(
            self.tr(
                "No office is trusted yet: enrol %1 with “Enrol a certificate…”; until then no bundle is accepted."
            ).replace("%1", peer)
        )
        self.trust_empty_label.setVisible(not self.entries)

    def _fill_history(self, log: list[sync.ExchangeRow]) -> None:
        self.history_table.setRowCount(len(log))
        for r, row in enumerate(log):
            direction = self.tr("sent") if row.direction == "sent" else self.tr("received")
            cells = [
                self._when(row.at),
                direction,
                f"{row.peer_name} ({self._n(row.peer)})",
                self._n(row.sequence),
                self._title(sync.kind_title(row.kind)),
                self._result(row),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == 5 and row.kept:
                    item.setToolTip(row.kept)
                self.history_table.setItem(r, c, item)

    def _result(self, row: sync.ExchangeRow) -> str:
        if row.direction == "imported":
            c = row.changes
            if not any(c.values()):
                return self.tr("imported: no records (an acknowledgement only)")
            return (
                self.tr("imported: %1 new, %2 updated, %3 unchanged")
                .replace("%1", self._n(c.get("add", 0)))
                .replace("%2", self._n(c.get("update", 0)))
                .replace("%3", self._n(c.get("unchanged", 0)))
            )
        if row.acknowledged_at is not None:
            return self.tr("acknowledged by the recipient (%1)").replace(
                "%1", self._when(row.acknowledged_at)
            )
        return self.tr("waiting for acknowledgement; a copy is kept in this office")

    def _fill_outbound(self, rows: list[sync.OutboundRow]) -> None:
        self.outbound_table.setRowCount(len(rows))
        for r, o in enumerate(rows):
            waiting = (
                "، ".join(self._n(s) for s in o.waiting)
                if self.ctx.lang == "fa"
                else ", ".join(map(str, o.waiting))
            )
            cells = [
                f"{o.peer_name} ({self._n(o.peer)})",
                self._n(o.sent),
                self._n(o.acknowledged) if o.acknowledged else self.tr("none yet"),
                waiting or self.tr("none"),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.outbound_table.setItem(r, c, item)

    def _update_buttons(self) -> None:
        allowed = self.refusal_reason is None
        idle = self.operation is None
        entry = self.selected_entry()
        self.export_button.setEnabled(allowed and idle and self.recipient_combo.currentIndex() >= 0)
        self.choose_button.setEnabled(allowed and idle)
        self.apply_button.setEnabled(
            allowed and idle and self.verified is not None and self.import_report is None
        )
        self.enroll_button.setEnabled(allowed and idle)
        self.revoke_button.setEnabled(allowed and idle and entry is not None and entry.active)
        self.certificate_button.setEnabled(allowed and idle)
        why = "" if allowed else self._message(self.refusal_reason)  # type: ignore[arg-type]
        for b in (
            self.export_button,
            self.choose_button,
            self.apply_button,
            self.enroll_button,
            self.revoke_button,
            self.certificate_button,
        ):
            b.setToolTip(why)

    # --- send --------------------------------------------------------------------------------------

    def export(self) -> bool:
        """Ask where to save, then write the bundle for the chosen recipient in the background."""
        peer = self.recipient_combo.currentData()
        if not peer:
            return False
        self.export_errors.clear()
        full = self.full_check.isChecked()
        out = prompts.save_file(
            self,
            self.tr("Save the bundle as"),
            f"{self.ctx.actor.office_id}-to-{peer}.bundle",
            self.tr("Bundles (*.bundle *.cdb);;All files (*)"),
            kind="bundles",
        )
        if out is None:
            return False
        if not out.suffix:
            out = out.with_suffix(".bundle")
        ws, actor = self.ctx.ws, self.ctx.actor
        return self._run_with_keys(
            self.tr("Writing the bundle…"),
            lambda keys, progress: sync.export_bundle(
                ws, actor, keys, out, to=peer, full=full, progress=progress
            ),
            self._exported,
            self._export_failed,
        )

    def _exported(self, result: sync.ExportResult) -> None:
        self.export_result = result
        with self.ctx.session() as s:
            names = {p.office_id: p.name_fa for p in sync.peers(s)}
        recipient = f"{names.get(result.recipient, result.recipient)} ({self._n(result.recipient)})"
        lines = [
            self.tr("Bundle number %1 for %2 was written to %3")
            .replace("%1", self._n(seq))
            .replace("%2", recipient)
            .replace("%3", ltr(str(f)))
            for f, seq in zip(result.files, result.sequences, strict=True)
        ]
        lines.append(self.tr("It holds %1 dossiers.").replace("%1", self._n(result.dossiers)))
        if result.moved_to_sent:
            lines.append(
                self.tr("%1 provincially approved dossiers are now marked as sent to the centre.").replace(
                    "%1", self._n(len(result.moved_to_sent))
                )
            )
        held = [
            f"{self._n(n)} {self._title(sync.table_title(t))}"
            for t in TABLE_ORDER
            if (n := result.record_counts.get(t, 0))
        ]
        if held:
            sep = "، " if self.ctx.lang == "fa" else ", "
            lines.append(self.tr("Records: %1").replace("%1", sep.join(held)))
        lines.append(
            self.tr(
                "A copy is kept in this office until the recipient acknowledges it. Carry the file to the recipient."
            )
        )
        self.export_result_label.setText("\n".join(lines))
        self.export_result_label.show()
        self.ctx.changed.emit("bundle")

    def _export_failed(self, exc: BaseException) -> None:
        self.export_result_label.hide()
        if isinstance(exc, DomainError):
            self.export_errors.show(exc)
        else:
            prompts.error(self, exc)

    # --- receive -----------------------------------------------------------------------------------

    def offer(self, path: Path) -> bool:
        """A bundle handed to the program from outside (double-click, command line): show the receive
        page and check it at once; nothing is applied until the user presses Apply."""
        receive = self.tabs.findChild(QWidget, "import_tab")
        if receive is not None:
            self.tabs.setCurrentWidget(receive)
        if self.refusal_reason is not None:
            self.file_label.setText(ltr(str(path)))
            self._verdict(self._message(self.refusal_reason), ok=False)
            return False
        return self.verify(Path(path))

    def choose_and_verify(self) -> bool:
        path = prompts.open_file(
            self,
            self.tr("Choose the bundle file"),
            self.tr("Bundles (*.bundle *.cdb);;All files (*)"),
            kind="bundles",
        )
        if path is None:
            return False
        return self.verify(path)

    def verify(self, path: Path) -> bool:
        """Check the bundle completely, changing nothing, and show what it holds."""
        self._clear_bundle()
        self.file_label.setText(ltr(str(path)))
        ws, actor = self.ctx.ws, self.ctx.actor
        return self._run_with_keys(
            self.tr("Checking the bundle…"),
            lambda keys, progress: sync.verify_bundle(ws, actor, keys, path, progress),
            lambda report: self._verified(path, report),
            self._refused,
        )

    def _verified(self, path: Path, report: dict[str, Any]) -> None:
        self.verified = (path, report)
        self._show_report(report)
        self._verdict(
            self.tr(
                "Every check passed: signed by an enrolled office, addressed to this office, not imported "
                "before, every file intact. Nothing has been changed yet — read what the bundle holds, then "
                "apply it."
            ),
            ok=True,
        )
        self._update_buttons()

    def apply(self) -> bool:
        """Import the bundle just verified (the service checks it all again, in one transaction)."""
        if self.verified is None or self.import_report is not None:
            return False
        path = self.verified[0]
        ws, actor = self.ctx.ws, self.ctx.actor
        return self._run_with_keys(
            self.tr("Importing the bundle…"),
            lambda keys, progress: sync.import_bundle(ws, actor, keys, path, progress),
            self._imported,
            self._refused,
        )

    def _imported(self, report: dict[str, Any]) -> None:
        self.import_report = report
        self._show_report(report)
        text = self.tr("The bundle was imported.")
        if report.get("acknowledged"):
            sep = "، " if self.ctx.lang == "fa" else ", "
            text += " " + self.tr("It acknowledges our bundles %1; their kept copies were removed.").replace(
                "%1", sep.join(self._n(s) for s in report["acknowledged"])
            )
        self._verdict(text, ok=True)
        self._update_buttons()
        self.ctx.changed.emit("bundle")

    def _refused(self, exc: BaseException) -> None:
        self.refusal = self._message(exc)
        self.verified = None
        self._verdict(
            self.tr("The bundle was refused: %1 Nothing was changed in this office.").replace(
                "%1", self.refusal
            ),
            ok=False,
        )
        self._update_buttons()

    def _verdict(self, text: str, *, ok: bool) -> None:
        self.verdict_label.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
        self.verdict_label.setText(text)
        self.verdict_label.show()

    def _clear_bundle(self) -> None:
        self.verified = None
        self.import_report = None
        self.refusal = None
        self.verdict_label.hide()
        self.verdict_label.clear()
        self.audit_warning.hide()
        self.file_label.clear()
        for label in self.values.values():
            label.clear()
        self.report_panel.hide()
        self.contents_table.setRowCount(0)
        self.dossiers_list.clear()

    def _show_report(self, r: dict[str, Any]) -> None:
        """Who signed it, when, for whom, which number, and what it holds (or changed, once applied)."""
        self.report_panel.show()
        sender = r["sender"]
        self.values["kind"].setText(self._title(sync.kind_title(r["kind"])))
        self.values["sender"].setText(f"{sender['name']} ({ltr(sender['office_id'])})")
        self.values["fingerprint"].setText(ltr(sender["fingerprint_text"]))
        self.values["created"].setText(self._when(_created(r["created_at"])))
        with self.ctx.session() as s:
            info = sync.key_info(s)
        recipient = info.name_fa if r["recipient"] == info.office_id else r["recipient"]
        self.values["recipient"].setText(f"{recipient} ({self._n(r['recipient'])})")
        sequence = self._n(r["sequence"])
        if r.get("parts", 1) > 1:
            sequence += " " + self.tr("(part %1 of %2)").replace("%1", self._n(r["part"])).replace(
                "%2", self._n(r["parts"])
            )
        if r.get("gap"):
            a, b = r["gap"]
            sequence += " — " + self.tr(
                "bundles %1 to %2 never arrived; this one carries all their changes"
            ).replace("%1", self._n(a)).replace("%2", self._n(b))
        self.values["sequence"].setText(sequence)
        rewritten = (r.get("audit") or {}).get("rewritten")
        if rewritten:
            self.audit_warning.setText(
                rewritten["warning_fa"] if self.ctx.lang == "fa" else rewritten["warning_en"]
            )
        self.audit_warning.setVisible(bool(rewritten))
        self._fill_contents(r)
        self._fill_dossiers(r)

    def _fill_contents(self, r: dict[str, Any]) -> None:
        counts: dict[str, int] = r.get("record_counts", {})
        tables: dict[str, dict[str, int]] = r.get("tables", {})
        names = [t for t in TABLE_ORDER if counts.get(t) or t in tables]
        names += sorted(t for t in set(counts) | set(tables) if t not in names and t in TABLE_ORDER)
        rows = []
        for t in names:
            g = tables.get(t, {})
            rows.append(
                [
                    self._title(sync.table_title(t)),
                    self._n(counts.get(t, 0)),
                    self._n(g.get("add", 0)),
                    self._n(g.get("update", 0)),
                    self._n(g.get("unchanged", 0)),
                ]
            )
        files = r.get("attachments", {}).get("files", 0)
        if files:
            mb = r["attachments"]["bytes"] / 2**20
            rows.append(
                [
                    self.tr("Attachment files (%1 MB)").replace("%1", self._n(f"{mb:.1f}")),
                    self._n(files),
                    "",
                    "",
                    "",
                ]
            )
        self.contents_table.setRowCount(len(rows))
        for i, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.contents_table.setItem(i, c, item)

    def _fill_dossiers(self, r: dict[str, Any]) -> None:
        self.dossiers_list.clear()
        lang = self.ctx.lang
        arrow = " ← " if lang == "fa" else " → "
        dossiers = r.get("dossiers", [])
        if r.get("applied"):
            changed = [d for d in dossiers if d["before"] != d["after"]]
            self.dossiers_list.addItem(
                self.tr("%1 dossiers changed state:").replace("%1", self._n(len(changed)))
            )
            for d in changed:
                before = state_title(d["before"], lang) if d["before"] else self.tr("new here")
                self.dossiers_list.addItem(f"«{d['name']}»: {before}{arrow}{state_title(d['after'], lang)}")
            moved = [p for p in r.get("programmes", []) if p["before"] != p["after"]]
            if moved:
                self.dossiers_list.addItem(
                    self.tr("%1 development programmes changed state:").replace("%1", self._n(len(moved)))
                )
            for p in moved:
                before = programme_state(p["before"], lang) if p["before"] else self.tr("new here")
                self.dossiers_list.addItem(
                    f"«{p['title']}»: {before}{arrow}{programme_state(p['after'], lang)}"
                )
        else:
            # Before applying, the report names only the dossiers this office already holds.
            total = r.get("record_counts", {}).get("dossiers", 0)
            new = r.get("tables", {}).get("dossiers", {}).get("add", 0)
            self.dossiers_list.addItem(
                self.tr("%1 dossiers in the bundle, %2 of them new to this office:")
                .replace("%1", self._n(total))
                .replace("%2", self._n(new))
            )
            for d in dossiers:
                if d["before"]:
                    self.dossiers_list.addItem(f"«{d['name']}» — {state_title(d['before'], lang)}")
            if new:
                self.dossiers_list.addItem(
                    self.tr("%1 new dossiers: their names are listed once the bundle is applied").replace(
                        "%1", self._n(new)
                    )
                )

    # --- trust -------------------------------------------------------------------------------------

    def selected_entry(self) -> TrustEntry | None:
        rows = self.trust_table.selectionModel().selectedRows() if self.trust_table.selectionModel() else []
        if not rows:
            return None
        item = self.trust_table.item(rows[0].row(), 0)
        fp = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((e for e in self.entries if e.fingerprint == fp), None)

    def select_entry(self, fingerprint: str) -> bool:
        for r in range(self.trust_table.rowCount()):
            item = self.trust_table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == fingerprint:
                select_row(self.trust_table, r)
                return True
        return False

    def enroll(self) -> TrustEntry | None:
        """Read a certificate file, show its fingerprint, and enrol it once compared by phone."""
        self.trust_errors.clear()
        path = prompts.open_file(
            self,
            self.tr("Choose the office's certificate"),
            self.tr("Certificates (*.json);;All files (*)"),
            kind="certificates",
        )
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            self.trust_errors.show(
                DomainError(
                    f"فایل گواهی «{path}» خوانده نشد.", f"The certificate file '{path}' cannot be read."
                )
            )
            return None
        try:
            dialog = SyncEnrollDialog(self.ctx, data, self)
        except DomainError as e:
            self.trust_errors.show(e)
            return None
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.entry is None:
            return None
        self.ctx.changed.emit("trust")
        self.refresh()
        self.select_entry(dialog.entry.fingerprint)
        return dialog.entry

    def revoke(self) -> bool:
        entry = self.selected_entry()
        if entry is None or not entry.active:
            return False
        self.trust_errors.clear()
        title = self.tr("Revoke a key")
        reason = prompts.ask_text(
            self,
            title,
            self.tr("Why is the key of %1 revoked (lost, stolen, office re-installed…)?").replace(
                "%1", entry.office_name
            ),
        )
        if reason is None:
            return False
        if not prompts.confirm(
            self,
            title,
            self.tr(
                "Revoke the key of %1? Its bundles are refused from then on; a new certificate must be "
                "enrolled to exchange bundles again."
            ).replace("%1", entry.office_name),
        ):
            return False
        try:
            with self.ctx.session() as s:
                sync.revoke(s, self.ctx.actor, entry.office_id, reason)
        except DomainError as e:
            self.trust_errors.show(e)
            return False
        self.ctx.changed.emit("trust")
        self.refresh()
        return True

    def save_certificate(self) -> Path | None:
        """Write this office's certificate (signed, so the keys are unlocked) for the peer office."""
        out = prompts.save_file(
            self,
            self.tr("Save this office's certificate as"),
            f"{self.ctx.actor.office_id}-certificate.json",
            self.tr("Certificates (*.json);;All files (*)"),
            kind="certificates",
        )
        if out is None:
            return None
        ws = self.ctx.ws

        def write(keys: OfficeKeys, _progress: sync.Progress) -> OfficeCertificate:
            with ws.db.session() as s:
                return sync.write_certificate(s, keys, out)

        def written(cert: OfficeCertificate) -> None:
            prompts.info(
                self,
                self.tr("Certificate saved"),
                self.tr(
                    "This office's certificate was written to %1. Give it to the other office and read "
                    "this fingerprint to them by phone: %2"
                )
                .replace("%1", ltr(str(out)))
                .replace("%2", ltr(cert.fingerprint_text)),
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, DomainError):
                self.trust_errors.show(exc)
            else:
                prompts.error(self, exc)

        return (
            out if self._run_with_keys(self.tr("Writing the certificate…"), write, written, failed) else None
        )


def screenshot(ctx: AppContext) -> QWidget:
    """The history tab when bundles were exchanged, else the trusted offices."""
    view = SyncView(ctx)
    view.tabs.setCurrentIndex(3 if view.history_table.rowCount() else 2)
    if view.trust_table.rowCount():
        select_row(view.trust_table, 0)
    return view
