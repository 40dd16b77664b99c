"""Settings come from the environment, and production refuses unsafe ones."""

import os
import subprocess
import sys
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
GOOD_KEY = "k" * 64


def _import_settings(module: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "-c", f"import {module} as s; print(s.DATABASES['default']['ENGINE'], s.DEBUG)"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_the_default_secret_key():
    result = _import_settings("config.settings.production")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = _import_settings("config.settings.production", SECRET_KEY="short")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_debug():
    result = _import_settings("config.settings.production", SECRET_KEY=GOOD_KEY, DEBUG="true")
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_starts_when_configured_safely():
    result = _import_settings("config.settings.production", SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.sqlite3", "False"]


def test_sqlite_is_the_default_database():
    result = _import_settings("config.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "django.db.backends.sqlite3"


def test_database_url_selects_postgresql():
    result = _import_settings("config.settings.dev", DATABASE_URL="postgres://postgres@127.0.0.1:5432/family_resources")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "django.db.backends.postgresql"


@pytest.mark.parametrize("url", ["postgres://u@h:5432/db", "postgresql://u@h/db"])
def test_postgres_urls_parse_to_the_psycopg_backend(url):
    assert dj_database_url.parse(url)["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.django_db
def test_production_keeps_rate_limit_counts_in_a_cache_every_web_server_shares():
    """Each gunicorn worker counting alone would multiply every limit by the number of workers."""
    from django.core.cache.backends.db import DatabaseCache
    from django.db import connection

    result = subprocess.run(
        [sys.executable, "-c", "import config.settings.production as s; print(s.CACHES['default']['BACKEND'])"],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}, "SECRET_KEY": GOOD_KEY},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == "django.core.cache.backends.db.DatabaseCache", result.stderr
    # The table is made by a migration, so a migrated database can take the counts at once.
    assert "django_cache" in connection.introspection.table_names()
    cache = DatabaseCache("django_cache", {})
    cache.set("limit:example", 3)
    assert cache.get("limit:example") == 3
