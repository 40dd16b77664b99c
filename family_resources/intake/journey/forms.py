"""One form per question page. Messages follow the GOV.UK Design System: say what to do, in plain words."""

import re
from typing import Any

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from family_resources.intake.eligibility import Relationship
from family_resources.intake.journey.fields import (
    NO,
    YES,
    GovukDateField,
    JourneyForm,
    Presentation,
    YesNoField,
)
from family_resources.intake.journey.steps import (
    ABOUT_YOU,
    ADDRESS,
    CONCERNS,
    CONSENT,
    IMMEDIATE_RISK,
    LANGUAGE,
    POSTCODE,
    SOCIAL_CARE,
    WHO,
    YOUR_DETAILS,
    ReferrerKind,
)
from family_resources.intake.models import ReferrerType, Sharing
from family_resources.places.postcodes import normalise_postcode

CONCERNS_MAX_LENGTH = 3000
_PHONE = re.compile(r"\+?[0-9 ()\-]+")
_NAME = {"autocomplete": "off", "spellcheck": "false"}


def _text(label: Any, required_message: Any, *, max_length: int = 150, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        error_messages={
            "required": required_message,
            "max_length": format_lazy(_("{label} must be {max} characters or fewer"), label=label, max=max_length),
        },
        **kwargs,
    )


def _email(label: Any, *, required: bool) -> forms.EmailField:
    return forms.EmailField(
        label=label,
        required=required,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter an email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )


def _phone(label: Any, *, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=30,
        help_text=help_text,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "class": "govuk-input--width-20"}),
    )


def _clean_phone(value: str) -> str:
    value = value.strip()
    digits = sum(character.isdigit() for character in value)
    if value and (not _PHONE.fullmatch(value) or not 10 <= digits <= 15):
        raise forms.ValidationError(_("Enter a phone number, like 01632 960 001 or 07700 900 982"))
    return value


class WhoForm(JourneyForm):
    presentation = {"referrer": Presentation(heading=True)}

    referrer = forms.ChoiceField(
        label=_("Who are you?"),
        choices=ReferrerKind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Professionals include midwives, GPs, health visitors, nursery and school staff, and social workers."
        ),
        error_messages={
            "required": _("Select whether you are a parent or carer, or a professional"),
            "invalid_choice": _("Select whether you are a parent or carer, or a professional"),
        },
    )


class YourDetailsForm(JourneyForm):
    """A professional's details, so the front door can call them back."""

    name = _text(_("Full name"), _("Enter your full name"), widget=forms.TextInput(attrs={"autocomplete": "name"}))
    organisation = _text(
        _("Organisation"),
        _("Enter the name of your organisation"),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = _text(
        _("Job title"), _("Enter your job title"), widget=forms.TextInput(attrs={"autocomplete": "organization-title"})
    )
    referrer_type = forms.ChoiceField(
        label=_("Which of these best describes you?"),
        choices=[(value, label) for value, label in ReferrerType.choices if value != ReferrerType.SELF],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the kind of professional you are"),
            "invalid_choice": _("Select the kind of professional you are"),
        },
    )
    email = _email(_("Work email address"), required=True)
    phone = _phone(_("Work phone number (optional)"), help_text=_("So we can call you about the referral"))

    def clean_phone(self) -> str:
        return _clean_phone(self.cleaned_data["phone"])


class AboutYouForm(JourneyForm):
    """A parent or carer's name, and at least one way to reach them."""

    name = _text(_("Full name"), _("Enter your full name"), widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = _email(_("Email address (optional)"), required=False)
    phone = _phone(_("Mobile phone number (optional)"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _("We will send a confirmation of your referral to this address.")

    def clean_phone(self) -> str:
        return _clean_phone(self.cleaned_data["phone"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            self.add_error("email", _("Enter an email address or a mobile phone number, so we can contact you"))
        return cleaned


class ImmediateRiskForm(JourneyForm):
    presentation = {"immediate_risk": Presentation(heading=True, inline=True)}

    immediate_risk = YesNoField(
        label=_("Is a child at immediate risk of harm right now?"),
        help_text=_("For example, a child is being hurt, has been threatened, or is not safe where they are tonight."),
        required_message=_("Select yes if a child is at immediate risk of harm right now"),
    )


class PostcodeForm(JourneyForm):
    presentation = {"postcode": Presentation(heading=True)}

    postcode = forms.CharField(
        label=_("What is the family's postcode?"),
        max_length=10,
        help_text=_("For example, LU4 8BW"),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}),
        error_messages={"required": _("Enter a postcode"), "max_length": _("Enter a real postcode, like LU4 8BW")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.asked_by == ReferrerKind.PARENT:
            self.fields["postcode"].label = _("What is your postcode?")

    def clean_postcode(self) -> str:
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        if postcode is None:
            raise forms.ValidationError(_("Enter a real postcode, like LU4 8BW"))
        return postcode


class AddressForm(JourneyForm):
    line_1 = _text(
        _("Address line 1"),
        _("Enter address line 1, typically the building and street"),
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
        max_length=100,
    )
    line_2 = forms.CharField(
        label=_("Address line 2 (optional)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-line2"}),
    )
    town = forms.CharField(
        label=_("Town or city"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2", "class": "govuk-!-width-two-thirds"}),
        error_messages={"required": _("Enter town or city")},
    )


class AddAnotherForm(JourneyForm):
    presentation = {"add_another": Presentation(inline=True)}

    add_another = YesNoField(
        label=_("Do you need to add another person?"),
        help_text=_("Add every child, young person and unborn baby, and the adults who live with them."),
        required_message=_("Select yes if you need to add another person"),
    )


class RelationshipForm(JourneyForm):
    presentation = {
        "relationship": Presentation(
            heading=True,
            option_hints={
                Relationship.CHILD: _("Aged up to 19, or up to 25 with special educational needs or disabilities"),
                Relationship.UNBORN: _("We can help from pregnancy"),
            },
        )
    }

    relationship = forms.ChoiceField(
        label=_("Who do you want to add?"),
        choices=Relationship.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select who you want to add"),
            "invalid_choice": _("Select who you want to add"),
        },
    )


class ChildForm(JourneyForm):
    presentation = {"has_send": Presentation(inline=True)}

    given_name = _text(_("First name"), _("Enter their first name"), max_length=100, widget=forms.TextInput(_NAME))
    family_name = _text(_("Last name"), _("Enter their last name"), max_length=100, widget=forms.TextInput(_NAME))
    date_of_birth = GovukDateField(
        label=_("Date of birth"),
        noun=_("Date of birth"),
        when="past",
        help_text=_("For example, 27 3 2015"),
        error_messages={"required": _("Enter their date of birth")},
    )
    has_send = YesNoField(
        label=_("Do they have special educational needs or disabilities (SEND)?"),
        help_text=_(
            "For example, a learning difficulty, autism, a physical disability or a long-term health condition."
        ),
        required_message=_("Select yes if they have special educational needs or disabilities"),
    )


class UnbornForm(JourneyForm):
    presentation = {"expected_date_of_delivery": Presentation(heading=True)}

    expected_date_of_delivery = GovukDateField(
        label=_("When is the baby due?"),
        noun=_("The due date"),
        when="future",
        latest_days=300,
        help_text=_("For example, 14 9 2026. If the baby has been born, go back and add them as a child."),
        error_messages={"required": _("Enter the date the baby is due")},
    )


class AdultForm(JourneyForm):
    given_name = _text(_("First name"), _("Enter their first name"), max_length=100, widget=forms.TextInput(_NAME))
    family_name = _text(_("Last name"), _("Enter their last name"), max_length=100, widget=forms.TextInput(_NAME))
    date_of_birth = GovukDateField(
        label=_("Date of birth (optional)"),
        noun=_("Date of birth"),
        when="past",
        required=False,
        help_text=_("For example, 27 3 1990"),
    )


PERSON_FORMS: dict[str, type[JourneyForm]] = {
    Relationship.CHILD: ChildForm,
    Relationship.UNBORN: UnbornForm,
    Relationship.PARENT: AdultForm,
    Relationship.CARER: AdultForm,
    Relationship.OTHER_ADULT: AdultForm,
}


class RemovePersonForm(JourneyForm):
    presentation = {"remove": Presentation(heading=True, inline=True)}

    remove = YesNoField(label="", required_message=_("Select yes if you want to remove them"))

    def __init__(self, *args: Any, name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["remove"].label = format_lazy(_("Are you sure you want to remove {name}?"), name=name)


class LanguageForm(JourneyForm):
    presentation = {"interpreter_needed": Presentation(inline=True)}

    preferred_language = forms.ChoiceField(
        label=_("Which language does the family prefer to use?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a language"), "invalid_choice": _("Select a language")},
    )
    interpreter_needed = YesNoField(
        label=_("Does the family need an interpreter?"),
        help_text=_("We can arrange an interpreter for meetings and phone calls, free of charge."),
        required_message=_("Select yes if the family needs an interpreter"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = self.fields["preferred_language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = [
            (code, name if code == "en" else f"{settings.LANGUAGE_NAMES_IN_ENGLISH[code]} ({name})")
            for code, name in settings.LANGUAGES
        ]
        if self.asked_by == ReferrerKind.PARENT:
            language.label = _("Which language would you like us to use?")
            self.fields["interpreter_needed"].label = _("Do you need an interpreter?")


class SocialCareForm(JourneyForm):
    presentation = {"open_to_social_care": Presentation(heading=True, inline=True)}

    open_to_social_care = YesNoField(
        label=_("Is the family working with children's social care at the moment?"),
        help_text=_("For example, a child has a social worker, a child in need plan or a child protection plan."),
        required_message=_("Select yes if the family is working with children's social care"),
    )


class ConcernsForm(JourneyForm):
    presentation = {"concerns": Presentation(heading=True, character_count=CONCERNS_MAX_LENGTH)}

    concerns = forms.CharField(
        label=_("What help does the family need?"),
        max_length=CONCERNS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Tell us what is happening and what you are worried about. Include anything that makes it harder for "
            "the family to get help, such as a disability or caring for someone."
        ),
        error_messages={
            "required": _("Tell us what help the family needs"),
            "max_length": format_lazy(
                _("What help the family needs must be {max} characters or fewer"), max=CONCERNS_MAX_LENGTH
            ),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.asked_by == ReferrerKind.PARENT:
            self.fields["concerns"].label = _("What would you like help with?")


class ConsentForm(JourneyForm):
    """Whether the family knows and agrees, who we may share with, and (professionals) why not."""

    presentation = {"consent_given": Presentation(heading=True, reveals={YES: "sharing_agreed"})}

    consent_given = YesNoField(
        label=_("Does the family know about this referral and agree to it?"),
        required_message=_("Select yes if the family knows about this referral and agrees to it"),
    )
    sharing_agreed = forms.MultipleChoiceField(
        label=_("Who does the family agree we may share information with?"),
        choices=Sharing.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply. We only share what is needed to help the family."),
    )
    consent_reason_if_not = forms.CharField(
        label=_("Why are you referring without the family's agreement?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example, a safeguarding concern. A front door officer will look at this referral first."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.professional = self.asked_by == ReferrerKind.PROFESSIONAL
        if self.professional:
            self.presentation = {
                "consent_given": Presentation(
                    heading=True, reveals={YES: "sharing_agreed", NO: "consent_reason_if_not"}
                )
            }
        else:
            del self.fields["consent_reason_if_not"]
            self.fields["consent_given"].label = _(
                "Does everyone in your family who is old enough know about this and agree?"
            )
            self.fields["consent_given"].help_text = _(
                "For example, the children's other parent or carer, and any young person aged 16 or over."
            )
            self.fields["sharing_agreed"].label = _("Who may we share information about your family with?")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        consent = cleaned.get("consent_given")
        if consent == YES:
            cleaned["consent_reason_if_not"] = ""
        elif consent == NO:
            cleaned["sharing_agreed"] = []
            if self.professional and not cleaned.get("consent_reason_if_not", "").strip():
                self.add_error("consent_reason_if_not", _("Say why you are referring without the family's consent"))
        return cleaned


QUESTION_FORMS: dict[str, type[JourneyForm]] = {
    WHO: WhoForm,
    YOUR_DETAILS: YourDetailsForm,
    ABOUT_YOU: AboutYouForm,
    IMMEDIATE_RISK: ImmediateRiskForm,
    POSTCODE: PostcodeForm,
    ADDRESS: AddressForm,
    LANGUAGE: LanguageForm,
    SOCIAL_CARE: SocialCareForm,
    CONCERNS: ConcernsForm,
    CONSENT: ConsentForm,
}


class SaveForm(JourneyForm):
    presentation = {"email": Presentation(heading=True)}

    email = forms.EmailField(
        label=_("What email address should we send the link to?"),
        max_length=254,
        help_text=_("We will send you a link to come back to your answers. The link works for 28 days."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter an email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
