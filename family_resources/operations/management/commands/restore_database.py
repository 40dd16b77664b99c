"""`manage.py restore_database FILE --yes`: replace the database's contents with a backup."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from family_resources.operations.backup import BackupError, database_settings, restore


class Command(BaseCommand):
    help = "Restore the database from FILE made by backup_database. Everything in the database is replaced."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--database-url", default="", help="Restore into another database than the service's own.")
        parser.add_argument("--yes", action="store_true", help="Confirm that the database's contents are replaced.")

    def handle(self, *args: Any, file: Path, database_url: str, yes: bool, **options: Any) -> None:
        if not yes:
            raise CommandError("Restoring replaces everything in the database. Run again with --yes to go ahead.")
        try:
            restore(source=file, db=database_settings(database_url))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the database from {file}.")
