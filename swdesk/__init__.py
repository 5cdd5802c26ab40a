"""swdesk (社工服务台): the core of the street social-work service centre's desktop program."""
import sys

__version__ = "0.1.0"


class _PeeweeWithoutPostgresDriver:
    """peewee imports psycopg as it is imported (half a second at every start of the window),
    though an office PC uses SQLite. This import finder refuses `import psycopg` while peewee's own
    module is being executed (peewee then runs without the driver); swdesk.db loads the driver
    when a postgresql:// database is opened (db.load_postgres_driver). A finder, not an import of
    peewee here: the login dialog is painted before peewee is imported at all (ui/app.py)."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "psycopg":
            peewee = sys.modules.get("peewee")
            if getattr(getattr(peewee, "__spec__", None), "_initializing", False):
                raise ImportError("psycopg is loaded when a PostgreSQL database is opened")
        return None


if "peewee" not in sys.modules and "psycopg" not in sys.modules:
    sys.meta_path.insert(0, _PeeweeWithoutPostgresDriver)
