"""Families already marked open to social care get the status that says so, before the constraint that ties them."""

from django.db import migrations


def mark_open_families(apps, schema_editor):
    """Families already open to social care had no plan recorded: say so, so the flag and status agree."""
    Family = apps.get_model("families", "Family")
    Family.objects.filter(open_to_social_care=True).update(social_care_status="open")


class Migration(migrations.Migration):
    dependencies = [
        ("families", "0004_household_details_professionals_consent_letters"),
    ]

    operations = [
        migrations.RunPython(mark_open_families, migrations.RunPython.noop),
    ]
