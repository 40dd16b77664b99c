"""Public consultations on changes to the service.

One consultation has several editions (English, each translation, easy read) that share
one set of questions, so every answer lands in one dataset whatever the edition.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class Consultation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        ANALYSED = "analysed", _("Analysed")
        OUTCOME_PUBLISHED = "outcome_published", _("Outcome published")

    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    summary = models.TextField()
    opens_on = models.DateField()
    closes_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)

    class Meta:
        ordering = ["-opens_on"]
        constraints = [
            models.CheckConstraint(name="closes_after_opening", condition=models.Q(closes_on__gte=models.F("opens_on")))
        ]

    def __str__(self) -> str:
        return self.title


class TranslationMethod(models.TextChoices):
    ORIGINAL = "original", _("Original (not translated)")
    HUMAN = "human", _("Translated by a person")
    MACHINE = "machine", _("Machine translation")


class Edition(models.Model):
    """One version of a consultation for readers of one language, or easy read."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="editions")
    code = models.SlugField(max_length=20, help_text=_("In the web address: en, ur, easy-read."))
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    easy_read = models.BooleanField(default=False)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    method = models.CharField(max_length=10, choices=TranslationMethod.choices, default=TranslationMethod.ORIGINAL)
    translated_by = models.CharField(max_length=200, blank=True, help_text=_("A person or a translation service."))
    translated_on = models.DateField(null=True, blank=True)
    published = models.BooleanField(default=True, help_text=_("Shown to the public."))

    class Meta:
        ordering = ["consultation", "easy_read", "language"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "code"], name="edition_code_unique"),
            models.UniqueConstraint(
                fields=["consultation", "language", "easy_read"], name="one_edition_per_language_and_format"
            ),
            models.CheckConstraint(
                name="translation_names_translator",
                condition=models.Q(method="original") | ~models.Q(translated_by=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultation} ({self.code})"

    @property
    def is_machine_translation(self) -> bool:
        return self.method == TranslationMethod.MACHINE

    @property
    def is_translation(self) -> bool:
        return self.method != TranslationMethod.ORIGINAL


class DocumentPage(models.Model):
    """A page of the consultation document in one edition. Body is plain text: paragraphs, and '- ' lists."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="pages")
    position = models.PositiveIntegerField()
    slug = models.SlugField(max_length=80)
    heading = models.CharField(max_length=200)
    body = models.TextField()

    class Meta:
        ordering = ["edition", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="document_page_slug_unique")]

    def __str__(self) -> str:
        return self.heading


class FaqItem(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="faqs")
    position = models.PositiveIntegerField()
    question = models.TextField()
    answer = models.TextField()

    class Meta:
        ordering = ["edition", "position"]

    def __str__(self) -> str:
        return self.question[:80]


class AnswerType(models.TextChoices):
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    FREE_TEXT = "free_text", _("Free text")
    RATING = "rating", _("Rating from 1 to 5")
    YES_NO = "yes_no", _("Yes or no")
    POSTCODE = "postcode", _("Postcode")
    EMAIL = "email", _("Email address")


class QuestionKind(models.TextChoices):
    """What a question is for, so later analysis can find, say, every equality answer."""

    VIEWS = "views", _("Views on the proposals")
    SERVICES_USED = "services_used", _("Services used")
    RESPONDENT_TYPE = "respondent_type", _("Responding as")
    LOCATION = "location", _("Where the respondent lives")
    EQUALITY = "equality", _("Equality monitoring")
    CONTACT = "contact", _("Contact details")


class Question(models.Model):
    """One question, shared by every edition. `key` is the identifier answers are stored under."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(max_length=60)
    position = models.PositiveIntegerField()
    page = models.PositiveIntegerField(help_text=_("Questions with the same page number are asked together."))
    answer_type = models.CharField(max_length=20, choices=AnswerType.choices)
    kind = models.CharField(max_length=20, choices=QuestionKind.choices, default=QuestionKind.VIEWS)
    text = models.TextField(help_text=_("In English."))
    hint = models.TextField(blank=True)
    required = models.BooleanField(default=False)
    condition_question = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        help_text=_("Ask this only when that question's answer includes the value below."),
    )
    condition_value = models.CharField(max_length=60, blank=True)
    version = models.PositiveIntegerField(default=1, help_text=_("Goes up when the wording changes."))

    class Meta:
        ordering = ["consultation", "position"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "key"], name="question_key_unique"),
            models.CheckConstraint(
                name="condition_has_value",
                condition=models.Q(condition_question__isnull=True) | ~models.Q(condition_value=""),
            ),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def has_options(self) -> bool:
        return self.answer_type in (AnswerType.SINGLE_CHOICE, AnswerType.MULTIPLE_CHOICE)


class QuestionOption(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    value = models.SlugField(max_length=60)
    label = models.CharField(max_length=300, help_text=_("In English."))
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["question", "position"]
        constraints = [models.UniqueConstraint(fields=["question", "value"], name="option_value_unique")]

    def __str__(self) -> str:
        return self.label


class QuestionTranslation(models.Model):
    """A question's wording in one edition; `option_labels` maps each option value to its label."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="question_texts")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="translations")
    text = models.TextField()
    hint = models.TextField(blank=True)
    option_labels = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "question"], name="one_translation_per_edition_question")
        ]

    def __str__(self) -> str:
        return f"{self.question} ({self.edition.code})"


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PHONE = "phone", _("Phone")
    PAPER = "paper", _("Paper form")
    INTERPRETER = "interpreter", _("With an interpreter")
    EVENT = "event", _("At an online session")


class RespondentType(models.TextChoices):
    INDIVIDUAL = "individual", _("An individual")
    PARENT = "parent", _("A parent of a child who uses a children's centre")
    PROFESSIONAL = "professional", _("A professional")
    ORGANISATION = "organisation", _("On behalf of an organisation")


class Response(TrackedModel):
    """One person's or organisation's response, whatever the edition or channel."""

    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="responses")
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="responses")
    reference = models.CharField(max_length=12, unique=True)
    language = models.CharField(max_length=8, help_text=_("The language the respondent answered in."))
    easy_read = models.BooleanField(default=False)
    channel = models.CharField(max_length=12, choices=Channel.choices, default=Channel.ONLINE)
    assisted = models.BooleanField(default=False, help_text=_("A member of staff helped the person respond."))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_responses_entered",
        help_text=_("Who typed it in, for assisted and paper responses."),
    )
    respondent_type = models.CharField(max_length=20, choices=RespondentType.choices, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    neighbourhood = models.ForeignKey("places.Neighbourhood", on_delete=models.PROTECT, null=True, blank=True)
    email = models.EmailField(blank=True, help_text=_("Only to send a receipt."))
    submitted_at = models.DateTimeField(default=timezone.now)
    received_on = models.DateField(null=True, blank=True, help_text=_("For paper forms: the date it arrived."))

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                name="online_responses_are_not_entered_by_staff",
                condition=~models.Q(channel="online") | models.Q(entered_by__isnull=True, assisted=False),
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class Answer(TrackedModel):
    """One answer. `value` holds choices as option values; text answers keep the words as given in
    `original_text`, with any translation beside them and who made it."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    question_key = models.SlugField(max_length=60)
    question_version = models.PositiveIntegerField(default=1)
    value = models.JSONField(default=None, null=True, blank=True)
    original_text = models.TextField(blank=True)
    original_language = models.CharField(max_length=8, blank=True)
    translated_text = models.TextField(blank=True, help_text=_("In English."))
    translated_by = models.CharField(max_length=200, blank=True)
    translation_method = models.CharField(max_length=10, choices=TranslationMethod.choices, blank=True)

    class Meta:
        ordering = ["response", "question__position"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question"),
            models.CheckConstraint(
                name="translation_names_translator_answer",
                condition=models.Q(translated_text="") | ~models.Q(translated_by=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.response} {self.question_key}"

    @property
    def choices(self) -> list[str]:
        value: Any = self.value
        if isinstance(value, list):
            return [str(v) for v in value]
        return [str(value)] if value not in (None, "") else []


class ResponseDraft(models.Model):
    """A half-finished online response kept behind an unguessable emailed link; only the token's hash is stored."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="drafts")
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="drafts")
    token_hash = models.CharField(max_length=64, unique=True)
    answers = models.JSONField(default=dict)
    email = models.EmailField()
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"draft {self.pk}"


# Themes, coding and the equality impact assessment (issue 8). Analysts read the free-text answers,
# code each with one or more themes, link themes to the impacts they raise, and record what the
# council decided, so the outcome page can say "we asked, you said, we did" and show how every
# theme was considered. Labels here are few because this file is a public source.


class Theme(TrackedModel):
    """Something respondents said, named by an analyst. `you_said` is its summary for the outcome page."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)  # for analysts: what belongs under this theme
    you_said = models.TextField(blank=True)  # public, in plain English, for "you said"
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["consultation", "name"]
        constraints = [models.UniqueConstraint(fields=["consultation", "name"], name="theme_name_unique")]

    def __str__(self) -> str:
        return self.name


class CodedOn(models.TextChoices):
    """Which words the analyst read when coding: the respondent's own, or the English translation."""

    ORIGINAL = "original", _("The original words")
    TRANSLATION = "translation", _("The translation")


class AnswerTheme(TrackedModel):
    """One coding: an analyst linked a free-text answer to a theme."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="codings")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="codings")
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="consultation_codings"
    )
    coded_at = models.DateTimeField(default=timezone.now)
    coded_on = models.CharField(max_length=12, choices=CodedOn.choices, default=CodedOn.ORIGINAL)
    # Set when the analyst accepted a suggestion rather than choosing the theme unprompted.
    from_suggestion = models.BooleanField(default=False)
    suggestion_score = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["answer", "theme__name"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "theme"], name="one_coding_per_answer_theme"),
            models.CheckConstraint(
                name="suggestion_score_only_from_suggestion",
                condition=models.Q(from_suggestion=True) | models.Q(suggestion_score__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.answer} {self.theme}"


class Decision(TrackedModel):
    """What the council decided after the consultation. `we_did` is its statement for the outcome page."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="decisions")
    summary = models.TextField()  # what was decided, for the record
    we_did = models.TextField()  # public, in plain English, for "we did"
    decided_on = models.DateField()
    decided_by = models.CharField(max_length=200)  # the person or body that took the decision
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="consultation_decisions"
    )

    class Meta:
        ordering = ["consultation", "decided_on", "pk"]

    def __str__(self) -> str:
        return self.summary[:80]


class ProtectedCharacteristic(models.TextChoices):
    """The Equality Act 2010 characteristics, and other groups the council's assessments consider."""

    AGE = "age", _("Age")
    DISABILITY = "disability", _("Disability")
    GENDER_REASSIGNMENT = "gender_reassignment", _("Gender reassignment")
    MARRIAGE = "marriage", _("Marriage and civil partnership")
    PREGNANCY = "pregnancy", _("Pregnancy and maternity")
    RACE = "race", _("Race")
    RELIGION = "religion", _("Religion or belief")
    SEX = "sex", _("Sex")
    SEXUAL_ORIENTATION = "sexual_orientation", _("Sexual orientation")
    OTHER = "other", _("Another group")


class ImpactDirection(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEGATIVE = "negative", _("Negative")
    NEUTRAL = "neutral", _("Neutral")


class ImpactSeverity(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Impact(TrackedModel):
    """An entry of the equality impact assessment: who the proposals affect and how, what lessens the
    harm, and the decision that settled it. Themes link to the impacts they raised."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="impacts")
    characteristic = models.CharField(max_length=20, choices=ProtectedCharacteristic.choices)
    group = models.CharField(max_length=200)  # who exactly: "parents without a car", "Urdu speakers"
    description = models.TextField()
    direction = models.CharField(max_length=10, choices=ImpactDirection.choices)
    severity = models.CharField(max_length=10, choices=ImpactSeverity.choices)
    mitigation = models.TextField(blank=True)
    themes = models.ManyToManyField(Theme, related_name="impacts", blank=True)
    decision = models.ForeignKey(Decision, on_delete=models.SET_NULL, null=True, blank=True, related_name="impacts")

    class Meta:
        ordering = ["consultation", "characteristic", "group"]

    def __str__(self) -> str:
        return self.group
