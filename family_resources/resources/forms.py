"""Forms for the resource centre: the family's search and the editors' article pages."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from family_resources.catalogue.models import CeasedService
from family_resources.core.forms import child_age_field
from family_resources.resources.models import Article, validate_local_path
from family_resources.resources.selectors import topics


class ArticleSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the resource centre"), required=False, max_length=100)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    age = child_age_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("Any topic"))] + [(t.slug, t.name) for t in topics()]  # type: ignore[attr-defined]


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, error_messages={"required": _("Enter a title")})
    kind = forms.ChoiceField(
        label=_("What is it?"),
        choices=Article.Kind.choices,
        widget=forms.RadioSelect,
        initial=Article.Kind.ARTICLE,
        error_messages={"required": _("Choose whether it is an article, a short guide or a video")},
    )
    summary = forms.CharField(
        label=_("Summary"),
        help_text=_("One or two sentences shown in lists and search results."),
        max_length=300,
        error_messages={
            "required": _("Enter a summary"),
            "max_length": _("The summary must be 300 characters or fewer"),
        },
    )
    body = forms.CharField(
        label=_("Text"),
        help_text=_("Plain text. Separate paragraphs with a blank line. For a video, its transcript."),
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": _("Enter the text")},
    )
    easy_read_body = forms.CharField(
        label=_("Easy read version (optional)"),
        help_text=_("Short sentences, one idea each. Separate them with a blank line."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    media_path = forms.CharField(
        label=_("Guide or video file (optional)"),
        help_text=_(
            "A file on this site, such as /static/resources/bedtime.mp4. Links to other sites are not allowed."
        ),
        required=False,
        max_length=300,
        validators=[validate_local_path],
    )
    topics = forms.MultipleChoiceField(label=_("Topics"), widget=forms.CheckboxSelectMultiple, required=False)
    min_age = forms.IntegerField(
        label=_("Youngest child's age (optional)"),
        help_text=_("In years."),
        required=False,
        min_value=0,
        max_value=25,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={"invalid": _("Enter the youngest age as a number, like 0")},
    )
    max_age = forms.IntegerField(
        label=_("Oldest child's age (optional)"),
        help_text=_("In years."),
        required=False,
        min_value=0,
        max_value=25,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={"invalid": _("Enter the oldest age as a number, like 5")},
    )
    ceased_services = forms.MultipleChoiceField(
        label=_("Does it help families whose children's centre service stopped? (optional)"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(t.slug, t.name) for t in topics()]  # type: ignore[attr-defined]
        self.fields["ceased_services"].choices = [  # type: ignore[attr-defined]
            (c.slug, c.name) for c in CeasedService.objects.order_by("name")
        ]


class TranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), error_messages={"required": _("Choose the language")})
    title = forms.CharField(label=_("Title"), max_length=200, error_messages={"required": _("Enter the title")})
    summary = forms.CharField(label=_("Summary"), max_length=300, error_messages={"required": _("Enter the summary")})
    body = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 12}), error_messages={"required": _("Enter the text")}
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Choose a language"))] + [  # type: ignore[attr-defined]
            (code, f"{settings.LANGUAGE_NAMES_IN_ENGLISH[code]} ({name})")
            for code, name in settings.LANGUAGES
            if code != "en"
        ]


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What needs to change?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Say what needs to change before it can be published")},
    )
