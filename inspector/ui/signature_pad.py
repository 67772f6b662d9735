"""A pad to sign on with a mouse, a pen or a finger; the signature is kept as strokes, not pixels.

Strokes are lists of ``[x, y]`` points normalised to 0..1 of the signing area (``y`` grows downward),
which is the largest 3:1 rectangle (``STROKE_ASPECT``) centred in the widget, so a signature keeps its
shape whatever size the pad is shown at and wherever the PDF draws it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from inspector.core.signing.qr import STROKE_ASPECT

_MIN_STEP = 0.002  # points closer than this (in pad units) to the last one are dropped
_MARGIN = 6


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent=None, **kwargs):
        super().__init__(parent, **kwargs)
        self._strokes: list[list[list[float]]] = []
        self._drawing = False
        self.setAttribute(Qt.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WA_OpaquePaintEvent, False)
        self.setCursor(Qt.CrossCursor)
        self.setMinimumSize(240, 80 + 2 * _MARGIN)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setFocusPolicy(Qt.NoFocus)
        self.setToolTip(self.tr("Sign with the mouse, a pen or a finger"))
        self.clear_button = QToolButton(self, objectName="clear")
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setCursor(Qt.ArrowCursor)
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setEnabled(False)

    # -- the value ------------------------------------------------------------------------------------

    def strokes(self) -> list[list[list[float]]]:
        return [[[round(x, 4), round(y, 4)] for x, y in stroke] for stroke in self._strokes if stroke]

    def set_strokes(self, strokes: list[list[list[float]]]) -> None:
        self._strokes = [[[float(x), float(y)] for x, y in stroke] for stroke in strokes if stroke]
        self._after_change()

    def is_empty(self) -> bool:
        return not any(self._strokes)

    def clear(self) -> None:
        if self._strokes:
            self._strokes = []
            self._after_change()

    def _after_change(self) -> None:
        self.clear_button.setEnabled(not self.is_empty())
        self.update()
        self.changed.emit()

    # -- geometry -------------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(420, int(420 / STROKE_ASPECT) + 2 * _MARGIN)

    def area(self) -> QRectF:
        """The signing area: the largest 3:1 rectangle centred in the widget, inside a small margin."""
        avail = QRectF(self.rect()).adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        width = min(avail.width(), avail.height() * STROKE_ASPECT)
        height = width / STROKE_ASPECT
        return QRectF(avail.center().x() - width / 2, avail.center().y() - height / 2, width, height)

    def _normalise(self, pos: QPointF) -> list[float]:
        area = self.area()
        x = (pos.x() - area.left()) / max(area.width(), 1.0)
        y = (pos.y() - area.top()) / max(area.height(), 1.0)
        return [min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)]

    def _to_widget(self, point: list[float]) -> QPointF:
        area = self.area()
        return QPointF(area.left() + point[0] * area.width(), area.top() + point[1] * area.height())

    def resizeEvent(self, event) -> None:
        hint = self.clear_button.sizeHint()
        self.clear_button.setGeometry(self.width() - hint.width() - 2, 2, hint.width(), hint.height())
        super().resizeEvent(event)

    # -- input: mouse, pen, touch ---------------------------------------------------------------------

    def _begin(self, pos: QPointF) -> None:
        self._drawing = True
        self._strokes.append([self._normalise(pos)])
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if not self._drawing:
            return
        point, last = self._normalise(pos), self._strokes[-1][-1]
        if abs(point[0] - last[0]) + abs(point[1] - last[1]) >= _MIN_STEP:
            self._strokes[-1].append(point)
            self.update()

    def _end(self, pos: QPointF | None = None) -> None:
        if not self._drawing:
            return
        if pos is not None:
            self._extend(pos)
        self._drawing = False
        self._after_change()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._drawing and event.buttons() & Qt.LeftButton:
            self._extend(event.position())
            event.accept()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            self._end(event.position())
            event.accept()

    def tabletEvent(self, event) -> None:
        kind = event.type()
        if kind == QEvent.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.TabletMove and event.pressure() > 0:
            self._extend(event.position())
        elif kind == QEvent.TabletRelease:
            self._end(event.position())
        event.accept()  # no synthesised mouse events: the pen is handled here

    def event(self, event) -> bool:
        kind = event.type()
        if kind in (QEvent.TouchBegin, QEvent.TouchUpdate, QEvent.TouchEnd, QEvent.TouchCancel):
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.TouchBegin:
                    self._begin(pos)
                elif kind == QEvent.TouchUpdate:
                    self._extend(pos)
                else:
                    self._end(pos)
            event.accept()
            return True
        return super().event(event)

    # -- painting -------------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        area = self.area()
        painter.fillRect(area, QColor("#ffffff"))
        painter.setPen(QPen(QColor("#b8bcc6"), 1))
        painter.drawRect(area)
        baseline = area.top() + area.height() * 0.78
        painter.setPen(QPen(QColor("#d5d8de"), 1, Qt.DashLine))
        painter.drawLine(QPointF(area.left() + 12, baseline), QPointF(area.right() - 12, baseline))
        if self.is_empty():
            painter.setPen(QColor("#9aa0aa"))
            painter.drawText(area, Qt.AlignCenter, self.tr("Sign here"))
        pen = QPen(QColor("#14206b"), max(2.0, area.height() / 55), Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(self._to_widget(stroke[0]))
                continue
            path = QPainterPath(self._to_widget(stroke[0]))
            for point in stroke[1:]:
                path.lineTo(self._to_widget(point))
            painter.drawPath(path)
        painter.end()
