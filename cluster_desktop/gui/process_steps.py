"""Reference view of the programme's processes: inputs, outputs and responsible agencies (the matrix),
which prints as the seed's responsibility matrix."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSplitter, QTextBrowser, QTreeWidget, QTreeWidgetItem, QWidget

from cluster_desktop.services.reference import process_details, process_tree, step_processes

from .context import AppContext
from .operation import Operation
from .print_preview import preview_document
from .uiloader import find, load_ui

CODE = Qt.ItemDataRole.UserRole


class ProcessStepsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("process_steps.ui", self)
        self.tree = find(self.ui, QTreeWidget, "processes_tree")
        self.details = find(self.ui, QTextBrowser, "details")
        find(self.ui, QSplitter, "splitter").setSizes([380, 700])
        self.tree.currentItemChanged.connect(lambda cur, _prev: cur and self.show_process(cur.data(0, CODE)))
        self.items: dict[str, QTreeWidgetItem] = {}
        self.operation: Operation | None = None
        find(self.ui, QPushButton, "print_matrix_button").clicked.connect(self.print_matrix)
        self._fill()

    def _fill(self) -> None:
        with self.ctx.session() as s:
            tree = process_tree(s)
        for parent_code, title, children in tree:
            top = QTreeWidgetItem([f"{parent_code} — {title}"])
            top.setData(0, CODE, parent_code)
            top.setToolTip(0, top.text(0))  # long seed titles are elided in a narrow pane
            self.items[parent_code] = top
            for code, child_title in children:
                child = QTreeWidgetItem([f"{code} — {child_title}"])
                child.setData(0, CODE, code)
                child.setToolTip(0, child.text(0))
                top.addChild(child)
                self.items[code] = child
            self.tree.addTopLevelItem(top)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def focus_step(self, step_code: str) -> None:
        """Select the first process of a phase step (navigation by the seed's steps lands here)."""
        with self.ctx.session() as s:
            codes = step_processes(s, step_code)
        for code in codes:
            if code in self.items:
                self.tree.setCurrentItem(self.items[code])
                return

    def show_process(self, code: str) -> None:
        with self.ctx.session() as s:
            d = process_details(s, code)
        # Every block is marked RTL: a heading that starts with a Latin F-code would otherwise align left.
        parts = [f"<h2>{escape(d.code)} — {escape(d.title_fa)}</h2>"]
        if d.summary_fa:
            parts.append(f"<p>{escape(d.summary_fa)}</p>")
        for label, items in ((self.tr("Inputs"), d.inputs_fa), (self.tr("Outputs"), d.outputs_fa)):
            if items:
                parts.append(
                    f"<h3>{escape(label)}</h3><ul>"
                    + "".join(f"<li>{escape(i)}</li>" for i in items)
                    + "</ul>"
                )
        if d.note_fa:
            parts.append(f"<p><i>{escape(d.note_fa)}</i></p>")
        heading = self.tr("Responsible agencies (responsibility matrix)")
        parts.append(f"<h3>{escape(heading)}</h3>")
        if d.agencies_fa:
            parts.append("<ul>" + "".join(f"<li>{escape(a)}</li>" for a in d.agencies_fa) + "</ul>")
        else:
            none = self.tr("The matrix names no agency for this step itself.")
            parts.append(f"<p>{escape(none)}</p>")
        html = "".join(parts)
        for tag in ("h2", "h3", "p", "ul"):
            html = html.replace(f"<{tag}>", f'<{tag} dir="rtl">')
        self.details.setHtml(html)

    def print_matrix(self) -> Operation:
        """Preview the responsibility matrix (made off the GUI thread)."""
        self.operation = preview_document(self, self.ctx, "matrix")
        return self.operation

    def refresh(self) -> None:
        pass
