"""设置 → 操作员管理: accounts, roles, passwords. A 管理员 manages every account; anyone else can
only change their own password here."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from swdesk import vocab
from swdesk.services import base, operators, settings
from swdesk.services.base import UserError, ValidationError
from ui import keyboard
from ui.dialogs.login_dialog import password_edit

ROLE_HELP = {
    "管理员": "可修改全部数据，管理操作员账户，查看完整的身份证号和电话，恢复备份",
    "录入员": "可录入和修改数据，列表中个人信息脱敏显示",
    "只读": "只能查看和导出（个人信息脱敏），不能修改任何数据",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Operators", text)


class NewOperatorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建操作员"))
        self.name_edit = QLineEdit()
        self.login_edit = QLineEdit()
        self.role_combo = QComboBox()
        for role in vocab.OPERATOR_ROLES:
            self.role_combo.addItem(role)
        self.role_combo.setCurrentText("录入员")
        self.role_help = QLabel()
        self.role_help.setWordWrap(True)
        self.role_combo.currentTextChanged.connect(lambda r: self.role_help.setText(self.tr(ROLE_HELP[r])))
        self.role_help.setText(self.tr(ROLE_HELP["录入员"]))
        self.password_edit = password_edit()
        self.confirm_edit = password_edit()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("姓名："), self.name_edit)
        form.addRow(self.tr("登录名："), self.login_edit)
        form.addRow(self.tr("角色："), self.role_combo)
        form.addRow("", self.role_help)
        form.addRow(self.tr("密码："), self.password_edit)
        form.addRow(self.tr("确认密码："), self.confirm_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("建立"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.created = None

    def save(self) -> bool:
        if self.password_edit.text() != self.confirm_edit.text():
            self.error.setText(self.tr("两次输入的密码不一致"))
            return False
        first = not operators.has_operators()
        try:
            self.created = operators.create_operator(self.name_edit.text(), self.login_edit.text(),
                                                     self.role_combo.currentText(), self.password_edit.text())
        except UserError as exc:
            problems = exc.problems if isinstance(exc, ValidationError) else {"": str(exc)}
            self.error.setText("\n".join(f"{k}：{v}" if k else v for k, v in problems.items()))
            return False
        if first:  # leaving single-user mode: from now on this is who is working
            operators.log_in(self.created.login, self.password_edit.text())
            from ui.dialogs.login import install_idle_lock

            install_idle_lock()
        self.accept()
        return True


class OperatorsDialog(QDialog):
    COLUMNS = ("姓名", "登录名", "角色", "状态", "建立时间")

    def __init__(self, window: QWidget | None = None):
        super().__init__(window)
        self.setObjectName("OperatorsDialog")
        self.window_ = window
        self.setWindowTitle(self.tr("操作员管理"))
        session = base.current()
        self.is_admin = session.is_admin
        if operators.has_operators():
            who = self.tr("当前操作员：{0}（{1}）").format(session.operator_name, session.role)
        else:
            who = self.tr("当前为单用户模式（无需登录）。建立第一个管理员账户后，每次打开程序都需要登录。")
        self.heading = QLabel(who)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.new_button = QPushButton(self.tr("新建账户…"))
        self.role_button = QPushButton(self.tr("修改角色…"))
        self.reset_button = QPushButton(self.tr("重设密码…"))
        self.toggle_button = QPushButton(self.tr("停用"))
        self.own_button = QPushButton(self.tr("修改我的密码…"))
        close = QPushButton(self.tr("关闭"))
        self.new_button.clicked.connect(self.new_operator)
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset_password)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.own_button.clicked.connect(self.change_own_password)
        close.clicked.connect(self.accept)
        for button in (self.new_button, self.role_button, self.reset_button, self.toggle_button):
            button.setEnabled(self.is_admin)
        self.own_button.setEnabled(bool(session.operator_login))
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(0, 240)
        self.idle_spin.setSuffix(self.tr(" 分钟"))
        self.idle_spin.setSpecialValueText(self.tr("不自动锁定"))
        self.idle_spin.setValue(int(settings.get("idle_lock_minutes") or 0))
        self.idle_spin.setEnabled(self.is_admin)
        self.idle_spin.setToolTip(self.tr("这段时间内没有键盘或鼠标操作时锁定程序，需要输入密码才能继续"))
        self.idle_spin.editingFinished.connect(self.save_idle_minutes)
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel(self.tr("无操作自动锁定：")))
        idle_row.addWidget(self.idle_spin)
        idle_row.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.role_button, self.reset_button, self.toggle_button, self.own_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        if not self.is_admin:
            layout.addWidget(QLabel(self.tr("只有管理员可以管理账户。")))
        layout.addLayout(idle_row)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_toggle)
        self.resize(680, 380)
        self.refresh()

    def save_idle_minutes(self) -> bool:
        minutes = self.idle_spin.value()
        if minutes == int(settings.get("idle_lock_minutes") or 0):
            return True
        if not self._run(lambda: settings.put("idle_lock_minutes", minutes)):
            return False
        from ui.dialogs.login import install_idle_lock

        install_idle_lock(minutes)
        return True

    def refresh(self) -> None:
        self.rows = operators.list_operators()
        self.table.setRowCount(len(self.rows))
        for r, op in enumerate(self.rows):
            values = (op.name, op.login, op.role, self.tr("在用") if op.active else self.tr("已停用"),
                      f"{op.created_at:%Y-%m-%d %H:%M}" if op.created_at else "")
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self._update_toggle()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def select_login(self, login: str) -> None:
        for r, op in enumerate(self.rows):
            if op.login == login:
                self.table.selectRow(r)

    def _update_toggle(self) -> None:
        op = self.selected()
        self.toggle_button.setText(self.tr("启用") if op is not None and not op.active else self.tr("停用"))
        keyboard.accelerate(self)   # the new text's letter

    def _run(self, action) -> bool:
        chosen = self.selected()
        try:
            action()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("提示"), str(exc))
            return False
        self.refresh()
        if chosen is not None:
            self.select_login(chosen.login)
        if self.window_ is not None and hasattr(self.window_, "data_changed"):
            self.window_.data_changed.emit("operator")
        return True

    def _need_selection(self):
        op = self.selected()
        if op is None:
            QMessageBox.information(self, self.tr("提示"), self.tr("请先在列表中选择一个账户。"))
        return op

    def new_operator(self) -> None:
        dialog = NewOperatorDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted.value:
            self.refresh()
            if dialog.created is not None:
                self.select_login(dialog.created.login)
                if self.window_ is not None and hasattr(self.window_, "data_changed"):
                    self.window_.data_changed.emit("operator")

    def change_role(self) -> None:
        op = self._need_selection()
        if op is None:
            return
        roles = list(vocab.OPERATOR_ROLES)
        role, ok = QInputDialog.getItem(self, self.tr("修改角色"), self.tr("{0} 的角色：").format(op.name),
                                        roles, roles.index(op.role) if op.role in roles else 0, False)
        if ok and role != op.role:
            self._run(lambda: operators.set_role(op.id, role))

    def reset_password(self) -> None:
        op = self._need_selection()
        if op is None:
            return
        password, ok = QInputDialog.getText(self, self.tr("重设密码"), self.tr("{0} 的新密码（至少6位）：").format(op.name),
                                            QLineEdit.EchoMode.Password)
        if ok:
            if self._run(lambda: operators.change_password(op.id, password)):
                QMessageBox.information(self, self.tr("重设密码"), self.tr("已重设 {0} 的密码。").format(op.name))

    def toggle_active(self) -> None:
        op = self._need_selection()
        if op is None:
            return
        self._run(lambda: operators.reactivate(op.id) if not op.active else operators.deactivate(op.id))

    def change_own_password(self) -> None:
        old, ok = QInputDialog.getText(self, self.tr("修改我的密码"), self.tr("原密码："), QLineEdit.EchoMode.Password)
        if not ok:
            return
        new, ok = QInputDialog.getText(self, self.tr("修改我的密码"), self.tr("新密码（至少6位）："),
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return
        again, ok = QInputDialog.getText(self, self.tr("修改我的密码"), self.tr("再次输入新密码："),
                                         QLineEdit.EchoMode.Password)
        if not ok:
            return
        if new != again:
            QMessageBox.warning(self, self.tr("提示"), self.tr("两次输入的新密码不一致，密码未修改。"))
            return
        if self._run(lambda: operators.change_own_password(old, new)):
            QMessageBox.information(self, self.tr("修改我的密码"), self.tr("密码已修改。"))


def manage_operators(window) -> OperatorsDialog:
    dialog = OperatorsDialog(window)
    dialog.open()
    return dialog
