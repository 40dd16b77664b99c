"""The online resource centre: self-help articles, guides and videos for families, written and checked by staff."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def validate_local_path(value: str) -> None:
    """Media must be the service's own files: a path on this site, never another site's address."""
    if not value.startswith("/") or value.startswith("//") or "\\" in value or ".." in value.split("/"):
        raise ValidationError(_("Enter a path to a file on this site, starting with /static/ or /media/"))


class Topic(models.Model):
    """What an article is about, such as Babies, SEND or Money and housing."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    service_area = models.ForeignKey(
        "catalogue.ServiceArea", on_delete=models.PROTECT, null=True, blank=True, related_name="topics"
    )

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


class Article(models.Model):
    """An article, short guide or video. Only published ones are shown to families."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        GUIDE = "guide", _("Short guide")
        VIDEO = "video", _("Video")

    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    summary = models.CharField(max_length=300, help_text=_("One or two sentences shown in lists and search results."))
    body = models.TextField(help_text=_("Plain text. Separate paragraphs with a blank line."))
    easy_read_body = models.TextField(
        blank=True,
        help_text=_("The easy-read version: short sentences, one idea each. Separate them with a blank line."),
    )
    media_path = models.CharField(
        max_length=300,
        blank=True,
        validators=[validate_local_path],
        help_text=_("A guide or video on this site, such as /static/resources/bedtime.mp4. Never another site."),
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles")
    min_age = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Youngest child's age, in years."))
    max_age = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Oldest child's age, in years."))
    service_areas = models.ManyToManyField("catalogue.ServiceArea", blank=True, related_name="articles")
    ceased_services = models.ManyToManyField(
        "catalogue.CeasedService",
        blank=True,
        related_name="articles",
        help_text=_("Children's-centre services this article helps families do without."),
    )
    status = models.CharField(max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT)
    review_note = models.TextField(blank=True, help_text=_("Why a reviewer sent it back, for its author."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                name="published_article_has_a_date",
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
            ),
            models.CheckConstraint(
                name="article_ages_in_order",
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(min_age__lte=models.F("max_age")),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def published(self) -> bool:
        return self.status == ArticleStatus.PUBLISHED

    @property
    def paragraphs(self) -> list[str]:
        return _paragraphs(self.body)

    @property
    def easy_read_paragraphs(self) -> list[str]:
        return _paragraphs(self.easy_read_body)


class ArticleTranslation(models.Model):
    """An article in another of the service's languages, published with the English one."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300)
    body = models.TextField()

    class Meta:
        ordering = ["article", "language"]
        constraints = [
            models.UniqueConstraint(fields=["article", "language"], name="one_translation_per_language"),
            models.CheckConstraint(name="translation_is_not_english", condition=~models.Q(language="en")),
        ]

    def __str__(self) -> str:
        return f"{self.article} ({self.language})"

    @property
    def paragraphs(self) -> list[str]:
        return _paragraphs(self.body)


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.split("\n\n") if part.strip()]
