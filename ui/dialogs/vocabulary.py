"""设置 → 可选值列表: the editable lists (帮教组织单位, 小组成员角色, 服务内容 …). Built-in
values are shown but cannot be removed; the office's additions can."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from swdesk.services import vocabulary
from swdesk.services.base import UserError, ValidationError


class VocabularyDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("可选值列表"))
        layout = QHBoxLayout(self)
        self.kinds = QListWidget(self)
        for kind in vocabulary.kinds():
            item = QListWidgetItem(vocabulary.LIST_TITLES.get(kind, kind))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.kinds.addItem(item)
        self.kinds.setFixedWidth(170)
        layout.addWidget(self.kinds)
        right = QVBoxLayout()
        self.items = QListWidget(self)
        right.addWidget(self.items, 1)
        hint = QLabel(self.tr("灰色为内置选项，不能删除。"), self)
        hint.setStyleSheet("color:#666")
        right.addWidget(hint)
        row = QHBoxLayout()
        self.new_label = QLineEdit(self)
        self.new_label.setPlaceholderText(self.tr("新选项"))
        self.new_label.returnPressed.connect(self.add)
        row.addWidget(self.new_label, 1)
        add = QPushButton(self.tr("添加"), self)
        add.clicked.connect(self.add)
        row.addWidget(add)
        self.remove_button = QPushButton(self.tr("删除"), self)
        self.remove_button.clicked.connect(self.remove)
        row.addWidget(self.remove_button)
        right.addLayout(row)
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#b00020")
        right.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        right.addWidget(buttons)
        layout.addLayout(right, 1)
        self.kinds.currentRowChanged.connect(lambda _r: self.show_items())
        self.items.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.kinds.setCurrentRow(0)
        self.resize(520, 420)
        self.changed = False

    def kind(self) -> str:
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def show_items(self) -> None:
        kind = self.kind()
        builtin = set(vocabulary.builtin(kind))
        self.items.clear()
        for label in vocabulary.items(kind):
            item = QListWidgetItem(label)
            if label in builtin:
                item.setForeground(QBrush(QColor("#888")))
            self.items.addItem(item)
        self.error.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.items.currentItem()
        self.remove_button.setEnabled(item is not None and item.text() not in vocabulary.builtin(self.kind()))

    def add(self) -> None:
        try:
            vocabulary.add_item(self.kind(), self.new_label.text())
        except ValidationError as exc:
            self.error.setText("；".join(exc.problems.values()))
            return
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.new_label.clear()
        self.changed = True
        self.show_items()

    def remove(self) -> None:
        item = self.items.currentItem()
        if item is None:
            return
        try:
            vocabulary.remove_item(self.kind(), item.text())
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.changed = True
        self.show_items()


def edit_vocabulary(window) -> None:
    dialog = VocabularyDialog(window)
    dialog.setWindowTitle(QCoreApplication.translate("Vocabulary", "可选值列表"))
    dialog.exec()
    if dialog.changed and hasattr(window, "data_changed"):
        window.data_changed.emit("vocab_item")
