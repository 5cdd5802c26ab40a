"""设置 → 人才需求计划: the target number of workers by specialty, education, age band and title.

A tab per dimension with one spin box per label; 保存 writes every dimension through
swdesk.services.demand.set_targets (0 = no target).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from swdesk.services import demand


class DemandPlanDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("DemandPlanDialog")
        self.setWindowTitle(self.tr("人才需求计划"))
        self.resize(460, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("填写各类人才的需求人数（0 表示无需求）。季度报表的“需求缺口”表按此计划与"
                               "报告期末在册人员比较。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget()
        self.spins: dict[str, dict[str, QSpinBox]] = {}
        for dimension in demand.DIMENSIONS:
            self.tabs.addTab(self._dimension_table(dimension), self.tr(demand.DIMENSION_TITLES[dimension]))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.example_button = QPushButton(self.tr("填入区报告示例"))
        self.example_button.setToolTip(self.tr("按区人才队伍报告的需求表填写专业特长的需求人数"))
        self.example_button.clicked.connect(self.fill_report_example)
        buttons.addButton(self.example_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _dimension_table(self, dimension: str) -> QTableWidget:
        current = demand.targets(dimension)
        labels = demand.labels(dimension)
        labels += [label for label in current if label not in labels]
        table = QTableWidget(len(labels), 2)
        table.setObjectName(f"demand_{dimension}")
        table.setHorizontalHeaderLabels([self.tr("类别"), self.tr("需求人数")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.spins[dimension] = {}
        for row, label in enumerate(labels):
            table.setItem(row, 0, QTableWidgetItem(label))
            spin = QSpinBox()
            spin.setRange(0, demand.MAX_TARGET)
            spin.setValue(current.get(label, 0))
            spin.setSuffix(self.tr(" 人"))
            table.setCellWidget(row, 1, spin)
            self.spins[dimension][label] = spin
        return table

    def values(self, dimension: str) -> dict[str, int]:
        return {label: spin.value() for label, spin in self.spins[dimension].items()}

    def fill_report_example(self) -> None:
        for dimension, plan in demand.REPORT_PLAN.items():
            for label, spin in self.spins[dimension].items():
                spin.setValue(plan.get(label, 0))
        self.tabs.setCurrentIndex(list(demand.DIMENSIONS).index("specialty"))

    def save(self) -> None:
        from ui.app import show_error

        try:
            demand.set_plan({dimension: self.values(dimension) for dimension in demand.DIMENSIONS})
        except Exception as exc:
            show_error(self, exc)
            return
        window = self.parent()
        signal = getattr(window, "data_changed", None)
        if signal is not None:
            signal.emit("demand_target")
        self.accept()


def edit_demand_plan(window: QWidget) -> None:
    dialog = DemandPlanDialog(window)
    dialog.setWindowTitle(QCoreApplication.translate("DemandPlanDialog", "人才需求计划"))
    dialog.exec()
