"""Opt-outs from consultation notices that a family tells staff of, by phone, letter or in person."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.consultation.tests.factories import open_childrens_centres
from family_resources.outreach.models import NoticeDelivery, NoticeOptOut, OptOutSource
from family_resources.outreach.opt_outs import opt_out_record, opt_out_withdraw
from family_resources.outreach.services import notice_create, notice_deliver, notice_opt_out
from family_resources.outreach.tests.factories import service_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return staff(Role.CONSULTATION_OFFICER)


def events(instance_type, object_id, action):
    return AuditEvent.objects.filter(object_type=instance_type, object_id=str(object_id), action=action)


def reasons_for(family, officer):
    notice = notice_create(
        consultation=open_childrens_centres(), by_email=True, by_sms=True, by_letter=True, by=officer
    )
    notice_deliver(notice_id=notice.pk)
    return set(NoticeDelivery.objects.filter(notice=notice, family=family).values_list("reason", flat=True))


# Services.


def test_an_opt_out_told_by_phone_is_recorded_with_its_source_and_who_recorded_it(officer):
    family = service_user()

    opt_out = opt_out_record(reference=f"  {family.reference.lower()} ", source=OptOutSource.PHONE, by=officer)

    assert (opt_out.family, opt_out.source, opt_out.recorded_by) == (family, "phone", officer)
    assert events("outreach.noticeoptout", opt_out.pk, AuditAction.CREATE).exists()
    assert reasons_for(family, officer) == {"opted_out"}


def test_an_unknown_reference_and_a_missing_source_are_each_named(officer):
    with pytest.raises(ValidationError) as error:
        opt_out_record(reference="FAM-NOTREAL", source="", by=officer)

    assert set(error.value.message_dict) == {"reference", "source"}
    assert "There is no family with that reference" in error.value.message_dict["reference"][0]


def test_staff_cannot_record_an_opt_out_as_if_it_came_by_the_link(officer):
    with pytest.raises(ValidationError) as error:
        opt_out_record(reference=service_user().reference, source=OptOutSource.LINK, by=officer)

    assert set(error.value.message_dict) == {"source"}


def test_a_family_that_already_opted_out_is_not_recorded_twice(officer):
    family = service_user()
    notice_opt_out(family=family)

    with pytest.raises(ValidationError) as error:
        opt_out_record(reference=family.reference, source=OptOutSource.LETTER, by=officer)

    assert "already opted out" in error.value.message_dict["reference"][0]
    assert NoticeOptOut.objects.get(family=family).source == OptOutSource.LINK


def test_withdrawing_an_opt_out_is_audited_and_the_family_is_sent_notices_again(officer):
    family = service_user()
    opt_out = opt_out_record(reference=family.reference, source=OptOutSource.IN_PERSON, by=officer)
    opt_out_id = opt_out.pk

    assert opt_out_withdraw(opt_out=opt_out) == family

    assert not NoticeOptOut.objects.filter(family=family).exists()
    assert events("outreach.noticeoptout", opt_out_id, AuditAction.DELETE).exists()
    assert "opted_out" not in reasons_for(family, officer)


# Staff pages.


def test_only_consultation_officers_reach_the_opt_out_pages(signed_in_client, officer):
    opt_out = opt_out_record(reference=service_user().reference, source=OptOutSource.PHONE, by=officer)
    client = signed_in_client(staff(Role.PRACTITIONER))

    assert client.get(reverse("outreach_staff:opt_outs")).status_code == 403
    assert client.post(reverse("outreach_staff:opt_out_withdraw", args=[opt_out.pk])).status_code == 403
    assert NoticeOptOut.objects.filter(pk=opt_out.pk).exists()


def test_an_officer_records_an_opt_out_and_sees_it_with_its_source(signed_in_client, officer):
    family = service_user()
    client = signed_in_client(officer)

    response = client.post(reverse("outreach_staff:opt_outs"), {"reference": family.reference, "source": "letter"})

    assert response.status_code == 302
    page = client.get(reverse("outreach_staff:opt_outs")).content.decode()
    assert family.reference in page
    assert "By letter" in page
    assert officer.full_name in page
    assert f"Family {family.reference} will not be sent consultation notices" in page
    opt_out = NoticeOptOut.objects.get(family=family)
    assert events("outreach.noticeoptout", opt_out.pk, AuditAction.VIEW).exists()
    notices = client.get(reverse("outreach_staff:notices")).content.decode()
    assert "Families who opted out (1)" in notices


def test_an_unknown_reference_shows_the_error_summary_and_keeps_what_was_typed(signed_in_client, officer):
    response = signed_in_client(officer).post(
        reverse("outreach_staff:opt_outs"), {"reference": "FAM-NOTREAL", "source": "phone"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Error:" in page
    assert '<a href="#id_reference">There is no family with that reference: check it and try again</a>' in page
    assert 'value="FAM-NOTREAL"' in page
    assert 'value="phone" checked>' in page
    assert not NoticeOptOut.objects.exists()


def test_an_officer_withdraws_an_opt_out_after_checking_it(signed_in_client, officer):
    family = service_user()
    opt_out = opt_out_record(reference=family.reference, source=OptOutSource.PHONE, by=officer)
    client = signed_in_client(officer)
    url = reverse("outreach_staff:opt_out_withdraw", args=[opt_out.pk])

    check = client.get(url).content.decode()
    assert f"Withdraw the opt-out of family {family.reference}" in check
    assert "By phone" in check
    response = client.post(url)

    assert response.status_code == 302
    assert not NoticeOptOut.objects.filter(family=family).exists()
    assert client.post(url).status_code == 404
