"""Crop a photo to the 1-inch ID ratio (25 × 35 mm): drag the box to move it, drag a corner or
turn the mouse wheel to resize it; the ratio always stays 25:35."""
from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPainterPath, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from swdesk import photos

HANDLE = 12  # px: how near a corner a press must be to resize


def pil_to_qimage(image: Image.Image) -> QImage:
    rgb = image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    qimage = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return qimage.copy()  # own the pixels: `data` goes away with this function


def qimage_to_png(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(array.data())


class CropArea(QWidget):
    """Shows the image scaled to fit, with the crop box; the box is kept in image pixels."""

    box_changed = Signal()

    def __init__(self, image: Image.Image, parent: QWidget | None = None):
        super().__init__(parent)
        self._pil = image
        self._pixmap = QPixmap.fromImage(pil_to_qimage(image))
        self._box = photos.default_box(*image.size)
        self._drag: tuple[str, QPointF, photos.Box] | None = None
        self.setMinimumSize(360, 420)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def box(self) -> photos.Box:
        return self._box

    def set_box(self, box: photos.Box) -> None:
        self._box = photos.fit_box(box, *self._pil.size)
        self.box_changed.emit()
        self.update()

    # --- geometry: image pixels <-> widget pixels ----------------------------------------------
    def _scale(self) -> float:
        w, h = self._pil.size
        return min(self.width() / w, self.height() / h)

    def _origin(self) -> QPointF:
        w, h = self._pil.size
        s = self._scale()
        return QPointF((self.width() - w * s) / 2, (self.height() - h * s) / 2)

    def _box_rect(self) -> QRectF:
        s, o = self._scale(), self._origin()
        b = self._box
        return QRectF(o.x() + b.left * s, o.y() + b.top * s, b.width * s, b.height * s)

    def _hit(self, pos: QPointF) -> str | None:
        rect = self._box_rect()
        corners = {"tl": rect.topLeft(), "tr": rect.topRight(), "bl": rect.bottomLeft(), "br": rect.bottomRight()}
        for name, corner in corners.items():
            if abs(pos.x() - corner.x()) <= HANDLE and abs(pos.y() - corner.y()) <= HANDLE:
                return name
        return "move" if rect.contains(pos) else None

    # --- painting ----------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), QColor("#404040"))
        w, h = self._pil.size
        s, o = self._scale(), self._origin()
        painter.drawPixmap(QRectF(o.x(), o.y(), w * s, h * s), self._pixmap, QRectF(0, 0, w, h))
        rect = self._box_rect()
        shade = QPainterPath()
        shade.addRect(QRectF(o.x(), o.y(), w * s, h * s))
        inner = QPainterPath()
        inner.addRect(rect)
        painter.fillPath(shade.subtracted(inner), QColor(0, 0, 0, 140))
        painter.setPen(QPen(QColor("#ffd400"), 2))
        painter.drawRect(rect)
        painter.setPen(QPen(QColor(255, 212, 0, 120), 1, Qt.PenStyle.DashLine))
        for i in (1, 2):  # rule of thirds, to place the eyes
            y = rect.top() + rect.height() * i / 3
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffd400"))
        for corner in (rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight()):
            painter.drawRect(QRectF(corner.x() - 4, corner.y() - 4, 8, 8))
        painter.end()

    # --- mouse -------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        where = self._hit(event.position())
        if where is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag = (where, event.position(), self._box)

    def mouseMoveEvent(self, event) -> None:
        if self._drag is None:
            where = self._hit(event.position())
            cursors = {"move": Qt.CursorShape.SizeAllCursor, "tl": Qt.CursorShape.SizeFDiagCursor,
                       "br": Qt.CursorShape.SizeFDiagCursor, "tr": Qt.CursorShape.SizeBDiagCursor,
                       "bl": Qt.CursorShape.SizeBDiagCursor}
            self.setCursor(cursors.get(where, Qt.CursorShape.ArrowCursor))
            return
        what, start, box = self._drag
        s = self._scale()
        dx = (event.position().x() - start.x()) / s
        dy = (event.position().y() - start.y()) / s
        if what == "move":
            self._box = photos.fit_box(photos.Box(int(box.left + dx), int(box.top + dy), box.width, box.height),
                                       *self._pil.size)
        else:
            self._box = self._resized(what, box, dx, dy)
        self.box_changed.emit()
        self.update()

    def _resized(self, corner: str, box: photos.Box, dx: float, dy: float) -> photos.Box:
        """Resize from one corner, the opposite corner staying put, the ratio kept."""
        sign_x = 1 if corner in ("tr", "br") else -1
        sign_y = 1 if corner in ("bl", "br") else -1
        grow = max(sign_x * dx, sign_y * dy * photos.RATIO_W / photos.RATIO_H)
        width = max(40, int(box.width + grow))
        height = width * photos.RATIO_H // photos.RATIO_W
        left = box.left if sign_x > 0 else box.right - width
        top = box.top if sign_y > 0 else box.bottom - height
        fitted = photos.fit_box(photos.Box(left, top, width, height), *self._pil.size)
        return fitted

    def mouseReleaseEvent(self, _event) -> None:
        self._drag = None

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        box = self._box
        width = max(40, int(box.width * (1 + 0.05 * steps)))
        height = width * photos.RATIO_H // photos.RATIO_W
        self.set_box(photos.Box(box.left + (box.width - width) // 2, box.top + (box.height - height) // 2,
                                width, height))

    def keyPressEvent(self, event) -> None:
        moves = {Qt.Key.Key_Left: (-4, 0), Qt.Key.Key_Right: (4, 0), Qt.Key.Key_Up: (0, -4), Qt.Key.Key_Down: (0, 4)}
        if event.key() in moves:
            dx, dy = moves[event.key()]
            b = self._box
            self.set_box(photos.Box(b.left + dx, b.top + dy, b.width, b.height))
            return
        super().keyPressEvent(event)


class PhotoCropDialog(QDialog):
    """Shows a prepared image (swdesk.photos.prepare) with the crop box; photo_bytes() after OK."""

    def __init__(self, parent: QWidget | None, image: Image.Image):
        super().__init__(parent)
        self.setWindowTitle(self.tr("裁剪照片（1 寸，25×35 毫米）"))
        self.area = CropArea(image, self)
        self._image = image
        hint = QLabel(self.tr("拖动黄色框选择头像位置，拖动四角或滚动鼠标滚轮调整大小；方向键可微调。"), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.area, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.accept)
        self.resize(520, 640)

    def photo_bytes(self) -> bytes:
        return photos.crop(self._image, self.area.box())
