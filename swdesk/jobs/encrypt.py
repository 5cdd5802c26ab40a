"""The encrypt job (issue 20): turn a plain SQLite database into an encrypted one, through a
verified copy.

Used by `encrypt` (swdesk/commands/maintenance.py) and 设置 → 数据加密 (ui/dialogs/encryption.py).

1. the file is switched out of WAL (SQLite refuses while another connection has it open: the
   clerk is told to close the other program), so it is one self-contained file;
2. SQLCipher's sqlcipher_export() writes every table, index, trigger and view into a temporary
   file beside it (".swdesk-tmp-<pid>-…", swept by the next job if this one is killed), under a
   new random key, and the file is fsynced;
3. the copy is verified on a fresh connection: integrity_check clean, swdesk's own file checks
   clean, the same number of rows in every table as the original;
4. the key file "<database>.keys" is written (the key wrapped by the new password);
5. only then the copy is renamed over the original (one atomic rename).
A kill -9 before step 5 leaves the plain original exactly as it was (with, at most, a key file
that nothing reads while the database is plain and the next conversion rewrites).
"""
from __future__ import annotations

import contextlib
import secrets
import sqlite3
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from swdesk import backup, check, db, encryption, files
from swdesk.errors import UserError
from swdesk.jobs import JobResult, Progress, phase, report


def run(target: str | Path | None, password: str, progress: Progress | None = None) -> JobResult:
    """Encrypt the SQLite database `target` (None: the user's database) under `password` (the
    office password; operators' passwords are added as they log in or change them).

    The database must not be open in this process (the window closes it first and reopens it
    with the returned key, which stays unlocked in memory). `data` = the key."""
    path = _plain_target(target)
    if (problem := encryption.password_problem(password)) is not None:
        raise UserError(f"密码不符合要求：{problem}")
    phase(progress, "正在检查数据库…")
    counts = _close_journal(path)
    key = secrets.token_bytes(encryption.KEY_BYTES)
    tmp = files.temp_name(path.parent, ".db")
    try:
        phase(progress, "正在加密复制数据库…")
        _export(path, tmp, key)
        files._fsync_file(tmp)
        phase(progress, "正在核对加密后的数据库…", len(counts))
        _verify(tmp, key, counts, progress)
        encryption.write_slots(path, [encryption.wrap(key, password, "password", encryption.OFFICE)])
        files.replace(tmp, path)
        files._fsync_dir(path.parent)
    except OSError as exc:
        raise UserError(f"加密失败，原数据库未改动：{files.os_error_text(exc, path)}") from exc
    except encryption.ERRORS as exc:
        raise UserError(f"加密失败，原数据库未改动：{db.describe_error(exc, str(path))}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    encryption.remember(path, key)
    rows = sum(counts.values())
    return JobResult(f"数据库已加密：{path}（{len(counts)} 个表，{rows:,} 行，核对一致）。请牢记密码；"
                     "管理员可在 设置 → 数据加密 中创建恢复密钥。",
                     path=path, count=rows, warnings=_plain_copies(path), data=key)


def postgres_refused() -> UserError:
    return UserError("PostgreSQL 数据库不使用本程序的文件加密：请由数据库管理员在服务器上保护数据"
                     "（磁盘加密、访问控制）")


def _plain_target(target: str | Path | None) -> Path:
    text = str(target) if target else db.default_target()
    if db.is_url(text):
        raise postgres_refused()
    path = Path(text).expanduser().resolve()
    if not path.is_file():
        raise UserError(f"数据库文件不存在：{path}")
    if encryption.is_encrypted_file(path):
        raise UserError(f"数据库已经加密：{path}")
    open_path = db.sqlite_path() if db.proxy.obj is not None else None
    if open_path is not None and Path(open_path).resolve() == path and not db.proxy.obj.is_closed():
        raise UserError("请先关闭数据库再加密")
    return path


def _close_journal(path: Path) -> dict[str, int]:
    """Switch the file out of WAL (only possible while no other connection has it open) and
    return the row count of every table of the original."""
    try:
        con = sqlite3.connect(str(path), timeout=1, isolation_level=None)
    except sqlite3.Error as exc:
        raise UserError(f"无法打开数据库：{db.describe_error(exc, str(path))}") from exc
    try:
        mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise UserError("数据库正被其他程序使用（例如另一个社工服务台窗口、命令行或 sqlite3），请关闭后再加密；"
                            f"数据库未改动：{path}")
        return _counts(con)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise UserError("数据库正被其他程序使用（例如另一个社工服务台窗口、命令行或 sqlite3），请关闭后再加密；"
                            f"数据库未改动：{path}") from exc
        raise UserError(f"无法读取数据库：{db.describe_error(exc, str(path))}") from exc
    except sqlite3.DatabaseError as exc:
        raise UserError(f"数据库文件已损坏，不能加密（请先运行 check 或从备份恢复）：{path}") from exc
    finally:
        con.close()


def _tables(con) -> list[str]:
    """Every table with rows of its own (virtual tables are counted through their shadow tables)."""
    return [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY name")]


def _counts(con) -> dict[str, int]:
    return {t: int(con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]) for t in _tables(con)}


def _export(source: Path, tmp: Path, key: bytes) -> None:
    con = sqlcipher.connect(str(source), isolation_level=None)
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        con.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(tmp),))
        con.execute("SELECT sqlcipher_export('encrypted')").fetchone()
        con.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        con.execute("DETACH DATABASE encrypted")
    finally:
        con.close()


def _verify(tmp: Path, key: bytes, counts: dict[str, int], progress: Progress | None) -> None:
    """A fresh connection on the copy (the export's connection caches the old schema)."""
    con = encryption.connect(tmp, key=key)
    try:
        problems = check.sqlite_file_problems(con)
        if problems:
            raise UserError(f"加密后的副本未通过检查，原数据库未改动：{problems[0]}")
        tables = _tables(con)
        if tables != sorted(counts):
            raise UserError("加密后的副本缺少数据表，原数据库未改动")
        for done, table in enumerate(tables, 1):
            copied = int(con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
            if copied != counts[table]:
                raise UserError(f"加密后的副本中表 {table} 有 {copied} 行，原数据库有 {counts[table]} 行；"
                                "原数据库未改动")
            report(progress, done, len(tables))
    finally:
        con.close()


def _plain_copies(path: Path) -> list[str]:
    """Copies made before encryption stay plain: the clerk is told where they are."""
    found = list(path.parent.glob(path.stem + ".v*-*.bak"))
    found += [b.path for b in backup.list_backups(backup.configured_dir())
              if not encryption.is_encrypted_file(b.path)]
    if not found:
        return []
    return [f"加密前的 {len(found)} 个备份仍是未加密的（例如 {found[0]}）：请确认新的加密备份可用后删除它们，"
            "或把它们存放在安全的地方"]
