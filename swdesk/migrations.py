"""Numbered schema migrations.

A fresh database gets every table of swdesk/models.py at once and the latest version number.
An older database is first copied to a timestamped backup beside it, then brought up to date by
the numbered steps below, each in one transaction. A database written by a newer swdesk is refused.

To change the schema: change models.py, then append a step `_migration_N(migrator, db)` to
MIGRATIONS that makes the same change on an existing database (playhouse.migrate).
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import peewee

from swdesk import db, models

if TYPE_CHECKING:  # playhouse.migrate imports the PostgreSQL driver: only when migrating
    from playhouse import migrate as pw_migrate

log = logging.getLogger(__name__)


class SchemaTooNewError(db.DatabaseOpenError):
    pass


def _migration_1(migrator: pw_migrate.SchemaMigrator, database: peewee.Database) -> None:
    """Version 1 is the first released schema: nothing to change."""


def _migration_2(migrator: pw_migrate.SchemaMigrator, database: peewee.Database) -> None:
    """Issue 18: 职业水平 certificate and registrations, external continuing education, opening
    balances, star certificates, awards, evaluations, the personal-record register; and the
    继续教育 flag on training courses."""
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
    _migration_2,  # issue 18; renumber after "database identity" at merge
]
LATEST = len(MIGRATIONS)


def current_version() -> int | None:
    """The database's schema version, or None for a database without swdesk tables."""
    database = db.database()
    if not database.table_exists(models.SchemaVersion._meta.table_name):
        return None
    row = models.SchemaVersion.select().order_by(models.SchemaVersion.version.desc()).first()
    return row.version if row else 0


def migrate_to_latest() -> int:
    """Bring the open database to LATEST; returns the version it was at (0 for a new one)."""
    database = db.database()
    version = current_version()
    if version is None:
        with database.atomic():
            database.create_tables(models.ALL_MODELS)
            db.install_append_only_guard(models.AuditLog._meta.table_name)
            models.SchemaVersion.create(version=LATEST)
        return 0
    if version > LATEST:
        raise SchemaTooNewError(
            f"此数据库由更新版本的社工服务台创建（数据结构版本 {version}，本程序支持到 {LATEST}），"
            "请升级程序后再打开，数据未作任何改动。"
        )
    if version < LATEST:
        backup_before_migration(version)
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
    if not db.is_sqlite():
        yield
        return
    database.execute_sql("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        database.execute_sql("PRAGMA foreign_keys=ON")


def _check_foreign_keys(database: peewee.Database, version: int) -> None:
    if not db.is_sqlite():
        return
    broken = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"migration to schema {version} broke {len(broken)} foreign keys, e.g. {broken[0]}")


def backup_before_migration(version: int) -> Path | None:
    """Copy the SQLite file to '<name>.v<version>-<timestamp>.bak' beside it, online."""
    path = db.sqlite_path()
    if path is None:
        return None
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak")
    from swdesk import backup

    backup.copy_sqlite_online(target)
    log.info("backup before migration: %s", target)
    return target
