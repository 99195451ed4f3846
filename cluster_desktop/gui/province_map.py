"""The national map (issue 16, part 4): the 31 provinces of the shipped GeoJSON coloured by a measure
the user picks, with a legend; hovering a province shows its figures, clicking it opens the national
list filtered to it; the map saves as PNG. The ODbL notice of the boundaries is drawn on the map
itself, so it travels with every export.

Outlines, colours, labels and legend all come from services/province_map.map_view, as the printed
national report's map page does.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain import geo
from cluster_desktop.services import province_map as pm

from . import prompts
from .content_text import plain_tip
from .context import AppContext
from .operation import Operation

SCALE = 3600.0  # scene units per projected unit: Iran ≈ 1,000 units wide
BORDER = QColor("#5b6570")
HOVER = QColor("#d9480f")
TEXT = QColor("#1d2733")
MARGIN = 16.0


def _path(shape: geo.ProvinceShape) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)  # holes stay holes
    for polygon in shape.polygons:
        for ring in polygon:
            path.moveTo(ring[0][0] * SCALE, -ring[0][1] * SCALE)
            for x, y in ring[1:]:
                path.lineTo(x * SCALE, -y * SCALE)
            path.closeSubpath()
    return path


class ProvinceItem(QGraphicsPathItem):
    """One province: filled by its class's colour, outlined, highlighted while the pointer is on it."""

    def __init__(self, shape: geo.ProvinceShape, owner: ProvinceMap) -> None:
        super().__init__(_path(shape))
        self.code = shape.code
        self.shape_data = shape
        self.owner = owner
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._pen = QPen(BORDER, 0.9)
        self._pen.setCosmetic(True)
        self.setPen(self._pen)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        pen = QPen(HOVER, 2.4)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setZValue(2)
        self.owner.province_hovered.emit(self.code)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setPen(self._pen)
        self.setZValue(0)
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.owner.province_clicked.emit(self.code)
            event.accept()
            return
        super().mousePressEvent(event)


def _text(scene: QGraphicsScene, text: str, size: float, *, bold: bool = False) -> QGraphicsSimpleTextItem:
    item = scene.addSimpleText(text)  # plain text: a name is never markup here
    font = QFont(QApplication.font())
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.setBrush(QBrush(TEXT))
    return item


class ProvinceMap(QGraphicsView):
    """The map itself: a scene of the 31 provinces, their figures, the legend and the ODbL notice."""

    province_clicked = Signal(str)
    province_hovered = Signal(str)

    def __init__(self, lang: str = "fa", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fa = lang == "fa"
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.setMinimumSize(420, 360)
        self.items_by_code: dict[str, ProvinceItem] = {}
        self.labels: dict[str, QGraphicsSimpleTextItem] = {}
        self.legend_texts: list[str] = []
        self.title_text = ""
        self.attribution_text = ""
        self.view: pm.MapView | None = None

    def show_map(self, view: pm.MapView, title: str) -> None:
        """Draw ``view``: every province coloured and labelled, the legend and the notice."""
        self.view = view
        scene = self.scene()
        scene.clear()
        self.items_by_code, self.labels = {}, {}
        labels = view.labels_fa if self.fa else view.labels_en
        for shape in view.geometry.shapes:
            item = ProvinceItem(shape, self)
            item.setBrush(QBrush(QColor(view.colours.get(shape.code, geo.NO_DATA_COLOUR))))
            figures = view.figures.get(shape.code)
            if figures is not None:
                item.setToolTip(plain_tip("\n".join(pm.figure_lines(figures, persian=self.fa))))
            scene.addItem(item)
            self.items_by_code[shape.code] = item
            x, y = shape.label_point
            text = labels.get(shape.code, "")
            # Dark figures on a white halo: readable on every class's colour, and where a label
            # reaches into a neighbour.
            halo = _text(scene, text, 13)
            halo.setBrush(QBrush(QColor("#ffffff")))
            pen = QPen(QColor(255, 255, 255, 220), 3.2)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            halo.setPen(pen)
            label = _text(scene, text, 13)
            rect = label.boundingRect()
            for item_ in (halo, label):
                item_.setPos(x * SCALE - rect.width() / 2, -y * SCALE - rect.height() / 2)
                item_.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks reach the province below
                item_.setAcceptHoverEvents(False)
            halo.setZValue(3)
            label.setZValue(3.5)
            self.labels[shape.code] = label
        self._decorate(view, title)
        self.fit()

    def _decorate(self, view: pm.MapView, title: str) -> None:
        """Title (top, reading side), legend (bottom, the Persian Gulf's corner), notice (under the map)."""
        scene = self.scene()
        x0, y0, x1, y1 = (v * SCALE for v in view.geometry.bounds)
        left, right, top, bottom = x0, x1, -y1, -y0
        self.title_text = title
        heading = _text(scene, title, 20, bold=True)
        width = heading.boundingRect().width()
        heading.setPos(right - width if self.fa else left, top - 14)
        # The legend: a swatch and its text per class, lightest first.
        entries = [(e.colour, e.text_fa if self.fa else e.text_en) for e in view.legend]
        self.legend_texts = [t for _, t in entries]
        line = 34.0
        caption = _text(scene, view.measure.title_fa if self.fa else view.measure.title_en, 14, bold=True)
        height = line * (len(entries) + 1) + 10
        box_top = bottom - height
        texts = [_text(scene, t, 13.5) for _, t in entries]
        box_w = max([caption.boundingRect().width(), *(t.boundingRect().width() for t in texts)]) + 50
        box = QGraphicsRectItem(QRectF(left, box_top, box_w, height))
        box.setBrush(QBrush(QColor(255, 255, 255, 230)))
        box.setPen(QPen(QColor("#b8c0c8"), 0.8))
        box.setZValue(4)
        scene.addItem(box)
        caption.setZValue(5)
        self._place(caption, left, box_w, box_top + 6)
        for i, ((colour, _), text) in enumerate(zip(entries, texts, strict=True)):
            y = box_top + 6 + line * (i + 1)
            swatch = QGraphicsRectItem(QRectF(0, 0, 22, 16))
            swatch.setBrush(QBrush(QColor(colour)))
            swatch.setPen(QPen(BORDER, 0.6))
            swatch.setZValue(5)
            scene.addItem(swatch)
            # Right to left: the swatch on the right and its text to its left.
            sx = left + box_w - 10 - 22 if self.fa else left + 10
            swatch.setPos(sx, y + 5)
            text.setZValue(5)
            tw = text.boundingRect().width()
            text.setPos(sx - 8 - tw if self.fa else sx + 30, y)
        self.attribution_text = view.attribution
        notice = _text(scene, view.attribution, 10.5)
        notice.setBrush(QBrush(QColor("#4a5561")))
        nw = notice.boundingRect().width()
        notice.setPos(right - nw if self.fa else left, bottom + 10)
        if nw > right - left:  # a narrow map: the notice scales down, never gets cut
            notice.setScale((right - left) / nw)
            notice.setPos(left, bottom + 10)

    def _place(self, item: QGraphicsSimpleTextItem, left: float, width: float, y: float) -> None:
        w = item.boundingRect().width()
        item.setPos(left + width - 10 - w if self.fa else left + 10, y)

    def fit(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.scene().setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.view is not None:
            self.fit()

    def image(self, width: int = 2000) -> QImage:
        """The whole map (title, legend and notice included) as an image ``width`` pixels wide."""
        rect = self.scene().sceneRect()
        height = max(1, round(width * rect.height() / max(rect.width(), 1)))
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.scene().render(painter, QRectF(0, 0, width, height), rect)
        painter.end()
        return image

    def province_at(self, code: str) -> QPointF:
        """Where in the view a province's label point is (for tests and keyboard users)."""
        shape = self.items_by_code[code].shape_data
        x, y = shape.label_point
        return QPointF(self.mapFromScene(QPointF(x * SCALE, -y * SCALE)))


class NationalMapView(QWidget):
    """The centre's national map: measure chooser, the map, Save as PNG."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.figures: list[pm.ProvinceFigures] | None = None
        self.operation: Operation | None = None
        bar = QHBoxLayout()
        caption = QLabel(self.tr("Colour the provinces by:"), self)
        caption.setTextFormat(Qt.TextFormat.PlainText)
        self.measure_combo = QComboBox(self)
        self.measure_combo.setObjectName("measure_combo")
        for m in pm.MEASURES:
            self.measure_combo.addItem(m.title_fa if self.fa else m.title_en, m.key)
        self.save_button = QPushButton(self.tr("Save as PNG…"), self)
        self.save_button.setObjectName("save_png_button")
        self.hint = QLabel(
            self.tr("Point at a province for its figures; click it to list its dossiers."), self
        )
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setStyleSheet("color: #5a6b7b;")
        self.hint.setWordWrap(True)
        caption.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        bar.addWidget(caption)
        bar.addWidget(self.measure_combo)
        bar.addSpacing(12)
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.save_button)
        self.map = ProvinceMap(ctx.lang, self)
        self.map.setObjectName("province_map")
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.map, 1)
        self.measure_combo.currentIndexChanged.connect(lambda _i: self.redraw())
        self.save_button.clicked.connect(self.save_png)
        self.map.province_clicked.connect(self.show_province)
        self.save_button.setEnabled(False)
        self.refresh()

    def refresh(self) -> Operation:
        """Read the provinces' figures off the GUI thread, then draw."""
        ws, actor = self.ctx.ws, self.ctx.actor

        def work(_progress: object) -> list[pm.ProvinceFigures]:
            pm.geometry()  # parsed and projected here, not on the GUI thread
            with ws.db.session() as s:
                return pm.province_figures(s, actor)

        self.operation = Operation(self, "", work, quiet=True).on_success(self._loaded)
        self.operation.on_failure(self._failed).start()
        return self.operation

    def busy(self) -> bool:
        return self.operation is not None

    def _loaded(self, figures: list[pm.ProvinceFigures]) -> None:
        self.operation = None
        self.figures = figures
        self.redraw()
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.operation = None
        prompts.error(self, exc)

    @property
    def measure(self) -> str:
        return str(self.measure_combo.currentData())

    def set_measure(self, key: str) -> None:
        self.measure_combo.setCurrentIndex(max(0, self.measure_combo.findData(key)))

    def redraw(self) -> None:
        if self.figures is None:
            return
        view = pm.map_view(self.figures, self.measure)
        title = self.tr("Provinces by %1").replace(
            "%1", view.measure.title_fa if self.fa else view.measure.title_en
        )
        self.map.show_map(view, title)

    def save_png(self) -> None:
        path = prompts.save_file(
            self, self.tr("Save the map as PNG"), "national-map.png", "PNG (*.png)", kind="image"
        )
        if not path:
            return
        if not self.map.image().save(str(path), "PNG"):
            prompts.info(self, self.tr("Save as PNG"), self.tr("The image could not be saved there."))

    def show_province(self, code: str) -> None:
        """Open the national list filtered to one province."""
        win = self.window()
        view = win.show_view("national-list") if hasattr(win, "show_view") else None
        if view is not None and hasattr(view, "province_combo"):
            view.province_combo.setCurrentIndex(max(0, view.province_combo.findData(code)))


def screenshot(ctx: AppContext) -> QWidget:
    view = NationalMapView(ctx)
    _wait(view)
    return view


def _wait(view: NationalMapView) -> None:
    import time

    deadline = time.monotonic() + 60
    while view.busy() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
