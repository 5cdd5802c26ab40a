"""Schema versions: a fresh database is created at LATEST, an older one is backed up and migrated,
a newer one is refused and left untouched."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import run_cli
from peewee import CharField

from swdesk import db, migrations, models


def _set_version(version: int) -> None:
    models.SchemaVersion.update(version=version).execute()


def _add_worker_row() -> None:
    import datetime as dt

    from swdesk.services import workers

    workers.create({"name": "张三", "gender": "男", "birth_date": dt.date(1990, 1, 5), "sector": "企业",
                    "education": "大专", "title": "无"})


def test_fresh_database_is_created_at_latest(db):
    assert migrations.current_version() == migrations.LATEST
    for model in models.ALL_MODELS:
        assert db.table_exists(model._meta.table_name), model


def test_newer_database_is_refused_and_unchanged(db_target, tmp_path):
    db.open_database(db_target)
    _add_worker_row()
    _set_version(migrations.LATEST + 3)
    db.close_database()
    path = Path(db_target)
    before = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None

    with pytest.raises(migrations.SchemaTooNewError, match="更新版本") as info:
        db.open_database(db_target)
    db.close_database()
    assert "数据未作任何改动" in str(info.value)
    if before is not None:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
        assert not list(path.parent.glob("*.bak"))

    code, out, err = run_cli("export", "roster", str(tmp_path / "r.xlsx"), db_target=db_target)
    assert code == 1
    assert err.strip().count("\n") == 0 and "更新版本" in err and "Traceback" not in err
    assert not (tmp_path / "r.xlsx").exists()

    db.open_database(db_target, migrate=False)
    try:
        assert migrations.current_version() == migrations.LATEST + 3
        assert models.Worker.select().count() == 1
    finally:
        _set_version(migrations.LATEST)  # the PostgreSQL test database is shared by later tests
        db.close_database()


def _temporary_step(migrator, database):
    from playhouse import migrate as pw_migrate

    pw_migrate.migrate(migrator.add_column("office", "test_motto", CharField(default="")))


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_older_database_is_backed_up_then_migrated(db_target, monkeypatch, sqlite_only):
    db.open_database(db_target)
    _add_worker_row()
    _set_version(0)
    db.close_database()
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, _temporary_step])
    monkeypatch.setattr(migrations, "LATEST", len(migrations.MIGRATIONS))

    db.open_database(db_target)
    try:
        assert migrations.current_version() == migrations.LATEST
        columns = {c.name for c in db.database().get_columns("office")}
        assert "test_motto" in columns
        assert models.Worker.select().count() == 1
    finally:
        db.close_database()

    path = Path(db_target)
    backups = list(path.parent.glob(f"{path.stem}.v0-*.bak"))
    assert len(backups) == 1
    # The backup is the database as it was: version 0, no new column, the worker still there.
    import sqlite3

    con = sqlite3.connect(backups[0])
    try:
        assert con.execute("SELECT version FROM schema_version").fetchone()[0] == 0
        assert "test_motto" not in {r[1] for r in con.execute("PRAGMA table_info(office)")}
        assert con.execute("SELECT COUNT(*) FROM worker").fetchone()[0] == 1
    finally:
        con.close()


def _failing_step(migrator, database):
    _temporary_step(migrator, database)
    raise RuntimeError("step failed half-way")


def test_failed_migration_step_leaves_the_old_version(db_target, monkeypatch, sqlite_only):
    db.open_database(db_target)
    _set_version(migrations.LATEST)
    db.close_database()
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, _failing_step])
    monkeypatch.setattr(migrations, "LATEST", len(migrations.MIGRATIONS))

    with pytest.raises(RuntimeError):
        db.open_database(db_target)
    db.close_database()
    db.open_database(db_target, migrate=False)
    try:
        assert migrations.current_version() == migrations.LATEST - 1
        assert "test_motto" not in {c.name for c in db.database().get_columns("office")}
    finally:
        db.close_database()
    path = Path(db_target)
    assert list(path.parent.glob(f"{path.stem}.v{migrations.LATEST - 1}-*.bak"))


def test_record_tables_step_upgrades_a_version_1_database(db_target, sqlite_only):
    """Issue 18's step: a version-1 database (no record tables, courses without the 继续教育 flag)
    gains them and keeps its courses, unmarked."""
    import datetime as dt

    from swdesk.services import training

    db.open_database(db_target)
    training.create_course({"title": "老课程", "start_date": dt.date(2025, 3, 1), "hours": 4})
    new_tables = [models.SwQualification, models.SwRegistration, models.ExternalEducation,
                  models.OpeningBalance, models.StarCertificate, models.Award, models.Evaluation,
                  models.RecordIssue]
    db.database().drop_tables(new_tables)
    db.database().execute_sql("ALTER TABLE training_course DROP COLUMN continuing_education")
    _set_version(1)
    db.close_database()

    db.open_database(db_target)
    try:
        assert migrations.current_version() == migrations.LATEST
        for model in new_tables:
            assert db.database().table_exists(model._meta.table_name), model
        assert [(c.title, c.continuing_education) for c in models.TrainingCourse.select()] == [("老课程", False)]
    finally:
        db.close_database()
