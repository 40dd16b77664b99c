"""Forms for the public directory, organisations' own entries and the directory officer's checks."""

from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from family_resources.core.forms import child_age_field
from family_resources.directory.models import EvidenceKind, Organisation, ServiceStatus, Weekday
from family_resources.directory.selectors import ceased_services, closed_sites, taxonomy_terms
from family_resources.directory.uploads import evidence_document_check
from family_resources.places.postcodes import normalise_postcode
from family_resources.places.selectors import neighbourhoods


def language_choices() -> list[tuple[str, str]]:
    return [
        (code, str(settings.LANGUAGE_NAMES_IN_ENGLISH[code]) + ("" if code == "en" else f" ({name})"))
        for code, name in settings.LANGUAGES
    ]


def need_choices() -> list[tuple[str, str]]:
    return [(term.slug, f"{term.parent.name}: {term.name}" if term.parent else term.name) for term in taxonomy_terms()]


def weekday_choices() -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in Weekday.choices]


class PostcodeField(forms.CharField):
    """A UK postcode, saved in its standard form."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("error_messages", {"max_length": _("Enter a real postcode, like LU4 8BW")})
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        if not text:
            return ""
        postcode = normalise_postcode(text)
        if postcode is None:
            raise forms.ValidationError(_("Enter a real postcode, like LU4 8BW"))
        return postcode


# Families -------------------------------------------------------------------------------------------------


class SearchForm(forms.Form):
    """The public search. Every answer is optional; an empty form lists every vetted service."""

    q = forms.CharField(
        label=_("What are you looking for?"),
        help_text=_("For example, toddler group or baby bank"),
        required=False,
        max_length=100,
    )
    need = forms.ChoiceField(label=_("Type of support"), required=False)
    age = child_age_field()
    postcode = PostcodeField(
        label=_("Your postcode"),
        help_text=_("To show what is near you first."),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}),
    )
    neighbourhood = forms.ChoiceField(label=_("Or choose your area of Luton"), required=False)
    day = forms.ChoiceField(label=_("Day of the week"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    cost = forms.ChoiceField(
        label=_("Cost"),
        required=False,
        choices=[("", _("Free or paid")), ("free", _("Free only")), ("paid", _("Paid for"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self.fields["need"].choices = anything + need_choices()  # type: ignore[attr-defined]
        self.fields["neighbourhood"].choices = anything + [  # type: ignore[attr-defined]
            (n.slug, n.name) for n in neighbourhoods()
        ]
        self.fields["day"].choices = anything + weekday_choices()  # type: ignore[attr-defined]
        self.fields["language"].choices = anything + language_choices()  # type: ignore[attr-defined]


class StoppedForm(forms.Form):
    """'My children's centre service has stopped': the service, the site, or both."""

    service = forms.ChoiceField(label=_("Which service did you use?"), required=False)
    site = forms.ChoiceField(label=_("Where did you go?"), required=False)
    postcode = PostcodeField(
        label=_("Your postcode (optional)"),
        help_text=_("To show what is near your home rather than near the site."),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [("", _("Choose a service"))] + [  # type: ignore[attr-defined]
            (item.slug, item.name) for item in ceased_services()
        ]
        self.fields["site"].choices = [("", _("Choose a site"))] + [  # type: ignore[attr-defined]
            (str(site.pk), f"{site.name} ({site.children_centre})") for site in closed_sites()
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("service") and not cleaned.get("site"):
            self.add_error("service", _("Choose the service you used, the site you went to, or both"))
        return cleaned


# Organisations --------------------------------------------------------------------------------------------


class OrganisationForm(forms.Form):
    name = forms.CharField(
        label=_("Organisation's name"), max_length=200, error_messages={"required": _("Enter the organisation's name")}
    )
    kind = forms.ChoiceField(
        label=_("What kind of organisation is it?"),
        choices=Organisation.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of organisation it is")},
    )
    description = forms.CharField(
        label=_("What does the organisation do?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Describe what the organisation does")},
    )
    website = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter the website's address, like https://example.org")},
    )
    email = forms.EmailField(
        label=_("Email address families can use (optional)"),
        required=False,
        error_messages={"invalid": _("Enter an email address in the correct format, like name@example.org")},
    )
    phone = forms.CharField(label=_("Phone number families can use (optional)"), required=False, max_length=30)
    charity_number = forms.CharField(label=_("Registered charity number (optional)"), required=False, max_length=20)
    company_number = forms.CharField(label=_("Company number (optional)"), required=False, max_length=20)
    account_name = forms.CharField(
        label=_("Your name"),
        help_text=_("So the directory team knows who to talk to. Not published."),
        max_length=150,
        error_messages={"required": _("Enter your name")},
    )
    account_email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We send sign-in links and safeguarding reminders here. Not published."),
        error_messages={
            "required": _("Enter the email address we should send sign-in links and reminders to"),
            "invalid": _("Enter an email address in the correct format, like name@example.org"),
        },
    )


class ListingForm(OrganisationForm):
    """Asking to be listed: the organisation, and in a few words what it runs (each service is added after)."""

    services_summary = forms.CharField(
        label=_("What does the organisation run for families?"),
        help_text=_(
            "For example, a weekly stay and play in Dallow and a dads' group on Saturdays. "
            "You add each one after we list you."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tell us what the organisation runs for families")},
    )


class ServiceForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the service"),
        max_length=200,
        help_text=_("For example, Stay and play"),
        error_messages={"required": _("Enter the service's name")},
    )
    description = forms.CharField(
        label=_("Describe the service"),
        help_text=_("Who it is for and what happens at a session."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Describe the service")},
    )
    status = forms.ChoiceField(
        label=_("Is it running?"),
        choices=ServiceStatus.choices,
        initial=ServiceStatus.ACTIVE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the service is running")},
    )
    alert = forms.CharField(
        label=_("Short-term notice (optional)"),
        help_text=_("For example, No sessions in August."),
        required=False,
        max_length=300,
    )
    categories = forms.MultipleChoiceField(
        label=_("What kind of support is it?"), widget=forms.CheckboxSelectMultiple, required=False
    )
    min_age = forms.IntegerField(
        label=_("Youngest age (optional)"),
        help_text=_("In years. 0 for babies."),
        required=False,
        min_value=0,
        max_value=25,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": _("Enter the youngest age as a number, like 0"),
            "min_value": _("The youngest age must be 0 or more"),
            "max_value": _("The youngest age must be 25 or less"),
        },
    )
    max_age = forms.IntegerField(
        label=_("Oldest age (optional)"),
        help_text=_("In years."),
        required=False,
        min_value=0,
        max_value=25,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": _("Enter the oldest age as a number, like 5"),
            "min_value": _("The oldest age must be 0 or more"),
            "max_value": _("The oldest age must be 25 or less"),
        },
    )
    is_free = forms.TypedChoiceField(
        label=_("Is it free?"),
        choices=[("yes", _("Yes, it is free")), ("no", _("No, families pay"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the service is free")},
    )
    cost_amount = forms.DecimalField(
        label=_("Price in pounds (if families pay)"),
        required=False,
        min_value=0,
        max_digits=7,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
        error_messages={
            "invalid": _("Enter the price in pounds, like 2.50"),
            "min_value": _("The price must be 0 or more"),
        },
    )
    cost_description = forms.CharField(
        label=_("What the price covers (optional)"),
        help_text=_("For example, per family per session; a donation is welcome."),
        required=False,
        max_length=200,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken at the sessions"), widget=forms.CheckboxSelectMultiple, required=False
    )
    online = forms.TypedChoiceField(
        label=_("Where does it run?"),
        choices=[("no", _("In a building")), ("yes", _("Online"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="no",
        error_messages={"required": _("Say where the service runs")},
    )
    location_name = forms.CharField(
        label=_("Name of the place"), help_text=_("For example, St Mary's church hall"), required=False, max_length=150
    )
    address_1 = forms.CharField(label=_("Address line"), required=False, max_length=200)
    postcode = PostcodeField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    accessibility = forms.CharField(
        label=_("Access (optional)"),
        help_text=_("Step-free access, accessible toilet, hearing loop, parking."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    days = forms.MultipleChoiceField(label=_("Days it runs"), widget=forms.CheckboxSelectMultiple, required=False)
    opens_at = forms.TimeField(
        label=_("Start time"),
        help_text=_("For example, 09:30"),
        required=False,
        widget=forms.TimeInput(attrs={"class": "govuk-input--width-5"}, format="%H:%M"),
        error_messages={"invalid": _("Enter the start time like 09:30")},
    )
    closes_at = forms.TimeField(
        label=_("Finish time"),
        help_text=_("For example, 11:30"),
        required=False,
        widget=forms.TimeInput(attrs={"class": "govuk-input--width-5"}, format="%H:%M"),
        error_messages={"invalid": _("Enter the finish time like 11:30")},
    )
    schedule_description = forms.CharField(
        label=_("Anything else about when (optional)"),
        help_text=_("For example, Term time only."),
        required=False,
        max_length=200,
    )
    url = forms.URLField(
        label=_("Web page for the service (optional)"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter the web page's address, like https://example.org/play")},
    )
    email = forms.EmailField(
        label=_("Email address for the service (optional)"),
        required=False,
        error_messages={"invalid": _("Enter an email address in the correct format, like name@example.org")},
    )
    phone = forms.CharField(label=_("Phone number for the service (optional)"), required=False, max_length=30)
    contact_name = forms.CharField(
        label=_("Contact's name (optional)"),
        help_text=_("Published: only with their agreement."),
        required=False,
        max_length=150,
    )
    contact_title = forms.CharField(
        label=_("Contact's role (optional)"), help_text=_("For example, Group leader."), required=False, max_length=150
    )
    replaces = forms.MultipleChoiceField(
        label=_("Could it stand in for a children's centre service that stopped? (optional)"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = need_choices()  # type: ignore[attr-defined]
        self.fields["languages"].choices = language_choices()  # type: ignore[attr-defined]
        self.fields["days"].choices = weekday_choices()  # type: ignore[attr-defined]
        self.fields["replaces"].choices = [(item.slug, item.name) for item in ceased_services()]  # type: ignore[attr-defined]

    def proposal(self) -> dict[str, Any]:
        """The answers as plain JSON for a change request."""
        data = dict(self.cleaned_data)
        data["cost_amount"] = None if data.get("cost_amount") is None else str(data["cost_amount"])
        data["days"] = sorted(int(day) for day in data.get("days") or [])
        for moment in ("opens_at", "closes_at"):
            data[moment] = data[moment].strftime("%H:%M") if data.get(moment) else ""
        data["languages"] = sorted(data.get("languages") or [])
        data["categories"] = sorted(data.get("categories") or [])
        data["replaces"] = sorted(data.get("replaces") or [])
        return data


def service_initial(answers: dict[str, Any]) -> dict[str, Any]:
    """A stored proposal (or a service as one) as a form's initial values."""
    initial = dict(answers)
    initial["is_free"] = "yes" if answers.get("is_free", True) else "no"
    initial["online"] = "yes" if answers.get("online") else "no"
    initial["days"] = [str(day) for day in answers.get("days") or []]
    return initial


class SignInForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The address you gave when your organisation was listed."),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.org"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


# Directory officers ---------------------------------------------------------------------------------------


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Which evidence did you check?"),
        choices=EvidenceKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose which evidence you checked")},
    )
    detail = forms.CharField(
        label=_("What did you see?"),
        help_text=_(
            "The document and its date; the lead's name; how many DBS checks and their dates; "
            "the insurer and policy number; the training and who had it."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter what you saw, such as the document's title and date")},
    )
    valid_until = forms.DateField(
        label=_("Review or expiry date"),
        help_text=_("The evidence is in date until the end of this day. For example, 2027-03-31"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the review or expiry date"),
            "invalid": _("Enter the review or expiry date as a real date, like 2027-03-31"),
        },
    )
    document = forms.FileField(
        label=_("Upload the document (optional)"),
        required=False,
        widget=forms.FileInput(attrs={"class": "govuk-file-upload", "accept": ".pdf,.png,.jpg,.jpeg"}),
        error_messages={"empty": _("The selected file is empty")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].help_text = _(
            "A PDF, PNG or JPG, smaller than %(size)s. Only directory officers and the organisation can open it."
        ) % {"size": filesizeformat(settings.DIRECTORY_EVIDENCE_MAX_BYTES)}

    def clean_document(self) -> Any:
        document = self.cleaned_data.get("document")
        if document:
            self.document_content_type = evidence_document_check(document)
        return document


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter the reason")},
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("approve", _("Approve: change the directory")), ("reject", _("Reject: tell the organisation why"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether to approve or reject the request")},
    )
    reason = forms.CharField(
        label=_("Reason for rejecting"),
        help_text=_("The organisation is sent this."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "reject" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Enter why you are rejecting the request: the organisation will be told"))
        return cleaned
