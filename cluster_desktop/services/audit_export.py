"""The filtered audit log as an Excel workbook (issue 17), for an inspector or an auditor's file.

One right-to-left sheet, one row per entry, newest first, as the audit view shows them: the time as
Jalali text (Latin digits, so a spreadsheet sorts it) and again as ISO UTC, who, the action's Persian
title and its code, what it concerned, the dossier and the details in words. Text typed by people is
never a formula (services/spreadsheet.py). Written whole or not at all; the export is itself audited.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali, to_tehran

from . import audit, spreadsheet
from .actor import Actor
from .audit_views import AuditQuery, AuditRow, count_entries, list_entries, require_viewer
from .workspace import Workspace

Progress = Callable[[int, int, str], None]
CHUNK = 2000

COLUMNS: list[tuple[str, int]] = [  # Persian header, width
    ("شماره", 9),
    ("تاریخ و ساعت (شمسی، تهران)", 22),
    ("زمان (ISO، UTC)", 22),
    ("نام کاربری", 14),
    ("کاربر", 26),
    ("عمل", 34),
    ("کد عمل", 22),
    ("موضوع", 36),
    ("پرونده", 30),
    ("جزئیات", 70),
]


@dataclass(frozen=True)
class AuditExport:
    path: Path
    rows: int


def _jalali_text(row: AuditRow) -> str:
    local = to_tehran(row.at)
    return f"{format_jalali(local.date(), persian=False)} {local:%H:%M:%S}"


def _record(row: AuditRow) -> list[object]:
    return [
        row.id,
        _jalali_text(row),
        row.at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        row.username,
        row.user_label,
        row.title_fa,
        row.action,
        row.subject_fa,
        row.dossier_name,
        row.details_fa,
    ]


def export_xlsx(
    ws: Workspace, actor: Actor, query: AuditQuery, path: Path, progress: Progress | None = None
) -> AuditExport:
    """Write every entry ``query`` selects to ``path`` (``.xlsx``); in a session of its own, so the GUI
    runs it off its thread."""
    require_viewer(actor)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise DomainError(
            "پسوند فایل خروجی باید ‎.xlsx باشد.", "The output file must end in .xlsx.", field="path"
        )
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("گزارش ممیزی")
    sheet.sheet_view.rightToLeft = True
    sheet.freeze_panes = "A2"
    for i, (_title, width) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + i)].width = width
    header = []
    for title, _w in COLUMNS:
        c = Cell(sheet, row=1, column=1, value=title)
        c.font = Font(bold=True)
        header.append(c)
    sheet.append(header)
    written = 0
    with ws.db.session() as s:
        total = count_entries(s, actor, query)
        before: int | None = None
        while True:
            rows = list_entries(s, actor, query, before_id=before, limit=CHUNK)
            if not rows:
                break
            for r in rows:
                sheet.append(spreadsheet.row(sheet, _record(r)))
            written += len(rows)
            before = rows[-1].id
            if progress is not None:
                progress(written, max(total, written), "")
        tmp = path.with_name(f".{path.name}.part")
        try:
            wb.save(tmp)
            os.replace(tmp, path)  # no half-written workbook is ever visible
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise DomainError(
                f"فایل «{path}» نوشته نشد: {exc.strerror or exc}",
                f"The file '{path}' could not be written: {exc.strerror or exc}",
                field="path",
            ) from exc
        audit.record(s, actor, "audit.export", "audit_log", None, rows=written, file=path.name)
    return AuditExport(path, written)
