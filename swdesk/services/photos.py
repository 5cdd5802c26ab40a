"""Workers' photos (WorkerPhoto, kept apart from Worker so the roster never reads photo bytes),
and the worker form's save: the worker and the photo in one transaction."""
from __future__ import annotations

import datetime as _dt
from typing import Any

from swdesk import photos
from swdesk.models import Worker, WorkerPhoto
from swdesk.services import workers
from swdesk.services.base import audit, writes
from swdesk.services.workers import get as get_worker

# The photo argument of save_worker when the form did not touch the photo.
UNCHANGED = object()


@writes("worker")
def save_worker(worker_id: int | None, data: dict[str, Any], expected_version: int | None = None,
                photo: Any = UNCHANGED, *, allow_duplicates: bool = False) -> Worker:
    """The worker form's 保存: create (worker_id None) or update the worker, and store (bytes),
    remove (None) or keep (UNCHANGED) the photo — all or nothing. A photo that fails leaves no
    new worker behind, so pressing 保存 again cannot create a second one. A possible duplicate
    raises PossibleDuplicate unless `allow_duplicates`."""
    if worker_id is None:
        worker = workers.create(data, allow_duplicates=allow_duplicates)
    else:
        worker = workers.update(worker_id, data, expected_version, allow_duplicates=allow_duplicates)
    if photo is None:
        clear_photo(worker.id)
    elif photo is not UNCHANGED:
        set_photo(worker.id, photo)
    return worker


def get_photo(worker_id: int) -> bytes | None:
    row = WorkerPhoto.select(WorkerPhoto.data).where(WorkerPhoto.worker == worker_id).first()
    if row is None:
        return None
    data = row.data
    return bytes(data) if data is not None else None


def has_photo(worker_id: int) -> bool:
    return WorkerPhoto.select().where(WorkerPhoto.worker == worker_id).exists()


@writes("worker_photo")
def set_photo(worker_id: int, data: bytes) -> None:
    """Store (or replace) a worker's photo: a JPEG made by swdesk.photos.crop."""
    worker = get_worker(worker_id)
    width, height = photos.check_stored(data)
    now = _dt.datetime.now().replace(microsecond=0)
    replaced = WorkerPhoto.select().where(WorkerPhoto.worker == worker_id).exists()
    (WorkerPhoto.insert(worker=worker_id, data=data, updated_at=now)
     .on_conflict(conflict_target=[WorkerPhoto.worker],
                  update={WorkerPhoto.data: data, WorkerPhoto.updated_at: now})
     .execute())
    audit("update" if replaced else "create", table="worker_photo", record_id=worker_id,
          after={"bytes": len(data), "size": f"{width}x{height}"},
          summary=f"{'更换' if replaced else '上传'}照片 {worker.name}")


@writes("worker_photo")
def clear_photo(worker_id: int) -> bool:
    """Remove a worker's photo; False if there was none."""
    worker = get_worker(worker_id)
    removed = WorkerPhoto.delete().where(WorkerPhoto.worker == worker_id).execute()
    if removed:
        audit("delete", table="worker_photo", record_id=worker_id, summary=f"删除照片 {worker.name}")
    return bool(removed)
