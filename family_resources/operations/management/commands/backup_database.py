"""`manage.py backup_database FILE`: a consistent copy of the database (pg_dump custom format, or SQLite)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from family_resources.operations.backup import BackupError, backup, database_settings


class Command(BaseCommand):
    help = "Back up the database to FILE: pg_dump's custom format on PostgreSQL, SQLite's backup API on SQLite."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--database-url", default="", help="Another database than the service's own.")

    def handle(self, *args: Any, file: Path, database_url: str, **options: Any) -> None:
        try:
            backup(target=file, db=database_settings(database_url))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the database to {file}.")
