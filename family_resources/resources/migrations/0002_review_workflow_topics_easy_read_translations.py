"""Draft, review and publish; kinds, topics, ages, easy read, translations and local media for articles."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import family_resources.resources.models


def published_becomes_status(apps, schema_editor):
    Article = apps.get_model("resources", "Article")
    for article in Article.objects.filter(published=True):
        article.status = "published"
        article.published_at = article.published_at or article.updated_at
        article.save(update_fields=["status", "published_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0002_reference_data"),
        ("resources", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="ceased_services",
            field=models.ManyToManyField(
                blank=True,
                help_text="Children's-centre services this article helps families do without.",
                related_name="articles",
                to="catalogue.ceasedservice",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="easy_read_body",
            field=models.TextField(
                blank=True,
                help_text="The easy-read version: short sentences, one idea each. Separate them with a blank line.",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="kind",
            field=models.CharField(
                choices=[("article", "Article"), ("guide", "Short guide"), ("video", "Video")],
                default="article",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="max_age",
            field=models.PositiveSmallIntegerField(blank=True, help_text="Oldest child's age, in years.", null=True),
        ),
        migrations.AddField(
            model_name="article",
            name="media_path",
            field=models.CharField(
                blank=True,
                help_text="A guide or video on this site, such as /static/resources/bedtime.mp4. Never another site.",
                max_length=300,
                validators=[family_resources.resources.models.validate_local_path],
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="min_age",
            field=models.PositiveSmallIntegerField(blank=True, help_text="Youngest child's age, in years.", null=True),
        ),
        migrations.AddField(
            model_name="article",
            name="published_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="review_note",
            field=models.TextField(blank=True, help_text="Why a reviewer sent it back, for its author."),
        ),
        migrations.AddField(
            model_name="article",
            name="status",
            field=models.CharField(
                choices=[("draft", "Draft"), ("in_review", "In review"), ("published", "Published")],
                default="draft",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="submitted_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="article",
            name="submitted_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.CreateModel(
            name="ArticleTranslation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language", models.CharField(max_length=8)),
                ("title", models.CharField(max_length=200)),
                ("summary", models.CharField(max_length=300)),
                ("body", models.TextField()),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="translations", to="resources.article"
                    ),
                ),
            ],
            options={
                "ordering": ["article", "language"],
            },
        ),
        migrations.CreateModel(
            name="Topic",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, unique=True)),
                ("slug", models.SlugField(unique=True)),
                ("description", models.CharField(blank=True, max_length=300)),
                ("position", models.PositiveSmallIntegerField(default=0)),
                (
                    "service_area",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="topics",
                        to="catalogue.servicearea",
                    ),
                ),
            ],
            options={
                "ordering": ["position", "name"],
            },
        ),
        migrations.AddField(
            model_name="article",
            name="topics",
            field=models.ManyToManyField(blank=True, related_name="articles", to="resources.topic"),
        ),
        # The published flag becomes the last state of draft -> in review -> published.
        migrations.RunPython(published_becomes_status, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="article",
            name="published",
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "published"), _negated=True), ("published_at__isnull", False), _connector="OR"
                ),
                name="published_article_has_a_date",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("min_age__isnull", True),
                    ("max_age__isnull", True),
                    ("min_age__lte", models.F("max_age")),
                    _connector="OR",
                ),
                name="article_ages_in_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="articletranslation",
            constraint=models.UniqueConstraint(fields=("article", "language"), name="one_translation_per_language"),
        ),
        migrations.AddConstraint(
            model_name="articletranslation",
            constraint=models.CheckConstraint(
                condition=models.Q(("language", "en"), _negated=True), name="translation_is_not_english"
            ),
        ),
    ]
