"""Labels that the window translates at run time but whose Chinese literals sit in data tables.

lupdate only extracts a literal inside tr()/translate()/QT_TRANSLATE_NOOP(); a label kept in a
tuple (a table's column titles, the roster's filter names from swdesk.services.search, the report
pages) and translated later with `self.tr(label)` would never reach the .ts file. Each entry here
marks such a label for lupdate in the context of the class that translates it. Nothing imports this
module: it exists for scripts/translations.py. tests/ui/test_translations.py checks that every label
of those tables has English, so a new column cannot slip past.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# swdesk.services.search.COLUMNS: the roster table's headers (RosterModel.headerData).
ROSTER_COLUMNS = (
    QT_TRANSLATE_NOOP("RosterModel", "服务证号"),
    QT_TRANSLATE_NOOP("RosterModel", "姓名"),
    QT_TRANSLATE_NOOP("RosterModel", "性别"),
    QT_TRANSLATE_NOOP("RosterModel", "年龄"),
    QT_TRANSLATE_NOOP("RosterModel", "所属领域"),
    QT_TRANSLATE_NOOP("RosterModel", "学历"),
    QT_TRANSLATE_NOOP("RosterModel", "职称"),
    QT_TRANSLATE_NOOP("RosterModel", "专业特长"),
    QT_TRANSLATE_NOOP("RosterModel", "人员类别"),
    QT_TRANSLATE_NOOP("RosterModel", "所属社区"),
    QT_TRANSLATE_NOOP("RosterModel", "手机号码"),
    QT_TRANSLATE_NOOP("RosterModel", "状态"),
    QT_TRANSLATE_NOOP("RosterModel", "街道"),
)

# swdesk.services.search.FILTERS: the names of the roster's filter boxes (RosterTab).
ROSTER_FILTERS = (
    QT_TRANSLATE_NOOP("RosterTab", "所属领域"),
    QT_TRANSLATE_NOOP("RosterTab", "所属社区"),
    QT_TRANSLATE_NOOP("RosterTab", "专业特长"),
    QT_TRANSLATE_NOOP("RosterTab", "学历"),
    QT_TRANSLATE_NOOP("RosterTab", "职称"),
    QT_TRANSLATE_NOOP("RosterTab", "人员类别"),
    QT_TRANSLATE_NOOP("RosterTab", "政治面貌"),
    QT_TRANSLATE_NOOP("RosterTab", "状态"),
    QT_TRANSLATE_NOOP("RosterTab", "年龄段"),
    QT_TRANSLATE_NOOP("RosterTab", "街道"),
)

# swdesk.services.reminders.KIND_LABELS: the kinds of reminders (RemindersTab, ReportsTab).
REMINDER_KINDS = (
    QT_TRANSLATE_NOOP("RemindersTab", "一对一帮教"),
    QT_TRANSLATE_NOOP("RemindersTab", "扶老助老"),
    QT_TRANSLATE_NOOP("RemindersTab", "家庭病床"),
    QT_TRANSLATE_NOOP("RemindersTab", "服务热线"),
    QT_TRANSLATE_NOOP("ReportsTab", "一对一帮教"),
    QT_TRANSLATE_NOOP("ReportsTab", "扶老助老"),
    QT_TRANSLATE_NOOP("ReportsTab", "家庭病床"),
    QT_TRANSLATE_NOOP("ReportsTab", "服务热线"),
    QT_TRANSLATE_NOOP("RemindersTab", "继续教育"),
    QT_TRANSLATE_NOOP("ReportsTab", "继续教育"),
)

# ui.tabs.reports.SHEETS: the dashboard's pages (ReportsTab: self.tr(name)).
REPORT_PAGES = (
    QT_TRANSLATE_NOOP("ReportsTab", "队伍结构"),
    QT_TRANSLATE_NOOP("ReportsTab", "服务开展"),
    QT_TRANSLATE_NOOP("ReportsTab", "服务热线"),
    QT_TRANSLATE_NOOP("ReportsTab", "培训"),
    QT_TRANSLATE_NOOP("ReportsTab", "需求缺口"),
    QT_TRANSLATE_NOOP("ReportsTab", "持证与继续教育"),
    QT_TRANSLATE_NOOP("ReportsTab", "星级志愿者"),
)

# ui.dialogs.audit.AuditDialog.COLUMNS (self.tr(c)).
AUDIT_COLUMNS = (
    QT_TRANSLATE_NOOP("AuditDialog", "时间"),
    QT_TRANSLATE_NOOP("AuditDialog", "操作员"),
    QT_TRANSLATE_NOOP("AuditDialog", "操作"),
    QT_TRANSLATE_NOOP("AuditDialog", "对象"),
    QT_TRANSLATE_NOOP("AuditDialog", "记录编号"),
    QT_TRANSLATE_NOOP("AuditDialog", "摘要"),
    QT_TRANSLATE_NOOP("AuditDialog", "修改内容（修改前 → 修改后）"),
)

# ui.dialogs.operators: OperatorsDialog.COLUMNS and ROLE_HELP (NewOperatorDialog: self.tr(…)).
OPERATOR_LABELS = (
    QT_TRANSLATE_NOOP("OperatorsDialog", "姓名"),
    QT_TRANSLATE_NOOP("OperatorsDialog", "登录名"),
    QT_TRANSLATE_NOOP("OperatorsDialog", "角色"),
    QT_TRANSLATE_NOOP("OperatorsDialog", "状态"),
    QT_TRANSLATE_NOOP("OperatorsDialog", "建立时间"),
    QT_TRANSLATE_NOOP("NewOperatorDialog", "可修改全部数据，管理操作员账户，查看完整的身份证号和电话，恢复备份"),
    QT_TRANSLATE_NOOP("NewOperatorDialog", "可录入和修改数据，列表中个人信息脱敏显示"),
    QT_TRANSLATE_NOOP("NewOperatorDialog", "只能查看和导出（个人信息脱敏），不能修改任何数据"),
)

# ui.dialogs.backup.BackupDialog: the kept copies (self.tr(label)).
BACKUP_KEEP = (
    QT_TRANSLATE_NOOP("BackupDialog", "每日"),
    QT_TRANSLATE_NOOP("BackupDialog", "每周"),
    QT_TRANSLATE_NOOP("BackupDialog", "每月"),
)

# ui.dialogs.login_dialog.OFFICE_FIELDS (FirstRunWizard: self.tr(label)).
OFFICE_FIELDS = (
    QT_TRANSLATE_NOOP("FirstRunWizard", "所在区"),
    QT_TRANSLATE_NOOP("FirstRunWizard", "街道"),
    QT_TRANSLATE_NOOP("FirstRunWizard", "街道代码"),
    QT_TRANSLATE_NOOP("FirstRunWizard", "服务中心名称"),
    QT_TRANSLATE_NOOP("FirstRunWizard", "负责人"),
    QT_TRANSLATE_NOOP("FirstRunWizard", "联系电话"),
    QT_TRANSLATE_NOOP("FirstRunWizard", "地址"),
)

# swdesk.services.workers.FIELD_LABELS: the worker form's field labels (WorkerDialog).
WORKER_FIELDS = (
    QT_TRANSLATE_NOOP("WorkerDialog", "姓名"),
    QT_TRANSLATE_NOOP("WorkerDialog", "性别"),
    QT_TRANSLATE_NOOP("WorkerDialog", "身份证号"),
    QT_TRANSLATE_NOOP("WorkerDialog", "出生日期"),
    QT_TRANSLATE_NOOP("WorkerDialog", "手机号码"),
    QT_TRANSLATE_NOOP("WorkerDialog", "所属领域"),
    QT_TRANSLATE_NOOP("WorkerDialog", "工作单位"),
    QT_TRANSLATE_NOOP("WorkerDialog", "学历"),
    QT_TRANSLATE_NOOP("WorkerDialog", "职称"),
    QT_TRANSLATE_NOOP("WorkerDialog", "社工职业水平"),
    QT_TRANSLATE_NOOP("WorkerDialog", "专业特长"),
    QT_TRANSLATE_NOOP("WorkerDialog", "政治面貌"),
    QT_TRANSLATE_NOOP("WorkerDialog", "人员类别"),
    QT_TRANSLATE_NOOP("WorkerDialog", "所属社区"),
    QT_TRANSLATE_NOOP("WorkerDialog", "加入日期"),
    QT_TRANSLATE_NOOP("WorkerDialog", "状态"),
    QT_TRANSLATE_NOOP("WorkerDialog", "备注"),
    QT_TRANSLATE_NOOP("WorkerDialog", "离队日期"),
    QT_TRANSLATE_NOOP("WorkerDialog", "离队原因"),
    QT_TRANSLATE_NOOP("WorkerDialog", "服务证号"),
    QT_TRANSLATE_NOOP("WorkerDialog", "发证日期"),
    QT_TRANSLATE_NOOP("WorkerDialog", "有效期至"),
)

# ui.dialogs.recovery.ADVICE (RecoveryDialog: self.tr(ADVICE[kind])).
RECOVERY_ADVICE = (
    QT_TRANSLATE_NOOP("RecoveryDialog", "数据库文件已损坏（可能是停电或强行关机造成的）。建议从最近一次完好的备份恢复；"
                      "恢复前，损坏的文件会另存一份，不会丢失。"),
    QT_TRANSLATE_NOOP("RecoveryDialog", "这个数据库由更新版本的社工服务台使用过。请安装新版程序后再打开；数据没有任何改动。"),
    QT_TRANSLATE_NOOP("RecoveryDialog", "数据库正被另一个程序（或另一个社工服务台窗口）使用。请关闭它后点“重试”。"),
    QT_TRANSLATE_NOOP("RecoveryDialog", "数据库文件或所在文件夹是只读的（例如在光盘上，或文件属性设为只读）。"
                      "请把文件复制到可写的位置，或取消只读属性后重试。"),
    QT_TRANSLATE_NOOP("RecoveryDialog", "请检查文件位置或网络连接后重试。"),
)

# ui.dialogs.printing.KINDS: what a print job makes (printing: _tr(KINDS[kind])).
PRINT_KINDS = (
    QT_TRANSLATE_NOOP("printing", "服务证"),
    QT_TRANSLATE_NOOP("printing", "胸牌"),
    QT_TRANSLATE_NOOP("printing", "服务证明"),
)
