"""`backup [DIR]`, `restore FILE`, `check`."""
from __future__ import annotations

from pathlib import Path

import peewee

from swdesk import check, db, migrations
from swdesk.commands import common
from swdesk.jobs import backup as backup_job
from swdesk.jobs import restore as restore_job


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

    p = sub.add_parser("check", help="检查数据库", description="运行 SQLite 完整性检查和本程序的一致性检查。")
    p.set_defaults(func=run_check)


def run_backup(args) -> int:
    result = backup_job.run(args.dir)
    print(result.message)
    return 0


def run_restore(args) -> int:
    _login_to_current(args)
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



def _login_to_current(args) -> None:
    """Once accounts exist, only a 管理员 may restore: log in against the database being replaced.

    A database that cannot be opened (damaged, missing) has no readable accounts: restoring it is
    then how the clerk recovers, so it is allowed."""
    target = args.db or db.default_target()
    if not db.is_url(target) and not Path(target).expanduser().is_file():
        return
    try:
        db.open_database(target, migrate=False)
        try:
            readable = bool(migrations.current_version())
        except peewee.DatabaseError:
            readable = False
        if readable:
            common.login_from_args(args)
    except db.DatabaseOpenError:
        return
    finally:
        db.close_database()
