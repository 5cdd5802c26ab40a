<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name />
        <message>
            <location filename="../../ui/dialogs/service_form.py" line="73" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/service_form.py" line="74" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/service_form.py" line="90" />
            <source>{0}：</source>
            <translation>{0}:</translation>
        </message>
    </context>
    <context>
        <name>ActionFormDialog</name>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="56" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="57" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>AddAttendeesDialog</name>
        <message>
            <location filename="../../ui/dialogs/training.py" line="96" />
            <source>添加参训人员 — {0}</source>
            <translation>Add attendees — {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="100" />
            <source>输入姓名、拼音首字母或服务证号</source>
            <translation>Name, pinyin initials or card number</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="107" />
            <source>可按住 Ctrl 或 Shift 多选</source>
            <translation>Hold Ctrl or Shift to select several</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="110" />
            <source>加入名单 ↓</source>
            <translation>Add to list ↓</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="114" />
            <source>待添加：</source>
            <translation>To add:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="124" />
            <source>添加</source>
            <translation>Add</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="125" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="145" />
            <source>没有找到匹配的人员</source>
            <translation>No matching worker found</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="168" />
            <source>请先查找并选择人员</source>
            <translation>Search for and select a worker first</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../ui/app.py" line="47" />
            <location filename="../../ui/app.py" line="54" />
            <source>提示</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="58" />
            <source>程序错误</source>
            <translation>Program error</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="59" />
            <source>程序遇到了意外问题，刚才的操作没有完成，已保存的数据不受影响。

请重试一次；如果问题再次出现，请把下面的日志文件发给维护人员：
{0}</source>
            <translation>The program ran into an unexpected problem. The last action was not completed; saved data is not affected.

Please try once more. If the problem comes back, send this log file to the maintainer:
{0}</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="155" />
            <source>社工服务台</source>
            <translation>swdesk</translation>
        </message>
    </context>
    <context>
        <name>AssignDialog</name>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="167" />
            <source>未分组</source>
            <translation>No group</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="168" />
            <source>{0}（{1}岁，{2}）</source>
            <translation>{0} ({1}, {2})</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="171" />
            <source>老人</source>
            <translation>Elder</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="172" />
            <source>调入小组</source>
            <translation>Move to group</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="173" />
            <source>调入日期</source>
            <translation>Moved on</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="184" />
            <source>请选择</source>
            <translation>Please choose</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="210" />
            <source>分派服务人员</source>
            <translation>Assign workers</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="217" />
            <source>查找人员</source>
            <translation>Find worker</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="221" />
            <source>扫码签到</source>
            <translation>Scan check-in</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="222" />
            <source>待分派</source>
            <translation>To assign</translation>
        </message>
    </context>
    <context>
        <name>AtRiskDialog</name>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="166" />
            <source>继续教育提醒</source>
            <translation>Continuing-education reminders</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="56" />
            <source>操作日志</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="62" />
            <source>全部对象</source>
            <translation>All record types</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="66" />
            <location filename="../../ui/translatable.py" line="76" />
            <source>记录编号</source>
            <translation>Record no.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="69" />
            <source>全部操作员</source>
            <translation>All operators</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="82" />
            <source>关键字</source>
            <translation>Keyword</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="83" />
            <source>显示完整个人信息</source>
            <translation>Show full personal data</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="86" />
            <source>仅限管理员</source>
            <translation>Administrators only</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="87" />
            <source>查询</source>
            <translation>Search</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="95" />
            <source>对象：</source>
            <translation>Record type:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="96" />
            <source>操作员：</source>
            <translation>Operator:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="96" />
            <source>日期：</source>
            <translation>Date:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="117" />
            <source>字段</source>
            <translation>Field</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="117" />
            <source>修改前</source>
            <translation>Before</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="117" />
            <source>修改后</source>
            <translation>After</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="128" />
            <source>加载更多</source>
            <translation>Load more</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="130" />
            <source>导出…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="132" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="198" />
            <source>共 {0} 条，已显示 {1} 条</source>
            <translation>{1} of {0} entries shown</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="214" />
            <source>导出操作日志</source>
            <translation>Export audit log</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="215" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/audit.py" line="237" />
            <source>正在导出操作日志…</source>
            <translation>Exporting the audit log…</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="72" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="73" />
            <source>操作员</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="74" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="75" />
            <source>对象</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="77" />
            <source>摘要</source>
            <translation>Summary</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="78" />
            <source>修改内容（修改前 → 修改后）</source>
            <translation>Changes (before → after)</translation>
        </message>
    </context>
    <context>
        <name>Backup</name>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="196" />
            <source>

仍要用它替换当前数据库吗？当前数据库会另存一份。</source>
            <extracomment>alias</extracomment>
            <translation>

Replace the current database with it anyway? The current database is kept aside.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="195" />
            <source>不是当前数据库的备份</source>
            <extracomment>alias</extracomment>
            <translation>Not a backup of the current database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="53" />
            <source>今天的自动备份没有完成：{0}

程序可以正常使用。请检查备份文件夹（例如U盘是否插好），或在“文件 → 备份”中另选文件夹。</source>
            <extracomment>alias</extracomment>
            <translation>Today's automatic backup did not finish: {0}

The program can be used as normal. Check the backup folder (is the USB stick plugged in?) or choose another folder in "File → Backup".</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="236" />
            <source>将用备份文件
{0}
（{1}）
替换当前数据库。恢复前会先检查该文件，当前数据库会另存一份。

是否继续？</source>
            <extracomment>alias</extracomment>
            <translation>The current database will be replaced by the backup
{0}
({1}).
The file is checked first and the current database is kept aside.

Continue?</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="212" />
            <source>已从 {0} 恢复数据库。
恢复前的数据库已另存为：{1}</source>
            <extracomment>alias</extracomment>
            <translation>Database restored from {0}.
The database as it was before is saved as: {1}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="181" />
            <source>当前连接的是数据库服务器（PostgreSQL）。请由数据库管理员用 pg_restore 在服务器上恢复。</source>
            <extracomment>alias</extracomment>
            <translation>This is a database server (PostgreSQL). Ask the database administrator to restore it on the server with pg_restore.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="181" />
            <source>恢复</source>
            <extracomment>alias</extracomment>
            <translation>Restore</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="212" />
            <source>恢复完成</source>
            <extracomment>alias</extracomment>
            <translation>Restore finished</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="203" />
            <source>无法恢复</source>
            <extracomment>alias</extracomment>
            <translation>Cannot restore</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="235" />
            <source>确认恢复</source>
            <extracomment>alias</extracomment>
            <translation>Confirm restore</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="231" />
            <source>社工服务台备份 (*.db *.bak);;所有文件 (*)</source>
            <extracomment>alias</extracomment>
            <translation>swdesk backups (*.db *.bak);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="53" />
            <source>自动备份未完成</source>
            <extracomment>alias</extracomment>
            <translation>Automatic backup incomplete</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="230" />
            <source>选择要恢复的备份文件</source>
            <extracomment>alias</extracomment>
            <translation>Choose the backup file to restore</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="213" />
            <source>（无）</source>
            <extracomment>alias</extracomment>
            <translation>(none)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="225" />
            <source>，另一个数据库的备份</source>
            <extracomment>alias</extracomment>
            <translation>, a backup of another database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="225" />
            <source>，当前数据库的备份</source>
            <extracomment>alias</extracomment>
            <translation>, a backup of the current database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="224" />
            <source>，无法确定是哪个数据库的备份</source>
            <extracomment>alias</extracomment>
            <translation>, the database it belongs to is unknown</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="65" />
            <source>备份数据库</source>
            <translation>Back up database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="68" />
            <source>自动备份（每天第一次打开程序时）</source>
            <translation>Automatic backup (first start of each day)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="71" />
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="76" />
            <source>备份文件夹：</source>
            <translation>Backup folder:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="88" />
            <source>保留份数：</source>
            <translation>Copies to keep:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="89" />
            <source>保存设置</source>
            <translation>Save settings</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="97" />
            <source>立即备份</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="100" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="109" />
            <source>此文件夹中的备份（最新的在前）：</source>
            <translation>Backups in this folder (newest first):</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="121" />
            <source>选择备份文件夹</source>
            <translation>Choose backup folder</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="134" />
            <source>本数据库</source>
            <translation>This database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="134" />
            <source>其他数据库</source>
            <translation>Other database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="135" />
            <source>{0} 名人员</source>
            <translation>{0} workers</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="146" />
            <source>已保存备份设置。</source>
            <translation>Backup settings saved.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="156" />
            <source>正在备份…</source>
            <translation>Backing up…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="160" />
            <source>已备份到：{0}</source>
            <translation>Backed up to: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/backup.py" line="167" />
            <source>正在备份数据库…</source>
            <translation>Backing up the database…</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="95" />
            <source>每日</source>
            <translation>Daily</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="96" />
            <source>每周</source>
            <translation>Weekly</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="97" />
            <source>每月</source>
            <translation>Monthly</translation>
        </message>
    </context>
    <context>
        <name>CalibrationDialog</name>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="402" />
            <source>打印机校准</source>
            <translation>Printer calibration</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="413" />
            <source>打印机：</source>
            <translation>Printer:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="414" />
            <source>当前校准：</source>
            <translation>Current calibration:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="415" />
            <source>第一步：生成校准页并打印…</source>
            <translation>Step 1: make and print the calibration page…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="419" />
            <source>外框左边到纸边（毫米）</source>
            <translation>Frame left edge to paper edge (mm)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="420" />
            <source>外框上边到纸边（毫米）</source>
            <translation>Frame top edge to paper edge (mm)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="421" />
            <source>横线实际长度（毫米）</source>
            <translation>Measured horizontal line (mm)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="422" />
            <source>竖线实际长度（毫米）</source>
            <translation>Measured vertical line (mm)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="431" />
            <source>第二步：保存测量结果</source>
            <translation>Step 2: save the measurements</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="432" />
            <source>清除此打印机的校准</source>
            <translation>Clear this printer's calibration</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="433" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="448" />
            <source>未校准</source>
            <translation>Not calibrated</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="450" />
            <source>偏移 %1, %2 毫米；比例 %3, %4</source>
            <translation>Offset %1, %2 mm; scale %3, %4</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="456" />
            <source>保存校准页</source>
            <translation>Save the calibration page</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="459" />
            <source>正在生成校准页…</source>
            <translation>Making the calibration page…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="459" />
            <source>校准页预览</source>
            <translation>Calibration page preview</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="473" />
            <source>提示</source>
            <translation>Notice</translation>
        </message>
    </context>
    <context>
        <name>CertificateDialog</name>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="321" />
            <source>开具志愿服务记录证明</source>
            <translation>Issue a volunteer service certificate</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="327" />
            <source>季度写作 2026Q4，全年写作 2026，月份写作 2026-03</source>
            <translation>Quarter: 2026Q4, year: 2026, month: 2026-03</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="331" />
            <source>经办人姓名（签字人）</source>
            <translation>Name of the clerk (who signs)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="333" />
            <source>服务时长取自服务时长记录；期间尚未结束时证明截至开具之日；没有服务时长的期间不能开具。同一人同一期间再次开具且内容未变时，视为补打（证明上标注“补打”并记入操作日志）。</source>
            <translation>Hours come from the service-hours ledger; a period still running is certified up to the issue date; a period without hours cannot be certified. Issuing again for the same person and period with unchanged content is a reprint (marked “reprint” on the certificate and logged).</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="337" />
            <source>人员：</source>
            <translation>Worker:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="338" />
            <source>服务期间：</source>
            <translation>Service period:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="339" />
            <source>经办人：</source>
            <translation>Clerk:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="340" />
            <source>打印机校准：</source>
            <translation>Printer calibration:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="342" />
            <source>开具并保存…</source>
            <translation>Issue and save…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="343" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="354" />
            <location filename="../../ui/dialogs/printing.py" line="359" />
            <source>提示</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="354" />
            <source>请先选择人员</source>
            <translation>Select a worker first</translation>
        </message>
    </context>
    <context>
        <name>CheckinField</name>
        <message>
            <location filename="../../ui/widgets/checkin.py" line="88" />
            <source>扫码签到：用扫码枪扫描服务证二维码（或输入后按回车）</source>
            <translation>Scan check-in: scan the service card's QR code (or type it and press Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/checkin.py" line="91" />
            <source>打开图片…</source>
            <translation>Open picture…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/checkin.py" line="94" />
            <source>粘贴图片</source>
            <translation>Paste picture</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/checkin.py" line="165" />
            <source>无照片</source>
            <translation>No photo</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/checkin.py" line="171" />
            <source>打开服务证二维码图片</source>
            <translation>Open a picture of a service card's QR code</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/checkin.py" line="172" />
            <source>图片</source>
            <translation>Pictures</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/checkin.py" line="179" />
            <source>剪贴板中没有图片，请先复制二维码截图</source>
            <translation>There is no picture on the clipboard; copy a screenshot of the QR code first</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/checkin.py" line="193" />
            <source>图片中没有找到二维码</source>
            <translation>No QR code found in the picture</translation>
        </message>
    </context>
    <context>
        <name>CloseBedDialog</name>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="85" />
            <source>{name} 撤床原因</source>
            <translation>Why {name}'s bed is closed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="86" />
            <source>如：已康复、迁出本街道、去世</source>
            <translation>e.g. recovered, moved out of the street, deceased</translation>
        </message>
    </context>
    <context>
        <name>ClosePairDialog</name>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="118" />
            <source>结束方式</source>
            <translation>How it ended</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="119" />
            <source>结束日期</source>
            <translation>End date</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="120" />
            <source>帮教成效</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="121" />
            <source>成效良好，计入“帮教成功”人数</source>
            <translation>Good outcome: count as "helped"</translation>
        </message>
    </context>
    <context>
        <name>CompleteDialog</name>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="243" />
            <source>工单完成</source>
            <translation>Complete request</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="246" />
            <source>服务人员</source>
            <translation>Workers</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="250" />
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="251" />
            <source>服务时长</source>
            <translation>Service time</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="253" />
            <location filename="../../ui/dialogs/hotline.py" line="255" />
            <source>办理情况</source>
            <translation>What was done</translation>
        </message>
    </context>
    <context>
        <name>CourseDialog</name>
        <message>
            <location filename="../../ui/dialogs/training.py" line="39" />
            <source>修改培训课程</source>
            <translation>Edit course</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="39" />
            <source>新建培训课程</source>
            <translation>New course</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="41" />
            <source>课程名称</source>
            <translation>Course</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="46" />
            <source>培训日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="52" />
            <source> 学时</source>
            <translation> h</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="53" />
            <source>学时</source>
            <translation>Hours</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="54" />
            <source>主讲人</source>
            <translation>Trainer</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="55" />
            <source>地点</source>
            <translation>Place</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="61" />
            <source>主题</source>
            <translation>Topic</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="64" />
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="65" />
            <source>计入社会工作者继续教育学时</source>
            <translation>Counts as social workers' continuing education</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="67" />
            <source>继续教育</source>
            <translation>Continuing education</translation>
        </message>
    </context>
    <context>
        <name>DatabaseDialog</name>
        <message>
            <location filename="../../ui/dialogs/database.py" line="94" />
            <source>打开数据库</source>
            <extracomment>alias</extracomment>
            <translation>Open database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/database.py" line="72" />
            <source>数据库：</source>
            <extracomment>alias</extracomment>
            <translation>Database: </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/database.py" line="55" />
            <source>无法打开数据库</source>
            <extracomment>alias</extracomment>
            <translation>Cannot open database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/database.py" line="94" />
            <source>社工服务台数据库 (*.db);;所有文件 (*)</source>
            <extracomment>alias</extracomment>
            <translation>swdesk databases (*.db);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>DeactivateDialog</name>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="647" />
            <source>离队 — {0}</source>
            <translation>Leave — {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="650" />
            <source>如：工作调动、迁出本街道、本人申请</source>
            <translation>e.g. job change, moved out of the street, own request</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="656" />
            <source>离队原因</source>
            <translation>Reason for leaving</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="657" />
            <source>离队日期</source>
            <translation>Date left</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="658" />
            <source>离队人员保留全部记录和服务时长，可随时恢复在册。</source>
            <translation>A worker who leaves keeps all records and service hours and can be made active again at any time.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="660" />
            <source>确定离队</source>
            <translation>Confirm leaving</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="661" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>DemandPlanDialog</name>
        <message>
            <location filename="../../ui/dialogs/demand.py" line="31" />
            <location filename="../../ui/dialogs/demand.py" line="103" />
            <source>人才需求计划</source>
            <translation>Workforce demand plan</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/demand.py" line="34" />
            <source>填写各类人才的需求人数（0 表示无需求）。季度报表的“需求缺口”表按此计划与报告期末在册人员比较。</source>
            <translation>Enter how many workers of each kind are needed (0 = none). The quarterly report's "demand gap" table compares this plan with the active workers at the end of the period.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/demand.py" line="45" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/demand.py" line="46" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/demand.py" line="47" />
            <source>填入区报告示例</source>
            <translation>Fill in the district report's example</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/demand.py" line="48" />
            <source>按区人才队伍报告的需求表填写专业特长的需求人数</source>
            <translation>Fill the specialty targets from the district workforce report's demand table</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/demand.py" line="61" />
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/demand.py" line="61" />
            <source>需求人数</source>
            <translation>Needed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/demand.py" line="72" />
            <source> 人</source>
            <translation> people</translation>
        </message>
    </context>
    <context>
        <name>DemoDialog</name>
        <message>
            <location filename="../../ui/dialogs/demo.py" line="25" />
            <location filename="../../ui/dialogs/demo.py" line="20" />
            <location filename="../../ui/dialogs/demo.py" line="33" />
            <source>填充示例数据</source>
            <extracomment>alias</extracomment>
            <translation>Fill with demo data</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/demo.py" line="21" />
            <source>当前数据库中已有人员记录。示例数据只能填入空数据库，请先通过“文件 → 打开数据库”新建一个空数据库文件。</source>
            <extracomment>alias</extracomment>
            <translation>This database already holds workers. Demo data can only go into an empty database: first create an empty database file with "File → Open database".</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/demo.py" line="35" />
            <source>正在生成示例数据…</source>
            <extracomment>alias</extracomment>
            <translation>Creating demo data…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/demo.py" line="26" />
            <source>生成多少名示例人员？（报告中的人才队伍为 2672 人）</source>
            <extracomment>alias</extracomment>
            <translation>How many demo workers? (The district report's workforce has 2672.)</translation>
        </message>
    </context>
    <context>
        <name>ElderCareDialog</name>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="33" />
            <source> 天</source>
            <extracomment>alias</extracomment>
            <translation> days</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="49" />
            <source>修改小组</source>
            <extracomment>alias</extracomment>
            <translation>Edit group</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="210" />
            <source>修改探访记录</source>
            <extracomment>alias</extracomment>
            <translation>Edit visit</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="116" />
            <source>修改老人信息</source>
            <extracomment>alias</extracomment>
            <translation>Edit elder</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="101" />
            <source>成员退出小组</source>
            <extracomment>alias</extracomment>
            <translation>Member leaves group</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="116" />
            <source>新增老人</source>
            <extracomment>alias</extracomment>
            <translation>New elder</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="49" />
            <source>新建扶老助老小组</source>
            <extracomment>alias</extracomment>
            <translation>New elder-care group</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="81" />
            <source>添加小组成员</source>
            <extracomment>alias</extracomment>
            <translation>Add group member</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="210" />
            <source>添加探访记录</source>
            <extracomment>alias</extracomment>
            <translation>Add visit</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="192" />
            <source>老人离开小组</source>
            <extracomment>alias</extracomment>
            <translation>Elder leaves group</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="164" />
            <source>老人调入小组</source>
            <extracomment>alias</extracomment>
            <translation>Move elder to group</translation>
        </message>
    </context>
    <context>
        <name>ElderCareTab</name>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="32" />
            <location filename="../../ui/tabs/eldercare.py" line="118" />
            <source>小组</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="33" />
            <location filename="../../ui/tabs/eldercare.py" line="158" />
            <source>组长</source>
            <translation>Leader</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="34" />
            <location filename="../../ui/tabs/eldercare.py" line="159" />
            <source>服务点</source>
            <translation>Service site</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="35" />
            <source>成员</source>
            <translation>Members</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="36" />
            <source>老人</source>
            <translation>Elder</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="37" />
            <source>频率</source>
            <translation>Frequency</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="37" />
            <source>每{d}天</source>
            <translation>Every {d} days</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="38" />
            <location filename="../../ui/tabs/eldercare.py" line="162" />
            <source>最近探访</source>
            <translation>Last visit</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="39" />
            <source>应探访</source>
            <translation>Visit due</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="40" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="40" />
            <source>超期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="40" />
            <source>正常</source>
            <translation>On time</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="40" />
            <source>已停止</source>
            <translation>Stopped</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="48" />
            <source>显示已停止的小组</source>
            <translation>Show stopped groups</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="52" />
            <source>新建小组</source>
            <translation>New group</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="53" />
            <source>修改小组</source>
            <translation>Edit group</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="68" />
            <source>探访记录</source>
            <translation>Visits</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="69" />
            <source>添加探访</source>
            <translation>Add visit</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="70" />
            <location filename="../../ui/tabs/eldercare.py" line="104" />
            <source>修改</source>
            <translation>Edit</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="71" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="74" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="75" />
            <source>分钟</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="76" />
            <source>参加成员</source>
            <translation>Members present</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="77" />
            <source>探访老人</source>
            <translation>Elders seen</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="77" />
            <source>{n}位</source>
            <translation>{n}</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="78" />
            <source>服务内容</source>
            <translation>Services</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="79" />
            <source>情况记录</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="85" />
            <source>小组成员</source>
            <translation>Group members</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="86" />
            <source>添加成员</source>
            <translation>Add member</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="87" />
            <source>退出小组</source>
            <translation>Leave group</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="88" />
            <source>含已退出</source>
            <translation>Include former</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="93" />
            <location filename="../../ui/tabs/eldercare.py" line="113" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="94" />
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="95" />
            <source>加入</source>
            <translation>Joined</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="96" />
            <source>退出</source>
            <translation>Left</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="97" />
            <source>所属领域</source>
            <translation>Sector</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="102" />
            <source>照顾的老人</source>
            <translation>Elders cared for</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="103" />
            <source>新增老人</source>
            <translation>New elder</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="105" />
            <source>调入本组</source>
            <translation>Move into group</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="106" />
            <source>离开小组</source>
            <translation>Leave group</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="107" />
            <source>全部老人</source>
            <translation>All elders</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="108" />
            <source>列出所有小组和尚未分组的老人</source>
            <translation>List every group's elders and elders without a group</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="114" />
            <source>性别/年龄</source>
            <translation>Sex/age</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="115" />
            <source>房间</source>
            <translation>Room</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="116" />
            <source>居住状况</source>
            <translation>Living situation</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="117" />
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="118" />
            <source>未分组</source>
            <translation>No group</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="119" />
            <source>紧急联系人</source>
            <translation>Emergency contact</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="120" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="134" />
            <source>共 {n} 个小组，照顾老人 {e} 位；{late} 个小组未按计划探访</source>
            <translation>{n} groups caring for {e} elders; {late} groups behind their visit plan</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="147" />
            <source>&lt;p style='color:#777'&gt;没有选中的小组。&lt;/p&gt;</source>
            <translation>&lt;p style='color:#777'&gt;No group selected.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="154" />
            <source>应于 {d} 前探访，已超期 {n} 天</source>
            <translation>Visit was due by {d}; {n} days overdue</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="158" />
            <source>未指定</source>
            <translation>Not set</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="160" />
            <source>探访频率</source>
            <translation>Visit frequency</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="160" />
            <source>每 {d} 天一次</source>
            <translation>Every {d} days</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="161" />
            <source>成员 / 老人</source>
            <translation>Members / elders</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="161" />
            <source>{m} 人 / {e} 位</source>
            <translation>{m} / {e}</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="162" />
            <source>尚无</source>
            <translation>None yet</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="163" />
            <source>累计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="163" />
            <source>探访 {n} 次，服务 {h:.1f} 人·小时</source>
            <translation>{n} visits, {h:.1f} person-hours</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="182" />
            <source>需求：{n}</source>
            <translation>Needs: {n}</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/eldercare.py" line="212" />
            <source>删除 {d} 的探访记录？参加成员的服务时长将一并扣除。</source>
            <translation>Delete the visit of {d}? The members' service hours for it are removed too.</translation>
        </message>
    </context>
    <context>
        <name>ElderDialog</name>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="122" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="123" />
            <source>性别</source>
            <translation>Sex</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="124" />
            <source>出生日期</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="125" />
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="125" />
            <source>选填</source>
            <translation>Optional</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="126" />
            <source>住所</source>
            <translation>Residence</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="126" />
            <source>如：区福利院</source>
            <translation>e.g. district welfare home</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="127" />
            <source>房间</source>
            <translation>Room</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="128" />
            <source>居住状况</source>
            <translation>Living situation</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="129" />
            <source>需求</source>
            <translation>Needs</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="130" />
            <source>紧急联系人</source>
            <translation>Emergency contact</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="131" />
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="135" />
            <source>（暂不分组）</source>
            <translation>(no group yet)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="138" />
            <source>所在小组</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="139" />
            <source>加入小组日期</source>
            <translation>Joined group on</translation>
        </message>
    </context>
    <context>
        <name>Encryption</name>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="120" />
            <source>两次输入的新密码不一致</source>
            <extracomment>alias</extracomment>
            <translation>The two new passwords differ</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="207" />
            <source>保存为 PDF…</source>
            <extracomment>alias</extracomment>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="217" />
            <source>保存恢复密钥单</source>
            <extracomment>alias</extracomment>
            <translation>Save the recovery key sheet</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="108" />
            <source>再次输入：</source>
            <extracomment>alias</extracomment>
            <translation>Again:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="139" />
            <source>创建恢复密钥…</source>
            <extracomment>alias</extracomment>
            <translation>Create recovery key…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="137" />
            <source>加密数据库…</source>
            <extracomment>alias</extracomment>
            <translation>Encrypt database…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="178" />
            <source>单位密码已更改（数据库本身未重写）。</source>
            <extracomment>alias</extracomment>
            <translation>The office password was changed (the database itself was not rewritten).</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="92" />
            <source>备份文件 {0} 已加密。请输入它的密码或恢复密钥：</source>
            <extracomment>alias</extracomment>
            <translation>The backup {0} is encrypted. Enter its password or recovery key:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="56" />
            <source>密码不正确</source>
            <extracomment>alias</extracomment>
            <translation>Wrong password</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="104" />
            <source>当前密码：</source>
            <extracomment>alias</extracomment>
            <translation>Current password:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="152" />
            <source>当前连接的是数据库服务器（PostgreSQL），由服务器自身的措施保护，本程序不对其加密。</source>
            <extracomment>alias</extracomment>
            <translation>Connected to a database server (PostgreSQL): it is protected by the server's own measures; this program does not encrypt it.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="195" />
            <source>恢复密钥</source>
            <extracomment>alias</extracomment>
            <translation>Recovery key</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="228" />
            <source>恢复密钥单</source>
            <extracomment>alias</extracomment>
            <translation>Recovery key sheet</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="208" />
            <source>打印…</source>
            <extracomment>alias</extracomment>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="133" />
            <location filename="../../ui/dialogs/encryption.py" line="178" />
            <location filename="../../ui/dialogs/encryption.py" line="184" />
            <source>数据加密</source>
            <extracomment>alias</extracomment>
            <translation>Data encryption</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="49" />
            <source>数据已加密</source>
            <extracomment>alias</extracomment>
            <translation>Data encrypted</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="176" />
            <source>数据库已加密。请输入操作员登录名和密码（忘记所有密码时，可在密码栏输入恢复密钥）。</source>
            <extracomment>alias</extracomment>
            <translation>The database is encrypted. Enter the operator's login name and password (if every password is forgotten, type the recovery key in the password box).</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="75" />
            <source>数据库已加密。请输入数据库密码（单位密码、操作员本人的密码或恢复密钥）：</source>
            <extracomment>alias</extracomment>
            <translation>The database is encrypted. Enter the database password (the office password, your own operator password or the recovery key):</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="154" />
            <source>数据库已加密：{0}
密钥文件：{1}（请与数据库一起备份；没有密码或恢复密钥它无法使用）</source>
            <extracomment>alias</extracomment>
            <translation>The database is encrypted: {0}
Key file: {1} (back it up with the database; it is useless without a password or the recovery key)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="157" />
            <source>数据库未加密：{0}
加密后，复制走的数据库文件和备份没有密码无法读取。</source>
            <extracomment>alias</extracomment>
            <translation>The database is not encrypted: {0}
Once encrypted, a copied database file or backup cannot be read without a password.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="107" />
            <source>新密码：</source>
            <extracomment>alias</extracomment>
            <translation>New password:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="58" />
            <location filename="../../ui/dialogs/login_dialog.py" line="195" />
            <source>无法打开加密的数据库</source>
            <extracomment>alias</extracomment>
            <translation>Cannot open the encrypted database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="170" />
            <source>更改单位密码</source>
            <extracomment>alias</extracomment>
            <translation>Change office password</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="138" />
            <source>更改单位密码…</source>
            <extracomment>alias</extracomment>
            <translation>Change office password…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="176" />
            <source>未能更改密码</source>
            <extracomment>alias</extracomment>
            <translation>Password not changed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="265" />
            <source>正在加密数据库…</source>
            <extracomment>alias</extracomment>
            <translation>Encrypting the database…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="228" />
            <source>正在生成恢复密钥单…</source>
            <extracomment>alias</extracomment>
            <translation>Making the recovery key sheet…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="164" />
            <source>设置数据库密码</source>
            <extracomment>alias</extracomment>
            <translation>Set database password</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/encryption.py" line="197" />
            <source>这是数据库的恢复密钥，只显示这一次。请打印或抄写后锁好：忘记所有密码时，用它代替密码打开数据库。旧的恢复密钥已作废。</source>
            <extracomment>alias</extracomment>
            <translation>This is the database's recovery key, shown this once. Print or copy it and lock it away: when every password is forgotten, it opens the database instead of a password. The old recovery key no longer works.</translation>
        </message>
    </context>
    <context>
        <name>ExportRosterDialog</name>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="48" />
            <location filename="../../ui/dialogs/export_roster.py" line="74" />
            <source>导出花名册</source>
            <translation>Export roster</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="49" />
            <source>导出当前列表：{0}，共 {1} 人。</source>
            <translation>Export the current list: {0}, {1} workers.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="52" />
            <source>花名册_{0}.xlsx</source>
            <translation>roster_{0}.xlsx</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="53" />
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="56" />
            <source>保存到</source>
            <translation>Save to</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="59" />
            <source>导出完整身份证号（仅管理员；默认打码，如 350502********1234）</source>
            <translation>Export full ID numbers (administrators only; masked by default, e.g. 350502********1234)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="62" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="63" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="75" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="42" />
            <source>全部人员</source>
            <extracomment>alias</extracomment>
            <translation>All workers</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="36" />
            <source>搜索“{0}”</source>
            <extracomment>alias</extracomment>
            <translation>Search "{0}"</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/export_roster.py" line="98" />
            <source>正在导出花名册…</source>
            <extracomment>alias</extracomment>
            <translation>Exporting the roster…</translation>
        </message>
    </context>
    <context>
        <name>FileDialogs</name>
        <message>
            <location filename="../../ui/file_dialogs.py" line="39" />
            <source>文件夹</source>
            <translation>Folder</translation>
        </message>
        <message>
            <location filename="../../ui/file_dialogs.py" line="41" />
            <source>{0} 文件</source>
            <translation>{0} file</translation>
        </message>
        <message>
            <location filename="../../ui/file_dialogs.py" line="42" />
            <source>文件</source>
            <translation>File</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="233" />
            <source>欢迎使用社工服务台</source>
            <translation>Welcome to swdesk</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="235" />
            <source>这是第一次使用。请填写本单位信息，并建立管理员账户：以后每次打开程序都需要登录，并可为其他工作人员建立“录入员”或“只读”账户。
如果只有一人使用这台电脑，也可以点“跳过”，以单用户模式使用（不需要登录）。</source>
            <translation>This is the first start. Enter your office's details and create an administrator account: from then on the program asks for a login at every start, and you can create "clerk" or "read-only" accounts for other staff.
If only one person uses this computer you may click "Skip" and use single-user mode (no login).</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="240" />
            <source>单位信息</source>
            <translation>Office details</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="247" />
            <source>6到12位数字，用于服务证编号</source>
            <translation>6 to 12 digits, used in card numbers</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="249" />
            <source>管理员账户</source>
            <translation>Administrator account</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="255" />
            <source>至少6位</source>
            <translation>At least 6 characters</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="256" />
            <source>姓名：</source>
            <translation>Name:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="257" />
            <source>登录名：</source>
            <translation>Login:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="258" />
            <source>密码：</source>
            <translation>Password:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="259" />
            <source>确认密码：</source>
            <translation>Confirm password:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="261" />
            <source>加密数据库（推荐）</source>
            <translation>Encrypt the database (recommended)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="262" />
            <source>数据库文件和备份加密保存：电脑或U盘丢失、文件被复制时，没有密码无法读取其中的个人信息</source>
            <translation>The database file and its backups are stored encrypted: if the PC or a USB stick is lost or a file is copied, the personal information in it cannot be read without a password</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="273" />
            <source>跳过（单用户模式）</source>
            <translation>Skip (single-user mode)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="274" />
            <source>完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="312" />
            <source>两次输入的密码不一致</source>
            <translation>The two passwords differ</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="363" />
            <source>未能建立加密的数据库（仍为未加密）：</source>
            <translation>Could not create the encrypted database (it stays unencrypted): </translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="102" />
            <source>所在区</source>
            <translation>District</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="103" />
            <source>街道</source>
            <translation>Street</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="104" />
            <source>街道代码</source>
            <translation>Street code</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="105" />
            <source>服务中心名称</source>
            <translation>Service centre</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="106" />
            <source>负责人</source>
            <translation>Person in charge</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="107" />
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="108" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="268" />
            <source>回访</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="274" />
            <source>回访日期</source>
            <translation>Follow-up date</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="275" />
            <source>满意度</source>
            <translation>Satisfaction</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="278" />
            <source>回访记录</source>
            <translation>Follow-up notes</translation>
        </message>
    </context>
    <context>
        <name>GroupDialog</name>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="58" />
            <source>小组名称</source>
            <translation>Group name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="58" />
            <source>如：律师服务队</source>
            <translation>e.g. lawyers' team</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="62" />
            <source>组长</source>
            <translation>Leader</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="63" />
            <source>服务点</source>
            <translation>Service site</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="63" />
            <source>如：区福利院</source>
            <translation>e.g. district welfare home</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="64" />
            <source>探访频率</source>
            <translation>Visit frequency</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="65" />
            <source>成立日期</source>
            <translation>Founded</translation>
        </message>
    </context>
    <context>
        <name>GroupVisitDialog</name>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="219" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="220" />
            <source>时长</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="223" />
            <source>服务内容</source>
            <translation>Services</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="225" />
            <source>参加成员</source>
            <translation>Members present</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="228" />
            <source>扫码签到</source>
            <translation>Scan check-in</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="230" />
            <source>探访老人</source>
            <translation>Elders seen</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="231" />
            <source>情况记录</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>HomeBedDialog</name>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="32" />
            <source>修改家庭病床户</source>
            <extracomment>alias</extracomment>
            <translation>Edit household</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="100" />
            <source>修改病床探访</source>
            <extracomment>alias</extracomment>
            <translation>Edit sickbed visit</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="82" />
            <source>撤销家庭病床</source>
            <extracomment>alias</extracomment>
            <translation>Close home sickbed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="32" />
            <source>新建家庭病床</source>
            <extracomment>alias</extracomment>
            <translation>New home sickbed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="100" />
            <source>添加病床探访</source>
            <extracomment>alias</extracomment>
            <translation>Add sickbed visit</translation>
        </message>
    </context>
    <context>
        <name>HomeBedTab</name>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="21" />
            <source>户主</source>
            <translation>Head</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="22" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="23" />
            <source>应探访</source>
            <translation>Visit due</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="24" />
            <source>最近探访</source>
            <translation>Last visit</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="25" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="26" />
            <location filename="../../ui/tabs/homebed.py" line="131" />
            <source>医疗志愿者</source>
            <translation>Volunteers</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="27" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="28" />
            <location filename="../../ui/tabs/homebed.py" line="127" />
            <source>低保证号</source>
            <translation>Dibao no.</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="29" />
            <location filename="../../ui/tabs/homebed.py" line="126" />
            <source>住址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="38" />
            <source>已撤床</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="40" />
            <source>超期{n}天</source>
            <translation>{n} days overdue</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="42" />
            <source>今日应探访</source>
            <translation>Due today</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="43" />
            <source>正常</source>
            <translation>On time</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="47" />
            <source>查找：户主、住址、低保证号</source>
            <translation>Find: head, address, dibao no.</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="52" />
            <source>全部社区</source>
            <translation>All communities</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="57" />
            <source>只看超期</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="60" />
            <source>含已撤床</source>
            <translation>Include closed</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="64" />
            <source>新建病床</source>
            <translation>New sickbed</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="65" />
            <location filename="../../ui/tabs/homebed.py" line="73" />
            <source>修改</source>
            <translation>Edit</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="66" />
            <source>撤床</source>
            <translation>Close bed</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="69" />
            <source>探访记录</source>
            <translation>Visits</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="72" />
            <source>添加探访</source>
            <translation>Add visit</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="74" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="78" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="79" />
            <source>人员</source>
            <translation>Workers</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="80" />
            <source>分钟</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="81" />
            <source>服务内容</source>
            <translation>Services</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="82" />
            <source>下次</source>
            <translation>Next</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="83" />
            <source>情况与发现</source>
            <translation>Findings</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="99" />
            <source>共 {n} 户（{c} 个社区），{late} 户超期未探访</source>
            <translation>{n} households ({c} communities), {late} overdue for a visit</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="117" />
            <source>&lt;p style='color:#777'&gt;没有选中的家庭病床户。&lt;/p&gt;</source>
            <translation>&lt;p style='color:#777'&gt;No household selected.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="121" />
            <source>应于 {d} 探访，已超期 {n} 天</source>
            <translation>Visit was due on {d}; {n} days overdue</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="124" />
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="124" />
            <source>未登记</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="125" />
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="128" />
            <source>家庭人口</source>
            <translation>Household size</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="128" />
            <source>{n} 人</source>
            <translation>{n} people</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="130" />
            <source>病情</source>
            <translation>Condition</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="131" />
            <source>未指定</source>
            <translation>Not set</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="132" />
            <source>探访频率</source>
            <translation>Visit frequency</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="132" />
            <source>每 {d} 天一次，{added} 建床</source>
            <translation>Every {d} days, bed opened {added}</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="134" />
            <source>下次探访</source>
            <translation>Next visit</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="136" />
            <source>{name}家</source>
            <translation>{name} household</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/homebed.py" line="173" />
            <source>删除 {d} 的探访记录？探访人员的服务时长将一并扣除。</source>
            <translation>Delete the visit of {d}? The visiting workers' service hours for it are removed too.</translation>
        </message>
    </context>
    <context>
        <name>HomeVisitDialog</name>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="113" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="114" />
            <source>时长</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="117" />
            <source>服务内容</source>
            <translation>Services</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="120" />
            <source>探访人员</source>
            <translation>Visiting workers</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="123" />
            <source>扫码签到</source>
            <translation>Scan check-in</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="124" />
            <source>情况与发现</source>
            <translation>Findings</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="127" />
            <source>指定</source>
            <translation>Set</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="128" />
            <source>不指定则按每 {d} 天一次推算</source>
            <translation>If not set: every {d} days</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="129" />
            <source>下次探访</source>
            <translation>Next visit</translation>
        </message>
    </context>
    <context>
        <name>HotlineTab</name>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="53" />
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="57" />
            <location filename="../../ui/tabs/hotline.py" line="310" />
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="58" />
            <location filename="../../ui/tabs/hotline.py" line="125" />
            <location filename="../../ui/tabs/hotline.py" line="309" />
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="59" />
            <location filename="../../ui/tabs/hotline.py" line="307" />
            <source>居民</source>
            <translation>Resident</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="60" />
            <location filename="../../ui/tabs/hotline.py" line="307" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="61" />
            <location filename="../../ui/tabs/hotline.py" line="308" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="62" />
            <source>紧急</source>
            <translation>Urgent</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="54" />
            <location filename="../../ui/tabs/hotline.py" line="124" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="54" />
            <source>（超时）</source>
            <translation> (late)</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="56" />
            <location filename="../../ui/tabs/hotline.py" line="310" />
            <source>办结时限</source>
            <translation>Due</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="63" />
            <location filename="../../ui/tabs/hotline.py" line="314" />
            <source>服务人员</source>
            <translation>Workers</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="64" />
            <location filename="../../ui/tabs/hotline.py" line="311" />
            <source>诉求</source>
            <translation>Request</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="67" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="68" />
            <source>得分</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="69" />
            <source>排在下一位前的原因</source>
            <translation>Ahead of the next because</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="70" />
            <source>推荐理由</source>
            <translation>Why</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="108" />
            <source>全部期间</source>
            <translation>All periods</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="113" />
            <source>全部状态</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="117" />
            <source>全部类别</source>
            <translation>All categories</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="121" />
            <source>居民姓名、电话或诉求内容</source>
            <translation>Resident name, phone or request text</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="123" />
            <source>只看超时</source>
            <translation>Late only</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="124" />
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="130" />
            <source>受理新工单…</source>
            <translation>New request…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="132" />
            <source>导出本期工单…</source>
            <translation>Export period…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="134" />
            <source>推荐规则…</source>
            <translation>Matching rules…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="170" />
            <source>分派…</source>
            <translation>Assign…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="171" />
            <source>完成…</source>
            <translation>Complete…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="172" />
            <source>回访…</source>
            <translation>Follow up…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="173" />
            <source>转介…</source>
            <translation>Refer…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="174" />
            <source>撤销…</source>
            <translation>Withdraw…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="175" />
            <source>修改…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="184" />
            <source>推荐人员</source>
            <translation>Suggested workers</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="194" />
            <source>依次按专业特长、同社区、当前待办、近30天分派次数、党员、邻近社区排序；可按住 Ctrl 多选</source>
            <translation>Ranked by specialty, same community, open requests, assignments in the last 30 days, party membership, neighbouring community; hold Ctrl to pick several</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="198" />
            <source>分派所选</source>
            <translation>Assign selected</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="243" />
            <source>共 {0} 件，未办结 {1} 件，超时 {2} 件</source>
            <translation>{0} requests, {1} open, {2} late</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="245" />
            <source>（只显示最近 {0} 件，请缩小期间）</source>
            <translation>(only the latest {0} shown; narrow the period)</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="297" />
            <source>请在左侧选择一件工单</source>
            <translation>Select a request on the left</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="308" />
            <source>（未指定）</source>
            <translation>(not set)</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="309" />
            <source>渠道</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="309" />
            <source>紧急程度</source>
            <translation>Urgency</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="311" />
            <source>期望时间</source>
            <translation>Preferred time</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="315" />
            <source>分派时间</source>
            <translation>Assigned</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="317" />
            <source>完成时间</source>
            <translation>Completed</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="318" />
            <source>服务时长</source>
            <translation>Service time</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="318" />
            <source>{0} 分钟</source>
            <translation>{0} min</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="319" />
            <source>办理情况</source>
            <translation>What was done</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="321" />
            <source>回访</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="322" />
            <source>回访记录</source>
            <translation>Follow-up notes</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="324" />
            <source>办结时间</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="324" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="385" />
            <source>提示</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="385" />
            <source>请先在推荐人员中选择一人或多人</source>
            <translation>Select one or more suggested workers first</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="422" />
            <source>导出热线工单</source>
            <translation>Export hotline requests</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/hotline.py" line="429" />
            <source>正在导出热线工单…</source>
            <translation>Exporting hotline requests…</translation>
        </message>
    </context>
    <context>
        <name>HouseholdDialog</name>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="38" />
            <source>户主</source>
            <translation>Head</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="39" />
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="39" />
            <source>选填</source>
            <translation>Optional</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="40" />
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="45" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="46" />
            <source>住址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="47" />
            <source>低保证号</source>
            <translation>Dibao no.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="50" />
            <source> 人</source>
            <translation> people</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="52" />
            <source>家庭人口</source>
            <translation>Household size</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="53" />
            <source>家庭成员</source>
            <translation>Household members</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="54" />
            <source>病情</source>
            <translation>Condition</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="55" />
            <source>探访频率</source>
            <translation>Visit frequency</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="56" />
            <source>建床日期</source>
            <translation>Bed opened</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/homebed.py" line="60" />
            <source>医疗志愿者</source>
            <translation>Volunteers</translation>
        </message>
    </context>
    <context>
        <name>ImportRosterDialog</name>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="35" />
            <source>导入花名册</source>
            <translation>Import roster</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="43" />
            <source>请选择要导入的花名册文件（xlsx、xlsm、xls、ods 或 csv，可先用“导出花名册”或导入模板的格式）。</source>
            <translation>Choose the roster file to import (xlsx, xlsm, xls, ods or csv, in the layout of "Export roster" or of the import template).</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="45" />
            <source>选择文件…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="47" />
            <source>保存导入模板…</source>
            <translation>Save import template…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="61" />
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="61" />
            <source>列</source>
            <translation>Column</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="61" />
            <source>问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="68" />
            <source>可能重复的人员确认不是同一人，仍然导入</source>
            <translation>Possible duplicates are different people: import them anyway</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="71" />
            <source>全部导入</source>
            <translation>Import all</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="74" />
            <source>仅导入无误的行</source>
            <translation>Import valid rows only</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="77" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="105" />
            <source>选择花名册文件</source>
            <translation>Choose roster file</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="106" />
            <source>表格文件 (*.xlsx *.xlsm *.xls *.ods *.csv);;所有文件 (*)</source>
            <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="126" />
            <source>正在读取花名册…</source>
            <translation>Reading the roster…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="133" />
            <source>选择工作表</source>
            <translation>Choose a sheet</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="134" />
            <source>有多个工作表都有花名册表头，请选择要导入的一个：</source>
            <translation>Several sheets have a roster header. Choose the one to import:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="111" />
            <source>保存导入模板</source>
            <translation>Save import template</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="111" />
            <source>花名册导入模板.xlsx</source>
            <translation>roster_import_template.xlsx</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="112" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="115" />
            <source>正在生成导入模板…</source>
            <translation>Creating the import template…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="123" />
            <source>文件：{0}</source>
            <translation>File: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="124" />
            <location filename="../../ui/dialogs/import_roster.py" line="148" />
            <source>正在检查…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="139" />
            <source>无法读取：{0}</source>
            <translation>Cannot read: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="179" />
            <source>正在导入花名册…</source>
            <translation>Importing the roster…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_roster.py" line="196" />
            <source>未导入任何数据：文件或数据库在检查后发生了变化，请查看下表后重新选择文件。</source>
            <translation>Nothing imported: the file or the database changed after the check. See the table below and choose the file again.</translation>
        </message>
    </context>
    <context>
        <name>InstanceLock</name>
        <message>
            <location filename="../../ui/instance_lock.py" line="69" />
            <source>{0}，进程号 {1}{2}</source>
            <extracomment>alias</extracomment>
            <translation>{0}, process {1}{2}</translation>
        </message>
        <message>
            <location filename="../../ui/instance_lock.py" line="82" />
            <source>另一个窗口</source>
            <extracomment>alias</extracomment>
            <translation>another window</translation>
        </message>
        <message>
            <location filename="../../ui/instance_lock.py" line="84" />
            <source>同一个数据库文件只能在一个窗口中使用，以免两处同时修改、互相覆盖。</source>
            <extracomment>alias</extracomment>
            <translation>A database file can be used in one window only, so that two windows do not overwrite each other's changes.</translation>
        </message>
        <message>
            <location filename="../../ui/instance_lock.py" line="86" />
            <source>已切换到那个窗口，请在那里继续工作。</source>
            <extracomment>alias</extracomment>
            <translation>That window has been brought to the front; please continue there.</translation>
        </message>
        <message>
            <location filename="../../ui/instance_lock.py" line="83" />
            <source>数据库 {0} 已在另一个社工服务台窗口中打开（{1}）。</source>
            <extracomment>alias</extracomment>
            <translation>The database {0} is already open in another swdesk window ({1}).</translation>
        </message>
        <message>
            <location filename="../../ui/instance_lock.py" line="237" />
            <source>数据库已在使用中</source>
            <extracomment>alias</extracomment>
            <translation>Database in use</translation>
        </message>
        <message>
            <location filename="../../ui/instance_lock.py" line="67" />
            <source>本机</source>
            <extracomment>alias</extracomment>
            <translation>this computer</translation>
        </message>
        <message>
            <location filename="../../ui/instance_lock.py" line="67" />
            <source>计算机“{0}”</source>
            <extracomment>alias</extracomment>
            <translation>computer “{0}”</translation>
        </message>
        <message>
            <location filename="../../ui/instance_lock.py" line="90" />
            <source>请在任务栏中找到那个窗口继续工作，或关闭它后再打开。</source>
            <extracomment>alias</extracomment>
            <translation>Find that window in the taskbar and continue there, or close it and open the database again.</translation>
        </message>
        <message>
            <location filename="../../ui/instance_lock.py" line="88" />
            <source>请在那台计算机上关闭程序后再打开；多人同时使用请改用 PostgreSQL 共享数据库。</source>
            <extracomment>alias</extracomment>
            <translation>Close the program on that computer first; for several clerks at once, use a shared PostgreSQL database.</translation>
        </message>
        <message>
            <location filename="../../ui/instance_lock.py" line="68" />
            <source>，自 {0} 起</source>
            <extracomment>alias</extracomment>
            <translation>, since {0}</translation>
        </message>
    </context>
    <context>
        <name>Jobs</name>
        <message>
            <location filename="../../ui/jobs.py" line="112" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/jobs.py" line="113" />
            <source>请稍候</source>
            <translation>Please wait</translation>
        </message>
        <message>
            <location filename="../../ui/jobs.py" line="182" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/jobs.py" line="195" />
            <source>注意</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../ui/jobs.py" line="198" />
            <source>完成</source>
            <translation>Done</translation>
        </message>
    </context>
    <context>
        <name>LanguageDialog</name>
        <message>
            <location filename="../../ui/dialogs/language.py" line="17" />
            <location filename="../../ui/dialogs/language.py" line="28" />
            <source>界面语言</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/language.py" line="18" />
            <source>选择界面语言（重新启动后生效）：</source>
            <translation>Choose the interface language (takes effect after a restart):</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/language.py" line="23" />
            <source>界面语言已更改，重新启动程序后生效。</source>
            <translation>Language changed; it takes effect when the program is restarted.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/language.py" line="31" />
            <source>英文界面包括窗口的菜单、页签、对话框和按钮。以下内容仍为中文，与打印和导出的内容一致：记录中的取值（所属领域、学历、状态等）、统计表和季度报表、待办提醒、数据检查给出的提示（如“第3行 〈身份证号〉 …”）。服务证、胸牌和证明始终以中文打印。</source>
            <translation>English covers the window's menus, tabs, dialogs and buttons. These stay in Chinese, as they are printed and exported: the values of the records (sector, education, status …), the statistics tables and the quarterly workbook, reminders, and the messages of the record checks (e.g. “第3行 〈身份证号〉 …”). Cards, badges and certificates are always printed in Chinese.</translation>
        </message>
    </context>
    <context>
        <name>LeaveDialog</name>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="103" />
            <source>{name} 退出日期</source>
            <translation>Date {name} left</translation>
        </message>
    </context>
    <context>
        <name>LockDialog</name>
        <message>
            <location filename="../../ui/dialogs/login.py" line="92" />
            <source>已锁定 — 社工服务台</source>
            <translation>Locked — swdesk</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login.py" line="94" />
            <source>程序已锁定。请输入密码解锁（也可以用其他操作员的账户登录）。</source>
            <translation>The program is locked. Enter your password to unlock (or log in as another operator).</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login.py" line="100" />
            <source>登录名：</source>
            <translation>Login:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login.py" line="101" />
            <source>密码：</source>
            <translation>Password:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login.py" line="102" />
            <source>解锁</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login.py" line="104" />
            <source>退出程序</source>
            <translation>Quit program</translation>
        </message>
    </context>
    <context>
        <name>Login</name>
        <message>
            <location filename="../../ui/dialogs/login.py" line="141" />
            <source>已锁定</source>
            <extracomment>alias</extracomment>
            <translation>Locked</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login.py" line="160" />
            <source>当前为单用户模式，没有密码，无法锁定。
请先在“设置 → 操作员管理”中建立管理员账户。</source>
            <extracomment>alias</extracomment>
            <translation>Single-user mode has no password, so the program cannot be locked.
Create an administrator account in "Settings → Operators" first.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login.py" line="160" />
            <source>锁定</source>
            <extracomment>alias</extracomment>
            <translation>Lock</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="115" />
            <source>登录 — 社工服务台</source>
            <translation>Log in — swdesk</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="120" />
            <source>请输入操作员登录名和密码。</source>
            <translation>Enter the operator's login and password.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="123" />
            <source>登录名：</source>
            <translation>Login:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="124" />
            <source>密码：</source>
            <translation>Password:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="126" />
            <source>登录</source>
            <translation>Log in</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/login_dialog.py" line="127" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="74" />
            <source>待办提醒</source>
            <translation>Reminders</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="75" />
            <source>人才队伍</source>
            <translation>Workers</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="76" />
            <source>一对一帮教</source>
            <translation>Mentoring</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="77" />
            <source>扶老助老</source>
            <translation>Elder care</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="78" />
            <source>家庭病床</source>
            <translation>Home sickbeds</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="79" />
            <source>服务热线</source>
            <translation>Hotlines</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="80" />
            <source>培训</source>
            <translation>Training</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="81" />
            <source>统计报表</source>
            <translation>Reports</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="95" />
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="96" />
            <source>打开数据库…</source>
            <translation>Open database…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="97" />
            <source>连接数据库服务器…</source>
            <translation>Connect to database server…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="99" />
            <source>导入花名册…</source>
            <translation>Import roster…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="100" />
            <source>导出花名册…</source>
            <translation>Export roster…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="101" />
            <source>导出季度报表…</source>
            <translation>Export quarterly report…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="102" />
            <source>汇总各街道报表…</source>
            <translation>Merge street reports…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="103" />
            <source>导出证明登记簿（公示）…</source>
            <translation>Export certificate register (for posting)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="105" />
            <source>备份…</source>
            <translation>Backup…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="106" />
            <source>恢复…</source>
            <translation>Restore…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="108" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="110" />
            <source>打印(&amp;P)</source>
            <translation>&amp;Print</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="111" />
            <source>打印服务证…</source>
            <translation>Print service cards…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="112" />
            <source>打印胸牌…</source>
            <translation>Print badges…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="113" />
            <source>开具服务证明…</source>
            <translation>Issue service certificate…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="114" />
            <source>出具个人志愿服务记录…</source>
            <translation>Issue personal service record…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="115" />
            <source>打印星级证书…</source>
            <translation>Print star certificates…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="117" />
            <source>打印机校准…</source>
            <translation>Printer calibration…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="119" />
            <source>设置(&amp;S)</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="120" />
            <source>单位设置…</source>
            <translation>Office settings…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="121" />
            <source>人才需求计划…</source>
            <translation>Workforce demand plan…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="122" />
            <source>可选值列表…</source>
            <translation>Value lists…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="124" />
            <source>操作员管理…</source>
            <translation>Operators…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="125" />
            <source>操作日志…</source>
            <translation>Audit log…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="126" />
            <source>数据加密…</source>
            <translation>Data encryption…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="127" />
            <source>锁定</source>
            <translation>Lock</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="129" />
            <source>界面语言…</source>
            <translation>Language…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="131" />
            <source>工具(&amp;T)</source>
            <translation>&amp;Tools</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="132" />
            <source>验证服务证…</source>
            <translation>Verify service card…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="133" />
            <source>继续教育提醒…</source>
            <translation>Continuing-education reminders…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="135" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="136" />
            <source>填充示例数据…</source>
            <translation>Fill with demo data…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="138" />
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="199" />
            <source>数据库：{0}</source>
            <translation>Database: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="232" />
            <source>“{0}”页面加载失败，详情见日志。</source>
            <translation>The "{0}" page failed to load; see the log for details.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="316" />
            <source>社工服务台</source>
            <translation>swdesk</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="320" />
            <location filename="../../ui/main_window.py" line="322" />
            <source>{0} — 社工服务台</source>
            <translation>{0} — swdesk</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="333" />
            <source>查看范围：一个街道，或全区各街道</source>
            <translation>Scope: one street, or every street of the district</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="349" />
            <location filename="../../ui/main_window.py" line="350" />
            <source>范围：{0}</source>
            <translation>Scope: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="49" />
            <source>源代码运行</source>
            <translation>run from source</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="54" />
            <source>关于社工服务台</source>
            <translation>About swdesk</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="55" />
            <source>&lt;h3&gt;社工服务台 swdesk {0}&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;swdesk (社工服务台) {0}&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="56" />
            <source>&lt;p&gt;构建日期：{0}&lt;/p&gt;</source>
            <translation>&lt;p&gt;Build date: {0}&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="57" />
            <source>&lt;p&gt;街道社会工作服务中心的人才队伍、一对一帮教、扶老助老、家庭病床、服务热线、培训管理，服务证打印与季度统计报表。&lt;/p&gt;</source>
            <translation>&lt;p&gt;The records of a street social-work service centre: workers, mentoring, elder care, home sickbeds, hotlines and training; service cards and quarterly reports.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="59" />
            <source>&lt;p&gt;当前数据库：{0}&lt;/p&gt;</source>
            <translation>&lt;p&gt;Database: {0}&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="84" />
            <source>成员</source>
            <translation>Members</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="85" />
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="86" />
            <source>加入日期</source>
            <translation>Joined on</translation>
        </message>
    </context>
    <context>
        <name>MentoringDialog</name>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="47" />
            <source> 分钟</source>
            <extracomment>alias</extracomment>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="56" />
            <source>修改帮教对子</source>
            <extracomment>alias</extracomment>
            <translation>Edit pair</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="143" />
            <source>修改帮教记录</source>
            <extracomment>alias</extracomment>
            <translation>Edit session</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="56" />
            <source>新建帮教对子</source>
            <extracomment>alias</extracomment>
            <translation>New mentoring pair</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="143" />
            <source>添加帮教记录</source>
            <extracomment>alias</extracomment>
            <translation>Add session</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="114" />
            <source>结束帮教</source>
            <extracomment>alias</extracomment>
            <translation>End mentoring</translation>
        </message>
    </context>
    <context>
        <name>MentoringTab</name>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="22" />
            <location filename="../../ui/tabs/mentoring.py" line="135" />
            <source>青少年</source>
            <translation>Youth</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="23" />
            <source>性别/年龄</source>
            <translation>Sex/age</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="24" />
            <location filename="../../ui/tabs/mentoring.py" line="143" />
            <source>帮教人</source>
            <translation>Mentor</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="25" />
            <location filename="../../ui/tabs/mentoring.py" line="142" />
            <source>组织单位</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="26" />
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="27" />
            <location filename="../../ui/tabs/mentoring.py" line="147" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="27" />
            <source>超期未帮教</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="28" />
            <source>开始</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="29" />
            <source>最近帮教</source>
            <translation>Last session</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="30" />
            <source>次数</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="31" />
            <source>监护人电话</source>
            <translation>Guardian tel.</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="41" />
            <source>查找：青少年姓名、帮教人、学校</source>
            <translation>Find: youth, mentor, school</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="46" />
            <source>全部状态</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="53" />
            <source>全部单位</source>
            <translation>All organisers</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="56" />
            <source>只看超期未帮教</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="60" />
            <source>新建对子</source>
            <translation>New pair</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="61" />
            <location filename="../../ui/tabs/mentoring.py" line="69" />
            <source>修改</source>
            <translation>Edit</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="62" />
            <source>结束帮教</source>
            <translation>End mentoring</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="65" />
            <source>帮教记录</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="68" />
            <source>添加记录</source>
            <translation>Add session</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="70" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="74" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="75" />
            <source>方式</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="76" />
            <source>分钟</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="77" />
            <source>地点</source>
            <translation>Place</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="78" />
            <source>内容与情况</source>
            <translation>Content and notes</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="109" />
            <source>共 {n} 对，其中超过 {days} 天未帮教 {stale} 对；累计帮教成功 {helped} 人</source>
            <translation>{n} pairs, {stale} without a session for over {days} days; {helped} youths helped in all</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="129" />
            <source>&lt;p style='color:#777'&gt;没有选中的帮教对子。&lt;/p&gt;</source>
            <translation>&lt;p style='color:#777'&gt;No pair selected.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="135" />
            <source>{0}（{1}，{2}岁，{3}生）</source>
            <translation>{0} ({1}, aged {2}, born {3})</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="138" />
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="138" />
            <source>未登记</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="139" />
            <source>学校或状况</source>
            <translation>School or situation</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="140" />
            <source>监护人</source>
            <translation>Guardian</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="141" />
            <source>帮教类别</source>
            <translation>Concern</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="144" />
            <source>结对时间</source>
            <translation>Paired on</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="144" />
            <source>{0} 至 {1}</source>
            <translation>{0} to {1}</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="146" />
            <source>{0}（计划）</source>
            <translation>{0} (planned)</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="146" />
            <source>未定</source>
            <translation>open</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="148" />
            <source>帮教次数</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="148" />
            <source>{n} 次，共 {h:.1f} 小时</source>
            <translation>{n}, {h:.1f} hours in all</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="151" />
            <source>帮教成效</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="151" />
            <source>（帮教成功）</source>
            <translation> (helped)</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="155" />
            <source>已 {d} 天没有帮教记录</source>
            <translation>No session for {d} days</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="156" />
            <source>帮教对子详情</source>
            <translation>Pair details</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/mentoring.py" line="194" />
            <source>删除 {d} 的帮教记录？相应的服务时长将一并扣除。</source>
            <translation>Delete the session of {d}? Its service hours are removed too.</translation>
        </message>
    </context>
    <context>
        <name>MergeWorkersDialog</name>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="40" />
            <source>查重与合并</source>
            <translation>Find and merge duplicates</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="46" />
            <source>记录一</source>
            <translation>Record 1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="46" />
            <source>记录二</source>
            <translation>Record 2</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="46" />
            <source>相同之处</source>
            <translation>What matches</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="52" />
            <source>逐项选择要保留的内容</source>
            <translation>Choose what to keep, field by field</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="58" />
            <location filename="../../ui/dialogs/merge_workers.py" line="158" />
            <source>合并</source>
            <translation>Merge</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="62" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="81" />
            <source>找到 {0} 对可能重复的记录</source>
            <translation>{0} likely duplicate pairs found</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="82" />
            <source>没有发现可能重复的记录</source>
            <translation>No likely duplicates found</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="107" />
            <source>项目</source>
            <translation>Field</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="108" />
            <source>保留为主记录</source>
            <translation>Record that stays</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="109" />
            <source>记录一（编号 {0}）</source>
            <translation>Record 1 (no. {0})</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="109" />
            <source>记录二（编号 {0}）</source>
            <translation>Record 2 (no. {0})</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="117" />
            <source>服务记录（全部保留）</source>
            <translation>Service records (all kept)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="119" />
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="137" />
            <source>两者合并</source>
            <translation>Both</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="159" />
            <source>将编号 {0} 的记录并入编号 {1}：服务时长、培训、帮教、小组、热线、证书等全部转到保留的记录，另一条记录删除（操作日志中保留两条记录的全部内容）。继续吗？</source>
            <translation>Merge record no. {0} into no. {1}: service hours, training, mentoring, groups, hotline, certificates and the rest all move to the record that stays; the other record is deleted (the audit log keeps both records in full). Continue?</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="167" />
            <source>不能合并</source>
            <translation>Cannot merge</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_workers.py" line="171" />
            <source>已合并：{0}，服务证号 {1}</source>
            <translation>Merged: {0}, service card {1}</translation>
        </message>
    </context>
    <context>
        <name>NewOperatorDialog</name>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="46" />
            <source>新建操作员</source>
            <translation>New operator</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="63" />
            <source>姓名：</source>
            <translation>Name:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="64" />
            <source>登录名：</source>
            <translation>Login:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="65" />
            <source>角色：</source>
            <translation>Role:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="67" />
            <source>密码：</source>
            <translation>Password:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="68" />
            <source>确认密码：</source>
            <translation>Confirm password:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="70" />
            <source>建立</source>
            <translation>Create</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="71" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="82" />
            <source>两次输入的密码不一致</source>
            <translation>The two passwords differ</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="88" />
            <source>可修改全部数据，管理操作员账户，查看完整的身份证号和电话，恢复备份</source>
            <translation>Can change all data, manage operator accounts, see full ID and phone numbers and restore backups</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="89" />
            <source>可录入和修改数据，列表中个人信息脱敏显示</source>
            <translation>Can enter and change data; personal data is masked in lists</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="90" />
            <source>只能查看和导出（个人信息脱敏），不能修改任何数据</source>
            <translation>Can only view and export (personal data masked); cannot change any data</translation>
        </message>
    </context>
    <context>
        <name>OfficeSettingsDialog</name>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="60" />
            <source>单位设置</source>
            <translation>Office settings</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="65" />
            <source>单位信息</source>
            <translation>Office details</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="66" />
            <source>服务证号</source>
            <translation>Card number</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="68" />
            <source>继续教育与星级</source>
            <translation>Continuing education and stars</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="73" />
            <source>保存 (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="74" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="80" />
            <source>只有管理员可以修改单位设置。</source>
            <translation>Only an administrator can change the office settings.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="107" />
            <source>区</source>
            <translation>District</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="108" />
            <source>街道</source>
            <translation>Street</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="109" />
            <source>街道代码</source>
            <translation>Street code</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="110" />
            <source>服务中心名称</source>
            <translation>Service centre</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="111" />
            <source>发证单位</source>
            <translation>Card issuer</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="112" />
            <source>负责人</source>
            <translation>Person in charge</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="113" />
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="114" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="116" />
            <source>热线名称</source>
            <translation>Hotline</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="116" />
            <source>号码</source>
            <translation>Number</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="120" />
            <source>添加热线</source>
            <translation>Add hotline</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="122" />
            <source>删除所选</source>
            <translation>Delete selected</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="133" />
            <source>服务热线</source>
            <translation>Hotlines</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="136" />
            <source>服务证背面文字</source>
            <translation>Card back text</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="144" />
            <source>服务证号格式</source>
            <translation>Card number format</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="145" />
            <source>{street} = 街道代码，{year} = 发证年份（4位），{seq} = 当年流水号。例如 {street}{year}{seq} 得到 350502001202600017。</source>
            <translation>{street} = street code, {year} = year of issue (4 digits), {seq} = serial number within the year. E.g. {street}{year}{seq} gives 350502001202600017.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="153" />
            <source>流水号位数</source>
            <translation>Serial digits</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="156" />
            <source> 年</source>
            <translation> years</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="158" />
            <source>有效期</source>
            <translation>Valid for</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="162" />
            <source>示例</source>
            <translation>Example</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="227" />
            <source>{0}（今天发证，有效期至 {1}）</source>
            <translation>{0} (issued today, valid until {1})</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="256" />
            <source>提示</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="51" />
            <source>只能使用 {street}（街道代码）、{year}（年份）、{seq}（流水号）三个占位符</source>
            <extracomment>alias</extracomment>
            <translation>Only the placeholders {street} (street code), {year} (year) and {seq} (serial number) are allowed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="46" />
            <source>格式中必须包含 {seq}（流水号）</source>
            <extracomment>alias</extracomment>
            <translation>The format must contain {seq} (serial number)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/settings.py" line="53" />
            <source>格式太长</source>
            <extracomment>alias</extracomment>
            <translation>Format too long</translation>
        </message>
    </context>
    <context>
        <name>OperatorsDialog</name>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="108" />
            <source>操作员管理</source>
            <translation>Operators</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="112" />
            <source>当前操作员：{0}（{1}）</source>
            <translation>Current operator: {0} ({1})</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="114" />
            <source>当前为单用户模式（无需登录）。建立第一个管理员账户后，每次打开程序都需要登录。</source>
            <translation>Single-user mode (no login). Once the first administrator account exists, every start asks for a login.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="125" />
            <source>新建账户…</source>
            <translation>New account…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="126" />
            <source>修改角色…</source>
            <translation>Change role…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="127" />
            <source>重设密码…</source>
            <translation>Reset password…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="128" />
            <location filename="../../ui/dialogs/operators.py" line="200" />
            <source>停用</source>
            <translation>Disable</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="129" />
            <source>修改我的密码…</source>
            <translation>Change my password…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="130" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="142" />
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="143" />
            <source>不自动锁定</source>
            <translation>Never</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="146" />
            <source>这段时间内没有键盘或鼠标操作时锁定程序，需要输入密码才能继续</source>
            <translation>Lock the program after this long without keyboard or mouse use; a password is needed to continue</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="149" />
            <source>无操作自动锁定：</source>
            <translation>Lock when idle for:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="161" />
            <source>只有管理员可以管理账户。</source>
            <translation>Only an administrator can manage accounts.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="183" />
            <source>在用</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="183" />
            <source>已停用</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="200" />
            <source>启用</source>
            <translation>Enable</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="208" />
            <location filename="../../ui/dialogs/operators.py" line="220" />
            <location filename="../../ui/dialogs/operators.py" line="271" />
            <source>提示</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="220" />
            <source>请先在列表中选择一个账户。</source>
            <translation>Select an account in the list first.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="237" />
            <source>修改角色</source>
            <translation>Change role</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="237" />
            <source>{0} 的角色：</source>
            <translation>Role of {0}:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="246" />
            <location filename="../../ui/dialogs/operators.py" line="250" />
            <source>重设密码</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="246" />
            <source>{0} 的新密码（至少6位）：</source>
            <translation>New password for {0} (at least 6 characters):</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="250" />
            <source>已重设 {0} 的密码。</source>
            <translation>Password of {0} reset.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="259" />
            <location filename="../../ui/dialogs/operators.py" line="262" />
            <location filename="../../ui/dialogs/operators.py" line="266" />
            <location filename="../../ui/dialogs/operators.py" line="274" />
            <source>修改我的密码</source>
            <translation>Change my password</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="259" />
            <source>原密码：</source>
            <translation>Current password:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="262" />
            <source>新密码（至少6位）：</source>
            <translation>New password (at least 6 characters):</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="266" />
            <source>再次输入新密码：</source>
            <translation>New password again:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="271" />
            <source>两次输入的新密码不一致，密码未修改。</source>
            <translation>The two new passwords differ; the password was not changed.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/operators.py" line="274" />
            <source>密码已修改。</source>
            <translation>Password changed.</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="83" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="84" />
            <source>登录名</source>
            <translation>Login</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="85" />
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="86" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="87" />
            <source>建立时间</source>
            <translation>Created</translation>
        </message>
    </context>
    <context>
        <name>PairDialog</name>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="69" />
            <source>帮教人</source>
            <translation>Mentor</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="70" />
            <source>青少年姓名</source>
            <translation>Youth's name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="71" />
            <source>性别</source>
            <translation>Sex</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="72" />
            <source>出生日期</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="75" />
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="75" />
            <source>选填</source>
            <translation>Optional</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="76" />
            <source>学校或状况</source>
            <translation>School or situation</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="77" />
            <source>如：第二中学初三、辍学在家</source>
            <translation>e.g. No. 2 Middle School, grade 9; out of school</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="78" />
            <source>监护人</source>
            <translation>Guardian</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="79" />
            <source>监护人电话</source>
            <translation>Guardian tel.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="80" />
            <source>帮教类别</source>
            <translation>Concern</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="81" />
            <source>组织单位</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="82" />
            <source>开始日期</source>
            <translation>Start date</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="83" />
            <source>计划结束</source>
            <translation>Planned end</translation>
        </message>
    </context>
    <context>
        <name>PasteAttendanceDialog</name>
        <message>
            <location filename="../../ui/dialogs/training.py" line="190" />
            <source>粘贴签到名单 — {0}</source>
            <translation>Paste attendance list — {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="193" />
            <source>粘贴姓名或服务证号：每行一个，或用顿号、逗号分隔</source>
            <translation>Paste names or card numbers: one per line, or separated by commas (、，,)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="195" />
            <source>张三
李四、王五
350502001202600017</source>
            <translation>张三
李四、王五
350502001202600017</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="198" />
            <source>核对名单</source>
            <translation>Check list</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="205" />
            <source>未能识别：</source>
            <translation>Not recognised: </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="213" />
            <source>同名人员，请选择是哪一位</source>
            <translation>People of the same name: choose who is meant</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="220" />
            <source>添加已识别的人员</source>
            <translation>Add recognised workers</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="222" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="234" />
            <source>识别 {0} 人（其中 {1} 人已在名单中），未能识别 {2} 条，同名待选 {3} 条</source>
            <translation>{0} recognised ({1} already on the list), {2} not recognised, {3} shared names to choose</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="250" />
            <source>请选择（不选则不添加）</source>
            <translation>Choose (not added unless chosen)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/training.py" line="255" />
            <source>{0}（{1}人同名）</source>
            <translation>{0} ({1} people of this name)</translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="64" />
            <source>注意：</source>
            <translation>Note: </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="74" />
            <source>第 </source>
            <translation>Page </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="75" />
            <source> 页</source>
            <translation> </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="77" />
            <source>放大</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="79" />
            <source>缩小</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="81" />
            <source>适合宽度</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="83" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="85" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="105" />
            <source>无法打开 PDF 文件</source>
            <translation>Cannot open the PDF file</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="114" />
            <source>共 %1 页，每页 %2 × %3 毫米</source>
            <translation>%1 pages, each %2 × %3 mm</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="159" />
            <source>提示</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="141" />
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/pdf_preview.py" line="159" />
            <source>无法开始打印，请检查打印机。</source>
            <translation>Cannot start printing; check the printer.</translation>
        </message>
    </context>
    <context>
        <name>PhotoCropDialog</name>
        <message>
            <location filename="../../ui/dialogs/photo_crop.py" line="169" />
            <source>裁剪照片（1 寸，25×35 毫米）</source>
            <translation>Crop photo (1-inch, 25×35 mm)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/photo_crop.py" line="172" />
            <source>拖动黄色框选择头像位置，拖动四角或滚动鼠标滚轮调整大小；方向键可微调。</source>
            <translation>Drag the yellow frame onto the face; drag its corners or turn the mouse wheel to resize; arrow keys nudge it.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/photo_crop.py" line="175" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/photo_crop.py" line="176" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>PrintDialog</name>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="104" />
            <source>打印服务证</source>
            <translation>Print service cards</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="104" />
            <source>打印胸牌</source>
            <translation>Print badges</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/printing.py" line="109" />
            <source>人才队伍中选中的 %n 人</source>
            <translation>
                <numerusform>%n worker selected in Workers</numerusform>
                <numerusform>%n workers selected in Workers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/printing.py" line="110" />
            <source>当前筛选结果 %n 人</source>
            <translation>
                <numerusform>Current filter: %n worker</numerusform>
                <numerusform>Current filter: %n workers</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="111" />
            <source>全部在册人员</source>
            <translation>All active workers</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="118" />
            <source>打印对象：</source>
            <translation>Print for:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="121" />
            <source>A4 纸拼版（带裁切线，正反面交替，长边翻转双面打印）</source>
            <translation>Several per A4 sheet (crop marks, fronts and backs alternate, duplex long-edge flip)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="122" />
            <source>每页一张（证卡打印机）</source>
            <translation>One per page (card printer)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="123" />
            <source>版式：</source>
            <translation>Layout:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="125" />
            <source>90 × 54 毫米</source>
            <translation>90 × 54 mm</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="126" />
            <source>100 × 70 毫米</source>
            <translation>100 × 70 mm</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="128" />
            <source>胸牌尺寸：</source>
            <translation>Badge size:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="133" />
            <source>内置模板</source>
            <translation>Built-in template</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="134" />
            <source>选择…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="139" />
            <source>模板：</source>
            <translation>Template:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="142" />
            <source>打印机校准：</source>
            <translation>Printer calibration:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="144" />
            <source>生成并预览</source>
            <translation>Make and preview</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="145" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="153" />
            <source>选择模板</source>
            <translation>Choose template</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="154" />
            <source>模板文件 (*.json)</source>
            <translation>Template files (*.json)</translation>
        </message>
    </context>
    <context>
        <name>ProgrammeTab</name>
        <message numerus="yes">
            <location filename="../../ui/tabs/programme_base.py" line="137" />
            <source>共 %n 条</source>
            <translation>
                <numerusform>%n record</numerusform>
                <numerusform>%n records</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/tabs/programme_base.py" line="216" />
            <source>请确认</source>
            <translation>Please confirm</translation>
        </message>
    </context>
    <context>
        <name>QuarterDialog</name>
        <message>
            <location filename="../../ui/dialogs/quarter.py" line="81" />
            <source>保存区级汇总报表</source>
            <extracomment>alias</extracomment>
            <translation>Save district roll-up</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/quarter.py" line="63" />
            <location filename="../../ui/dialogs/quarter.py" line="41" />
            <source>导出季度报表</source>
            <extracomment>alias</extracomment>
            <translation>Export quarterly report</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/quarter.py" line="100" />
            <location filename="../../ui/dialogs/quarter.py" line="96" />
            <source>导出证明登记簿（公示）</source>
            <extracomment>alias</extracomment>
            <translation>Export certificate register (for posting)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/quarter.py" line="70" />
            <source>正在导出季度报表…</source>
            <extracomment>alias</extracomment>
            <translation>Exporting the quarterly report…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/quarter.py" line="107" />
            <source>正在导出证明登记簿…</source>
            <extracomment>alias</extracomment>
            <translation>Exporting the certificate register…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/quarter.py" line="88" />
            <source>正在汇总各街道报表…</source>
            <extracomment>alias</extracomment>
            <translation>Merging the street reports…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/quarter.py" line="41" />
            <source>统计期间（如 2026Q4）：</source>
            <extracomment>alias</extracomment>
            <translation>Period (e.g. 2026Q4):</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/quarter.py" line="76" />
            <source>选择各街道的季度报表</source>
            <extracomment>alias</extracomment>
            <translation>Choose the streets' quarterly reports</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="291" />
            <source>转介工单</source>
            <translation>Refer request</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="291" />
            <source>撤销工单</source>
            <translation>Withdraw request</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="297" />
            <source>例如：转区法律援助中心</source>
            <translation>e.g. referred to the district legal aid centre</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="298" />
            <source>例如：居民已自行解决</source>
            <translation>e.g. resident solved it themselves</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="299" />
            <source>转介去向/原因</source>
            <translation>Referred to / why</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="299" />
            <source>撤销原因</source>
            <translation>Reason for withdrawal</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="43" />
            <source>出具个人志愿服务记录</source>
            <translation>Issue a personal service record</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="50" />
            <source>经办人姓名（签字人）</source>
            <translation>Name of the clerk (who signs)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="52" />
            <source>记录包括个人基本信息（证件号码打码）、各项目每次服务的日期、内容和时长、培训、表彰奖励、评价和星级；截止日期不能晚于今天。每次出具都登记编号。</source>
            <translation>The record holds the personal details (ID number masked), every service by programme with date, content and hours, training, awards, evaluations and the star level; the end date may not be after today. Every record issued is numbered in the register.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="56" />
            <source>人员：</source>
            <translation>Worker:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="57" />
            <source>起始日期（空：加入日期）：</source>
            <translation>From (blank: joining date):</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="58" />
            <source>截止日期（空：今天）：</source>
            <translation>To (blank: today):</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="59" />
            <source>经办人：</source>
            <translation>Clerk:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="60" />
            <source>打印机校准：</source>
            <translation>Printer calibration:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="62" />
            <source>出具并保存…</source>
            <translation>Issue and save…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="63" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="73" />
            <source>提示</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="73" />
            <source>请先选择人员</source>
            <translation>Select a worker first</translation>
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="167" />
            <source>

仍要用它替换损坏的数据库吗？损坏的文件会另存一份。</source>
            <extracomment>alias</extracomment>
            <translation>

Replace the damaged database with it anyway? The damaged file is kept aside.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="166" />
            <source>不是这个数据库的备份</source>
            <extracomment>alias</extracomment>
            <translation>Not a backup of this database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="207" />
            <source>打开数据库</source>
            <extracomment>alias</extracomment>
            <translation>Open database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="202" />
            <source>社工服务台备份 (*.db *.bak);;所有文件 (*)</source>
            <extracomment>alias</extracomment>
            <translation>swdesk backups (*.db *.bak);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="207" />
            <source>社工服务台数据库 (*.db);;所有文件 (*)</source>
            <extracomment>alias</extracomment>
            <translation>swdesk databases (*.db);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="201" />
            <source>选择备份文件</source>
            <extracomment>alias</extracomment>
            <translation>Choose backup file</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="73" />
            <source>无法打开数据库 — 社工服务台</source>
            <translation>Cannot open database — swdesk</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="101" />
            <source>没有找到这个数据库自己的备份（其他数据库的备份不会用于恢复）。</source>
            <translation>No backup of this database was found (backups of other databases are never used to recover it).</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="103" />
            <source>这个数据库最近的备份：{0}。</source>
            <translation>The latest backup of this database: {0}.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="105" />
            <source>注意：该备份比损坏的文件小，可能缺少最近录入的数据。</source>
            <translation>Note: this backup is smaller than the damaged file and may lack the latest records.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="113" />
            <source>从最近的备份恢复（{0}）</source>
            <translation>Restore the latest backup ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="115" />
            <source>——比损坏的文件小</source>
            <translation> — smaller than the damaged file</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="117" />
            <source>选择备份文件恢复…</source>
            <translation>Restore from a backup file…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="119" />
            <source>重试</source>
            <translation>Retry</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="120" />
            <source>打开其他数据库文件…</source>
            <translation>Open another database file…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="121" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="140" />
            <source>确认恢复</source>
            <translation>Confirm restore</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/recovery.py" line="141" />
            <source>这个备份（{0}）比损坏的文件小，恢复后可能缺少最近录入的数据。损坏的文件会另存一份。

仍要用它恢复吗？</source>
            <translation>This backup ({0}) is smaller than the damaged file; after the restore the latest records may be missing. The damaged file is kept aside.

Restore from it anyway?</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="139" />
            <source>数据库文件已损坏（可能是停电或强行关机造成的）。建议从最近一次完好的备份恢复；恢复前，损坏的文件会另存一份，不会丢失。</source>
            <translation>The database file is damaged (perhaps by a power cut or a forced shutdown). Restoring the latest good backup is advised; the damaged file is kept as a copy first, so nothing is lost.</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="141" />
            <source>这个数据库由更新版本的社工服务台使用过。请安装新版程序后再打开；数据没有任何改动。</source>
            <translation>This database was used by a newer version of swdesk. Install the new version and open it again; no data was changed.</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="142" />
            <source>数据库正被另一个程序（或另一个社工服务台窗口）使用。请关闭它后点“重试”。</source>
            <translation>The database is in use by another program (or another swdesk window). Close it, then click "Retry".</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="143" />
            <source>数据库文件或所在文件夹是只读的（例如在光盘上，或文件属性设为只读）。请把文件复制到可写的位置，或取消只读属性后重试。</source>
            <translation>The database file or its folder is read-only (e.g. on a CD, or the file is marked read-only). Copy the file to a writable place, or clear the read-only attribute, and try again.</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="145" />
            <source>请检查文件位置或网络连接后重试。</source>
            <translation>Check the file's location or the network connection and try again.</translation>
        </message>
    </context>
    <context>
        <name>ReleaseDialog</name>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="194" />
            <source>{name} 离开日期</source>
            <translation>Date {name} left</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="195" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/eldercare.py" line="195" />
            <source>如：迁居外区、入住医院、去世</source>
            <translation>e.g. moved to another district, in hospital, deceased</translation>
        </message>
    </context>
    <context>
        <name>RemindersTab</name>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="32" />
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="35" />
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="43" />
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="44" />
            <source>对象</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="45" />
            <source>应办日期</source>
            <translation>Due</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="46" />
            <source>逾期</source>
            <translation>Late</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="46" />
            <source>{n}天</source>
            <translation>{n} d</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="47" />
            <source>情况</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="51" />
            <source>双击打开相应记录</source>
            <translation>Double-click to open the record</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="67" />
            <source>&lt;b style='color:#b00020'&gt;待办提醒读取失败，详情见日志。&lt;/b&gt;</source>
            <translation>&lt;b style='color:#b00020'&gt;Could not read the reminders; see the log.&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="69" />
            <source>&lt;b&gt;{d}&lt;/b&gt;　共 {n} 项待办</source>
            <translation>&lt;b&gt;{d}&lt;/b&gt;　{n} reminders</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="76" />
            <source>全部类别</source>
            <translation>All categories</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reminders.py" line="78" />
            <source>{0}（{1}）</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="47" />
            <source>一对一帮教</source>
            <translation>Mentoring</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="48" />
            <source>扶老助老</source>
            <translation>Elder care</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="49" />
            <source>家庭病床</source>
            <translation>Home sickbeds</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="50" />
            <source>服务热线</source>
            <translation>Hotlines</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="55" />
            <source>继续教育</source>
            <translation>Continuing education</translation>
        </message>
    </context>
    <context>
        <name>ReportsTab</name>
        <message>
            <location filename="../../ui/tabs/reports.py" line="228" />
            <source>统计期间：</source>
            <translation>Period:</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="234" />
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="237" />
            <source>导出季度报表…</source>
            <translation>Export quarterly report…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="310" />
            <location filename="../../ui/tabs/reports.py" line="312" />
            <source>正在统计…</source>
            <translation>Computing…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="328" />
            <source>统计失败：</source>
            <translation>Statistics failed: </translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="339" />
            <source>{office}　{period}　在册 {n} 人　（统计于 {time}）</source>
            <translation>{office}　{period}　{n} active workers　(as of {time})</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="352" />
            <source>待办提醒：</source>
            <translation>Reminders: </translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="51" />
            <source>一对一帮教</source>
            <translation>Mentoring</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="52" />
            <source>扶老助老</source>
            <translation>Elder care</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="53" />
            <source>家庭病床</source>
            <translation>Home sickbeds</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="54" />
            <location filename="../../ui/translatable.py" line="63" />
            <source>服务热线</source>
            <translation>Hotlines</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="56" />
            <source>继续教育</source>
            <translation>Continuing education</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="61" />
            <source>队伍结构</source>
            <translation>Workforce</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="62" />
            <source>服务开展</source>
            <translation>Services</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="64" />
            <source>培训</source>
            <translation>Training</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="65" />
            <source>需求缺口</source>
            <translation>Demand gap</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="66" />
            <source>持证与继续教育</source>
            <translation>Certification and continuing education</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="67" />
            <source>星级志愿者</source>
            <translation>Star volunteers</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="276" />
            <source>{0}年{1}</source>
            <extracomment>alias</extracomment>
            <translation>{0} {1}</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="143" />
            <source>人数</source>
            <extracomment>alias</extracomment>
            <translation>Workers</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="182" />
            <source>件</source>
            <extracomment>alias</extracomment>
            <translation>Requests</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="181" />
            <source>小时</source>
            <extracomment>alias</extracomment>
            <translation>Hours</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="169" />
            <source>服务时长（小时）</source>
            <extracomment>alias</extracomment>
            <translation>Service hours</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="207" />
            <source>注：</source>
            <extracomment>alias</extracomment>
            <translation>Note: </translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="170" />
            <source>热线求助（件）</source>
            <extracomment>alias</extracomment>
            <translation>Hotline requests</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="275" />
            <source>第一季度</source>
            <extracomment>alias</extracomment>
            <translation>Q1</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="275" />
            <source>第三季度</source>
            <extracomment>alias</extracomment>
            <translation>Q3</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="275" />
            <source>第二季度</source>
            <extracomment>alias</extracomment>
            <translation>Q2</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="275" />
            <source>第四季度</source>
            <extracomment>alias</extracomment>
            <translation>Q4</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/reports.py" line="167" />
            <source>近四个季度趋势</source>
            <extracomment>alias</extracomment>
            <translation>Last four quarters</translation>
        </message>
    </context>
    <context>
        <name>RequestDialog</name>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="154" />
            <source>修改热线工单</source>
            <translation>Edit hotline request</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="154" />
            <source>受理热线工单</source>
            <translation>New hotline request</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="160" />
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="161" />
            <source>受理渠道</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="163" />
            <source>居民姓名</source>
            <translation>Resident's name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="164" />
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="166" />
            <source>（未指定）</source>
            <translation>(not set)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="171" />
            <source>所在社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="172" />
            <source>热线类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="175" />
            <source>居民反映的困难和需要的帮助</source>
            <translation>The resident's difficulty and the help needed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="177" />
            <source>诉求内容</source>
            <translation>Request</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="178" />
            <source>紧急程度</source>
            <translation>Urgency</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="180" />
            <source>期望服务时间</source>
            <translation>Preferred time</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="182" />
            <source>例如：工作日上午</source>
            <translation>e.g. weekday mornings</translation>
        </message>
    </context>
    <context>
        <name>RosterModel</name>
        <message>
            <location filename="../../ui/translatable.py" line="16" />
            <source>服务证号</source>
            <translation>Card number</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="17" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="18" />
            <source>性别</source>
            <translation>Sex</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="19" />
            <source>年龄</source>
            <translation>Age</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="20" />
            <source>所属领域</source>
            <translation>Sector</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="21" />
            <source>学历</source>
            <translation>Education</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="22" />
            <source>职称</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="23" />
            <source>专业特长</source>
            <translation>Specialties</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="24" />
            <source>人员类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="25" />
            <source>所属社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="26" />
            <source>手机号码</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="27" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="28" />
            <source>街道</source>
            <translation>Street</translation>
        </message>
    </context>
    <context>
        <name>RosterTab</name>
        <message>
            <location filename="../../ui/tabs/roster.py" line="74" />
            <source>正在查询…</source>
            <translation>Searching…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="87" />
            <source>搜索：姓名、拼音（如 zhangsan 或 zs）、身份证号或手机号任意4位以上数字、服务证号（Ctrl+F）</source>
            <translation>Search: name, pinyin (zhangsan or zs), 4+ digits of an ID or phone number, card number (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="90" />
            <source>新增人员</source>
            <translation>New worker</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="91" />
            <source>新增人员（Ctrl+N）</source>
            <translation>New worker (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="93" />
            <source>导入…</source>
            <translation>Import…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="95" />
            <source>导出当前列表…</source>
            <translation>Export list…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="97" />
            <source>查重…</source>
            <translation>Duplicates…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="98" />
            <source>查找可能重复录入的人员，并合并为一条记录</source>
            <translation>Find people entered twice and merge them into one record</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="121" />
            <source>清除筛选</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="132" />
            <source>{0}：全部</source>
            <translation>{0}: all</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="134" />
            <source>{0}：{1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="276" />
            <source>查询用时 {0} 毫秒</source>
            <translation>Query took {0} ms</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="277" />
            <source>共 {0} 人 / 筛选 {1} 人</source>
            <translation>{0} workers / {1} shown</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="282" />
            <source>查询失败</source>
            <translation>Query failed</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="435" />
            <source>已复制身份证号</source>
            <translation>ID number copied</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="435" />
            <source>此人没有登记身份证号</source>
            <translation>No ID number recorded for this worker</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="447" />
            <source>新增人员…</source>
            <translation>New worker…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="450" />
            <source>编辑…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="451" />
            <source>打印服务证（{0} 人）…</source>
            <translation>Print service cards ({0})…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="451" />
            <source>打印服务证…</source>
            <translation>Print service cards…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="454" />
            <source>恢复在册…</source>
            <translation>Make active again…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="454" />
            <source>离队…</source>
            <translation>Leave…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="456" />
            <source>复制身份证号</source>
            <translation>Copy ID number</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/roster.py" line="458" />
            <source>删除（仅限录入错误）…</source>
            <translation>Delete (data-entry errors only)…</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="33" />
            <source>所属领域</source>
            <translation>Sector</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="34" />
            <source>所属社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="35" />
            <source>专业特长</source>
            <translation>Specialties</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="36" />
            <source>学历</source>
            <translation>Education</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="37" />
            <source>职称</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="38" />
            <source>人员类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="39" />
            <source>政治面貌</source>
            <translation>Political status</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="40" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="41" />
            <source>年龄段</source>
            <translation>Age band</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="42" />
            <source>街道</source>
            <translation>Street</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <location filename="../../ui/dialogs/database.py" line="104" />
            <source>连接数据库服务器</source>
            <translation>Connect to database server</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/database.py" line="114" />
            <source>服务器地址</source>
            <translation>Server</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/database.py" line="115" />
            <source>端口</source>
            <translation>Port</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/database.py" line="116" />
            <source>数据库名</source>
            <translation>Database</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/database.py" line="117" />
            <source>用户名</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/database.py" line="118" />
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/database.py" line="119" />
            <source>区级共享数据库使用 PostgreSQL。请勿把数据库文件放在网络共享文件夹中使用。</source>
            <translation>A district's shared database runs on PostgreSQL. Never use a database file from a network share.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/database.py" line="122" />
            <source>连接</source>
            <translation>Connect</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/database.py" line="123" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ServiceForm</name>
        <message>
            <location filename="../../ui/widgets/forms.py" line="156" />
            <source>已填写的内容尚未保存，确定关闭并放弃吗？</source>
            <extracomment>alias</extracomment>
            <translation>What you typed has not been saved. Close and discard it?</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/forms.py" line="156" />
            <source>放弃填写的内容</source>
            <extracomment>alias</extracomment>
            <translation>Discard typed data</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/forms.py" line="249" />
            <source>添加</source>
            <extracomment>alias</extracomment>
            <translation>Add</translation>
        </message>
    </context>
    <context>
        <name>SessionDialog</name>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="151" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="152" />
            <source>时长</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="153" />
            <source>方式</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="154" />
            <source>地点</source>
            <translation>Place</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="154" />
            <source>如：社工站、学校、家中</source>
            <translation>e.g. social-work station, school, home</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/mentoring.py" line="155" />
            <source>内容与情况</source>
            <translation>Content and notes</translation>
        </message>
    </context>
    <context>
        <name>SpecialtyMapDialog</name>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="315" />
            <source>推荐规则：热线类别对应的专业特长</source>
            <translation>Matching rules: specialties for each hotline</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/hotline.py" line="331" />
            <source>推荐人员时，具有所勾选专业特长的人员排在前面。</source>
            <translation>Workers with the ticked specialties are suggested first.</translation>
        </message>
    </context>
    <context>
        <name>StarsDialog</name>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="113" />
            <source>打印星级证书</source>
            <translation>Print star certificates</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="115" />
            <source>季度写作 2026Q4；留空则打印全部尚未打印的星级证书</source>
            <translation>A quarter is written 2026Q4; leave blank to print every star certificate not yet printed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="118" />
            <source>新晋星级的期间：</source>
            <translation>Period of the new star levels:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="119" />
            <source>打印机校准：</source>
            <translation>Printer calibration:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="121" />
            <source>生成并保存…</source>
            <translation>Create and save…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="122" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="137" />
            <source>提示</source>
            <translation>Notice</translation>
        </message>
    </context>
    <context>
        <name>TrainingTab</name>
        <message>
            <location filename="../../ui/tabs/training.py" line="40" />
            <source>培训日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="41" />
            <source>课程名称</source>
            <translation>Course</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="42" />
            <source>主题</source>
            <translation>Topic</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="43" />
            <location filename="../../ui/tabs/training.py" line="53" />
            <location filename="../../ui/tabs/training.py" line="60" />
            <source>学时</source>
            <translation>Hours</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="44" />
            <source>人次</source>
            <translation>Attendances</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="45" />
            <source>主讲人</source>
            <translation>Trainer</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="46" />
            <source>地点</source>
            <translation>Place</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="49" />
            <location filename="../../ui/tabs/training.py" line="57" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="50" />
            <location filename="../../ui/tabs/training.py" line="58" />
            <source>服务证号</source>
            <translation>Card number</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="51" />
            <source>所属领域</source>
            <translation>Sector</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="52" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="54" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="59" />
            <location filename="../../ui/tabs/training.py" line="65" />
            <source>参训人次</source>
            <translation>Attendances</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="63" />
            <source>季度</source>
            <translation>Quarter</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="64" />
            <source>培训期数</source>
            <translation>Courses</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="66" />
            <source>参训人数</source>
            <translation>Attendees</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="67" />
            <source>总学时</source>
            <translation>Total hours</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="96" />
            <source>人员参训统计（本期，按人次排序）</source>
            <translation>Attendance by worker (this period, most first)</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="97" />
            <source>分季度统计</source>
            <translation>By quarter</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="117" />
            <source>全部期间</source>
            <translation>All periods</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="122" />
            <source>课程名称、主讲人或主题</source>
            <translation>Course, trainer or topic</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="124" />
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="128" />
            <source>新建课程…</source>
            <translation>New course…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="129" />
            <source>修改课程…</source>
            <translation>Edit course…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="130" />
            <location filename="../../ui/tabs/training.py" line="275" />
            <source>删除课程</source>
            <translation>Delete course</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="131" />
            <source>导出签到表…</source>
            <translation>Export sign-in sheet…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="142" />
            <source>签到名单</source>
            <translation>Attendance list</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="161" />
            <source>查找添加…</source>
            <translation>Find and add…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="163" />
            <source>粘贴名单…</source>
            <translation>Paste list…</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="165" />
            <source>移除所选</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="191" />
            <source>共 {0} 期培训，{1} 人次，{2} 学时（人次×学时）</source>
            <translation>{0} courses, {1} attendances, {2} hours (attendances × hours)</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="227" />
            <source>请在左侧选择一期培训</source>
            <translation>Select a course on the left</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="235" />
            <source>{0}（{1}，{2} 学时）：{3} 人</source>
            <translation>{0} ({1}, {2} h): {3} attendees</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="242" />
            <source>请先在左侧选择一期培训</source>
            <translation>Select a course on the left first</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="276" />
            <source>确定删除“{0}”及其 {1} 人次签到记录吗？</source>
            <translation>Delete "{0}" and its {1} attendance records?</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="307" />
            <source>移除签到</source>
            <translation>Remove attendance</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="308" />
            <source>确定从签到名单中移除所选 {0} 人吗？</source>
            <translation>Remove the {0} selected workers from the attendance list?</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="319" />
            <source>导出培训签到表</source>
            <translation>Export training sign-in sheet</translation>
        </message>
        <message>
            <location filename="../../ui/tabs/training.py" line="326" />
            <source>正在导出培训签到表…</source>
            <translation>Exporting the sign-in sheet…</translation>
        </message>
    </context>
    <context>
        <name>VerifyCardDialog</name>
        <message>
            <location filename="../../ui/dialogs/verify_card.py" line="16" />
            <source>验证服务证</source>
            <translation>Verify service card</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/verify_card.py" line="17" />
            <source>扫描服务证上的二维码，或打开、粘贴二维码图片（如手机截图）</source>
            <translation>Scan the QR code on the service card, or open or paste a picture of it (such as a phone screenshot)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/verify_card.py" line="20" />
            <source>用扫码枪扫描服务证二维码（或粘贴内容后按回车）</source>
            <translation>Scan the service card's QR code (or paste its text and press Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/verify_card.py" line="22" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Vocabulary</name>
        <message>
            <location filename="../../ui/dialogs/vocabulary.py" line="115" />
            <source>可选值列表</source>
            <translation>Value lists</translation>
        </message>
    </context>
    <context>
        <name>VocabularyDialog</name>
        <message>
            <location filename="../../ui/dialogs/vocabulary.py" line="26" />
            <source>可选值列表</source>
            <translation>Value lists</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/vocabulary.py" line="38" />
            <source>灰色为内置选项，不能删除。</source>
            <translation>Grey options are built in and cannot be deleted.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/vocabulary.py" line="43" />
            <source>新选项</source>
            <translation>New option</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/vocabulary.py" line="46" />
            <source>添加</source>
            <translation>Add</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/vocabulary.py" line="49" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/vocabulary.py" line="57" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>WorkerDialog</name>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="76" />
            <source>新增人员</source>
            <translation>New worker</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="76" />
            <source>人员信息</source>
            <translation>Worker details</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="78" />
            <source>基本信息</source>
            <translation>Basic details</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="80" />
            <source>服务时长</source>
            <translation>Service time</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="162" />
            <location filename="../../ui/translatable.py" line="113" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="167" />
            <source>18位身份证号，填写后自动带出出生日期和性别</source>
            <translation>18-character ID number; fills in date of birth and sex</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="170" />
            <source>如 1985-06-01；有身份证号时可不填</source>
            <translation>e.g. 1985-06-01; not needed with an ID number</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="171" />
            <source>11位手机号码</source>
            <translation>11-digit mobile number</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="180" />
            <source>如 2026-03-01</source>
            <translation>e.g. 2026-03-01</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="82" />
            <location filename="../../ui/dialogs/worker.py" line="191" />
            <location filename="../../ui/translatable.py" line="128" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="82" />
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="82" />
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="82" />
            <source>来电居民</source>
            <translation>Resident</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="82" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="83" />
            <source>分派时间</source>
            <translation>Assigned</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="83" />
            <source>完成时间</source>
            <translation>Completed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="83" />
            <source>服务时长（分钟）</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="84" />
            <source>热线分派</source>
            <translation>Hotline requests</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="86" />
            <source>培训日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="86" />
            <source>课程</source>
            <translation>Course</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="86" />
            <source>主题</source>
            <translation>Topic</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="86" />
            <source>授课人</source>
            <translation>Trainer</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="86" />
            <source>学时</source>
            <translation>Hours</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="87" />
            <source>培训记录</source>
            <translation>Training</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="90" />
            <source>职业水平与继续教育</source>
            <translation>Qualification and continuing education</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="91" />
            <source>星级、表彰与评价</source>
            <translation>Stars, awards and evaluations</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="195" />
            <location filename="../../ui/translatable.py" line="132" />
            <source>服务证号</source>
            <translation>Card number</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="228" />
            <source>照片（1 寸）</source>
            <translation>Photo (1-inch)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="234" />
            <source>选择文件…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="236" />
            <source>从剪贴板粘贴</source>
            <translation>Paste from clipboard</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="238" />
            <source>清除照片</source>
            <translation>Remove photo</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="257" />
            <location filename="../../ui/dialogs/worker.py" line="259" />
            <source>项目</source>
            <translation>Programme</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="257" />
            <location filename="../../ui/dialogs/worker.py" line="259" />
            <source>服务时长（小时）</source>
            <translation>Service hours</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="259" />
            <source>季度</source>
            <translation>Quarter</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="266" />
            <source>按项目合计</source>
            <translation>By programme</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="268" />
            <source>按季度</source>
            <translation>By quarter</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="279" />
            <source>保存 (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="284" />
            <source>保存并继续新增</source>
            <translation>Save and add another</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="286" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="328" />
            <source>保存时自动分配</source>
            <translation>Assigned on save</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="368" />
            <source>人员信息 — {0}</source>
            <translation>Worker details — {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="371" />
            <source>{0}
发证日期 {1}，有效期至 {2}</source>
            <translation>{0}
issued {1}, valid until {2}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="374" />
            <source>未发证</source>
            <translation>No card issued</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="382" />
            <source>离队（{0}）</source>
            <translation>Left ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="384" />
            <source>，原因：{0}</source>
            <translation>, reason: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="385" />
            <source>恢复在册…</source>
            <translation>Make active again…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="388" />
            <source>离队…</source>
            <translation>Leave…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="395" />
            <source>保存后这里显示此人的服务时长。</source>
            <translation>Service hours appear here after saving.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="399" />
            <source>累计服务时长：{0} 小时</source>
            <translation>Total service hours: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="437" />
            <source>出生日期 {0}，{1}，{2} 岁，年龄段：{3}</source>
            <translation>Born {0}, {1}, aged {2}, age band: {3}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="471" />
            <source>无照片</source>
            <translation>No photo</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="479" />
            <source>选择照片</source>
            <translation>Choose photo</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="480" />
            <source>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;所有文件 (*)</source>
            <translation>Images (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="495" />
            <source>剪贴板中没有图片，请先复制一张照片</source>
            <translation>The clipboard holds no image; copy a photo first</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="546" />
            <source>提示</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="572" />
            <source>已保存 {0}，服务证号 {1}。请录入下一位。</source>
            <translation>Saved {0}, card number {1}. Enter the next worker.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="582" />
            <source>可能重复</source>
            <translation>Possible duplicate</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="583" />
            <source>可能重复：花名册中已有相似的人员，请确认是否为同一人。</source>
            <translation>Possible duplicate: the roster already has a similar person. Please check whether this is the same person.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="588" />
            <source>打开已有记录：{0}</source>
            <translation>Open existing record: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="589" />
            <source>仍然保存</source>
            <translation>Save anyway</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="590" />
            <source>返回修改</source>
            <translation>Back to the form</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="609" />
            <source>记录已被修改</source>
            <translation>Record changed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="610" />
            <source>在您编辑期间，此人的记录已被其他窗口修改并保存。</source>
            <translation>While you were editing, this worker's record was changed and saved elsewhere.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="612" />
            <source>对方修改了：
{0}

重新载入将显示对方保存的内容，您未保存的修改需要重新填写。</source>
            <translation>They changed:
{0}

Reloading shows what they saved; your unsaved changes will need to be entered again.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="613" />
            <source>重新载入</source>
            <translation>Reload</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="614" />
            <source>继续编辑</source>
            <translation>Keep editing</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="114" />
            <source>性别</source>
            <translation>Sex</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="115" />
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="116" />
            <source>出生日期</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="117" />
            <source>手机号码</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="118" />
            <source>所属领域</source>
            <translation>Sector</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="119" />
            <source>工作单位</source>
            <translation>Employer</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="120" />
            <source>学历</source>
            <translation>Education</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="121" />
            <source>职称</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="122" />
            <source>社工职业水平</source>
            <translation>SW level</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="123" />
            <source>专业特长</source>
            <translation>Specialties</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="124" />
            <source>政治面貌</source>
            <translation>Political status</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="125" />
            <source>人员类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="126" />
            <source>所属社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="127" />
            <source>加入日期</source>
            <translation>Joined on</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="129" />
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="130" />
            <source>离队日期</source>
            <translation>Date left</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="131" />
            <source>离队原因</source>
            <translation>Reason for leaving</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="133" />
            <source>发证日期</source>
            <translation>Issued on</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="134" />
            <source>有效期至</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="699" />
            <source>删除人员</source>
            <extracomment>alias</extracomment>
            <translation>Delete worker</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="700" />
            <source>删除仅用于录入错误的记录；已离开的人员请用“离队”。
请填写删除 {0} 的原因：</source>
            <extracomment>alias</extracomment>
            <translation>Delete is only for records entered by mistake; for a worker who has left use "Leave".
Why is {0} being deleted?</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="679" />
            <source>将 {0} 恢复为在册人员？</source>
            <extracomment>alias</extracomment>
            <translation>Make {0} an active worker again?</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="678" />
            <source>恢复在册</source>
            <extracomment>alias</extracomment>
            <translation>Make active again</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="706" />
            <source>无</source>
            <extracomment>alias</extracomment>
            <translation>None</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="705" />
            <source>确定要永久删除 {0}（服务证号 {1}）吗？此操作不能撤销，并记入操作日志。</source>
            <extracomment>alias</extracomment>
            <translation>Permanently delete {0} (card number {1})? This cannot be undone and is written to the audit log.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker.py" line="704" />
            <source>确认删除</source>
            <extracomment>alias</extracomment>
            <translation>Confirm delete</translation>
        </message>
    </context>
    <context>
        <name>WorkerPicker</name>
        <message>
            <location filename="../../ui/widgets/worker_picker.py" line="30" />
            <source>输入姓名、拼音首字母、手机号或身份证号后4位</source>
            <translation>Name, initials, phone or ID last 4</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_picker.py" line="94" />
            <source>没有找到匹配的人员</source>
            <translation>No matching worker found</translation>
        </message>
    </context>
    <context>
        <name>WorkerRecord</name>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="465" />
            <source>90天内应再登记且继续教育学时不足：{0} 人</source>
            <extracomment>alias</extracomment>
            <translation>Registration due within 90 days with continuing-education hours missing: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="497" />
            <source>{0}所需服务小时</source>
            <extracomment>alias</extracomment>
            <translation>{0}: service hours needed</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="492" />
            <source>{0}每个登记期继续教育学时</source>
            <extracomment>alias</extracomment>
            <translation>{0}: continuing-education hours per registration period</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="337" />
            <source>以往服务时长</source>
            <extracomment>alias</extracomment>
            <translation>Earlier service hours</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="219" />
            <source>以往服务时长…</source>
            <extracomment>alias</extracomment>
            <translation>Earlier service hours…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="93" />
            <source>保存</source>
            <extracomment>alias</extracomment>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="227" />
            <location filename="../../ui/widgets/worker_record.py" line="236" />
            <source>修改…</source>
            <extracomment>alias</extracomment>
            <translation>Edit…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="193" />
            <source>修改职业水平…</source>
            <extracomment>alias</extracomment>
            <translation>Edit qualification…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="206" />
            <location filename="../../ui/widgets/worker_record.py" line="228" />
            <location filename="../../ui/widgets/worker_record.py" line="237" />
            <source>删除</source>
            <extracomment>alias</extracomment>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="291" />
            <source>取得日期</source>
            <extracomment>alias</extracomment>
            <translation>Date obtained</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="94" />
            <source>取消</source>
            <extracomment>alias</extracomment>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="430" />
            <source>图片或 PDF (*.jpg *.jpeg *.png *.pdf)</source>
            <extracomment>alias</extracomment>
            <translation>Images or PDF (*.jpg *.jpeg *.png *.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="311" />
            <location filename="../../ui/widgets/worker_record.py" line="202" />
            <source>培训机构</source>
            <extracomment>alias</extracomment>
            <translation>Institution</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="302" />
            <location filename="../../ui/widgets/worker_record.py" line="318" />
            <location filename="../../ui/widgets/worker_record.py" line="202" />
            <source>备注</source>
            <extracomment>alias</extracomment>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="310" />
            <source>外部继续教育学时</source>
            <extracomment>alias</extracomment>
            <translation>External continuing-education hours</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="358" />
            <location filename="../../ui/widgets/worker_record.py" line="223" />
            <source>奖项名称</source>
            <extracomment>alias</extracomment>
            <translation>Award</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="453" />
            <source>姓名</source>
            <extracomment>alias</extracomment>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="316" />
            <location filename="../../ui/widgets/worker_record.py" line="202" />
            <source>学时</source>
            <extracomment>alias</extracomment>
            <translation>Hours</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="343" />
            <source>小时数</source>
            <extracomment>alias</extracomment>
            <translation>Hours</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="453" />
            <source>已完成学时</source>
            <extracomment>alias</extracomment>
            <translation>Hours done</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="389" />
            <location filename="../../ui/widgets/worker_record.py" line="232" />
            <source>年度</source>
            <extracomment>alias</extracomment>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="453" />
            <source>应再登记日期</source>
            <extracomment>alias</extracomment>
            <translation>Registration due</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="344" />
            <source>截至日期</source>
            <extracomment>alias</extracomment>
            <translation>As of</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="360" />
            <location filename="../../ui/widgets/worker_record.py" line="223" />
            <source>授予单位</source>
            <extracomment>alias</extracomment>
            <translation>Awarded by</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="361" />
            <location filename="../../ui/widgets/worker_record.py" line="223" />
            <source>授予日期</source>
            <extracomment>alias</extracomment>
            <translation>Date awarded</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="362" />
            <location filename="../../ui/widgets/worker_record.py" line="223" />
            <source>文号</source>
            <extracomment>alias</extracomment>
            <translation>Document number</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="248" />
            <source>无</source>
            <extracomment>alias</extracomment>
            <translation>None</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="312" />
            <location filename="../../ui/widgets/worker_record.py" line="202" />
            <source>日期</source>
            <extracomment>alias</extracomment>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="213" />
            <source>星级</source>
            <extracomment>alias</extracomment>
            <translation>Star level</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="267" />
            <source>星级：{0}　累计服务时长 {1:.1f} 小时</source>
            <extracomment>alias</extracomment>
            <translation>Star level: {0}   total service {1:.1f} hours</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="498" />
            <source>服务证和胸牌上印星级（★）</source>
            <extracomment>alias</extracomment>
            <translation>Print the star level (★) on cards and badges</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="420" />
            <source>未选择</source>
            <extracomment>alias</extracomment>
            <translation>None chosen</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="345" />
            <source>来源说明</source>
            <extracomment>alias</extracomment>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="253" />
            <source>没有正在进行的登记期（未登记、登记已过期或无职业水平）。</source>
            <extracomment>alias</extracomment>
            <translation>No registration period running (not registered, registration lapsed, or no qualification).</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="226" />
            <location filename="../../ui/widgets/worker_record.py" line="235" />
            <source>添加…</source>
            <extracomment>alias</extracomment>
            <translation>Add…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="205" />
            <source>添加外部学时…</source>
            <extracomment>alias</extracomment>
            <translation>Add external hours…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="194" />
            <source>添加登记…</source>
            <extracomment>alias</extracomment>
            <translation>Add registration…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="301" />
            <source>登记日期</source>
            <extracomment>alias</extracomment>
            <translation>Registration date</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="255" />
            <source>登记期 {0} 至 {1}，应于 {2} 再登记。
已完成 {3:g} 学时（本中心继续教育培训 {4:g}，外部 {5:g}），要求 {6:g} 学时，还差 {7:g} 学时。</source>
            <extracomment>alias</extracomment>
            <translation>Registration period {0} to {1}; registration due on {2}.
{3:g} hours done (centre's continuing-education courses {4:g}, external {5:g}), {6:g} required, {7:g} missing.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="187" />
            <source>社会工作者职业水平</source>
            <extracomment>alias</extracomment>
            <translation>Social worker qualification</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="359" />
            <location filename="../../ui/widgets/worker_record.py" line="223" />
            <source>级别</source>
            <extracomment>alias</extracomment>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="196" />
            <source>继续教育（本登记期）</source>
            <extracomment>alias</extracomment>
            <translation>Continuing education (this registration period)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="288" />
            <location filename="../../ui/widgets/worker_record.py" line="289" />
            <location filename="../../ui/widgets/worker_record.py" line="453" />
            <source>职业水平</source>
            <extracomment>alias</extracomment>
            <translation>Qualification</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="299" />
            <source>职业水平登记</source>
            <extracomment>alias</extracomment>
            <translation>Qualification registration</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="249" />
            <source>职业水平：{0}　证书编号：{1}　取得日期：{2}
登记日期：{3}</source>
            <extracomment>alias</extracomment>
            <translation>Qualification: {0}   certificate number: {1}   obtained: {2}
Registered: {3}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="221" />
            <location filename="../../ui/widgets/worker_record.py" line="355" />
            <location filename="../../ui/widgets/worker_record.py" line="357" />
            <source>表彰奖励</source>
            <extracomment>alias</extracomment>
            <translation>Awards</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="290" />
            <source>证书编号</source>
            <extracomment>alias</extracomment>
            <translation>Certificate number</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="320" />
            <location filename="../../ui/widgets/worker_record.py" line="202" />
            <source>证明扫描件</source>
            <extracomment>alias</extracomment>
            <translation>Scan of the proof</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="230" />
            <location filename="../../ui/widgets/worker_record.py" line="383" />
            <location filename="../../ui/widgets/worker_record.py" line="385" />
            <source>评价</source>
            <extracomment>alias</extracomment>
            <translation>Evaluation</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="391" />
            <location filename="../../ui/widgets/worker_record.py" line="232" />
            <source>评价人</source>
            <extracomment>alias</extracomment>
            <translation>Evaluator</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="392" />
            <location filename="../../ui/widgets/worker_record.py" line="232" />
            <source>评价日期</source>
            <extracomment>alias</extracomment>
            <translation>Evaluation date</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="390" />
            <location filename="../../ui/widgets/worker_record.py" line="232" />
            <source>评价等次</source>
            <extracomment>alias</extracomment>
            <translation>Grade</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="394" />
            <location filename="../../ui/widgets/worker_record.py" line="232" />
            <source>评语</source>
            <extracomment>alias</extracomment>
            <translation>Comment</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="274" />
            <source>距下一星级还差 {0:g} 小时</source>
            <extracomment>alias</extracomment>
            <translation>{0:g} hours to the next star level</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="271" />
            <source>达到日期：{0}</source>
            <extracomment>alias</extracomment>
            <translation>Reached: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="453" />
            <source>还差学时</source>
            <extracomment>alias</extracomment>
            <translation>Hours missing</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="421" />
            <source>选择文件…</source>
            <extracomment>alias</extracomment>
            <translation>Choose file…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="429" />
            <source>选择证明扫描件</source>
            <extracomment>alias</extracomment>
            <translation>Choose the scan of the proof</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/worker_record.py" line="269" />
            <source>（含以往服务 {0:g} 小时，截至 {1}）</source>
            <extracomment>alias</extracomment>
            <translation> (including {0:g} earlier hours, as of {1})</translation>
        </message>
    </context>
    <context>
        <name>WorkerRecordDialogs</name>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="95" />
            <source>个人志愿服务记录预览</source>
            <extracomment>alias</extracomment>
            <translation>Personal service record preview</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="87" />
            <source>保存个人志愿服务记录</source>
            <extracomment>alias</extracomment>
            <translation>Save the personal service record</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="144" />
            <source>保存星级证书</source>
            <extracomment>alias</extracomment>
            <translation>Save the star certificates</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="152" />
            <source>星级证书预览</source>
            <extracomment>alias</extracomment>
            <translation>Star certificates preview</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="95" />
            <source>正在出具服务记录…</source>
            <extracomment>alias</extracomment>
            <translation>Issuing the service record…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/worker_record.py" line="152" />
            <source>正在生成星级证书…</source>
            <extracomment>alias</extracomment>
            <translation>Creating the star certificates…</translation>
        </message>
    </context>
    <context>
        <name>printing</name>
        <message>
            <location filename="../../ui/translatable.py" line="150" />
            <source>服务证</source>
            <translation>Service cards</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="151" />
            <source>胸牌</source>
            <translation>Badges</translation>
        </message>
        <message>
            <location filename="../../ui/translatable.py" line="152" />
            <source>服务证明</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="215" />
            <source>
……共 %1 处</source>
            <extracomment>alias</extracomment>
            <translation>
… %1 in all</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="286" />
            <source>%1预览</source>
            <extracomment>alias</extracomment>
            <translation>%1 preview</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="83" />
            <source>PDF 文件 (*.pdf)</source>
            <extracomment>alias</extracomment>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="233" />
            <source>不打印这些，继续</source>
            <extracomment>alias</extracomment>
            <translation>Leave these out and continue</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="174" />
            <source>不校准</source>
            <extracomment>alias</extracomment>
            <translation>No calibration</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="236" />
            <source>仍然打印</source>
            <extracomment>alias</extracomment>
            <translation>Print them anyway</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="219" />
            <source>仍然打印（缺字处留空）</source>
            <extracomment>alias</extracomment>
            <translation>Print anyway (missing characters left blank)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="217" />
            <source>以下字符在已安装的字体中都没有，打印出来会缺字：</source>
            <extracomment>alias</extracomment>
            <translation>No installed font has these characters; they would be missing from the print:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="261" />
            <source>保存%1</source>
            <extracomment>alias</extracomment>
            <translation>Save %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="368" />
            <source>保存服务证明</source>
            <extracomment>alias</extracomment>
            <translation>Save the certificate</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="234" />
            <source>先续期，再打印</source>
            <extracomment>alias</extracomment>
            <translation>Renew first, then print</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="220" />
            <location filename="../../ui/dialogs/printing.py" line="237" />
            <source>取消</source>
            <extracomment>alias</extracomment>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="216" />
            <source>字库缺字</source>
            <extracomment>alias</extracomment>
            <translation>Missing characters</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="218" />
            <source>建议安装含这些字的 TrueType 字体，并在单位设置中选择它。</source>
            <extracomment>alias</extracomment>
            <translation>Install a TrueType font that has them and choose it in Office settings.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="230" />
            <source>有不应再发出的%1</source>
            <extracomment>alias</extracomment>
            <translation>Some %1 should no longer be handed out</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="380" />
            <source>服务证明预览</source>
            <extracomment>alias</extracomment>
            <translation>Certificate preview</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="380" />
            <source>正在开具证明…</source>
            <extracomment>alias</extracomment>
            <translation>Issuing the certificate…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="286" />
            <source>正在生成%1…</source>
            <extracomment>alias</extracomment>
            <translation>Making %1…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="266" />
            <source>正在续期…</source>
            <extracomment>alias</extracomment>
            <translation>Renewing…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="231" />
            <source>默认不打印这些%1。</source>
            <extracomment>alias</extracomment>
            <translation>By default these %1 are not printed.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/printing.py" line="178" />
            <source>（已校准）</source>
            <extracomment>alias</extracomment>
            <translation>(calibrated)</translation>
        </message>
    </context>
</TS>
