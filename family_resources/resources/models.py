"""The online resource centre: self-help articles for families, written and checked by staff."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Article(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    summary = models.CharField(max_length=300, help_text=_("One or two sentences shown in lists and search results."))
    body = models.TextField(help_text=_("Plain text. Separate paragraphs with a blank line."))
    service_areas = models.ManyToManyField("catalogue.ServiceArea", blank=True, related_name="articles")
    published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.body.split("\n\n") if part.strip()]
