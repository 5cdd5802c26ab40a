"""Records encrypted at rest (issue 20): an SQLite file encrypted by SQLCipher with a random key.

- The database key is 32 random bytes; SQLCipher uses it raw (`PRAGMA key = "x'…'"`), so opening a
  connection costs no key derivation (each thread opens its own connection, see connection.py).
- The key never lies on disk in the clear. The key file "<database>.keys" beside the database (a
  small JSON file, written atomically through swdesk/files.py) holds it wrapped once per secret:
  the office password (single-user mode), each operator's password ("operator:<login>"), and the
  recovery key a 管理员 may create. Wrapping = AES-256-GCM under a key derived from the secret by
  scrypt (n=2**15, r=8, p=1: ~0.1 s and 32 MB here, so a guessing attacker pays the same per try),
  with the slot's kind and label as associated data (a slot cannot be moved to another label).
- Changing a password re-wraps (one slot rewritten), never re-encrypts the database.
- The key file is needed to open the database; it travels with every backup ("<backup>.keys") and
  is worthless without a password or the recovery key.
- The unwrapped keys live only in this process's memory (`_unlocked`, by resolved file path).

This module knows nothing of Qt and nothing of the models: swdesk/db.py asks `is_encrypted_file`
and `key_for` when it opens a file, the jobs and services call the rest.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import sqlite3
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from swdesk import files
from swdesk.errors import UserError

KEYS_SUFFIX = ".keys"
KEY_BYTES = 32
FORMAT = "swdesk-keys"
VERSION = 1
# scrypt cost of a new slot. Stored in each slot, so a slot made with other numbers still opens.
SCRYPT_N = 2 ** 15
SCRYPT_R = 8
SCRYPT_P = 1
_SCRYPT_MAXMEM = 2 ** 26   # 128·r·n = 32 MB; OpenSSL's default limit (32 MB) is just too small
OFFICE = "office"
RECOVERY = "recovery"
PASSWORD_ENV = "SWDESK_PASSWORD"
NEW_PASSWORD_ENV = "SWDESK_NEW_PASSWORD"
MIN_PASSWORD_LENGTH = 6

# SQLCipher's own exceptions are not sqlite3's: code that talks to a raw connection catches both.
ERRORS = (sqlite3.Error, sqlcipher.Error)
DATABASE_ERRORS = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
OPERATIONAL_ERRORS = (sqlite3.OperationalError, sqlcipher.OperationalError)


class KeyNeeded(UserError):
    """The file is encrypted and no password has unlocked it in this process yet."""


class WrongSecret(UserError):
    """The password or recovery key opens no slot of the key file."""


class DamagedKeyFile(UserError):
    """The key file is missing, unreadable or not what swdesk writes."""


# resolved database path -> its key, for the files unlocked in this process
_unlocked: dict[str, bytes] = {}
# resolved path of a database open in this process -> whether it is encrypted
_live: dict[str, bool] = {}


def note_open(path: str | os.PathLike, encrypted: bool | None) -> None:
    """db.open_database / close_database say whether the file they hold is encrypted (None: closed)."""
    if encrypted is None:
        _live.pop(_norm(path), None)
    else:
        _live[_norm(path)] = encrypted


def _norm(path: str | os.PathLike) -> str:
    return str(Path(path).expanduser().resolve())


def keys_path(path: str | os.PathLike) -> Path:
    """The key file of the database (or backup) at `path`: "<path>.keys"."""
    return Path(f"{Path(path).expanduser()}{KEYS_SUFFIX}")


def is_encrypted_file(path: str | os.PathLike) -> bool:
    """True when `path` is a non-empty file that is not plain SQLite (SQLCipher's first 16 bytes
    are the random salt, never "SQLite format 3\\0"); False for a missing or empty file.

    The database open in this process is never read with a plain handle (closing it would drop
    SQLite's locks, see swdesk/db.py): db.open_database notes whether it opened it with a key."""
    live = _live.get(_norm(path))
    if live is not None:
        return live
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(files.SQLITE_MAGIC))
    except OSError:
        return False
    return len(head) > 0 and head != files.SQLITE_MAGIC


def key_for(path: str | os.PathLike) -> bytes | None:
    """The key that unlocked `path` in this process, or None."""
    return _unlocked.get(_norm(path))


def known_key_for(path: str | os.PathLike) -> bytes | None:
    """The key of the encrypted file `path` among those unlocked in this process: its own, or
    that of the database it is a backup of (a backup keeps its database's key); None otherwise."""
    key = key_for(path)
    if key is not None:
        return key
    for candidate in dict.fromkeys(_unlocked.values()):
        if key_opens(path, candidate):
            remember(path, candidate)
            return candidate
    return None


def remember(path: str | os.PathLike, key: bytes) -> None:
    _unlocked[_norm(path)] = key


def forget(path: str | os.PathLike | None = None) -> None:
    """Drop the key of `path` from memory (None: every key)."""
    if path is None:
        _unlocked.clear()
    else:
        _unlocked.pop(_norm(path), None)


def pragma_key(key: bytes) -> str:
    """The statement that gives SQLCipher the raw key (no key derivation per connection)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


# --- the key file ---------------------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAXMEM, dklen=32)


def _aad(kind: str, label: str) -> bytes:
    return f"{FORMAT}-v{VERSION}:{kind}:{label}".encode()


def _aesgcm(kek: bytes):
    """AES-GCM under `kek`. cryptography is imported here, at the first password: at the top of the
    module it cost 11 ms of every start of the window (python -X importtime), plain files included."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(kek)


def wrap(key: bytes, secret: str, kind: str, label: str) -> dict:
    """A slot: `key` encrypted under a key derived from `secret`."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kek = _derive(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    wrapped = _aesgcm(kek).encrypt(nonce, key, _aad(kind, label))
    return {"kind": kind, "label": label, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
            "salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _unwrap(slot: dict, secret: str) -> bytes | None:
    kek = _derive(secret, _unb64(slot["salt"]), int(slot["n"]), int(slot["r"]), int(slot["p"]))
    from cryptography.exceptions import InvalidTag

    try:
        key = _aesgcm(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), _aad(slot["kind"], slot["label"]))
    except InvalidTag:
        return None
    return key if len(key) == KEY_BYTES else None


def read_slots(path: str | os.PathLike) -> list[dict]:
    """The slots of the key file of the database at `path`; DamagedKeyFile when it is missing or
    not a key file swdesk wrote (one Chinese line naming it and what to do)."""
    keys = keys_path(path)
    try:
        data = json.loads(keys.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or int(data.get("version", 0)) > VERSION:
            raise ValueError("not a swdesk key file")
        slots = data["slots"]
        for slot in slots:
            _unb64(slot["salt"]), _unb64(slot["nonce"]), _unb64(slot["wrapped"])
            int(slot["n"]), str(slot["kind"]), str(slot["label"])
    except FileNotFoundError:
        raise DamagedKeyFile(f"找不到加密数据库的密钥文件：{keys}。请把备份中同名的 .keys 文件复制到数据库旁边后重试"
                             "（数据库未作任何改动）") from None
    except OSError as exc:
        raise DamagedKeyFile(f"无法读取密钥文件：{files.os_error_text(exc, keys)}") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DamagedKeyFile(f"密钥文件已损坏，无法打开加密的数据库：{keys}。请用备份中同名的 .keys 文件替换它后重试"
                             "（数据库未作任何改动）") from exc
    return list(slots)


def write_slots(path: str | os.PathLike, slots: list[dict]) -> Path:
    """Write the key file of the database at `path` whole or not at all."""
    data = {"format": FORMAT, "version": VERSION, "cipher": "sqlcipher4", "slots": slots}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return files.write_bytes(keys_path(path), text.encode("utf-8"), (KEYS_SUFFIX,), "密钥文件")


def unwrap_key(path: str | os.PathLike, secret: str, label: str | None = None) -> bytes:
    """The database key of `path` unwrapped by `secret` (a password or the recovery key). With
    `label`, that slot is tried first (an operator's). WrongSecret / DamagedKeyFile otherwise."""
    slots = read_slots(path)
    ordered = sorted(slots, key=lambda s: s["label"] != label) if label else slots
    recovery = normalize_recovery_key(secret)
    for slot in ordered:
        if slot["kind"] == RECOVERY and recovery is None:
            continue  # an ordinary password never costs the recovery slot's scrypt
        key = _unwrap(slot, recovery if slot["kind"] == RECOVERY else secret)
        if key is not None:
            return key
    raise WrongSecret("密码或恢复密钥不正确，无法打开加密的数据库（数据库未作任何改动）")


def unlock(path: str | os.PathLike, secret: str, label: str | None = None) -> bytes:
    """Unwrap the key of the encrypted database `path` with `secret`, check that it opens the
    file, and keep it in memory for db.open_database."""
    key = unwrap_key(path, secret, label)
    if not key_opens(path, key):
        raise DamagedKeyFile(f"密钥文件与数据库不匹配（可能来自另一个数据库），或数据库文件已损坏：{keys_path(path)}"
                             "（数据库未作任何改动；可从备份恢复）")
    remember(path, key)
    return key


def key_opens(path: str | os.PathLike, key: bytes) -> bool:
    """Whether `key` decrypts the file at `path` (reads its first page, read-only)."""
    try:
        con = sqlcipher.connect(f"file:{Path(path)}?mode=ro", uri=True)
    except sqlcipher.Error:
        return False
    try:
        con.execute(pragma_key(key))
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False
    finally:
        con.close()


def set_secret(path: str | os.PathLike, key: bytes, secret: str, kind: str = "password",
               label: str = OFFICE) -> None:
    """Add or replace the slot `label` of the key file (re-wrap; the database is not touched)."""
    slots = [s for s in read_slots(path) if s["label"] != label]
    slots.append(wrap(key, secret, kind, label))
    write_slots(path, slots)


def drop_secret(path: str | os.PathLike, label: str) -> bool:
    """Remove the slot `label` (a deactivated operator's); False when there was none."""
    slots = read_slots(path)
    kept = [s for s in slots if s["label"] != label]
    if len(kept) == len(slots):
        return False
    write_slots(path, kept)
    return True


def labels(path: str | os.PathLike) -> list[str]:
    return [s["label"] for s in read_slots(path)]


def operator_label(login: str) -> str:
    return f"operator:{login}"


def password_problem(password: str) -> str | None:
    """The one password rule: operator accounts, the office password, the database key's slots."""
    if not password or len(password) < MIN_PASSWORD_LENGTH:
        return f"密码至少{MIN_PASSWORD_LENGTH}位"
    if password.strip() != password:
        return "密码首尾不能有空格"
    return None


def change_password(path: str | os.PathLike, old: str, new: str, label: str = OFFICE) -> None:
    """The office (or an operator's) password changes: the old one must unwrap the key; the slot
    is re-wrapped with the new one. The database itself is not rewritten."""
    if (problem := password_problem(new)) is not None:
        raise UserError(f"新密码不符合要求：{problem}")
    key = unwrap_key(path, old, label)
    set_secret(path, key, new, "password", label)


def prepare_new(path: str | os.PathLike, password: str) -> bytes:
    """The database about to be created at `path` will be encrypted under a new key that
    `password` unwraps (an office that chose a password; the test suite's encrypted run): the key
    file is written and the key kept, and db.open_database creates the file encrypted."""
    if (problem := password_problem(password)) is not None:
        raise UserError(f"密码不符合要求：{problem}")
    target = Path(path)
    if target.exists() and target.stat().st_size > 0:
        raise UserError(f"数据库文件已存在，请用“数据加密”转换它：{target}")
    key = secrets.token_bytes(KEY_BYTES)
    write_slots(target, [wrap(key, password, "password", OFFICE)])
    remember(target, key)
    return key


# --- the recovery key -------------------------------------------------------------------------------
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I: read off a printed sheet
RECOVERY_GROUPS = 8
RECOVERY_GROUP = 4


def new_recovery_key() -> str:
    """32 characters from a 32-letter alphabet (160 bits), in groups of four: "ABCD-EFGH-…"."""
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP))
    return "-".join(chars[i:i + RECOVERY_GROUP] for i in range(0, len(chars), RECOVERY_GROUP))


def normalize_recovery_key(text: str) -> str | None:
    """The canonical form of a typed recovery key (spaces, dashes, case ignored), or None when it
    cannot be one (so an ordinary password never costs a recovery-slot scrypt)."""
    chars = "".join(c for c in (text or "").upper() if c not in " -\t")
    if len(chars) != RECOVERY_GROUPS * RECOVERY_GROUP or any(c not in _RECOVERY_ALPHABET for c in chars):
        return None
    return "-".join(chars[i:i + RECOVERY_GROUP] for i in range(0, len(chars), RECOVERY_GROUP))


def create_recovery_key(path: str | os.PathLike) -> str:
    """A new recovery key for the unlocked database `path` (replacing the old one); returned once,
    to be printed and locked away: it is stored nowhere but wrapped in the key file."""
    key = key_for(path)
    if key is None:
        raise UserError("当前数据库未加密，无需恢复密钥")
    recovery = new_recovery_key()
    set_secret(path, key, recovery, RECOVERY, RECOVERY)
    return recovery


# --- raw connections -------------------------------------------------------------------------------

def connect(path: str | os.PathLike, *, read_only: bool = False, timeout: float = 5.0,
            key: bytes | None = None):
    """A raw DB-API connection to the SQLite file `path`: sqlite3's for a plain file, SQLCipher's
    with the key for an encrypted one (KeyNeeded when no key is known). Errors: ERRORS."""
    path = Path(path)
    name = f"file:{path}?mode=ro" if read_only else str(path)
    if not is_encrypted_file(path):
        return sqlite3.connect(name, uri=read_only, timeout=timeout)
    key = key or known_key_for(path)
    if key is None:
        raise KeyNeeded(f"数据库已加密，需要密码才能打开：{path}")
    con = sqlcipher.connect(name, uri=read_only, timeout=timeout)
    try:
        con.execute(pragma_key(key))
    except sqlcipher.Error:
        con.close()
        raise
    return con
