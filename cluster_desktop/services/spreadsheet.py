"""Cells for spreadsheets other people open: text never becomes a formula.

openpyxl stores a string starting with ``=`` as a formula, and Excel, LibreOffice and Google Sheets
read ``=``, ``+``, ``-``, ``@`` (and a leading tab or line break) as the start of one when a cell is
edited or a file re-imported: a cluster name or a reason typed as ``=HYPERLINK(...)`` would run in the
reader's spreadsheet. Such text is written as a string cell with Excel's quote prefix, so it shows
exactly as typed and stays text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell(sheet: Any, value: Any) -> Any:
    """``value`` as ``sheet.append`` takes it (normal or write-only sheets)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        from openpyxl.cell.cell import Cell

        # A position of its own, which append() replaces: write-only sheets format the cell in an error
        # message on the way (openpyxl 3.1) and fail on a cell without one.
        c = Cell(sheet, row=1, column=1, value=value)
        c.data_type = "s"
        c.quotePrefix = True
        return c
    return value


def csv_value(value: Any) -> Any:
    """``value`` for a CSV file: text that would start a formula gets a leading apostrophe (the usual
    defence: a spreadsheet opening the file shows it as text instead of running it)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    return [cell(sheet, v) for v in values]
