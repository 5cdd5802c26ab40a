"""The one bulk INSERT of the services: many rows of one table with one prepared statement
(DB-API executemany), inside the caller's transaction. The roster import and the demo data write
through it (services.workers.add_many for workers, insert_tuples for the demo's programme rows).

peewee's insert_many builds the SQL text value by value, which cost more than the rest of an
import together; a parameterised statement run with executemany is the same SQL on SQLite and
PostgreSQL and ~10× faster. Values go through each field's db_value() like peewee's own, except a
value already of the type db_value() would return (a str for a text column, an int for an integer
one, None): 3.1 million db_value() calls were ~9 % of a 100,000-row import's CPU. Columns a row does
not give take the field's default."""
from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

import peewee

from swdesk import db

_MISSING = object()
_NONE = type(None)
# Field classes → the value types their db_value() returns unchanged (exact types: a bool is not
# passed as an int, a datetime not as a date).
_PLAIN_TYPES: tuple[tuple[type[peewee.Field], frozenset[type]], ...] = (
    (peewee.ForeignKeyField, frozenset()),     # its db_value depends on the related key
    (peewee.BlobField, frozenset({_NONE})),
    (peewee._StringField, frozenset({str, _NONE})),
    (peewee.BooleanField, frozenset({bool, _NONE})),
    (peewee.IntegerField, frozenset({int, _NONE})),
    (peewee.FloatField, frozenset({float, _NONE})),
    (peewee.DateTimeField, frozenset({_dt.datetime, _NONE})),
    (peewee.DateField, frozenset({_dt.date, _NONE})),
)


def _plain_types(field: peewee.Field) -> frozenset[type]:
    """The value types `field.db_value` gives back as they are (so need not be called for)."""
    if isinstance(field, peewee.ForeignKeyField):
        return _plain_types(field.rel_field) if isinstance(field.rel_field, peewee.AutoField) else frozenset()
    for kind, types in _PLAIN_TYPES:
        if isinstance(field, kind):
            return types
    return frozenset()


def insert_rows(model: type[peewee.Model], rows: Sequence[dict[str, Any]]) -> int:
    """INSERT dict rows (keyed by field name or column name); returns the count. A column missing
    from a row takes the field's default (a callable default is called once per call)."""
    if not rows:
        return 0
    fields = _columns(model, given=set(rows[0]))
    getters = [(f.name, f.column_name, f.db_value, _default_value(f), _plain_types(f)) for f in fields]
    params = []
    for row in rows:
        values = []
        for name, column, to_db, default, plain in getters:
            value = row.get(name, _MISSING)
            if value is _MISSING:
                value = row.get(column, default)
            values.append(value if type(value) in plain else to_db(value))
        params.append(tuple(values))
    _execute(model, fields, params)
    return len(rows)


def insert_tuples(model: type[peewee.Model], fields: Sequence[peewee.Field], rows: Sequence[tuple]) -> int:
    """INSERT tuples of `fields` values (the other columns take their defaults); returns the count."""
    if not rows:
        return 0
    fields = list(fields)
    given = {f.name for f in fields}   # by name: peewee fields overload ==
    extra = [f for f in _columns(model, given) if f.name not in given]
    extra_values = tuple(f.db_value(_default_value(f)) for f in extra)
    params = [tuple(f.db_value(v) for f, v in zip(fields, row, strict=True)) + extra_values for row in rows]
    _execute(model, fields + extra, params)
    return len(rows)


def _columns(model: type[peewee.Model], given: set[str]) -> list[peewee.Field]:
    """Every column but an auto-increment key the rows do not give."""
    return [f for f in model._meta.sorted_fields
            if not (isinstance(f, peewee.AutoField) and f.name not in given and f.column_name not in given)]


def _default_value(field: peewee.Field) -> Any:
    default = field.default
    return default() if callable(default) else default


def _execute(model: type[peewee.Model], fields: list[peewee.Field], params: list[tuple]) -> None:
    database = db.database()
    opening, closing = database.quote[0], database.quote[-1]

    def quoted(name: str) -> str:
        return opening + name + closing

    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quoted(model._meta.table_name), ", ".join(quoted(f.column_name) for f in fields),
        ", ".join([database.param] * len(fields)))
    cursor = database.cursor()
    try:
        cursor.executemany(sql, params)
    finally:
        cursor.close()


def select_in(model: type[peewee.Model], columns: Sequence[peewee.Field], key: peewee.Field,
              values: Sequence[Any]) -> list[tuple]:
    """Rows of `columns` (raw database values) whose `key` is one of `values` (at most a batch:
    one parameter each), as plain tuples without peewee's query building."""
    if not values:
        return []
    database = db.database()
    opening, closing = database.quote[0], database.quote[-1]
    sql = "SELECT {} FROM {} WHERE {} IN ({})".format(
        ", ".join(opening + f.column_name + closing for f in columns),
        opening + model._meta.table_name + closing, opening + key.column_name + closing,
        ", ".join([database.param] * len(values)))
    cursor = database.cursor()
    try:
        cursor.execute(sql, list(values))
        return cursor.fetchall()
    finally:
        cursor.close()
