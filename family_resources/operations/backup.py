"""Backing up and restoring the database: pg_dump/pg_restore on PostgreSQL, SQLite's online backup API.

`fingerprints` gives every table's row count and an MD5 of its rows in a fixed order, read through a plain
DB-API connection, so a restored copy can be compared with the original table by table.
"""

import hashlib
import os
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

import dj_database_url
from django.db import connections

SQLITE = "django.db.backends.sqlite3"
POSTGRESQL = "django.db.backends.postgresql"


class BackupError(Exception):
    """A backup or restore could not be made; the message names the step, never the data."""


def database_settings(url: str | None = None) -> dict[str, Any]:
    """The settings of the database at `url`, or of the service's own database (the test one in tests)."""
    if url:
        return dict(dj_database_url.parse(url))
    return dict(connections["default"].settings_dict)


def _engine(db: dict[str, Any]) -> str:
    engine = str(db["ENGINE"])
    if engine not in (SQLITE, POSTGRESQL):
        raise BackupError(f"Backups are made only of SQLite and PostgreSQL databases, not {engine}.")
    return engine


def _pg_arguments(db: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    arguments = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        arguments += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        arguments += ["--port", str(db["PORT"])]
    if db.get("USER"):
        arguments += ["--username", str(db["USER"])]
    environment = {**os.environ}
    if db.get("PASSWORD"):
        # Through the environment, not the command line, where other users of the machine could read it.
        environment["PGPASSWORD"] = str(db["PASSWORD"])
    return arguments, environment


def _run(command: list[str], environment: dict[str, str], step: str) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{step} failed (exit {result.returncode}): {result.stderr.strip()[:500]}")


def backup(*, target: Path, db: dict[str, Any]) -> None:
    """Write a consistent copy of the database to `target` while the service keeps running."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if _engine(db) == SQLITE:
        # The online backup API copies a consistent snapshot page by page; copying the file could catch
        # it half-written, and would miss what is still in the write-ahead log.
        with closing(sqlite3.connect(str(db["NAME"]))) as source, closing(sqlite3.connect(str(target))) as copy:
            source.backup(copy)
        return
    arguments, environment = _pg_arguments(db)
    _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *arguments], environment, "pg_dump")


def restore(*, source: Path, db: dict[str, Any]) -> None:
    """Replace the database's contents with the backup at `source`, all or nothing."""
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}.")
    if _engine(db) == SQLITE:
        with closing(sqlite3.connect(str(source))) as backup_copy:
            if backup_copy.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise BackupError("The backup file is damaged (SQLite's integrity check failed).")
            with closing(sqlite3.connect(str(db["NAME"]))) as live:
                backup_copy.backup(live)
        return
    arguments, environment = _pg_arguments(db)
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *arguments,
            str(source),
        ],
        environment,
        "pg_restore",
    )


def _connect(db: dict[str, Any]) -> Any:
    if _engine(db) == SQLITE:
        return sqlite3.connect(str(db["NAME"]))
    import psycopg

    return psycopg.connect(
        dbname=db["NAME"],
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
    )


def _tables(cursor: Any, engine: str) -> list[str]:
    if engine == SQLITE:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    return [row[0] for row in cursor.fetchall()]


def fingerprints(db: dict[str, Any]) -> dict[str, tuple[int, str]]:
    """Every table's (row count, MD5 of its rows ordered by every column)."""
    engine = _engine(db)
    result: dict[str, tuple[int, str]] = {}
    with closing(_connect(db)) as connection:
        cursor = connection.cursor()
        for table in _tables(cursor, engine):
            quoted = '"' + table.replace('"', '""') + '"'
            cursor.execute(f"SELECT * FROM {quoted} WHERE 1 = 0")  # noqa: S608 -- a table name read from the catalogue
            width = len(cursor.description)
            order = ", ".join(str(position) for position in range(1, width + 1))
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY {order}")  # noqa: S608 -- as above
            digest = hashlib.md5(usedforsecurity=False)
            count = 0
            for row in cursor.fetchall():
                digest.update(repr(tuple(row)).encode())
                digest.update(b"\n")
                count += 1
            result[table] = (count, digest.hexdigest())
    return result
