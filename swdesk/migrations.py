"""Numbered schema migrations.

A fresh database gets every table of swdesk/models.py at once, its identity and the latest
version number. An older database is first backed up (the caller's `backup_step`, see
swdesk/db.py), then brought up to date by the numbered steps below, each in one transaction. A
database written by a newer swdesk is refused.

This module imports nothing above swdesk/models.py and swdesk/connection.py (stepwise migrations
that know only the schema): the backup before migrating is a parameter, not an import.

To change the schema: change models.py, then append a step `_migration_N(migrator, db)` to
MIGRATIONS that makes the same change on an existing database (playhouse.migrate).
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import json
import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import peewee

from swdesk import connection, models
from swdesk.errors import DatabaseOpenError

if TYPE_CHECKING:  # playhouse.migrate imports the PostgreSQL driver: only when migrating
    from playhouse import migrate as pw_migrate

log = logging.getLogger(__name__)


class SchemaTooNewError(DatabaseOpenError):
    pass


def _migration_1(migrator: pw_migrate.SchemaMigrator, database: peewee.Database) -> None:
    """Version 1 is the first released schema: nothing to change."""


# The setting that holds the database's identity: a UUID given once, when the database is created
# (or migrated to version 2), and carried by every backup of it. Recovery and restore offer only
# backups with the same identity (issue 22: a click once nearly replaced 100,000 workers by the
# backup of another, empty database sharing the backups folder).
IDENTITY_KEY = "database_id"


def _migration_2(migrator: pw_migrate.SchemaMigrator, database: peewee.Database) -> None:
    """Version 2: every database has an identity."""
    ensure_identity()


def ensure_identity() -> str:
    """The open database's identity, created if it has none yet."""
    row = models.Setting.get_or_none(models.Setting.key == IDENTITY_KEY)
    if row is not None:
        return json.loads(row.value)
    value = str(uuid.uuid4())
    models.Setting.insert(key=IDENTITY_KEY, value=json.dumps(value)).execute()
    return value


def _migration_3(migrator: pw_migrate.SchemaMigrator, database: peewee.Database) -> None:
    """Version 3 (issue 18): 职业水平 certificate and registrations, external continuing
    education, opening balances, star certificates, awards, evaluations, the personal-record
    register; and the 继续教育 flag on training courses."""
    database.create_tables([models.SwQualification, models.SwRegistration, models.ExternalEducation,
                            models.OpeningBalance, models.StarCertificate, models.Award,
                            models.Evaluation, models.RecordIssue])
    table = models.TrainingCourse._meta.table_name
    # A database stamped with an older version but created from newer models already has it.
    if "continuing_education" not in {c.name for c in database.get_columns(table)}:
        migrator.add_column(table, "continuing_education", peewee.BooleanField(default=False)).run()


# Index i holds the step that takes a database from version i to version i + 1.
MIGRATIONS: list[Callable[[pw_migrate.SchemaMigrator, peewee.Database], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
]
LATEST = len(MIGRATIONS)


def current_version() -> int | None:
    """The database's schema version, or None for a database without swdesk tables."""
    database = connection.database()
    if not database.table_exists(models.SchemaVersion._meta.table_name):
        return None
    row = models.SchemaVersion.select().order_by(models.SchemaVersion.version.desc()).first()
    return row.version if row else 0


def migrate_to_latest(backup_step: Callable[[int], Path | None] | None = None) -> int:
    """Bring the open database to LATEST; returns the version it was at (0 for a new one).

    `backup_step(version)` runs before the first step on an older database (it copies the file,
    see swdesk/db.py); None = no backup (tests of the steps themselves)."""
    database = connection.database()
    version = current_version()
    if version is None:
        with database.atomic():
            database.create_tables(models.ALL_MODELS)
            connection.install_append_only_guard(models.AuditLog._meta.table_name)
            ensure_identity()
            models.SchemaVersion.create(version=LATEST)
        return 0
    if version > LATEST:
        raise SchemaTooNewError(
            f"此数据库由更新版本的社工服务台创建（数据结构版本 {version}，本程序支持到 {LATEST}），"
            "请升级程序后再打开，数据未作任何改动。"
        )
    if version < LATEST:
        if backup_step is not None:
            backup_step(version)
        from playhouse import migrate as pw_migrate

        migrator = pw_migrate.SchemaMigrator.from_database(database)
        with _foreign_keys_deferred(database):
            for step in range(version, LATEST):
                with database.atomic():
                    MIGRATIONS[step](migrator, database)
                    _check_foreign_keys(database, step + 1)
                    models.SchemaVersion.update(version=step + 1, applied_at=_dt.datetime.now()).execute()
                log.info("migrated schema %d -> %d", step, step + 1)
    return version


@contextlib.contextmanager
def _foreign_keys_deferred(database: peewee.Database):
    """SQLite changes a column by rebuilding the table (copy, drop, rename); with foreign keys on,
    the drop fails or cascades. SQLite's documented procedure: foreign keys off around the change
    (this pragma is ignored inside a transaction, so it wraps the steps), checked after each step."""
    if not connection.is_sqlite():
        yield
        return
    database.execute_sql("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        database.execute_sql("PRAGMA foreign_keys=ON")


def _check_foreign_keys(database: peewee.Database, version: int) -> None:
    if not connection.is_sqlite():
        return
    broken = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"migration to schema {version} broke {len(broken)} foreign keys, e.g. {broken[0]}")
