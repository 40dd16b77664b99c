"""Apart from the data migration before it, so PostgreSQL alters the table in a transaction of its own."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("families", "0005_social_care_status_of_open_families"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="family",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("open_to_social_care", True),
                        ("social_care_status__in", ("open", "child_in_need", "child_protection", "looked_after")),
                    ),
                    models.Q(
                        ("open_to_social_care", False),
                        models.Q(
                            ("social_care_status__in", ("open", "child_in_need", "child_protection", "looked_after")),
                            _negated=True,
                        ),
                    ),
                    _connector="OR",
                ),
                name="open_to_social_care_matches_status",
            ),
        ),
    ]
