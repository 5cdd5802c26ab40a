"""The command line's login (swdesk/commands/common.py → operators.login_for_command_line): it runs
as the single 管理员 only while the database has no operator account; once one exists, a command
without --user is refused in Chinese and nothing is read or written."""
from __future__ import annotations

from swdesk import db as swdb
from swdesk.models import AuditLog
from swdesk.services import operators


def test_without_accounts_the_command_line_runs_as_the_single_admin(run_cli, db_target, tmp_path):
    out = tmp_path / "roster.xlsx"
    code, _out, err = run_cli("export", "roster", str(out), "--full-id", db_target=db_target)
    assert code == 0, err                         # --full-id is admin-only: the single user is 管理员
    assert out.is_file()


def test_with_accounts_no_user_is_refused_in_chinese(run_cli, db_target, tmp_path, monkeypatch):
    swdb.open_database(db_target)
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    operators.log_in("admin", "geheim123")
    logged = AuditLog.select().count()
    swdb.close_database()
    monkeypatch.setenv(operators.PASSWORD_ENV, "geheim123")  # a password alone is not a login
    out = tmp_path / "roster.xlsx"
    backups = tmp_path / "backups"
    backups.mkdir()
    for command in (["export", "roster", str(out)], ["demo", "--workers", "5"], ["backup", str(backups)]):
        code, stdout, err = run_cli(*command, db_target=db_target)
        assert code == 1, (command, err)
        assert err.strip() == (f"错误：已建立操作员账户，请用 --user 登录名 指定操作员"
                               f"（密码从环境变量 {operators.PASSWORD_ENV} 读取，或在提示时输入）"), command
        assert stdout == "" and "Traceback" not in err
    assert not out.exists() and not list(backups.iterdir())
    swdb.open_database(db_target)
    assert AuditLog.select().count() == logged   # nothing was done in anyone's name
    swdb.close_database()
    code, _out, err = run_cli("--user", "admin", "export", "roster", str(out), db_target=db_target)
    assert code == 0, err
    assert out.is_file()
