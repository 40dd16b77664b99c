"""Phone and email contacts: the officer's short form, and the inbox of contacts that arrived by email.

A logged contact ends in `referral_submit` like every other channel, so it joins the same queue.
"""

import re
from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_tasks import TaskResultStatus

from family_resources.accounts.models import User
from family_resources.audit.services import audit_view, audit_views
from family_resources.core.forms import form_add_service_errors
from family_resources.intake import mail, services
from family_resources.intake.eligibility import Relationship
from family_resources.intake.models import Channel, ReferrerType, Urgency
from family_resources.intake.services import PersonInput, ReferralInput
from family_resources.intake.tasks import import_contact_email
from family_resources.places.postcodes import normalise_postcode

YES_NO = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]
_PHONE = re.compile(r"\+?[0-9 ()\-]+")

# Where referral_submit's rule names land on this form.
_SERVICE_FIELDS = {
    "concerns": "concerns",
    "postcode": "postcode",
    "consent_reason_if_not": "consent_reason_if_not",
    "people": "child_given_name",
    "people.0.date_of_birth": "child_date_of_birth",
}


class ContactForm(forms.Form):
    """One phone call or email, as the officer takes it down."""

    channel = forms.ChoiceField(
        label=gettext_lazy("How did they get in touch?"),
        choices=[(Channel.PHONE.value, Channel.PHONE.label), (Channel.EMAIL.value, Channel.EMAIL.label)],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Say whether they phoned or emailed")},
    )
    referrer_type = forms.ChoiceField(
        label=gettext_lazy("Who are they?"),
        choices=[("", gettext_lazy("Choose who they are")), *ReferrerType.choices],
        error_messages={"required": gettext_lazy("Choose who got in touch")},
    )
    referrer_name = forms.CharField(
        label=gettext_lazy("Their name"),
        max_length=150,
        error_messages={
            "required": gettext_lazy("Enter the name of the person who got in touch"),
            "max_length": gettext_lazy("Their name must be 150 characters or fewer"),
        },
    )
    referrer_organisation = forms.CharField(
        label=gettext_lazy("Their organisation, if they are a professional"),
        max_length=150,
        required=False,
        error_messages={"max_length": gettext_lazy("The organisation must be 150 characters or fewer")},
    )
    referrer_phone = forms.CharField(
        label=gettext_lazy("Their phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off", "class": "govuk-input--width-20"}),
        error_messages={"max_length": gettext_lazy("Enter a phone number, like 01632 960 001 or 07700 900 982")},
    )
    referrer_email = forms.EmailField(
        label=gettext_lazy("Their email address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"invalid": gettext_lazy("Enter an email address in the correct format, like name@example.com")},
    )
    concerns = forms.CharField(
        label=gettext_lazy("What are they worried about?"),
        help_text=gettext_lazy("In their words, as far as you can."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": gettext_lazy("Enter what they are worried about")},
    )
    urgency = forms.ChoiceField(
        label=gettext_lazy("How urgent is it?"),
        choices=Urgency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose how urgent it is")},
    )
    postcode = forms.CharField(
        label=gettext_lazy("The family's postcode, if known"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "class": "govuk-input--width-10"}),
        error_messages={"max_length": gettext_lazy("Enter a real postcode, like LU4 8BW")},
    )
    child_given_name = forms.CharField(
        label=gettext_lazy("The child's first name"),
        max_length=100,
        error_messages={
            "required": gettext_lazy("Enter the child's first name"),
            "max_length": gettext_lazy("The child's first name must be 100 characters or fewer"),
        },
    )
    child_family_name = forms.CharField(
        label=gettext_lazy("The child's last name, if known"),
        max_length=100,
        required=False,
        error_messages={"max_length": gettext_lazy("The child's last name must be 100 characters or fewer")},
    )
    child_date_of_birth = forms.DateField(
        label=gettext_lazy("The child's date of birth, if known"),
        help_text=gettext_lazy("For example, 2019-03-27. Leave it empty if they did not know it."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": gettext_lazy("Enter the date of birth as a real date, like 2019-03-27")},
    )
    consent = forms.ChoiceField(
        label=gettext_lazy("Does the family know about this contact and agree to it?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Say whether the family agrees to this contact")},
    )
    consent_reason_if_not = forms.CharField(
        label=gettext_lazy("If not, why are they getting in touch without the family's agreement?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_referrer_phone(self) -> str:
        phone = str(self.cleaned_data.get("referrer_phone", "")).strip()
        digits = sum(character.isdigit() for character in phone)
        if phone and (not _PHONE.fullmatch(phone) or not 10 <= digits <= 15):
            raise ValidationError(_("Enter a phone number, like 01632 960 001 or 07700 900 982"))
        return phone

    # The next two rules are referral_submit's too; checking them here shows them with the form's other errors.
    def clean_postcode(self) -> str:
        postcode = str(self.cleaned_data.get("postcode", "")).strip()
        if postcode and normalise_postcode(postcode) is None:
            raise ValidationError(_("Enter a real postcode, like LU4 8BW"))
        return postcode

    def clean_child_date_of_birth(self) -> date | None:
        born = self.cleaned_data.get("child_date_of_birth")
        if born is not None and born > timezone.localdate():
            raise ValidationError(_("Date of birth must be today or in the past"))
        return born

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        typed_one = cleaned.get("referrer_phone") or cleaned.get("referrer_email")
        if not typed_one and not self.has_error("referrer_phone") and not self.has_error("referrer_email"):
            self.add_error("referrer_phone", _("Enter a phone number or an email address so we can get back to them"))
        return cleaned

    def referral_input(self) -> ReferralInput:
        data = self.cleaned_data
        return ReferralInput(
            channel=Channel(data["channel"]),
            referrer_type=ReferrerType(data["referrer_type"]),
            referrer_name=data["referrer_name"].strip(),
            referrer_organisation=data["referrer_organisation"].strip(),
            referrer_phone=data["referrer_phone"],
            referrer_email=data["referrer_email"],
            concerns=data["concerns"],
            urgency=Urgency(data["urgency"]),
            postcode=data["postcode"].strip(),
            people=[
                PersonInput(
                    Relationship.CHILD,
                    given_name=data["child_given_name"],
                    family_name=data["child_family_name"],
                    date_of_birth=data["child_date_of_birth"],
                )
            ],
            consent_given=data["consent"] == "yes",
            consent_reason_if_not=data["consent_reason_if_not"] if data["consent"] == "no" else "",
        )

    def add_service_errors(self, error: ValidationError) -> None:
        """Show referral_submit's rules against this form's own fields."""
        form_add_service_errors(self, error, field_names=_SERVICE_FIELDS)


def _staff(request: HttpRequest) -> User:
    # The permission checks above every view let only signed-in staff this far.
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


@permission_required("intake.log_contact", raise_exception=True)
def contact_log(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                referral, _created = services.referral_submit(data=form.referral_input(), logged_by=_staff(request))
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request, _("Contact logged as referral %(reference)s.") % {"reference": referral.reference}
            )
            return redirect("intake:detail", reference=referral.reference)
    return render(request, "intake/contacts/log_contact.html", {"form": form})


@permission_required("intake.view_referral", raise_exception=True)
def contact_inbox(request: HttpRequest) -> HttpResponse:
    emails = list(mail.contact_emails_waiting())
    audit_views(instances=emails)
    audit_views(instances=[email.referral for email in emails])
    return render(
        request,
        "intake/contacts/inbox.html",
        {
            "emails": emails,
            "can_check": request.user.has_perm("intake.log_contact"),
            "configured": bool(settings.CONTACT_IMAP_HOST or settings.CONTACT_EMAIL_DROP_DIR),
        },
    )


@require_POST
@permission_required("intake.log_contact", raise_exception=True)
def contact_inbox_check(request: HttpRequest) -> HttpResponse:
    """Check for new emails now, instead of waiting for the next scheduled import."""
    if not (settings.CONTACT_IMAP_HOST or settings.CONTACT_EMAIL_DROP_DIR):
        messages.error(request, _("No mailbox or folder is set up for contact emails."))
        return redirect("intake:inbox")
    result = import_contact_email.enqueue()
    if result.status == TaskResultStatus.SUCCESSFUL and isinstance(result.return_value, dict):
        counts = result.return_value
        if counts.get("failed_sources") or counts.get("failed"):
            messages.error(request, _("Some emails could not be imported. They will be tried again."))
        else:
            messages.success(request, _("Emails checked: %(count)s new.") % {"count": counts.get("imported", 0)})
    elif result.status == TaskResultStatus.FAILED:
        messages.error(request, _("The emails could not be checked. They will be tried again."))
    else:
        messages.success(request, _("Checking for new emails. They will appear here in a few minutes."))
    return redirect("intake:inbox")


@permission_required("intake.view_referral", raise_exception=True)
def contact_email_detail(request: HttpRequest, pk: int) -> HttpResponse:
    email = mail.contact_email_detail(pk=pk)
    attachments = list(email.attachments.all())
    audit_view(instance=email)
    audit_view(instance=email.referral)
    audit_views(instances=attachments)
    return render(request, "intake/contacts/email_detail.html", {"email": email, "attachments": attachments})


def _download(file: Any, *, filename: str, content_type: str) -> FileResponse:
    response = FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    # A sender chose these bytes: never let a browser run them as a page of this site.
    response["Content-Security-Policy"] = "sandbox"
    return response


@permission_required("intake.view_referral", raise_exception=True)
def contact_email_original(request: HttpRequest, pk: int) -> FileResponse:
    email = mail.contact_email_detail(pk=pk)
    audit_view(instance=email)
    return _download(email.raw_message, filename=f"contact-email-{email.pk}.eml", content_type="message/rfc822")


@permission_required("intake.view_referral", raise_exception=True)
def contact_attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    email = mail.contact_email_detail(pk=pk)
    attachment = get_object_or_404(email.attachments.all(), pk=attachment_pk)
    audit_view(instance=attachment)
    return _download(attachment.file, filename=attachment.filename, content_type="application/octet-stream")
