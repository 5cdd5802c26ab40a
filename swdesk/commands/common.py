"""Helpers shared by the command modules: login, progress on the terminal, a job's result."""
from __future__ import annotations

import getpass
import os
import sys

from swdesk import db, encryption
from swdesk.errors import UserError
from swdesk.jobs import JobResult
from swdesk.models import Office
from swdesk.services import operators, scope


def ask_secret(prompt: str, env: str = encryption.PASSWORD_ENV, what: str = "密码") -> str:
    """A password from the environment variable `env` (scheduled jobs), else typed at a prompt."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not (sys.stdin and sys.stdin.isatty()):
        raise UserError(f"需要{what}：请设置环境变量 {env}，或在终端中运行以便输入密码")
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UserError("未输入密码") from None


def ask_new_password() -> str:
    """A new password: SWDESK_NEW_PASSWORD, else typed twice."""
    if os.environ.get(encryption.NEW_PASSWORD_ENV) is not None:
        password = os.environ[encryption.NEW_PASSWORD_ENV]
    else:
        password = ask_secret("新密码：", encryption.NEW_PASSWORD_ENV)
        if ask_secret("再次输入新密码：", encryption.NEW_PASSWORD_ENV) != password:
            raise UserError("两次输入的新密码不一致，未作任何改动")
    if (problem := encryption.password_problem(password)) is not None:
        raise UserError(f"新密码不符合要求：{problem}")
    return password


def unlock_from_args(args) -> str | None:
    """An encrypted database file (issue 20) needs its password before it opens: --user's, or the
    office password (or the recovery key). Returns what was typed, so that --user's login does
    not ask twice; None when nothing needed unlocking."""
    target = getattr(args, "db", None) or db.default_target()
    if db.is_url(target) or not encryption.is_encrypted_file(target) or encryption.key_for(target):
        return None
    if not encryption.keys_path(target).is_file():  # not a database, or its key file is gone: open says which
        return None
    user = getattr(args, "user", None)
    secret = ask_secret(f"操作员 {user} 的密码：" if user else "数据库密码（或恢复密钥）：",
                        what=f"操作员 {user} 的密码" if user else
                        "加密数据库的密码（单位密码，或已建立操作员账户时用 --user 登录名 并给出其密码）")
    try:
        encryption.unlock(target, secret, encryption.operator_label(user) if user else None)
    except encryption.WrongSecret:
        if user:  # the same words as a wrong operator password on a plain database
            raise UserError("登录名或密码错误") from None
        raise
    return secret


def unlock_file(path) -> None:
    """An encrypted backup given on the command line: opened with a key already unlocked (the same
    database's), else its own key file and a password or the recovery key."""
    if not encryption.is_encrypted_file(path) or encryption.known_key_for(path) is not None:
        return
    encryption.unlock(path, ask_secret(f"备份 {os.path.basename(path)} 的密码（或恢复密钥）："))


def login_from_args(args, password: str | None = None) -> None:
    """Set the session from --user (and SWDESK_PASSWORD or a prompt) when accounts exist, then the
    street in view from --street, exactly as the window's 范围 box does.

    A database without operator accounts runs as the single local 管理员 user, who starts — like
    the window — on the centre's own street, and may name another or 全部 (every street)."""
    operators.login_for_command_line(getattr(args, "user", None), password)
    choose_street(getattr(args, "street", None))


ALL_STREETS = ("全部", "all")


def choose_street(name: str | None) -> None:
    if not name:
        return
    if name.strip() in ALL_STREETS:
        scope.choose(None)
        return
    office = Office.get_or_none(Office.street == name.strip())
    if office is None:
        streets = "、".join(o.street for o in scope.all_offices())
        raise UserError(f"没有名为“{name}”的街道（本数据库的街道：{streets}；全部街道用 --street 全部）")
    scope.choose(office.id)


class TerminalProgress:
    """A progress callback for long commands: `progress(done, total)` → a line on stderr."""

    def __init__(self, label: str):
        self.label = label
        self._last = -1

    def phase(self, text: str) -> None:
        """A new phase of the job ("正在写入文件…"): the percentage line takes its name."""
        self.label = text.rstrip("…")
        self._last = -1

    def __call__(self, done: int, total: int) -> bool:
        if total and sys.stderr.isatty():
            pct = int(done * 100 / total)
            if pct != self._last:
                self._last = pct
                print(f"\r{self.label} {pct}%", end="", file=sys.stderr, flush=True)
                if done >= total:
                    print(file=sys.stderr)
        return True  # never cancelled from the terminal (Ctrl+C raises KeyboardInterrupt)


def print_result(result: JobResult) -> int:
    """Show a job's result on the terminal: each warning on stderr ("注意：…"), then the one-line
    message on stdout. Returns the exit status (0)."""
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(result.message)
    return 0
