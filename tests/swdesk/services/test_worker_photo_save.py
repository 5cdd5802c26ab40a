"""The worker form's save (services.photos.save_worker): the worker and the photo in one
transaction. A photo the database refuses leaves no worker; saving again adds exactly one."""
from __future__ import annotations

import datetime as dt
import io

import peewee
import pytest
from PIL import Image

from swdesk import photos
from swdesk.models import AuditLog, Worker, WorkerPhoto
from swdesk.services import photos as photo_service
from swdesk.services import workers


def person() -> dict:
    return {"name": "林堃", "gender": "男", "birth_date": dt.date(1992, 8, 9), "sector": "企业",
            "education": "大专", "title": "初级"}


def photo_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 1000), (40, 90, 160)).save(buffer, "JPEG")
    return photos.crop(photos.prepare(buffer.getvalue()))


def refuse_photo_rows(database: peewee.Database):
    """The database itself refuses to store a photo (a trigger); returns the undo."""
    if isinstance(database, peewee.PostgresqlDatabase):
        database.execute_sql("CREATE OR REPLACE FUNCTION swdesk_test_refuse() RETURNS trigger AS $$ "
                             "BEGIN RAISE EXCEPTION 'photo refused'; END $$ LANGUAGE plpgsql")
        database.execute_sql("CREATE TRIGGER refuse_photo BEFORE INSERT ON worker_photo "
                             "FOR EACH ROW EXECUTE FUNCTION swdesk_test_refuse()")
        return lambda: database.execute_sql("DROP TRIGGER refuse_photo ON worker_photo")
    database.execute_sql("CREATE TRIGGER refuse_photo BEFORE INSERT ON worker_photo "
                         "BEGIN SELECT RAISE(ABORT, 'photo refused'); END")
    return lambda: database.execute_sql("DROP TRIGGER refuse_photo")


def test_a_refused_photo_leaves_no_worker_and_saving_again_adds_one(db, office):
    undo = refuse_photo_rows(db)
    try:
        with pytest.raises(peewee.DatabaseError):
            photo_service.save_worker(None, person(), photo=photo_bytes())
    finally:
        undo()
    assert Worker.select().count() == 0 and AuditLog.select().count() == 0
    worker = photo_service.save_worker(None, person(), photo=photo_bytes())
    assert Worker.select().count() == 1
    assert WorkerPhoto.get(WorkerPhoto.worker == worker.id).data


def test_a_damaged_photo_on_update_keeps_the_worker_as_it_was(db, office):
    worker = workers.create(person())
    with pytest.raises(photos.PhotoError):
        photo_service.save_worker(worker.id, {"employer": "区医院"}, worker.version, b"not a jpeg")
    saved = Worker.get_by_id(worker.id)
    assert (saved.employer, saved.version) == (worker.employer, 1)
    updated = photo_service.save_worker(worker.id, {"employer": "区医院"}, 1, photo_bytes())
    assert updated.version == 2 and photo_service.has_photo(worker.id)
    photo_service.save_worker(worker.id, {}, 2, None)          # None removes the photo
    assert not photo_service.has_photo(worker.id)
    photo_service.save_worker(worker.id, {}, 3)                # UNCHANGED leaves it alone
    assert not photo_service.has_photo(worker.id)
