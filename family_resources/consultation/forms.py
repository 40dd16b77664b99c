"""Forms for responding (built from the survey's questions) and for the staff pages."""

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from family_resources.consultation.models import (
    AnswerType,
    Channel,
    Edition,
    Question,
    QuestionKind,
    QuestionTranslation,
    TranslationMethod,
)
from family_resources.consultation.survey import Wording, wording
from family_resources.places.postcodes import normalise_postcode

TEXT_LIMIT = 5000


def answer_field(question: Question, words: Wording) -> forms.Field:
    """The form field for one question, worded for the edition."""
    common: dict[str, Any] = {"label": words.text, "help_text": words.hint, "required": question.required}
    if question.answer_type == AnswerType.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=words.options,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Select at least one option")},
            **common,
        )
    if question.answer_type in (AnswerType.SINGLE_CHOICE, AnswerType.RATING, AnswerType.YES_NO):
        return forms.ChoiceField(
            choices=words.options,
            widget=forms.RadioSelect,
            error_messages={"required": _("Select an answer")},
            **common,
        )
    if question.answer_type == AnswerType.EMAIL:
        return forms.EmailField(
            max_length=254,
            widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            error_messages={
                "required": _("Enter your email address"),
                "invalid": _("Enter an email address in the correct format, like name@example.com"),
            },
            **common,
        )
    if question.answer_type == AnswerType.POSTCODE:
        return forms.CharField(
            max_length=10,
            widget=forms.TextInput(attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}),
            error_messages={
                "required": _("Enter your postcode"),
                "max_length": _("Enter a real postcode, like LU1 3QZ"),
            },
            **common,
        )
    return forms.CharField(
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Enter your answer"),
            "max_length": _("Your answer must be %(limit_value)d characters or fewer"),
        },
        **common,
    )


class AnswersForm(forms.Form):
    """One page of questions (or all of them, for a response keyed in by staff)."""

    def __init__(
        self,
        *args: Any,
        questions: Sequence[Question],
        edition: Edition | None,
        translations: Mapping[int, QuestionTranslation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.fallbacks: set[str] = set()
        for question in self.questions:
            words = wording(question, edition, translations)
            if words.fallback:
                self.fallbacks.add(question.key)
            self.fields[question.key] = answer_field(question, words)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for question in self.questions:
            value = cleaned.get(question.key)
            if question.answer_type == AnswerType.POSTCODE and value:
                postcode = normalise_postcode(value)
                if postcode is None:
                    self.add_error(question.key, _("Enter a real postcode, like LU1 3QZ"))
                else:
                    cleaned[question.key] = postcode
        return cleaned

    def answers(self) -> dict[str, Any]:
        """The page's answers as the journey keeps them: empty answers are left out."""
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "", [])}


class SaveForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We will send you a link to come back to your response. We will not use it for anything else."),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )


# Staff forms.


class ConsultationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, error_messages={"required": _("Enter a title")})
    slug = forms.SlugField(
        label=_("Web address name"),
        help_text=_("Lower-case letters, numbers and hyphens, like childrens-centres-redesign."),
        max_length=50,
        error_messages={
            "required": _("Enter a web address name"),
            "invalid": _("Use only lower-case letters, numbers and hyphens"),
        },
    )
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), error_messages={"required": _("Enter a summary")}
    )
    opens_on = forms.DateField(
        label=_("Opens on"),
        help_text=_("For example, 2026-12-01"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Enter the opening date"), "invalid": _("Enter the opening date as a real date")},
    )
    closes_on = forms.DateField(
        label=_("Closes on"),
        help_text=_("For example, 2027-01-31"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Enter the closing date"), "invalid": _("Enter the closing date as a real date")},
    )


class EditionForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, error_messages={"required": _("Select a language")}
    )
    easy_read = forms.BooleanField(label=_("This is an easy read edition"), required=False)
    title = forms.CharField(
        label=_("Title in this edition"), max_length=200, error_messages={"required": _("Enter the title")}
    )
    summary = forms.CharField(
        label=_("Summary in this edition"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter the summary")},
    )
    method = forms.ChoiceField(
        label=_("How was it translated?"),
        choices=[
            (TranslationMethod.HUMAN.value, TranslationMethod.HUMAN.label),
            (TranslationMethod.MACHINE.value, TranslationMethod.MACHINE.label),
            (TranslationMethod.ORIGINAL.value, _("Not translated (easy read written in English)")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how it was translated")},
    )
    translated_by = forms.CharField(
        label=_("Translated by"),
        help_text=_("The translator's name, or the translation service."),
        max_length=200,
        required=False,
    )


class QuestionForm(forms.Form):
    key = forms.SlugField(
        label=_("Identifier"),
        help_text=_("Stays the same in every language, so all answers land in one dataset. Like impact-on-you."),
        max_length=60,
        error_messages={
            "required": _("Enter an identifier"),
            "invalid": _("Use only lower-case letters, numbers and hyphens"),
        },
    )
    text = forms.CharField(
        label=_("Question (in English)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Enter the question")},
    )
    hint = forms.CharField(label=_("Hint (optional)"), required=False)
    answer_type = forms.ChoiceField(
        label=_("Type of answer"),
        choices=AnswerType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the type of answer")},
    )
    kind = forms.ChoiceField(
        label=_("What the question is for"), choices=QuestionKind.choices, initial=QuestionKind.VIEWS
    )
    options = forms.CharField(
        label=_("Options (for choice questions)"),
        help_text=_(
            "One a line. 'value | label' to choose the stored value; "
            "add 'prefer-not-to-say | Prefer not to say' for equality questions."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    page = forms.IntegerField(
        label=_("Page number (optional)"),
        help_text=_("Give the same number as another question to ask them together."),
        min_value=1,
        required=False,
    )
    condition_question = forms.ChoiceField(label=_("Only ask if this question…"), required=False)
    condition_value = forms.CharField(label=_("…has this answer (option value)"), max_length=60, required=False)

    def __init__(self, *args: Any, questions: Sequence[Question] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        condition = self.fields["condition_question"]
        assert isinstance(condition, forms.ChoiceField)
        condition.choices = [("", _("Always ask"))] + [(q.key, q.key) for q in questions]


class RewordForm(forms.Form):
    text = forms.CharField(
        label=_("Question (in English)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Enter the question")},
    )
    hint = forms.CharField(label=_("Hint (optional)"), required=False)


class AssistedDetailsForm(forms.Form):
    """How a response keyed in by staff reached us."""

    channel = forms.ChoiceField(
        label=_("How did the response reach us?"),
        choices=[(c.value, c.label) for c in Channel if c != Channel.ONLINE],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how the response reached us")},
    )
    assisted = forms.BooleanField(
        label=_("A member of staff helped the person respond (for example by reading the questions to them)"),
        required=False,
    )
    received_on = forms.DateField(
        label=_("Date received (paper forms)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date received as a real date")},
    )
    translated_by = forms.CharField(
        label=_("Who translated the free-text answers (if they were given in another language)"),
        max_length=200,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # Phone and interpreter responses are by definition given with a member of staff.
        if cleaned.get("channel") in (Channel.PHONE, Channel.INTERPRETER):
            cleaned["assisted"] = True
        return cleaned
