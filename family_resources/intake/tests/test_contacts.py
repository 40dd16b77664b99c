"""Phone and email contacts: the officer's form, the email inbox, and who may use them."""

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.intake import mail
from family_resources.intake.eligibility import EligibilityStatus, Relationship
from family_resources.intake.models import Channel, ContactEmail, Referral, ReferrerType, Urgency
from family_resources.intake.selectors import front_door_queue

pytestmark = pytest.mark.django_db

MAIL = Path(__file__).parent / "mail"
LOG_CONTACT = reverse("intake:log_contact")
INBOX = reverse("intake:inbox")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CONTACT_IMAP_HOST = ""
    settings.CONTACT_EMAIL_DROP_DIR = ""
    return settings.MEDIA_ROOT


@pytest.fixture
def officer():
    return staff(Role.FRONT_DOOR_OFFICER)


def phone_call(**overrides):
    values = {
        "channel": "phone",
        "referrer_type": ReferrerType.SCHOOL,
        "referrer_name": "Ruth Example",
        "referrer_organisation": "Example Primary School",
        "referrer_phone": "01632 960 245",
        "referrer_email": "",
        "concerns": "Jamie has been coming to school hungry and mum says she cannot cope.",
        "urgency": Urgency.URGENT,
        "postcode": "lu4 8bw",
        "child_given_name": "Jamie",
        "child_family_name": "Example",
        "child_date_of_birth": (timezone.localdate() - timedelta(days=8 * 365)).isoformat(),
        "consent": "yes",
        "consent_reason_if_not": "",
    }
    values.update(overrides)
    return values


def import_email(name):
    contact, _created = mail.contact_email_import(
        raw=(MAIL / name).read_bytes(), source=ContactEmail.Source.DROP_FOLDER
    )
    return contact


# Logging a contact ------------------------------------------------------------------------------------------------


def test_a_logged_phone_contact_joins_the_queue_as_the_officer_took_it_down(client, officer):
    client.force_login(officer)

    response = client.post(LOG_CONTACT, phone_call())

    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:detail", args=[referral.reference])
    assert referral in front_door_queue()
    assert referral.channel == Channel.PHONE
    assert referral.logged_by == officer
    assert referral.urgency == Urgency.URGENT
    assert referral.referrer_type == ReferrerType.SCHOOL
    assert (referral.referrer_name, referral.referrer_phone) == ("Ruth Example", "01632 960 245")
    assert referral.postcode == "LU4 8BW"
    assert referral.neighbourhood is not None
    assert referral.eligibility == EligibilityStatus.ELIGIBLE
    child = referral.people.get()
    assert (child.relationship, child.given_name, child.family_name) == (Relationship.CHILD, "Jamie", "Example")
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="intake.referral", object_id=str(referral.pk), actor=officer
    ).exists()


def test_a_contact_about_a_child_whose_age_and_address_are_not_known_is_queued_to_check(client, officer):
    client.force_login(officer)

    client.post(LOG_CONTACT, phone_call(channel="email", postcode="", child_date_of_birth="", child_family_name=""))

    referral = Referral.objects.get()
    assert referral.channel == Channel.EMAIL
    assert referral.eligibility == EligibilityStatus.TO_CHECK
    assert referral in front_door_queue()
    assert referral.people.get().date_of_birth is None


def test_a_contact_without_the_familys_agreement_is_flagged(client, officer):
    client.force_login(officer)

    client.post(
        LOG_CONTACT, phone_call(consent="no", consent_reason_if_not="Mum may be at risk if her partner finds out.")
    )

    referral = Referral.objects.get()
    assert not referral.consent_given
    assert referral.needs_officer_attention
    assert referral.consent_reason_if_not == "Mum may be at risk if her partner finds out."


def test_an_empty_form_shows_every_error_in_the_summary_and_saves_nothing(client, officer):
    client.force_login(officer)

    response = client.post(LOG_CONTACT, {})

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert content.count("govuk-error-message") == 8
    for message in (
        "Say whether they phoned or emailed",
        "Choose who got in touch",
        "Enter the name of the person who got in touch",
        "Enter a phone number or an email address so we can get back to them",
        "Enter what they are worried about",
        "Choose how urgent it is",
        "Enter the child&#x27;s first name",
        "Say whether the family agrees to this contact",
    ):
        assert message in content
    # The summary links each error to its field; radios link to their first option.
    assert 'href="#id_channel_0"' in content
    assert 'href="#id_referrer_name"' in content
    assert not Referral.objects.exists()


def test_a_wrong_postcode_is_shown_with_the_other_errors_not_after_them(client, officer):
    client.force_login(officer)

    content = client.post(LOG_CONTACT, {"postcode": "LU99 ABC"}).content.decode()

    assert 'href="#id_postcode"' in content
    assert 'href="#id_channel_0"' in content
    assert 'value="LU99 ABC"' in content


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"postcode": "LU99 ABC"}, "postcode", "Enter a real postcode, like LU4 8BW"),
        ({"postcode": "NOT A POSTCODE"}, "postcode", "Enter a real postcode, like LU4 8BW"),
        ({"referrer_phone": "call me"}, "referrer_phone", "Enter a phone number, like 01632 960 001"),
        ({"referrer_email": "not-an-email"}, "referrer_email", "Enter an email address in the correct format"),
        ({"child_date_of_birth": "2019-02-31"}, "child_date_of_birth", "Enter the date of birth as a real date"),
        (
            {"child_date_of_birth": (timezone.localdate() + timedelta(days=3)).isoformat()},
            "child_date_of_birth",
            "Date of birth must be today or in the past",
        ),
        ({"consent": "no"}, "consent_reason_if_not", "Say why you are referring without the family&#x27;s consent"),
        ({"concerns": "   "}, "concerns", "Enter what they are worried about"),
        ({"referrer_name": "x" * 151}, "referrer_name", "Their name must be 150 characters or fewer"),
    ],
)
def test_a_wrong_answer_is_shown_against_its_field_and_the_typed_values_are_kept(
    client, officer, overrides, field, message
):
    client.force_login(officer)

    response = client.post(LOG_CONTACT, phone_call(**overrides))

    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert f'id="id_{field}-error"' in content
    assert f'href="#id_{field}"' in content
    assert 'value="Example Primary School"' in content
    assert 'value="Jamie"' in content
    assert not Referral.objects.exists()


def test_the_officers_home_page_links_to_the_form_and_the_inbox(client, officer):
    client.force_login(officer)

    content = client.get(reverse("accounts:home")).content.decode()

    assert f'href="{LOG_CONTACT}"' in content
    assert "Log a phone or email contact" in content
    assert f'href="{INBOX}"' in content


# The email inbox --------------------------------------------------------------------------------------------------


def test_the_inbox_lists_emails_waiting_with_sender_subject_attachments_flags_and_age(client, officer):
    school = import_email("school_with_attachments.eml")
    broken = import_email("broken_message.eml")
    decided = import_email("parent_asking_for_help.eml")
    Referral.objects.filter(pk=decided.referral_id).update(status=Referral.Status.DECIDED)
    client.force_login(officer)

    response = client.get(INBOX)

    content = response.content.decode()
    assert list(response.context["emails"]) == [school, broken]  # oldest first; decided ones leave
    assert response.context["emails"][0].attachment_count == 2
    assert "Mr D. Okafor (DSL)" in content
    assert "dsl@primary.example.org" in content
    assert "Early help request - Year 4 pupil" in content
    assert "Could not be read" in content
    assert "No sender address" in content
    hours = int((timezone.now() - school.received_at).total_seconds() // 3600)
    assert f"{hours} hours" in content
    assert reverse("intake:detail", args=[school.referral.reference]) in content
    assert reverse("intake:inbox_email", args=[school.pk]) in content
    assert "Kowalczyk" not in content


def test_reading_the_inbox_is_audited(client, officer):
    school = import_email("school_with_attachments.eml")
    client.force_login(officer)

    client.get(INBOX)

    viewed = AuditEvent.objects.filter(action=AuditAction.VIEW, actor=officer)
    assert set(viewed.values_list("object_type", "object_id")) == {
        ("intake.contactemail", str(school.pk)),
        ("intake.referral", str(school.referral_id)),
    }


def test_an_email_shows_its_text_and_attachments_which_download_privately(client, officer):
    school = import_email("school_with_attachments.eml")
    attachment = school.attachments.get(filename="attendance.png")
    client.force_login(officer)

    content = client.get(reverse("intake:inbox_email", args=[school.pk])).content.decode()
    download = client.get(reverse("intake:inbox_attachment", args=[school.pk, attachment.pk]))
    original = client.get(reverse("intake:inbox_original", args=[school.pk]))

    assert "attendance has fallen to 81%" in content
    assert "Early help form.docx" in content
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")
    assert download["Content-Disposition"] == 'attachment; filename="attendance.png"'
    assert download["Content-Type"] == "application/octet-stream"
    assert download["Content-Security-Policy"] == "sandbox"
    assert b"".join(original.streaming_content) == (MAIL / "school_with_attachments.eml").read_bytes()
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="intake.contactattachment", object_id=str(attachment.pk)
    ).exists()


def test_an_attachment_is_only_found_through_its_own_email(client, officer):
    school = import_email("school_with_attachments.eml")
    other = import_email("health_visitor_referral.eml")
    client.force_login(officer)

    response = client.get(reverse("intake:inbox_attachment", args=[other.pk, school.attachments.first().pk]))

    assert response.status_code == 404


def test_check_now_imports_from_the_drop_folder_with_the_task(client, officer, settings, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    shutil.copy(MAIL / "health_visitor_referral.eml", folder / "one.eml")
    settings.CONTACT_EMAIL_DROP_DIR = str(folder)
    client.force_login(officer)

    response = client.post(reverse("intake:inbox_check"), follow=True)

    assert "Emails checked: 1 new." in response.content.decode()
    assert ContactEmail.objects.count() == 1


def test_check_now_says_when_nowhere_is_set_up(client, officer):
    client.force_login(officer)

    response = client.post(reverse("intake:inbox_check"), follow=True)

    assert "No mailbox or folder is set up" in response.content.decode()


# Who may use them -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["intake:log_contact", "intake:inbox"])
def test_a_practitioner_is_refused(client, name):
    client.force_login(staff(Role.PRACTITIONER))

    assert client.get(reverse(name)).status_code == 403


def test_a_practitioner_cannot_post_a_contact_or_download_an_email(client):
    school = import_email("school_with_attachments.eml")
    client.force_login(staff(Role.PRACTITIONER))

    assert client.post(LOG_CONTACT, phone_call()).status_code == 403
    assert client.get(reverse("intake:inbox_email", args=[school.pk])).status_code == 403
    assert client.get(reverse("intake:inbox_original", args=[school.pk])).status_code == 403
    attachment = school.attachments.first()
    assert client.get(reverse("intake:inbox_attachment", args=[school.pk, attachment.pk])).status_code == 403
    assert client.post(reverse("intake:inbox_check")).status_code == 403
    assert not Referral.objects.filter(channel=Channel.PHONE).exists()


def test_a_service_manager_reads_the_inbox_but_does_not_log_contacts(client):
    client.force_login(staff(Role.SERVICE_MANAGER))

    assert client.get(INBOX).status_code == 200
    assert client.get(LOG_CONTACT).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(INBOX)

    assert response.status_code == 302
    assert reverse("accounts:sign_in") in response["Location"]
