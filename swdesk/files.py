"""Files the program writes: checked before anything opens, written whole or not at all.

Every output (PDF, xlsx, template, backup, export) goes through `write_atomically(path)`:

    with files.write_atomically(out, suffixes=(".pdf",)) as tmp:
        render_to(tmp)                 # any library writes to `tmp`, a file in the target folder
    # here `out` is complete, fsynced and renamed into place; on an exception nothing changed

- The target is refused before anything is opened when it is a folder, has the wrong extension,
  lies in a missing folder, is the open database (or its -wal/-shm) or any SQLite file.
- The temporary file sits in the target folder (same disk, so the rename is atomic) and is named
  `.swdesk-tmp-<pid>-<random><suffix>`; libraries that make temporary files of their own (openpyxl's
  write-only sheets) are pointed at that folder too (`library_temp_dir()`). A process killed with
  SIGKILL cannot clean up after itself: the leftovers carry its PID, and the next job writing to
  that folder (and the program's start, for TEMP) removes those whose process is gone
  (`sweep_leftovers`).
- OS errors become one Chinese line naming the path (`os_error_text`): the clerk never reads
  "Permission denied" or "No space left on device".
"""
from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import re
import secrets
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from swdesk.errors import UserError

TEMP_PREFIX = ".swdesk-tmp-"
_LEFTOVER = re.compile(re.escape(TEMP_PREFIX) + r"(\d+)-")
SQLITE_MAGIC = b"SQLite format 3\x00"

# Windows refuses to replace a file another program holds open (Excel, a PDF reader, antivirus
# scanning the new file). Seen elsewhere: a scanner holds a fresh file for up to ~1 s, so a replace
# is retried for 2 s before the clerk is asked to close the file.
REPLACE_RETRY_SECONDS = 2.0

# The folder where libraries' own temporary files go during the current job (None: the system's).
_library_temp: contextvars.ContextVar[str | None] = contextvars.ContextVar("swdesk_library_temp", default=None)

# Windows error numbers (OSError.winerror) that mean "another program has the file open".
_WIN_SHARING = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


def os_error_text(exc: OSError, path: str | os.PathLike | None = None) -> str:
    """One Chinese line for an OS error on `path`: what is wrong and what the clerk can do."""
    return f"{os_error_reason(exc)}：{path or exc.filename or ''}"


def os_error_reason(exc: OSError) -> str:
    """What an OS error means, in Chinese, without the path (never the system's English text)."""
    code = exc.errno
    if getattr(exc, "winerror", None) in _WIN_SHARING or code == errno.EBUSY:
        return "文件正被其他程序占用（例如 Excel 或 PDF 阅读器），请关闭后重试"
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "磁盘已满，文件未能写入（请清理磁盘空间后重试）"
    if code == errno.EROFS:
        return "磁盘是只读的，无法写入"
    if code in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return "权限不足，无法写入（文件可能正被其他程序打开，或该文件夹不允许写入）"
    if code == errno.EISDIR or isinstance(exc, IsADirectoryError):
        return "这是一个文件夹，不是文件"
    if code == errno.ENOENT or isinstance(exc, FileNotFoundError):
        return "文件或文件夹不存在"
    if code == errno.ENOTDIR:
        return "路径中有一段不是文件夹"
    if code == errno.ENAMETOOLONG:
        return "文件名或路径太长"
    if code == errno.EIO:
        return "读写磁盘出错（磁盘或 U 盘可能有故障）"
    return f"无法写入文件（系统错误代码 {code}）"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def is_sqlite_file(path: Path) -> bool:
    if _is_protected(path):
        # Never open the live database with a plain handle: closing it would drop every POSIX
        # lock this process holds on the file, SQLite's included (issue 22, see swdesk/db.py).
        return True
    if Path(f"{path}.keys").is_file():  # an encrypted database (issue 20) beside its key file
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


# The open database's files, registered by swdesk/db.py when it opens one (files.py stays at the
# bottom of the import graph: it knows nothing of the database layer).
_protected: set[Path] = set()


def protect_database(path: str | os.PathLike | None) -> None:
    """Refuse `path` and its SQLite side files as an output from now on (None: forget them all)."""
    _protected.clear()
    if path:
        base = Path(path)
        _protected.update({base, Path(f"{base}-wal"), Path(f"{base}-shm"), Path(f"{base}-journal")})


def _open_database_files() -> list[Path]:
    return sorted(_protected)


def _is_protected(path: str | os.PathLike) -> bool:
    target = Path(path)
    return any(target.resolve() == p.resolve() or _same_file(target, p) for p in _protected)


def check_target(path: str | os.PathLike, suffixes: tuple[str, ...], what: str = "输出文件") -> Path:
    """Refuse an output path before anything is opened; return it as a Path.

    Refused: empty, wrong extension, a folder, a missing folder, the open database or its side
    files, any SQLite file (a backup or another database), a file inside a missing folder."""
    text = str(path or "").strip()
    if not text:
        raise UserError(f"请指定{what}")
    target = Path(text).expanduser()
    if target.is_dir():
        raise UserError(f"{what}是一个文件夹，请给出文件名：{target}")
    if suffixes and target.suffix.lower() not in suffixes:
        wanted = "、".join(suffixes)
        raise UserError(f"{what}应以 {wanted} 结尾：{target}")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise UserError(f"输出文件夹不存在：{parent}")
    for open_file in _open_database_files():
        if target.resolve() == open_file.resolve() or _same_file(target, open_file):
            raise UserError(f"不能写到正在使用的数据库文件上：{target}")
    if target.is_file() and is_sqlite_file(target):
        raise UserError(f"目标文件是一个数据库文件，不能覆盖：{target}")
    return target


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


pid_alive = _pid_alive  # public: swdesk/db.py tells an unclean exit by its open markers


def sweep_leftovers(folder: str | os.PathLike) -> list[Path]:
    """Remove temporary files that a killed swdesk process left in `folder`; return them."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _LEFTOVER.match(entry.name)
        if not m or _pid_alive(int(m.group(1))):
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def temp_name(folder: Path, suffix: str = "") -> Path:
    return folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}{suffix}"


def library_temp_dir() -> str | None:
    """The folder libraries should put their temporary files in during the current job."""
    return _library_temp.get()


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover - a folder cannot be opened on Windows
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace(src: Path, dst: Path) -> None:
    """os.replace, retried while Windows says another program has `dst` open."""
    deadline = time.monotonic() + REPLACE_RETRY_SECONDS
    while True:
        try:
            os.replace(src, dst)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in _WIN_SHARING and sys.platform != "win32":
                raise
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.1)


@contextlib.contextmanager
def write_atomically(path: str | os.PathLike, suffixes: tuple[str, ...], what: str = "输出文件") -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success fsync it and rename it over the
    target; on any exception (cancel included) remove it and leave the target untouched.

    OSErrors become a UserError with a Chinese line naming the target."""
    target = check_target(path, suffixes, what)
    folder = target.parent if str(target.parent) else Path(".")
    sweep_leftovers(folder)
    tmp = temp_name(folder, target.suffix)
    token = _library_temp.set(str(folder))
    try:
        try:
            yield tmp
            _fsync_file(tmp)
            replace(tmp, target)
            _fsync_dir(folder)
        except OSError as exc:
            raise UserError(os_error_text(exc, target)) from exc
    finally:
        _library_temp.reset(token)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def write_bytes(path: str | os.PathLike, data: bytes, suffixes: tuple[str, ...], what: str = "输出文件") -> Path:
    """Write `data` to `path` atomically (see write_atomically)."""
    with write_atomically(path, suffixes, what) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
    return Path(path)


def sweep_system_temp() -> list[Path]:
    """At start: remove what a killed swdesk left in the system TEMP folder."""
    return sweep_leftovers(tempfile.gettempdir())
