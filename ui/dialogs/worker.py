"""The worker dialog (new / edit): every field of the record, problems beside their fields,
photo with crop box, card number, service hours; plus 离队/恢复 and deletion.

Validation is the service's own (swdesk.services.workers.validate): a field's problem shows when
the clerk leaves the field, every problem on 保存 (ui.widgets.forms.FormGuard); 关闭/Esc ask before
typed data is thrown away.
"""
from __future__ import annotations

import datetime as _dt
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from swdesk import idcard, vocab
from swdesk.errors import PossibleDuplicate
from swdesk.services import hours, search, workers
from swdesk.services import photos as photo_service
from swdesk.services.base import ConflictError, UserError, ValidationError
from ui import keyboard
from ui.widgets.forms import DateEdit, ErrorLine, FormGuard
from ui.widgets.worker_record import WorkerRecordPages

log = logging.getLogger(__name__)

PHOTO_PREVIEW = (118, 165)   # 25:35
_ERROR_STYLE = "color: #c0392b;"


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkerDialog", text)


def _date_text(value: _dt.date | None) -> str:
    return value.isoformat() if value else ""


class WorkerDialog(QDialog):
    """New worker (worker_id None) or edit one. Emits saved(worker_id) after every save."""

    saved = Signal(int)

    def __init__(self, parent: QWidget | None, worker_id: int | None = None):
        super().__init__(parent)
        self.worker_id = worker_id
        self.version: int | None = None
        self._photo_change: bytes | None | bool = False   # False = unchanged, None = remove, bytes = new
        self._problems: dict[str, str] = {}
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("新增人员") if worker_id is None else self.tr("人员信息"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_basic_page(), self.tr("基本信息"))
        self.hours_page = self._build_hours_page()
        self.tabs.addTab(self.hours_page, self.tr("服务时长"))
        self.hotline_table = self._record_table(
            [self.tr("受理时间"), self.tr("类别"), self.tr("来电居民"), self.tr("社区"), self.tr("状态"),
             self.tr("分派时间"), self.tr("完成时间"), self.tr("服务时长（分钟）")])
        self.tabs.addTab(self.hotline_table, self.tr("热线分派"))
        self.training_table = self._record_table(
            [self.tr("培训日期"), self.tr("课程"), self.tr("主题"), self.tr("授课人"), self.tr("学时")])
        self.tabs.addTab(self.training_table, self.tr("培训记录"))
        self.record_pages = WorkerRecordPages(worker_id, self) if worker_id is not None else None
        if self.record_pages is not None:
            self.tabs.addTab(self.record_pages.education_page, self.tr("职业水平与继续教育"))
            self.tabs.addTab(self.record_pages.honours_page, self.tr("星级、表彰与评价"))
            self.record_pages.changed.connect(self._record_changed)
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.guard = FormGuard(self, self._check, self.show_problems)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        if worker_id is None:
            self._fill_new()
        else:
            self._load(workers.get(worker_id))
        self._connect_changes()
        self._id_number_changed(self.fields["id_number"].text())
        self.resize(980, 620)

    # --- building ----------------------------------------------------------------------------
    def show_page(self, page: str) -> None:
        """Open on a page of the record: "education" (职业水平与继续教育), "honours" (星级、表彰与评价);
        anything else (or a new worker) stays on 基本信息."""
        widget = getattr(self.record_pages, f"{page}_page", None) if page else None
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    def _line(self, key: str, placeholder: str = "", max_length: int = 0) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        if max_length:
            edit.setMaxLength(max_length)
        self.fields[key] = edit
        return edit

    def _combo(self, key: str, values, blank: bool = True) -> QComboBox:
        combo = QComboBox(self)
        if blank:
            combo.addItem("", "")
        for value in values:
            if isinstance(value, tuple):
                combo.addItem(value[0], value[1])
            else:
                combo.addItem(value, value)
        self.fields[key] = combo
        return combo

    def _row(self, form: QFormLayout, key: str, widget: QWidget, extra: QWidget | None = None) -> None:
        error = ErrorLine(self)
        error.setObjectName(f"error_{key}")
        self.errors[key] = error
        holder = QWidget(self)
        row = QVBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(1)
        line = QHBoxLayout()
        line.addWidget(widget, 1)
        if extra is not None:
            line.addWidget(extra)
        row.addLayout(line)
        row.addWidget(error)
        label = self.tr(workers.FIELD_LABELS.get(key, key))
        if key in ("name", "sector", "education", "title"):
            label = "* " + label
        form.addRow(label, holder)

    def _build_basic_page(self) -> QWidget:
        page = QWidget(self)
        left = QFormLayout()
        right = QFormLayout()
        for form in (left, right):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(left, "name", self._line("name", self.tr("姓名"), 50))
        self.id_info = QLabel(self)
        self.id_info.setObjectName("id_info")
        self.id_info.setStyleSheet("color: #2c6e2c;")
        self.id_info.setWordWrap(True)
        self._row(left, "id_number", self._line("id_number", self.tr("18位身份证号，填写后自动带出出生日期和性别"), 18))
        left.addRow("", self.id_info)
        self._row(left, "gender", self._combo("gender", vocab.GENDERS))
        self._row(left, "birth_date", self._line("birth_date", self.tr("如 1985-06-01；有身份证号时可不填"), 10))
        self._row(left, "phone", self._line("phone", self.tr("11位手机号码"), 20))
        self._row(left, "sector", self._combo("sector", vocab.SECTORS))
        self._row(left, "employer", self._line("employer", "", 100))
        self._row(left, "education", self._combo("education", vocab.EDUCATIONS))
        self._row(left, "title", self._combo("title", vocab.TITLES))
        self._row(left, "sw_level", self._combo("sw_level", vocab.SW_LEVELS))
        self._row(right, "political_status", self._combo("political_status", vocab.POLITICAL_STATUSES))
        self._row(right, "kind", self._combo("kind", vocab.WORKER_KINDS))
        self._row(right, "community", self._combo("community", search.community_choices()))
        self._row(right, "joined_on", self._line("joined_on", self.tr("如 2026-03-01"), 10))
        self._row(right, "specialties", self._build_specialties())
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_button = QPushButton(self)
        self.status_button.clicked.connect(self._change_status)
        status_box = QWidget(self)
        status_line = QHBoxLayout(status_box)
        status_line.setContentsMargins(0, 0, 0, 0)
        status_line.addWidget(self.status_label, 1)
        status_line.addWidget(self.status_button)
        right.addRow(self.tr("状态"), status_box)
        self.card_label = QLabel(self)
        self.card_label.setObjectName("card_label")
        self.card_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addRow(self.tr("服务证号"), self.card_label)
        notes = QPlainTextEdit(self)
        notes.setFixedHeight(60)
        notes.setTabChangesFocus(True)
        self.fields["notes"] = notes
        self._row(right, "notes", notes)

        columns = QHBoxLayout()
        for form in (left, right):
            # The forms keep their natural height; spare room goes below them.
            holder = QVBoxLayout()
            holder.addLayout(form)
            holder.addStretch(1)
            columns.addLayout(holder, 1)
        columns.addWidget(self._build_photo_box(), 0, Qt.AlignmentFlag.AlignTop)
        page.setLayout(columns)
        return page

    def _build_specialties(self) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.specialty_checks: dict[str, QCheckBox] = {}
        for i, label in enumerate(workers.allowed_specialties()):
            check = QCheckBox(label, box)
            self.specialty_checks[label] = check
            grid.addWidget(check, i // 3, i % 3)
        self.fields["specialties"] = box
        return box

    def _build_photo_box(self) -> QWidget:
        group = QGroupBox(self.tr("照片（1 寸）"), self)
        self.photo_label = QLabel(group)
        self.photo_label.setObjectName("photo_preview")
        self.photo_label.setFixedSize(*PHOTO_PREVIEW)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #b0b0b0; background: #f4f4f4; color: #888;")
        choose = QPushButton(self.tr("选择文件…"), group)
        choose.clicked.connect(self.choose_photo_file)
        paste = QPushButton(self.tr("从剪贴板粘贴"), group)
        paste.clicked.connect(self.paste_photo)
        clear = QPushButton(self.tr("清除照片"), group)
        clear.clicked.connect(self.clear_photo)
        self.photo_error = QLabel(group)
        self.photo_error.setStyleSheet(_ERROR_STYLE)
        self.photo_error.setWordWrap(True)
        self.photo_error.setMaximumWidth(150)
        layout = QVBoxLayout(group)
        layout.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(choose)
        layout.addWidget(paste)
        layout.addWidget(clear)
        layout.addWidget(self.photo_error)
        layout.addStretch(1)
        return group

    def _build_hours_page(self) -> QWidget:
        page = QWidget(self)
        self.hours_total = QLabel(page)
        self.hours_by_programme = QTableWidget(0, 2, page)
        self.hours_by_programme.setHorizontalHeaderLabels([self.tr("项目"), self.tr("服务时长（小时）")])
        self.hours_by_quarter = QTableWidget(0, 3, page)
        self.hours_by_quarter.setHorizontalHeaderLabels([self.tr("季度"), self.tr("项目"), self.tr("服务时长（小时）")])
        for table in (self.hours_by_programme, self.hours_by_quarter):
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(page)
        layout.addWidget(self.hours_total)
        layout.addWidget(QLabel(self.tr("按项目合计"), page))
        layout.addWidget(self.hours_by_programme, 1)
        layout.addWidget(QLabel(self.tr("按季度"), page))
        layout.addWidget(self.hours_by_quarter, 2)
        # Other areas (hotline assignments, training) add their own tabs to self.tabs.
        return page

    def _build_buttons(self) -> None:
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(_ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("保存 (Ctrl+S)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(self.save)
        self.save_new_button = None
        if self.worker_id is None:
            self.save_new_button = self.buttons.addButton(self.tr("保存并继续新增"), QDialogButtonBox.ButtonRole.ApplyRole)
            self.save_new_button.clicked.connect(lambda: self.save(keep_open=True))
        cancel = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)

    # --- values ------------------------------------------------------------------------------
    def _set(self, key: str, value: Any) -> None:
        widget = self.fields[key]
        if isinstance(widget, QLineEdit):
            widget.setText("" if value is None else (_date_text(value) if isinstance(value, _dt.date) else str(value)))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value if value is not None else "")
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif key == "specialties":
            chosen = set(value or [])
            for label, check in self.specialty_checks.items():
                check.setChecked(label in chosen)

    def form_data(self) -> dict[str, Any]:
        """The form as the dict workers.validate/create/update take."""
        data: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                data[key] = widget.text().strip()
            elif isinstance(widget, QComboBox):
                data[key] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                data[key] = widget.toPlainText().strip()
        data["specialties"] = [label for label, check in self.specialty_checks.items() if check.isChecked()]
        if data.get("community") in ("", None):
            data["community"] = None
        for key in ("birth_date", "joined_on"):
            data[key] = data.get(key) or None
        return data

    def _fill_new(self) -> None:
        # The office's own most common 政治面貌 / 人员类别 / 职业水平, not a guess.
        for key, value in workers.usual_values().items():
            self._set(key, value)
        self._set("joined_on", _dt.date.today())
        self.status_label.setText(vocab.STATUS_ACTIVE)
        self.status_button.hide()
        self.card_label.setText(self.tr("保存时自动分配"))
        self._show_photo(None)
        self._fill_hours()

    def _record_table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    @staticmethod
    def _fill_table(table: QTableWidget, rows: list[tuple]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if isinstance(value, _dt.datetime):
                    value = value.strftime("%Y-%m-%d %H:%M")
                elif isinstance(value, _dt.date):
                    value = value.isoformat()
                table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))

    def _fill_assignments_and_training(self) -> None:
        """The worker's hotline assignments and training courses (read from their services)."""
        from swdesk.services import hotline, training

        self._fill_table(self.hotline_table, [
            (a.received_at, a.category, a.resident_name, a.community, a.status, a.assigned_at,
             a.completed_at, a.minutes or "") for a in hotline.worker_assignments(self.worker_id)])
        self._fill_table(self.training_table, [
            (t.start_date, t.title, t.topic, t.lecturer, f"{t.hours:g}")
            for t in training.worker_trainings(self.worker_id)])

    def _load(self, worker) -> None:
        self.version = worker.version
        for key, value in workers.as_form_data(worker).items():
            if key in self.fields:
                self._set(key, value)
        self.setWindowTitle(self.tr("人员信息 — {0}").format(worker.name))
        self._show_status(worker)
        if worker.card_no:
            self.card_label.setText(self.tr("{0}\n发证日期 {1}，有效期至 {2}").format(
                worker.card_no, _date_text(worker.card_issued_on), _date_text(worker.card_valid_until)))
        else:
            self.card_label.setText(self.tr("未发证"))
        self._photo_change = False
        self._show_photo(photo_service.get_photo(worker.id))
        self._fill_hours()
        self._fill_assignments_and_training()

    def _show_status(self, worker) -> None:
        if worker.status == vocab.STATUS_LEFT:
            text = self.tr("离队（{0}）").format(_date_text(worker.left_on))
            if worker.left_reason:
                text += self.tr("，原因：{0}").format(worker.left_reason)
            self.status_button.setText(self.tr("恢复在册…"))
        else:
            text = vocab.STATUS_ACTIVE
            self.status_button.setText(self.tr("离队…"))
        keyboard.accelerate(self)   # the new text's letter
        self.status_label.setText(text)
        self.status_button.show()

    def _fill_hours(self) -> None:
        if self.worker_id is None:
            self.hours_total.setText(self.tr("保存后这里显示此人的服务时长。"))
            return
        by_programme = hours.minutes_by_programme(self.worker_id)
        total = sum(by_programme.values())
        self.hours_total.setText(self.tr("累计服务时长：{0} 小时").format(f"{total / 60:.1f}"))
        self.hours_by_programme.setRowCount(len(vocab.PROGRAMMES))
        for row, programme in enumerate(vocab.PROGRAMMES):
            self.hours_by_programme.setItem(row, 0, QTableWidgetItem(programme))
            self.hours_by_programme.setItem(row, 1, QTableWidgetItem(f"{by_programme.get(programme, 0) / 60:.1f}"))
        quarters = hours.minutes_by_quarter(self.worker_id)
        self.hours_by_quarter.setRowCount(len(quarters))
        for row, (quarter, programme, minutes) in enumerate(quarters):
            for column, text in enumerate((quarter, programme, f"{minutes / 60:.1f}")):
                self.hours_by_quarter.setItem(row, column, QTableWidgetItem(text))

    # --- live validation ---------------------------------------------------------------------
    def _connect_changes(self) -> None:
        for key, widget in self.fields.items():
            self.guard.watch(key, widget)
        self.fields["id_number"].textChanged.connect(self._id_number_changed)

    def _check(self) -> dict[str, str]:
        try:
            return workers.validate(self.form_data(), self.worker_id)
        except UserError as exc:
            return {"": str(exc)}

    def _id_number_changed(self, text: str) -> None:
        """A valid ID number fills 出生日期 and 性别 and shows the age band."""
        number = idcard.normalise(text)
        self.id_info.setText("")
        self.id_info.hide()
        if len(number) != 18:
            return
        try:
            info = idcard.parse(number)
        except idcard.IdNumberError:
            return
        self.id_info.show()
        self._set("birth_date", info.birth_date)
        self._set("gender", info.gender)
        today = _dt.date.today()
        self.id_info.setText(self.tr("出生日期 {0}，{1}，{2} 岁，年龄段：{3}").format(
            info.birth_date.isoformat(), info.gender, vocab.age_at(info.birth_date, today),
            vocab.age_band(info.birth_date, today)))

    def validate_now(self) -> dict[str, str]:
        """Show every problem of the form now (what 保存 does first); returns them."""
        self.guard.on_save()
        return self.guard.refresh()

    def show_problems(self, problems: dict[str, str]) -> None:
        self._problems = dict(problems)
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
        others = [f"{workers.FIELD_LABELS.get(k, k)}：{v}" if k else v
                  for k, v in problems.items() if k not in self.errors]
        self.general_error.setStyleSheet(_ERROR_STYLE)
        self.general_error.setText("\n".join(others))
        self.general_error.setVisible(bool(others))

    def problems_shown_now(self) -> dict[str, str]:
        shown = {key: label.text() for key, label in self.errors.items() if label.text()}
        if self.general_error.isVisibleTo(self) and self.general_error.text():
            shown[""] = self.general_error.text()
        return shown

    def reject(self) -> None:
        """关闭, Esc and the close box ask before typed data is thrown away."""
        if self.guard.may_close(self):
            super().reject()

    # --- photo -------------------------------------------------------------------------------
    def _show_photo(self, data: bytes | None) -> None:
        if not data:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("无照片"))
            return
        image = QImage.fromData(data)
        pixmap = QPixmap.fromImage(image).scaled(
            *PHOTO_PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.photo_label.setPixmap(pixmap)

    def choose_photo_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择照片"), "",
                                              self.tr("图片 (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;所有文件 (*)"))
        if path:
            self.use_photo_source(path)

    def paste_photo(self) -> None:
        from ui.dialogs.photo_crop import qimage_to_png

        clipboard = QGuiApplication.clipboard()
        image = clipboard.image()
        if image.isNull():
            urls = clipboard.mimeData().urls() if clipboard.mimeData() else []
            local = [u.toLocalFile() for u in urls if u.isLocalFile()]
            if local:
                self.use_photo_source(local[0])
                return
            self.photo_error.setText(self.tr("剪贴板中没有图片，请先复制一张照片"))
            return
        self.use_photo_source(qimage_to_png(image))

    def use_photo_source(self, source, *, crop_interactively: bool = True) -> bool:
        """Prepare a file or image bytes, let the clerk crop it, keep it to save with the form."""
        from swdesk import photos

        self.photo_error.setText("")
        try:
            image = photos.prepare(source)
        except photos.PhotoError as exc:
            self.photo_error.setText(str(exc))
            return False
        if crop_interactively:
            from ui.dialogs.photo_crop import PhotoCropDialog

            dialog = PhotoCropDialog(self, image)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            data = dialog.photo_bytes()
        else:
            data = photos.crop(image)
        self._photo_change = data
        self.guard.dirty = True
        self._show_photo(data)
        return True

    def clear_photo(self) -> None:
        self._photo_change = None
        self.guard.dirty = True
        self._show_photo(None)

    # --- saving ------------------------------------------------------------------------------
    def save(self, keep_open: bool = False, *, allow_duplicates: bool = False) -> bool:
        if self.validate_now():
            return False
        data = self.form_data()
        photo = photo_service.UNCHANGED if self._photo_change is False else self._photo_change
        try:
            worker = photo_service.save_worker(self.worker_id, data, self.version, photo,
                                               allow_duplicates=allow_duplicates)
        except PossibleDuplicate as exc:
            return self._possible_duplicate(exc, keep_open)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except ConflictError as exc:
            self._conflict(exc)
            return False
        except UserError as exc:
            QMessageBox.warning(self, self.tr("提示"), str(exc))
            return False
        self._photo_change = False
        self.guard.saved()
        self.saved.emit(worker.id)
        if keep_open:
            self._start_next(worker)
            return True
        self.worker_id = worker.id
        self.version = worker.version
        self.accept()
        return True

    def _start_next(self, saved_worker) -> None:
        """保存并继续新增: keep sector/community/kind (a campaign's volunteers share them)."""
        keep = {k: self.form_data()[k] for k in ("sector", "community", "kind", "joined_on", "employer")}
        for key in self.fields:
            if key != "specialties":
                self._set(key, None)
        self._set("specialties", [])
        for key, value in {**workers.usual_values(), **keep}.items():
            self._set(key, value)
        self.guard.saved()
        self.show_problems({})
        self._photo_change = False
        self._show_photo(None)
        self.general_error.setText(self.tr("已保存 {0}，服务证号 {1}。请录入下一位。").format(
            saved_worker.name, saved_worker.card_no or ""))
        self.general_error.setStyleSheet("color: #2c6e2c;")
        self.general_error.show()
        self.fields["name"].setFocus()

    def _possible_duplicate(self, exc: PossibleDuplicate, keep_open: bool) -> bool:
        """可能重复: the clerk opens an existing record (this one stays unsaved), saves anyway, or
        goes back to the form."""
        lines = "\n".join(f"　{line}" for _id, line in exc.candidates)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("可能重复"),
                          self.tr("可能重复：花名册中已有相似的人员，请确认是否为同一人。"), parent=self)
        box.setInformativeText(lines)
        opens = {}
        for worker_id, line in exc.candidates[:3]:
            name = line.split("（", 1)[0]
            opens[box.addButton(self.tr("打开已有记录：{0}").format(name), QMessageBox.ButtonRole.ActionRole)] = worker_id
        anyway = box.addButton(self.tr("仍然保存"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("返回修改"), QMessageBox.ButtonRole.RejectRole)
        self._duplicate_box = box
        box.exec()
        clicked = box.clickedButton()
        if clicked is anyway:
            return self.save(keep_open, allow_duplicates=True)
        if clicked in opens:
            self.open_existing(opens[clicked])
        return False

    def open_existing(self, worker_id: int) -> None:
        """The record this one may duplicate, in its own dialog; this form keeps what was typed."""
        other = WorkerDialog(self, worker_id)
        other.saved.connect(self.saved.emit)
        self.existing_dialog = other
        other.open()

    def _conflict(self, exc: ConflictError) -> None:
        lines = "\n".join(f"　{label}：{value}" for label, value in exc.changes)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("记录已被修改"),
                          self.tr("在您编辑期间，此人的记录已被其他窗口修改并保存。"), parent=self)
        if lines:
            box.setInformativeText(self.tr("对方修改了：\n{0}\n\n重新载入将显示对方保存的内容，您未保存的修改需要重新填写。").format(lines))
        reload = box.addButton(self.tr("重新载入"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("继续编辑"), QMessageBox.ButtonRole.RejectRole)
        self._conflict_box = box
        box.exec()
        if box.clickedButton() is reload:
            self.reload()

    def _record_changed(self, table: str) -> None:
        """A page of the worker's record saved: the level lives on the worker's record too."""
        if table == "sw_qualification":
            self._set("sw_level", workers.get(self.worker_id).sw_level)
        self.saved.emit(self.worker_id)

    def reload(self) -> None:
        with self.guard.paused():
            self._load(workers.get(self.worker_id))
        self.guard.saved()
        self.show_problems({})

    def _change_status(self) -> None:
        if self.worker_id is None:
            return
        if change_status(self, self.worker_id):
            worker = workers.get(self.worker_id)
            self.version = worker.version
            self._show_status(worker)
            self.saved.emit(self.worker_id)


# --- 离队 / 恢复 / 删除 (also used by the roster's right-click menu) ----------------------------

class DeactivateDialog(QDialog):
    def __init__(self, parent: QWidget | None, name: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("离队 — {0}").format(name))
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("如：工作调动、迁出本街道、本人申请"))
        self.date = DateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate.currentDate())
        form = QFormLayout()
        form.addRow(self.tr("离队原因"), self.reason)
        form.addRow(self.tr("离队日期"), self.date)
        note = QLabel(self.tr("离队人员保留全部记录和服务时长，可随时恢复在册。"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("确定离队"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, _dt.date]:
        return self.reason.text().strip(), self.date.date().toPython()


def change_status(parent: QWidget, worker_id: int) -> bool:
    """离队 for a worker on the roster, 恢复在册 for one who left. True when something changed."""
    worker = workers.get(worker_id)
    try:
        if worker.status == vocab.STATUS_LEFT:
            answer = QMessageBox.question(parent, _t("恢复在册"),
                                          _t("将 {0} 恢复为在册人员？").format(worker.name))
            if answer != QMessageBox.StandardButton.Yes:
                return False
            workers.reactivate(worker_id)
            return True
        dialog = DeactivateDialog(parent, worker.name)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        reason, on = dialog.values()
        workers.deactivate(worker_id, reason, on)
        return True
    except UserError as exc:
        QMessageBox.warning(parent, _t("提示"), str(exc))
        return False


def delete_worker(parent: QWidget, worker_id: int) -> bool:
    """Real deletion, only for a record entered by mistake: asks for a reason, then confirmation."""
    worker = workers.get(worker_id)
    reason, ok = QInputDialog.getText(
        parent, _t("删除人员"),
        _t("删除仅用于录入错误的记录；已离开的人员请用“离队”。\n请填写删除 {0} 的原因：").format(worker.name))
    if not ok or not reason.strip():
        return False
    answer = QMessageBox.warning(
        parent, _t("确认删除"),
        _t("确定要永久删除 {0}（服务证号 {1}）吗？此操作不能撤销，并记入操作日志。").format(
            worker.name, worker.card_no or _t("无")),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        workers.delete(worker_id, reason.strip())
    except UserError as exc:
        QMessageBox.warning(parent, _t("提示"), str(exc))
        return False
    return True
