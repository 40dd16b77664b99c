"""Backup and restore round trips, on whichever database the suite runs on (SQLite or PostgreSQL)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from family_resources.casework.tests.factories_notes import SensitiveCaseNoteFactory
from family_resources.casework.tests.factories_plans import agreed_plan, allocated_episode
from family_resources.families.tests.factories import ConsentFactory, ProfessionalFactory
from family_resources.notifications.tests.factories import SentMessageFactory
from family_resources.operations.backup import database_settings, fingerprints
from family_resources.resources.models import Topic

# Backups are taken by another connection (pg_dump, or a second SQLite connection), which sees only what
# is committed: these tests commit, and Django empties the database afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _url(db: dict) -> str:
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def scratch_database(tmp_path: Path) -> Iterator[str]:
    """An empty database to restore into: a second SQLite file, or a PostgreSQL database named after this worker's."""
    live = database_settings()
    if connection.vendor == "sqlite":
        yield _url({**live, "NAME": str(tmp_path / "restored.sqlite3")})
        return
    import psycopg
    from psycopg import sql

    name = f"{live['NAME']}_restore"[:63]  # the test database's name already carries the xdist worker's suffix
    admin = {**live, "NAME": "postgres"}
    with psycopg.connect(
        dbname="postgres", host=admin["HOST"] or None, port=admin["PORT"] or None,
        user=admin["USER"] or None, password=admin["PASSWORD"] or None, autocommit=True,
    ) as server:  # fmt: skip
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            yield _url({**live, "NAME": name})
        finally:
            server.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def casework() -> None:
    """A family with an episode, plan, notes, consent, a professional and a message: rows in many tables."""
    episode, practitioner = allocated_episode()
    agreed_plan(episode, practitioner)
    SensitiveCaseNoteFactory.create(episode=episode)
    ConsentFactory.create(family=episode.family)
    ProfessionalFactory.create(family=episode.family)
    SentMessageFactory.create()


def test_a_backup_restored_into_another_database_has_every_table_row_for_row(tmp_path, scratch_database, casework):
    backup_file = tmp_path / "family-resources.backup"
    call_command("backup_database", str(backup_file))
    assert backup_file.stat().st_size > 0

    call_command("restore_database", str(backup_file), "--database-url", scratch_database, "--yes")

    original = fingerprints(database_settings())
    restored = fingerprints(database_settings(scratch_database))
    assert sorted(restored) == sorted(original)  # every table
    assert restored == original  # each table's row count and checksum
    for table in ("families_family", "casework_episode", "casework_casenote", "audit_auditevent"):
        assert original[table][0] > 0, table


def test_the_checksum_notices_a_changed_row(tmp_path, scratch_database, casework):
    backup_file = tmp_path / "family-resources.backup"
    call_command("backup_database", str(backup_file))
    call_command("restore_database", str(backup_file), "--database-url", scratch_database, "--yes")
    Topic.objects.filter(pk=Topic.objects.order_by("pk").values_list("pk", flat=True)[:1]).update(name="Changed")

    original = fingerprints(database_settings())
    restored = fingerprints(database_settings(scratch_database))
    assert original["resources_topic"][0] == restored["resources_topic"][0]
    assert original["resources_topic"][1] != restored["resources_topic"][1]


def test_restoring_puts_the_service_database_back_as_it_was(tmp_path, casework):
    backup_file = tmp_path / "family-resources.backup"
    call_command("backup_database", str(backup_file))
    before = fingerprints(database_settings())
    Topic.objects.create(name="Added after the backup", slug="added-after-the-backup")
    assert fingerprints(database_settings()) != before

    call_command("restore_database", str(backup_file), "--yes")
    connection.close()  # a fresh connection sees the restored tables

    assert fingerprints(database_settings()) == before
    assert not Topic.objects.filter(slug="added-after-the-backup").exists()


def test_restore_needs_confirming_and_an_existing_file(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_database", str(tmp_path / "x.backup"))
    with pytest.raises(CommandError, match="no backup file"):
        call_command("restore_database", str(tmp_path / "missing.backup"), "--yes")
