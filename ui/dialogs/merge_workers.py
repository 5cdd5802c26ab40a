"""人才队伍 → 查重: likely duplicate records (swdesk.services.worker_merge.candidate_pairs); choosing
a pair shows both side by side, the clerk picks which value of each field to keep and which record
stays, then 合并 (the service moves every service record to the survivor, audited)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from swdesk.services import worker_merge, workers
from swdesk.services.base import UserError

SURVIVOR = "_survivor"


class MergeWorkersDialog(QDialog):
    """Emits merged(survivor id) after each merge."""

    merged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("查重与合并"))
        self.pairs: list[worker_merge.Pair] = []
        self.groups: dict[str, QButtonGroup] = {}
        self.shown: tuple[int, int] | None = None
        self.versions: tuple[int, int] = (0, 0)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("记录一"), self.tr("记录二"), self.tr("相同之处")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._pair_chosen)
        self.compare_box = QGroupBox(self.tr("逐项选择要保留的内容"), self)
        self.grid = QGridLayout(self.compare_box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.compare_box)
        self.status = QLabel(self)
        self.merge_button = QPushButton(self.tr("合并"), self)
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.merge_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addWidget(scroll, 3)
        layout.addLayout(bottom)
        self.resize(960, 680)
        self.refresh()

    def refresh(self) -> None:
        self.pairs = worker_merge.candidate_pairs()
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            for column, text in enumerate((pair.first_line, pair.second_line, pair.reason)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.status.setText(self.tr("找到 {0} 对可能重复的记录").format(len(self.pairs)) if self.pairs
                            else self.tr("没有发现可能重复的记录"))
        self._clear_comparison()

    def _clear_comparison(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.groups = {}
        self.shown = None
        self.merge_button.setEnabled(False)

    def _pair_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            pair = self.pairs[rows[0].row()]
            self.show_pair(pair.first, pair.second)

    def show_pair(self, first_id: int, second_id: int) -> None:
        """Both records side by side: one radio pair per field, preset to worker_merge's defaults."""
        self._clear_comparison()
        first, second = workers.get(first_id), workers.get(second_id)
        # The record with an ID number stays by default (else the older one).
        keep, gone = (second, first) if second.id_number and not first.id_number else (first, second)
        defaults = worker_merge.default_choices(keep, gone)
        self.grid.addWidget(QLabel(self.tr("项目")), 0, 0)
        self._add_choice(1, SURVIVOR, self.tr("保留为主记录"),
                         (self.tr("记录一（编号 {0}）").format(first.id), self.tr("记录二（编号 {0}）").format(second.id)),
                         keep.id, (first.id, second.id))
        rows = worker_merge.side_by_side(first_id, second_id)
        for index, (key, label, one, two) in enumerate(rows, start=2):
            chosen = defaults[key] if defaults[key] != worker_merge.BOTH else worker_merge.BOTH
            self._add_choice(index, key, QCoreApplication.translate("WorkerDialog", label), (one, two), chosen, (first.id, second.id))
        counts = [worker_merge.record_counts(w.id) for w in (first, second)]
        row = len(rows) + 2
        self.grid.addWidget(QLabel(self.tr("服务记录（全部保留）")), row, 0)
        for column, found in enumerate(counts, start=1):
            text = "、".join(f"{k} {v} 条" for k, v in found.items()) or self.tr("无")
            label = QLabel(text)
            label.setWordWrap(True)
            self.grid.addWidget(label, row, column)
        self.shown = (first.id, second.id)
        self.versions = (first.version, second.version)
        self.merge_button.setEnabled(True)

    def _add_choice(self, row: int, key: str, label: str, texts: tuple[str, str], chosen: int,
                    ids: tuple[int, int]) -> None:
        self.grid.addWidget(QLabel(label), row, 0)
        group = QButtonGroup(self)
        for column, (text, worker_id) in enumerate(zip(texts, ids, strict=True), start=1):
            button = QRadioButton(text)
            button.setChecked(worker_id == chosen)
            group.addButton(button, worker_id)
            self.grid.addWidget(button, row, column)
        if key == "specialties":
            both = QRadioButton(self.tr("两者合并"))
            both.setChecked(chosen == worker_merge.BOTH)
            group.addButton(both, worker_merge.BOTH)
            self.grid.addWidget(both, row, 3)
        self.groups[key] = group

    def choose(self, key: str, worker_id: int) -> None:
        """Keep `worker_id`'s value of `key` (SURVIVOR: which record stays)."""
        self.groups[key].button(worker_id).setChecked(True)

    def choices(self) -> tuple[int, int, dict[str, int]]:
        """(survivor, removed, {field: id whose value is kept})."""
        keep = self.groups[SURVIVOR].checkedId()
        gone = self.shown[1] if keep == self.shown[0] else self.shown[0]
        return keep, gone, {key: group.checkedId() for key, group in self.groups.items() if key != SURVIVOR}

    def merge(self) -> None:
        if self.shown is None:
            return
        keep, gone, choices = self.choices()
        answer = QMessageBox.question(
            self, self.tr("合并"),
            self.tr("将编号 {0} 的记录并入编号 {1}：服务时长、培训、帮教、小组、热线、证书等全部转到保留的记录，"
                    "另一条记录删除（操作日志中保留两条记录的全部内容）。继续吗？").format(gone, keep))
        if answer != QMessageBox.StandardButton.Yes:
            return
        versions = self.versions if keep == self.shown[0] else self.versions[::-1]
        try:
            survivor = worker_merge.merge(keep, gone, choices, expected_versions=versions)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("不能合并"), str(exc))
            return
        self.merged.emit(survivor.id)
        self.refresh()
        self.status.setText(self.tr("已合并：{0}，服务证号 {1}").format(survivor.name, survivor.card_no or ""))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
