"""CheckinField: 扫码签到 — a field a USB QR scanner types into (keyboard wedge: the code, then
Enter), with a large result line: the worker's photo and name, green, or red with the reason.

    field = CheckinField(lambda text: checkin.check_in(context, text), parent)
    field.accepted.connect(lambda result: ...)      # a CheckinResult with ok=True

Enter never reaches the dialog's default button (a scan must not save the form), the field is
cleared and keeps the focus scan after scan, so no mouse is needed. A code can also come from a
picture: 打开图片… or a pasted screenshot (Ctrl+V with an image on the clipboard, or 粘贴图片).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swdesk import qrscan
from swdesk.errors import UserError
from swdesk.services import checkin, photos
from swdesk.services.checkin import CheckinResult

GOOD_STYLE = "QLabel { color: #1b5e20; background: #e8f5e9; border: 1px solid #a5d6a7; padding: 6px; }"
BAD_STYLE = "QLabel { color: #b00020; background: #fdecea; border: 1px solid #f5a9a9; padding: 6px; }"
IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff"


def clipboard_image_png() -> bytes | None:
    """The clipboard's picture as PNG bytes (a pasted phone screenshot), or None."""
    image = QGuiApplication.clipboard().image()
    if image.isNull():
        return None
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class ScanEdit(QLineEdit):
    """The line a scanner types into: Enter submits here and goes no further; Ctrl+V of a
    picture decodes it."""

    submitted = Signal(str)
    picture_pasted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # A scanner types like a keyboard: with a Chinese input method on, its letters would turn
        # into pinyin candidates. The field takes no input method at all.
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.submitted.emit(self.text())
            return
        if event.matches(QKeySequence.StandardKey.Paste) and not QGuiApplication.clipboard().text() \
                and not QGuiApplication.clipboard().image().isNull():
            event.accept()
            self.picture_pasted.emit()
            return
        super().keyPressEvent(event)


class CheckinField(QWidget):
    accepted = Signal(object)     # CheckinResult of a worker checked in
    scanned = Signal(object)      # every CheckinResult, accepted or refused

    def __init__(self, handler: Callable[[str], CheckinResult], parent: QWidget | None = None,
                 photo_size: tuple[int, int] = (60, 84), placeholder: str | None = None):
        super().__init__(parent)
        self.handler = handler
        self.photo_size = photo_size
        self.last: CheckinResult | None = None
        self.edit = ScanEdit(self)
        self.edit.setPlaceholderText(placeholder or self.tr("扫码签到：用扫码枪扫描服务证二维码（或输入后按回车）"))
        self.edit.submitted.connect(self.submit)
        self.edit.picture_pasted.connect(self.paste_picture)
        self.open_button = QPushButton(self.tr("打开图片…"), self)
        self.open_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_button.clicked.connect(self.open_picture)
        self.paste_button = QPushButton(self.tr("粘贴图片"), self)
        self.paste_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.paste_button.clicked.connect(self.paste_picture)
        self.photo = QLabel(self)
        self.photo.setFixedSize(*photo_size)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.hide()
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        font = self.result_label.font()
        font.setPointSizeF(max(font.pointSizeF(), 9) * 1.6)
        font.setBold(True)
        self.result_label.setFont(font)
        # A fixed height: a new result repaints the line alone, not the whole window around a
        # relaid-out form (12 ms → see bench/checkin.py).
        self.result_label.setFixedHeight(photo_size[1])
        self.result_label.hide()
        self._layout()
        self.setFocusProxy(self.edit)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.edit, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.paste_button)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.photo)
        bottom.addWidget(self.result_label, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addLayout(bottom)

    # --- scanning --------------------------------------------------------------------------------
    def submit(self, text: str) -> CheckinResult | None:
        """Check in the scanned text; the field is emptied and keeps the focus."""
        text = text.strip()
        self.edit.clear()
        self.edit.setFocus()
        if not text:
            return None
        try:
            result = self.handler(text)
        except UserError as exc:  # a read-only operator, a course deleted meanwhile …
            result = CheckinResult(False, "", str(exc))
        self.show_result(result)
        self.scanned.emit(result)
        if result.ok:
            self.accepted.emit(result)
        return result

    def show_result(self, result: CheckinResult) -> None:
        self.last = result
        mark = "✔" if result.ok else "✘"
        reason = f"【{result.reason}】" if result.reason else ""
        self.result_label.setText(f"{mark} {reason}{result.message}")
        self.result_label.setStyleSheet(GOOD_STYLE if result.ok else BAD_STYLE)
        self.result_label.show()
        self._show_photo(result)

    def _show_photo(self, result: CheckinResult) -> None:
        data = photos.get_photo(result.worker_id) if result.has_photo and result.worker_id else None
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.photo.setPixmap(pixmap.scaled(*self.photo_size, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
            self.photo.setStyleSheet("")
        elif result.worker_id:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("无照片"))
            self.photo.setStyleSheet("QLabel { color: #888; border: 1px dashed #bbb; }")
        self.photo.setVisible(bool(result.worker_id))

    # --- pictures --------------------------------------------------------------------------------
    def open_picture(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开服务证二维码图片"), "",
                                              self.tr("图片") + f" ({IMAGE_FILTER})")
        if path:
            self.submit_picture(path)

    def paste_picture(self) -> None:
        data = clipboard_image_png()
        if data is None:
            self.show_result(CheckinResult(False, "", self.tr("剪贴板中没有图片，请先复制二维码截图")))
            self.edit.setFocus()
            return
        self.submit_picture(data)

    def submit_picture(self, source: str | bytes) -> CheckinResult | None:
        """Decode the QR code in a picture (a file path or image bytes) and check it in."""
        try:
            texts = qrscan.decode(source)
        except UserError as exc:
            self.show_result(CheckinResult(False, "", str(exc)))
            self.edit.setFocus()
            return None
        if not texts:
            self.show_result(CheckinResult(False, "", self.tr("图片中没有找到二维码")))
            self.edit.setFocus()
            return None
        return self.submit(texts[0])


class ChecklistCheckinField(CheckinField):
    """A CheckinField that ticks (or adds) the scanned worker in a form's people checklist
    (ui.dialogs.service_form.PeopleChecklist: the members present at a visit).

    `members_only`: only people already listed may check in (a group's members). With
    `scans_decide` (a new visit, where every member starts ticked), the first accepted scan
    unticks everyone else: who was scanned is who was present.
    """

    def __init__(self, checklist, office_id: int, parent: QWidget | None = None, *,
                 members_only: bool = False, scans_decide: bool = False):
        super().__init__(self._check, parent)
        self.checklist = checklist
        self.office_id = office_id
        self.members_only = members_only
        self.scans_decide = scans_decide
        self.checked_in: set[int] = set()
        self.accepted.connect(self._tick)

    def _listed_ids(self) -> set[int]:
        items = self.checklist.list
        return {items.item(i).data(Qt.ItemDataRole.UserRole) for i in range(items.count())}

    def _check(self, text: str) -> CheckinResult:
        present = self.checked_in & set(self.checklist.checked_ids())
        allowed = self._listed_ids() if self.members_only else None
        return checkin.check_in(checkin.Selection(self.office_id, present, allowed), text)

    def _tick(self, result: CheckinResult) -> None:
        if self.scans_decide and not self.checked_in:
            self.checklist.set_checked([])
        self.checked_in.add(result.worker_id)
        self.checklist.add_worker(result.worker_id, result.name, True)
