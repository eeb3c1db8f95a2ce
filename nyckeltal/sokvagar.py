"""Where the project's files live. The database path can be moved with NYCKELTAL_DB."""

import os
from pathlib import Path

ROT = Path(__file__).resolve().parent.parent
DATA = ROT / "data"
SQL = ROT / "sql"
SCHEMA = SQL / "schema.sql"


def databasfil() -> Path:
    """The embedded default database: built from data/, never committed."""
    return Path(os.environ.get("NYCKELTAL_DB", ROT / "db" / "nyckeltal.duckdb"))
