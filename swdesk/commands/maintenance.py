"""`backup [DIR]`, `restore FILE`, `check`."""
from __future__ import annotations

import sys
from pathlib import Path

import peewee

from swdesk import check, db, encryption, files, migrations
from swdesk.commands import common
from swdesk.errors import UserError
from swdesk.jobs import backup as backup_job
from swdesk.jobs import encrypt as encrypt_job
from swdesk.jobs import print_recovery_key
from swdesk.jobs import restore as restore_job
from swdesk.services import operators
from swdesk.services.base import require_admin


def register(sub) -> None:
    p = sub.add_parser("backup", help="备份数据库", description="用 SQLite 在线备份接口备份数据库（默认备份到用户数据文件夹的 backups）。")
    p.add_argument("dir", nargs="?", metavar="DIR", help="备份文件夹（例如 U 盘）")
    p.set_defaults(func=run_backup)

    p = sub.add_parser("restore", help="从备份恢复", description="先检查备份文件（须是当前数据库的备份），"
                       "再把当前数据库移到一旁保存，然后用备份替换当前数据库。")
    p.add_argument("file", metavar="FILE", help="备份文件")
    p.add_argument("--other-database", action="store_true",
                   help="允许用另一个数据库的备份替换当前数据库（默认拒绝）")
    p.set_defaults(func=run_restore, needs_db=False)

    p = sub.add_parser("encrypt", help="加密数据库文件", description="把未加密的数据库文件转换为加密文件"
                       "（经核对的副本替换原文件；新密码两次输入，或取自环境变量 SWDESK_NEW_PASSWORD）。"
                       "密钥文件 <数据库>.keys 保存在数据库旁边，请与数据库一起备份。")
    p.add_argument("--change-password", action="store_true",
                   help="更改已加密数据库的密码（原密码取自 SWDESK_PASSWORD 或提示输入），数据库本身不重写")
    p.set_defaults(func=run_encrypt, needs_db=False)

    p = sub.add_parser("recovery-key", help="创建恢复密钥", description="为已加密的数据库创建新的恢复密钥"
                       "（仅限管理员；只显示这一次，请打印或抄写后锁好；旧的恢复密钥作废）。")
    p.add_argument("--pdf", metavar="OUT.pdf", help="把恢复密钥写成可打印的 PDF（打印后锁好，再删除该文件），不在屏幕上显示")
    p.set_defaults(func=run_recovery_key)

    p = sub.add_parser("check", help="检查数据库", description="运行 SQLite 完整性检查和本程序的一致性检查。")
    p.set_defaults(func=run_check)


def run_backup(args) -> int:
    result = backup_job.run(args.dir)
    print(result.message)
    return 0


def run_restore(args) -> int:
    _login_to_current(args)
    common.unlock_file(args.file)
    result = restore_job.run(args.file, args.db, allow_other_database=args.other_database)
    print(result.message)
    return 0


def run_check(args) -> int:
    problems = check.run_checks()
    if problems:
        for p in problems:
            print(f"问题：{p}")
        print(f"错误：发现 {len(problems)} 个问题。")
        return 1
    print("检查通过：数据库完整，数据一致。")
    return 0



def run_encrypt(args) -> int:
    target = args.db or db.default_target()
    if db.is_url(target):
        raise encrypt_job.postgres_refused()
    password = _login_to_current(args)
    require_admin()
    if args.change_password:
        if not encryption.is_encrypted_file(target):
            print("错误：数据库未加密，没有可更改的数据库密码。", file=sys.stderr)
            return 1
        old = password or common.ask_secret("当前密码：")
        label = encryption.operator_label(args.user) if args.user else encryption.OFFICE
        encryption.change_password(target, old, common.ask_new_password(), label)
        print(f"数据库密码已更改（数据库本身未重写）：{encryption.keys_path(target)}")
        return 0
    if encryption.is_encrypted_file(target):
        print(f"错误：数据库已经加密：{target}（更改密码请用 encrypt --change-password）", file=sys.stderr)
        return 1
    result = encrypt_job.run(target, common.ask_new_password(), common.TerminalProgress("正在加密"))
    return common.print_result(result)


def run_recovery_key(args) -> int:
    if args.pdf:
        files.check_target(args.pdf, print_recovery_key.PDF)  # a bad path must not void the old key
    key = operators.create_recovery_key()
    if args.pdf:
        try:
            return common.print_result(print_recovery_key.print_recovery_key(args.pdf, key))
        except UserError as exc:
            # The old key is void already: the new one must not be lost with the file.
            print(f"错误：{exc}", file=sys.stderr)
            print("恢复密钥未能写入文件，现在显示这一次，请抄写后锁好：", file=sys.stderr)
            print(key, file=sys.stderr)
            return 1
    print("恢复密钥（只显示这一次，请打印或抄写后锁好；忘记所有密码时用它打开数据库）：")
    print(key)
    return 0


def _login_to_current(args) -> str | None:
    """Once accounts exist, only a 管理员 may restore: log in against the database being replaced.

    A database that cannot be opened (damaged, missing) has no readable accounts: restoring it is
    then how the clerk recovers, so it is allowed."""
    target = args.db or db.default_target()
    if not db.is_url(target) and not Path(target).expanduser().is_file():
        return None
    try:
        password = common.unlock_from_args(args)  # a wrong password stops here, nothing changed
    except encryption.DamagedKeyFile:
        if args.func is not run_restore:
            raise
        return None   # restoring is how a damaged database (or key file) is repaired
    try:
        db.open_database(target, migrate=False)
        try:
            readable = bool(migrations.current_version())
        except peewee.DatabaseError:
            readable = False
        if readable:
            common.login_from_args(args, password)
    except db.DatabaseOpenError:
        return password
    finally:
        db.close_database()
    return password
