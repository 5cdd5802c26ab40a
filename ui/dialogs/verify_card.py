"""验证服务证: check a card at the door — scan its QR code (or open/paste a picture of it) and see
whether it is genuine and valid today, with the holder's photo shown large. The same checks as
the `verify` command (swdesk.services.checkin.verify_card); nothing is recorded."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from swdesk.services import checkin
from ui.widgets.checkin import CheckinField


class VerifyCardDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("VerifyCardDialog")
        self.setWindowTitle(self.tr("验证服务证"))
        hint = QLabel(self.tr("扫描服务证上的二维码，或打开、粘贴二维码图片（如手机截图）"), self)
        hint.setStyleSheet("color:#666")
        self.field = CheckinField(checkin.verify_card, self, photo_size=(200, 280),
                                  placeholder=self.tr("用扫码枪扫描服务证二维码（或粘贴内容后按回车）"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.field, 1)
        layout.addWidget(close)
        self.resize(640, 420)
        self.field.setFocus()


def verify_card(window) -> None:
    VerifyCardDialog(window).exec()
