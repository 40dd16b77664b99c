"""The outbox pages: the front door and managers see what was sent; nobody else does."""

import pytest
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.notifications.tests.factories import FailedMessageFactory, SentMessageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(signed_in_client):
    return signed_in_client(staff(Role.FRONT_DOOR_OFFICER))


def test_the_outbox_lists_messages_newest_first(officer_client):
    older = SentMessageFactory.create()
    newer = FailedMessageFactory.create()

    response = officer_client.get(reverse("notifications:outbox"))

    assert response.status_code == 200
    assert list(response.context["page"]) == [newer, older]
    content = response.content.decode()
    assert older.recipient in content
    assert "govuk-tag--red" in content


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"recipient": "sam.example"}, "sam"),
        ({"template": "draft_resume_link"}, "draft"),
        ({"reference": "ref-abc123"}, "sam"),
    ],
)
def test_the_outbox_filters_by_recipient_template_and_reference(officer_client, filters, expected):
    messages = {
        "sam": SentMessageFactory.create(recipient="sam.example@example.org", regarding_id="REF-ABC123"),
        "draft": SentMessageFactory.create(
            template="draft_resume_link", regarding_type="", regarding_id="", subject="Go back to your referral"
        ),
        "other": SentMessageFactory.create(recipient="07700 900123", channel="sms", subject=""),
    }

    response = officer_client.get(reverse("notifications:outbox"), filters)

    assert list(response.context["page"]) == [messages[expected]]


def test_an_unknown_template_filter_gets_an_error_summary(officer_client):
    SentMessageFactory.create()

    response = officer_client.get(reverse("notifications:outbox"), {"template": "no_such_message"})

    assert "There is a problem" in response.content.decode()
    assert response.context["page"].paginator.count == 0


def test_one_message_shows_its_body_and_is_audited(officer_client):
    message = SentMessageFactory.create(
        language="ur",
        subject="ہمیں آپ کا ریفرل مل گیا ہے",
        body="پہلا پیراگراف\n\nاگر کوئی بچہ فوری خطرے میں ہے تو 999",  # noqa: RUF001 -- Urdu, not look-alike Latin
    )

    response = officer_client.get(reverse("notifications:detail", args=[message.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert message.recipient in content
    assert '<p class="govuk-body">پہلا پیراگراف</p>' in content
    assert 'lang="ur" dir="rtl"' in content
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="notifications.message", object_id=str(message.pk)
    ).exists()


def test_a_missing_message_is_not_found(officer_client):
    assert officer_client.get(reverse("notifications:detail", args=[999999])).status_code == 404


@pytest.mark.parametrize("role", [Role.SERVICE_MANAGER, Role.ADMINISTRATOR])
def test_managers_and_administrators_can_read_the_outbox(signed_in_client, role):
    message = SentMessageFactory.create()
    client = signed_in_client(staff(role))

    assert client.get(reverse("notifications:outbox")).status_code == 200
    assert client.get(reverse("notifications:detail", args=[message.pk])).status_code == 200


@pytest.mark.parametrize(
    "role", [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.DIRECTORY_OFFICER, Role.CONSULTATION_OFFICER]
)
def test_other_roles_are_refused(signed_in_client, role):
    message = SentMessageFactory.create()
    client = signed_in_client(staff(role))

    assert client.get(reverse("notifications:outbox")).status_code == 403
    assert client.get(reverse("notifications:detail", args=[message.pk])).status_code == 403


def test_someone_not_signed_in_is_sent_to_sign_in(client):
    response = client.get(reverse("notifications:outbox"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))
