"""The cache table production keeps the dashboard's drawn figures in (config/settings/production.py, ADR 0036)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Idempotent, and made on every database, like operations/0002's table for the default cache.
    call_command("createcachetable", "reporting_cache", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("reporting", "0002_bank_holidays_in_decision_timings")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
