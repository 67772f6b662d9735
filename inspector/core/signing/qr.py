"""Vector drawings for the PDF: the QR code of a payload, and handwritten strokes.

Both are reportlab ``Drawing`` objects, which are flowables too: place one on a canvas with
``renderPDF.draw(drawing, canvas, x, y)`` or put it in a story.
"""

from __future__ import annotations

import segno
from reportlab.graphics.shapes import Drawing, PolyLine, Rect
from reportlab.lib import colors
from reportlab.lib.units import mm

MAX_VERSION = 15  # keeps modules ≥ 0.35 mm at the default size: laser and inkjet print them sharply
QUIET_ZONE = 4  # modules of white border the standard asks for
STROKE_ASPECT = 3.0  # width / height of the signing area of the pad; strokes are normalised to it


class QrError(ValueError):
    pass


def qr_code(text: str) -> segno.QRCode:
    """The QR symbol for ``text``: byte mode, UTF-8 without ECI (what most phone scanners expect)."""
    code = segno.make(text, error="m", micro=False, encoding="utf-8", boost_error=False)
    if code.version > MAX_VERSION:
        raise QrError(f"二维码内容过长（版本 {code.version}，上限 {MAX_VERSION}）")
    return code


def qr_drawing(text: str, size: float = 30 * mm) -> Drawing:
    """A square drawing ``size`` points wide, quiet zone included, dark modules as merged row runs."""
    code = qr_code(text)
    rows = [list(row) for row in code.matrix_iter(border=QUIET_ZONE)]
    count = len(rows)
    module = size / count
    drawing = Drawing(size, size)
    drawing.add(Rect(0, 0, size, size, fillColor=colors.white, strokeColor=None))
    for r, row in enumerate(rows):
        y = size - (r + 1) * module
        c = 0
        while c < count:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < count and row[c]:
                c += 1
            # a hair wider and taller so neighbouring runs leave no white seam when rasterised
            drawing.add(
                Rect(
                    start * module,
                    y - 0.01,
                    (c - start) * module + 0.01,
                    module + 0.02,
                    fillColor=colors.black,
                    strokeColor=None,
                )
            )
    return drawing


def strokes_drawing(
    strokes: list[list[list[float]]], width: float, height: float, line_width: float = 1.1
) -> Drawing:
    """Handwritten strokes (points normalised to 0..1 of a 3:1 pad, y down) fitted into width × height.

    The pad's aspect is kept: the strokes are scaled to fit and centred, never stretched.
    """
    drawing = Drawing(width, height)
    scale = min(width, height * STROKE_ASPECT)
    box_w, box_h = scale, scale / STROKE_ASPECT
    left, bottom = (width - box_w) / 2, (height - box_h) / 2
    for stroke in strokes:
        points: list[float] = []
        for x, y in stroke:
            points += [left + float(x) * box_w, bottom + (1.0 - float(y)) * box_h]
        if len(points) == 2:  # a dot
            points += [points[0] + 0.3, points[1]]
        if points:
            drawing.add(
                PolyLine(
                    points,
                    strokeColor=colors.black,
                    strokeWidth=line_width,
                    strokeLineCap=1,
                    strokeLineJoin=1,
                )
            )
    return drawing
