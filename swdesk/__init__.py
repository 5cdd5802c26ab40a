"""swdesk (社工服务台): the core of the street social-work service centre's desktop program."""

__version__ = "0.1.0"


def _defer_postgres_driver() -> None:
    """peewee imports psycopg as it is imported (half a second at every start of the window),
    though an office PC uses SQLite. Import peewee with the driver hidden; swdesk.db loads it
    when a postgresql:// database is opened (db.load_postgres_driver)."""
    import sys

    if "peewee" in sys.modules or "psycopg" in sys.modules:
        return
    sys.modules["psycopg"] = None  # type: ignore[assignment]  # `import psycopg` fails fast
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]


_defer_postgres_driver()
