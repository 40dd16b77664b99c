"""Forms on the family record. Services hold the rules; these only read what was typed."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from family_resources.families.models import AgencyType, ConsentMethod, Person, SocialCareStatus
from family_resources.families.models.household import ETHNICITY_CHOICES
from family_resources.families.services.letters import PARAGRAPH_MAX_LENGTH


class PersonForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Who is this"),
        choices=Person.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether this is an adult, a child or an unborn child")},
    )
    given_name = forms.CharField(label=_("First name"), required=False, max_length=100)
    family_name = forms.CharField(label=_("Last name"), required=False, max_length=100)
    relationship = forms.CharField(
        label=_("Relationship"),
        required=False,
        max_length=50,
        help_text=_("Their relationship to the children, for example mother, stepfather, grandparent or son."),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        help_text=_("For example, 2019-03-27. Leave empty if not known, or for an unborn child."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date of birth as a real date, like 2019-03-27")},
    )
    expected_date_of_delivery = forms.DateField(
        label=_("Due date (unborn child)"),
        required=False,
        help_text=_("For example, 2027-02-14."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the due date as a real date, like 2027-02-14")},
    )
    has_send = forms.BooleanField(label=_("Has special educational needs or disabilities (SEND)"), required=False)
    school_or_nursery = forms.CharField(label=_("School or nursery"), required=False, max_length=150)
    main_language = forms.CharField(
        label=_("Main language"),
        required=False,
        max_length=100,
        help_text=_("The language they speak best, for example Urdu, Romanian or British Sign Language."),
    )
    interpreter_needed = forms.BooleanField(label=_("Needs an interpreter"), required=False)
    ethnicity = forms.ChoiceField(
        label=_("Ethnic group"),
        choices=ETHNICITY_CHOICES,
        required=False,
        help_text=_("As they describe it (ONS 2021 census groups). Leave as not recorded if they have not said."),
    )
    lives_elsewhere = forms.BooleanField(
        label=_("Lives outside the household"),
        required=False,
        help_text=_("Adults only, such as a parent who lives apart from the children. You can add their address next."),
    )


class AddressForm(forms.Form):
    address_line = forms.CharField(
        label=_("Address"),
        required=False,
        max_length=200,
        help_text=_("House number, street and town."),
    )
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=10)
    hidden = forms.BooleanField(
        label=_("Do not disclose this address"),
        required=False,
        help_text=_(
            "Only the team working with the family now will see it, and it is never printed on letters. "
            "Use it for a family fleeing domestic abuse."
        ),
    )
    reason = forms.CharField(
        label=_("Why you are marking or unmarking the address do not disclose"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed only when you change whether the address may be disclosed."),
    )


class SocialCareStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Where the family stands with children's social care"),
        choices=SocialCareStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where the family stands with children's social care")},
    )


class ProfessionalForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=150, error_messages={"required": _("Enter the professional's name")}
    )
    agency_type = forms.ChoiceField(
        label=_("Role"),
        choices=AgencyType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the professional's role")},
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=150,
        help_text=_("For example, the name of the school, surgery or housing association."),
    )
    phone = forms.CharField(label=_("Phone"), required=False, max_length=30)
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        error_messages={"invalid": _("Enter an email address in the correct format, like name@example.com")},
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ProfessionalEndForm(forms.Form):
    ended_on = forms.DateField(
        label=_("When did they stop working with the family?"),
        help_text=_("For example, 2026-03-27."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the date they stopped working with the family"),
            "invalid": _("Enter the date they stopped as a real date, like 2026-03-27"),
        },
    )


class ConsentForm(forms.Form):
    given_by = forms.TypedChoiceField(
        label=_("Who gave consent"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who gave consent")},
    )
    given_on = forms.DateField(
        label=_("When was consent given?"),
        help_text=_("For example, 2026-03-27."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the date consent was given"),
            "invalid": _("Enter the date consent was given as a real date, like 2026-03-27"),
        },
    )
    method = forms.ChoiceField(
        label=_("How was consent given?"),
        choices=ConsentMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether consent was written or verbal")},
    )
    agencies = forms.MultipleChoiceField(
        label=_("Who may we tell about our work with the family?"),
        choices=AgencyType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that the family agrees to. Leave them all unselected if the family agrees to none."),
    )

    def __init__(self, *args: Any, people: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["given_by"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [
            (person.pk, f"{person} ({person.relationship or person.get_kind_display()})") for person in people
        ]


class ConsentWithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(
        label=_("When was consent withdrawn?"),
        help_text=_("For example, 2026-03-27."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the date consent was withdrawn"),
            "invalid": _("Enter the date consent was withdrawn as a real date, like 2026-03-27"),
        },
    )
    reason = forms.CharField(
        label=_("Why was consent withdrawn?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why consent was withdrawn")},
    )


class LetterForm(forms.Form):
    paragraph = forms.CharField(
        label=_("What you want to tell them"),
        max_length=PARAGRAPH_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "In your own words: why the family is working with us and what you would like from them. "
            "The letter adds the children's names and dates of birth and how to contact the team. "
            "Do not write the family's address."
        ),
        error_messages={
            "required": _("Write what you want to tell them"),
            "max_length": _("What you write must be %(limit_value)s characters or fewer"),
        },
    )
