"""Safeguarding evidence, locations, schedules, categories and change requests; a UUID for every published record (Open Referral UK)."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def give_each_row_a_uuid(model_name):
    def fill(apps, schema_editor):
        model = apps.get_model("directory", model_name)
        for row in model.objects.filter(uuid__isnull=True):
            row.uuid = uuid.uuid4()
            row.save(update_fields=["uuid"])

    return fill


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0002_reference_data"),
        ("directory", "0002_service_languages"),
        ("places", "0003_postcodesector"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Taxonomy",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("name", models.CharField(max_length=150, unique=True)),
                ("description", models.TextField()),
                ("uri", models.URLField(blank=True)),
                ("version", models.CharField(blank=True, max_length=20)),
            ],
            options={
                "verbose_name_plural": "taxonomies",
                "ordering": ["name"],
            },
        ),
        migrations.AddField(
            model_name="organisation",
            name="account_email",
            field=models.EmailField(
                blank=True,
                help_text="Where sign-in links and safeguarding reminders go. Not published.",
                max_length=254,
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="account_name",
            field=models.CharField(
                blank=True, help_text="Who keeps the entry up to date. Not published.", max_length=150
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="charity_number",
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.AddField(
            model_name="organisation",
            name="company_number",
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.AddField(
            model_name="organisation",
            name="created_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AddField(
            model_name="organisation",
            name="kind",
            field=models.CharField(
                choices=[
                    ("community", "Community or voluntary group"),
                    ("health", "NHS or universal health service"),
                    ("council", "Council service"),
                    ("other", "Other"),
                ],
                default="community",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="updated_at",
            field=models.DateTimeField(auto_now=True),
        ),
        # Existing rows each need their own UUID: add the column empty, fill it, then make it unique.
        migrations.AddField(
            model_name="organisation",
            name="uuid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_row_a_uuid("organisation"), migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisation",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddField(
            model_name="service",
            name="alert",
            field=models.CharField(
                blank=True, help_text="A short-term notice, such as a change of venue.", max_length=300
            ),
        ),
        migrations.AddField(
            model_name="service",
            name="assured_on",
            field=models.DateField(blank=True, help_text="When a directory officer last checked the entry.", null=True),
        ),
        migrations.AddField(
            model_name="service",
            name="contact_name",
            field=models.CharField(blank=True, help_text="Published, with the organisation's consent.", max_length=150),
        ),
        migrations.AddField(
            model_name="service",
            name="contact_title",
            field=models.CharField(blank=True, help_text="For example, Group leader.", max_length=150),
        ),
        migrations.AddField(
            model_name="service",
            name="cost_amount",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="The usual price, in pounds, if it is paid.",
                max_digits=7,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="service",
            name="cost_description",
            field=models.CharField(blank=True, help_text="For example, per child per session.", max_length=200),
        ),
        migrations.AddField(
            model_name="service",
            name="created_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AddField(
            model_name="service",
            name="email",
            field=models.EmailField(blank=True, max_length=254),
        ),
        migrations.AddField(
            model_name="service",
            name="phone",
            field=models.CharField(blank=True, max_length=30),
        ),
        migrations.AddField(
            model_name="service",
            name="replaces_sites",
            field=models.ManyToManyField(
                blank=True,
                help_text="The closed children's-centre sites whose families this one can take in.",
                related_name="replacements",
                to="places.closedsite",
            ),
        ),
        migrations.AddField(
            model_name="service",
            name="status",
            field=models.CharField(
                choices=[
                    ("active", "Running"),
                    ("temporarily closed", "Temporarily closed"),
                    ("inactive", "Not running"),
                    ("defunct", "Stopped for good"),
                ],
                default="active",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="service",
            name="updated_at",
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name="service",
            name="url",
            field=models.URLField(blank=True),
        ),
        # Existing rows each need their own UUID: add the column empty, fill it, then make it unique.
        migrations.AddField(
            model_name="service",
            name="uuid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_row_a_uuid("service"), migrations.RunPython.noop),
        migrations.AlterField(
            model_name="service",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="email",
            field=models.EmailField(
                blank=True, help_text="Published: how families contact the organisation.", max_length=254
            ),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="phone",
            field=models.CharField(blank=True, help_text="Published.", max_length=30),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="safeguarding_evidence_expires_on",
            field=models.DateField(
                blank=True,
                help_text="The earliest expiry of the organisation's verified safeguarding evidence, kept up to date when evidence is verified or withdrawn; empty until every kind of evidence is verified. Families only see organisations whose evidence is in date.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="service",
            name="neighbourhood",
            field=models.ForeignKey(
                blank=True,
                help_text="The neighbourhood the service is for; empty for the whole borough.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="community_services",
                to="places.neighbourhood",
            ),
        ),
        migrations.CreateModel(
            name="ChangeRequest",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("new_listing", "Asks to be listed"),
                            ("organisation", "Change to the organisation's details"),
                            ("new_service", "New service"),
                            ("service", "Change to a service"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Waiting for approval"),
                            ("approved", "Approved"),
                            ("rejected", "Rejected"),
                        ],
                        default="pending",
                        max_length=10,
                    ),
                ),
                ("proposed", models.JSONField()),
                (
                    "submitted_by_email",
                    models.EmailField(help_text="Who sent it: the organisation's account address.", max_length=254),
                ),
                ("submitted_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                ("rejection_reason", models.TextField(blank=True)),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="change_requests",
                        to="directory.organisation",
                    ),
                ),
                (
                    "service",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="change_requests",
                        to="directory.service",
                    ),
                ),
            ],
            options={
                "ordering": ["submitted_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="Location",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[("physical", "A building"), ("virtual", "Online")], default="physical", max_length=10
                    ),
                ),
                ("name", models.CharField(max_length=150)),
                ("description", models.TextField(blank=True)),
                ("address_1", models.CharField(blank=True, max_length=200)),
                ("city", models.CharField(default="Luton", max_length=100)),
                (
                    "postcode",
                    models.CharField(blank=True, help_text="Saved in the standard form, like LU4 8BW.", max_length=10),
                ),
                ("latitude", models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True)),
                ("longitude", models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True)),
                (
                    "uprn",
                    models.CharField(
                        blank=True, help_text="The building's Unique Property Reference Number.", max_length=12
                    ),
                ),
                (
                    "accessibility",
                    models.TextField(
                        blank=True,
                        help_text="Step-free access, accessible toilet, hearing loop, parking: what a visitor needs to know.",
                    ),
                ),
                (
                    "neighbourhood",
                    models.ForeignKey(
                        blank=True,
                        help_text="Found from the postcode.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="directory_locations",
                        to="places.neighbourhood",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="locations",
                        to="directory.organisation",
                    ),
                ),
            ],
            options={
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="OrganisationSignIn",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token_hash", models.CharField(max_length=64, unique=True)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("expires_at", models.DateTimeField()),
                ("used_at", models.DateTimeField(blank=True, null=True)),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sign_ins",
                        to="directory.organisation",
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at"],
            },
        ),
        migrations.CreateModel(
            name="SafeguardingEvidence",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("policy", "Safeguarding policy"),
                            ("lead", "Designated safeguarding lead"),
                            ("dbs", "DBS checks"),
                            ("insurance", "Insurance"),
                            ("training", "Safeguarding training"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "detail",
                    models.TextField(
                        help_text="What was seen: the document and its date, the lead's name, the insurer and policy number."
                    ),
                ),
                (
                    "valid_until",
                    models.DateField(
                        help_text="The review or expiry date. The evidence is in date until the end of it."
                    ),
                ),
                ("verified_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("withdrawn_at", models.DateTimeField(blank=True, null=True)),
                ("withdrawal_reason", models.TextField(blank=True)),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="evidence",
                        to="directory.organisation",
                    ),
                ),
                (
                    "verified_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
                (
                    "withdrawn_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "safeguarding evidence",
                "ordering": ["organisation", "kind", "-verified_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="EvidenceReminder",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "stage",
                    models.CharField(
                        choices=[
                            ("due_30", "Due within 30 days"),
                            ("due_7", "Due within 7 days"),
                            ("lapsed", "Lapsed"),
                        ],
                        max_length=10,
                    ),
                ),
                ("sent_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "evidence",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reminders",
                        to="directory.safeguardingevidence",
                    ),
                ),
            ],
            options={
                "ordering": ["-sent_at"],
            },
        ),
        migrations.CreateModel(
            name="Schedule",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "weekday",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (0, "Monday"),
                            (1, "Tuesday"),
                            (2, "Wednesday"),
                            (3, "Thursday"),
                            (4, "Friday"),
                            (5, "Saturday"),
                            (6, "Sunday"),
                        ]
                    ),
                ),
                ("opens_at", models.TimeField()),
                ("closes_at", models.TimeField()),
                (
                    "frequency",
                    models.CharField(
                        choices=[("WEEKLY", "Weekly"), ("MONTHLY", "Monthly")], default="WEEKLY", max_length=10
                    ),
                ),
                (
                    "interval",
                    models.PositiveSmallIntegerField(default=1, help_text="Every how many weeks (or months)."),
                ),
                (
                    "week_of_month",
                    models.SmallIntegerField(
                        blank=True, help_text="For a monthly session: 1 for the first week, -1 for the last.", null=True
                    ),
                ),
                (
                    "starts_on",
                    models.DateField(
                        blank=True,
                        help_text="The first session: needed when it is not every week, to know which weeks.",
                        null=True,
                    ),
                ),
                ("valid_from", models.DateField(blank=True, null=True)),
                ("valid_to", models.DateField(blank=True, null=True)),
                ("description", models.CharField(blank=True, help_text="For example, Term time only.", max_length=200)),
                (
                    "service",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="schedules", to="directory.service"
                    ),
                ),
            ],
            options={
                "ordering": ["service", "weekday", "opens_at"],
            },
        ),
        migrations.CreateModel(
            name="ServiceAtLocation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "location",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="at_locations",
                        to="directory.location",
                    ),
                ),
                (
                    "service",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="at_locations", to="directory.service"
                    ),
                ),
            ],
            options={
                "ordering": ["service", "location"],
            },
        ),
        migrations.AddField(
            model_name="service",
            name="locations",
            field=models.ManyToManyField(
                blank=True, related_name="services", through="directory.ServiceAtLocation", to="directory.location"
            ),
        ),
        migrations.CreateModel(
            name="TaxonomyTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("name", models.CharField(max_length=150)),
                ("slug", models.SlugField(unique=True)),
                ("description", models.TextField()),
                ("position", models.PositiveSmallIntegerField(default=0)),
                (
                    "intervention",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="taxonomy_terms",
                        to="catalogue.intervention",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="directory.taxonomyterm",
                    ),
                ),
                (
                    "service_area",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="taxonomy_terms",
                        to="catalogue.servicearea",
                    ),
                ),
                (
                    "taxonomy",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="terms", to="directory.taxonomy"
                    ),
                ),
            ],
            options={
                "ordering": ["position", "name"],
            },
        ),
        migrations.AddField(
            model_name="service",
            name="categories",
            field=models.ManyToManyField(blank=True, related_name="services", to="directory.taxonomyterm"),
        ),
        migrations.AddConstraint(
            model_name="service",
            constraint=models.CheckConstraint(
                condition=models.Q(("is_free", False), ("cost_amount__isnull", True), _connector="OR"),
                name="free_service_has_no_price",
            ),
        ),
        migrations.AddConstraint(
            model_name="changerequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", "new_listing"), ("service__isnull", True)),
                    models.Q(
                        ("kind__in", ["organisation", "new_service"]),
                        ("organisation__isnull", False),
                        ("service__isnull", True),
                    ),
                    models.Q(("kind", "service"), ("organisation__isnull", False), ("service__isnull", False)),
                    _connector="OR",
                ),
                name="change_request_names_what_it_changes",
            ),
        ),
        migrations.AddConstraint(
            model_name="changerequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("decided_at__isnull", True), ("decided_by__isnull", True), ("status", "pending")),
                    models.Q(
                        ("decided_at__isnull", False),
                        ("decided_by__isnull", False),
                        ("status__in", ["approved", "rejected"]),
                    ),
                    _connector="OR",
                ),
                name="decided_request_says_who_and_when",
            ),
        ),
        migrations.AddConstraint(
            model_name="changerequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "rejected"), _negated=True),
                    models.Q(("rejection_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="rejected_request_has_a_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="location",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("kind", "virtual"),
                    models.Q(models.Q(("address_1", ""), _negated=True), models.Q(("postcode", ""), _negated=True)),
                    _connector="OR",
                ),
                name="building_has_address",
            ),
        ),
        migrations.AddConstraint(
            model_name="safeguardingevidence",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("withdrawal_reason", ""), ("withdrawn_at__isnull", True), ("withdrawn_by__isnull", True)),
                    models.Q(
                        ("withdrawn_at__isnull", False),
                        ("withdrawn_by__isnull", False),
                        models.Q(("withdrawal_reason", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="withdrawn_evidence_says_who_and_why",
            ),
        ),
        migrations.AddConstraint(
            model_name="evidencereminder",
            constraint=models.UniqueConstraint(fields=("evidence", "stage"), name="one_reminder_per_stage"),
        ),
        migrations.AddConstraint(
            model_name="schedule",
            constraint=models.CheckConstraint(
                condition=models.Q(("opens_at__lt", models.F("closes_at"))), name="session_opens_before_it_closes"
            ),
        ),
        migrations.AddConstraint(
            model_name="schedule",
            constraint=models.CheckConstraint(condition=models.Q(("interval__gte", 1)), name="interval_at_least_one"),
        ),
        migrations.AddConstraint(
            model_name="schedule",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("frequency", "WEEKLY"), ("week_of_month__isnull", True)),
                    models.Q(("frequency", "MONTHLY"), ("week_of_month__in", [1, 2, 3, 4, -1])),
                    _connector="OR",
                ),
                name="monthly_session_names_its_week",
            ),
        ),
        migrations.AddConstraint(
            model_name="schedule",
            constraint=models.CheckConstraint(
                condition=models.Q(("interval", 1), ("starts_on__isnull", False), _connector="OR"),
                name="every_few_weeks_has_a_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="schedule",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_from__isnull", True),
                    ("valid_to__isnull", True),
                    ("valid_from__lte", models.F("valid_to")),
                    _connector="OR",
                ),
                name="schedule_dates_in_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="serviceatlocation",
            constraint=models.UniqueConstraint(fields=("service", "location"), name="one_link_per_service_location"),
        ),
        migrations.AddConstraint(
            model_name="taxonomyterm",
            constraint=models.UniqueConstraint(fields=("taxonomy", "name"), name="unique_term_per_taxonomy"),
        ),
    ]
