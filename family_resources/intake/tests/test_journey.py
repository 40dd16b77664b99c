"""The online referral journey, page by page, through Django's test client."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from family_resources.families.tests.factories import years_ago
from family_resources.intake.eligibility import EligibilityStatus, Relationship
from family_resources.intake.journey.state import SESSION_KEY
from family_resources.intake.models import Channel, Referral, ReferralDraft, ReferrerType, Urgency
from family_resources.notifications.models import Message, MessageStatus

pytestmark = pytest.mark.django_db

START = reverse("journey:start")
CHECK = reverse("journey:check")


def page_url(slug: str) -> str:
    return reverse("journey:question", args=[slug])


def date_fields(name: str, day: object, month: object, year: object) -> dict[str, str]:
    return {f"{name}_day": str(day), f"{name}_month": str(month), f"{name}_year": str(year)}


def dob(years: int) -> dict[str, str]:
    born = years_ago(years)
    return date_fields("date_of_birth", born.day, born.month, born.year)


def post(client, url, data, *, expect_redirect=True):
    response = client.post(url, data)
    if expect_redirect:
        assert response.status_code == 302, response.content.decode()[:3000]
    return response


def add_person(client, index, relationship, details):
    post(client, reverse("journey:person_relationship", args=[index]), {"relationship": relationship})
    return post(client, reverse("journey:person_details", args=[index]), details)


def start_journey(client, *, professional=False, postcode="LU4 8BW", immediate_risk="no"):
    post(client, page_url("who"), {"referrer": "professional" if professional else "parent"})
    if professional:
        post(
            client,
            page_url("your-details"),
            {
                "name": "Hana Visitor",
                "organisation": "Luton Health Visiting",
                "role": "Health visitor",
                "referrer_type": ReferrerType.HEALTH_VISITOR,
                "email": "hana.visitor@example.org",
                "phone": "01632 960 123",
            },
        )
    else:
        post(client, page_url("about-you"), {"name": "Alex Example", "email": "alex@example.com", "phone": ""})
    post(client, page_url("immediate-risk"), {"immediate_risk": immediate_risk})
    post(client, page_url("postcode"), {"postcode": postcode})
    post(client, page_url("address"), {"line_1": "1 Example Road", "line_2": "", "town": "Luton"})


def finish_people(client):
    return post(client, reverse("journey:people"), {"add_another": "no"})


def finish_journey(client, *, professional=False, consent="yes", reason=""):
    post(client, page_url("language"), {"preferred_language": "pl", "interpreter_needed": "yes"})
    if professional:
        post(client, page_url("social-care"), {"open_to_social_care": "no"})
    post(client, page_url("concerns"), {"concerns": "Mum is struggling with the baby's sleep and feels alone."})
    consent_data = {"consent_given": consent, "sharing_agreed": ["health", "education"]}
    if professional:
        consent_data["consent_reason_if_not"] = reason
    post(client, page_url("consent"), consent_data)


def walk_to_check_answers(client, *, professional=False, **kwargs):
    start_journey(client, professional=professional, **kwargs)
    add_person(client, 0, Relationship.PARENT, {"given_name": "Alex", "family_name": "Example", **dob(30)})
    add_person(
        client, 1, Relationship.CHILD, {"given_name": "Sam", "family_name": "Example", "has_send": "no", **dob(4)}
    )
    finish_people(client)
    finish_journey(client, professional=professional)
    response = client.get(CHECK)
    assert response.status_code == 200
    return response


def test_the_home_page_has_a_start_button_for_the_online_referral(client):
    content = client.get("/").content.decode()
    assert "Refer a family online" in content
    assert f'href="{START}"' in content
    assert "govuk-button--start" in content


def test_the_start_page_says_what_you_need_and_to_call_999_in_an_emergency(client):
    content = client.get(START).content.decode()
    assert "Before you start" in content
    assert "around 15 minutes" in content
    assert "call the police on 999" in content
    assert f'href="{page_url("who")}"' in content


def test_a_later_page_before_starting_goes_back_to_the_start(client):
    response = client.get(page_url("postcode"))
    assert response.status_code == 302
    assert response["Location"] == START


def test_a_page_cannot_be_skipped_to(client):
    post(client, page_url("who"), {"referrer": "parent"})
    response = client.get(page_url("concerns"))
    assert response["Location"] == page_url("about-you")


def test_a_parent_is_asked_for_their_own_details_and_a_professional_for_theirs(client):
    assert post(client, page_url("who"), {"referrer": "parent"})["Location"] == page_url("about-you")
    assert post(client, page_url("who"), {"referrer": "professional"})["Location"] == page_url("your-details")


def test_a_parent_must_give_an_email_address_or_a_phone_number(client):
    post(client, page_url("who"), {"referrer": "parent"})
    response = post(client, page_url("about-you"), {"name": "Alex Example"}, expect_redirect=False)
    content = response.content.decode()
    assert "Enter an email address or a mobile phone number" in content
    assert "<title>Error: " in content
    assert 'value="Alex Example"' in content


def test_an_impossible_date_of_birth_is_refused_and_everything_typed_is_kept(client):
    start_journey(client)
    post(client, reverse("journey:person_relationship", args=[0]), {"relationship": Relationship.CHILD})
    response = post(
        client,
        reverse("journey:person_details", args=[0]),
        {"given_name": "Sam", "family_name": "Example", "has_send": "yes", **date_fields("date_of_birth", 31, 2, 2020)},
        expect_redirect=False,
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in content
    assert 'class="govuk-error-summary"' in content
    assert '<a href="#id_date_of_birth">Date of birth must be a real date</a>' in content
    assert 'value="Sam"' in content
    assert 'value="Example"' in content
    assert 'name="date_of_birth_day" type="text" inputmode="numeric" value="31"' in content
    assert 'value="2020"' in content
    assert re.search(r'value="yes"\s+checked', content)
    assert not journey_people(client)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (("", "", ""), "Enter their date of birth"),
        (("12", "", "2019"), "Date of birth must include a month"),
        (("12", "13", "2019"), "Date of birth must be a real date"),
        (("12", "3", "19"), "Year must include 4 numbers"),
        (("aa", "3", "2019"), "Date of birth must be a real date"),
        ("future", "Date of birth must be in the past"),
    ],
)
def test_date_of_birth_errors_say_what_is_wrong(client, typed, message):
    start_journey(client)
    post(client, reverse("journey:person_relationship", args=[0]), {"relationship": Relationship.CHILD})
    if typed == "future":
        soon = timezone.localdate() + timedelta(days=10)
        typed = (soon.day, soon.month, soon.year)
    response = post(
        client,
        reverse("journey:person_details", args=[0]),
        {"given_name": "Sam", "family_name": "Example", "has_send": "no", **date_fields("date_of_birth", *typed)},
        expect_redirect=False,
    )
    assert message in response.content.decode()


def test_a_missing_postcode_is_asked_for(client):
    post(client, page_url("who"), {"referrer": "parent"})
    post(client, page_url("about-you"), {"name": "Alex Example", "email": "alex@example.com"})
    post(client, page_url("immediate-risk"), {"immediate_risk": "no"})
    content = post(client, page_url("postcode"), {"postcode": ""}, expect_redirect=False).content.decode()
    assert '<a href="#id_postcode">Enter a postcode</a>' in content
    content = post(client, page_url("postcode"), {"postcode": "not one"}, expect_redirect=False).content.decode()
    assert "Enter a real postcode, like LU4 8BW" in content
    assert 'value="not one"' in content


def test_a_postcode_is_kept_in_its_usual_form(client):
    start_journey(client, postcode="lu48bw")
    assert client.session[SESSION_KEY]["answers"]["postcode"] == {"postcode": "LU4 8BW"}


def test_someone_outside_the_area_is_told_at_once_where_else_to_go_and_can_carry_on(client):
    post(client, page_url("who"), {"referrer": "parent"})
    post(client, page_url("about-you"), {"name": "Alex Example", "email": "alex@example.com"})
    post(client, page_url("immediate-risk"), {"immediate_risk": "no"})
    response = post(client, page_url("postcode"), {"postcode": "MK45 2AB"})
    assert response["Location"] == reverse("journey:eligibility", args=["area"])

    content = client.get(response["Location"]).content.decode()
    assert "We may not be able to help your family" in content
    assert "The postcode MK45 2AB is not in Luton" in content
    assert "Health visitors, GPs and NHS 111" in content
    assert "The council where you live can tell you about early help" in content
    assert "You can still send the referral" in content
    assert f'href="{page_url("address")}"' in content


def test_someone_in_the_area_goes_straight_on_to_the_address(client):
    post(client, page_url("who"), {"referrer": "parent"})
    post(client, page_url("about-you"), {"name": "Alex Example", "email": "alex@example.com"})
    post(client, page_url("immediate-risk"), {"immediate_risk": "no"})
    assert post(client, page_url("postcode"), {"postcode": "LU4 8BW"})["Location"] == page_url("address")


def test_a_family_expecting_a_baby_is_eligible(client):
    start_journey(client)
    due = timezone.localdate() + timedelta(days=90)
    add_person(client, 0, Relationship.UNBORN, date_fields("expected_date_of_delivery", due.day, due.month, due.year))
    assert finish_people(client)["Location"] == page_url("language")


def test_a_24_year_old_with_send_is_eligible(client):
    start_journey(client)
    add_person(
        client, 0, Relationship.CHILD, {"given_name": "Jo", "family_name": "Example", "has_send": "yes", **dob(24)}
    )
    assert finish_people(client)["Location"] == page_url("language")


def test_a_21_year_old_without_send_is_not_eligible_and_is_told_why(client):
    start_journey(client)
    add_person(
        client, 0, Relationship.CHILD, {"given_name": "Jo", "family_name": "Example", "has_send": "no", **dob(21)}
    )
    response = finish_people(client)
    assert response["Location"] == reverse("journey:eligibility", args=["people"])

    content = client.get(response["Location"]).content.decode()
    assert "a young person up to 25 with special educational needs or disabilities" in content
    assert "Nobody in this referral is in one of those groups" in content
    assert "Our online resource centre has advice" in content
    assert f'href="{page_url("language")}"' in content


def test_people_can_be_changed_and_removed_from_the_list(client):
    start_journey(client)
    add_person(client, 0, Relationship.PARENT, {"given_name": "Alex", "family_name": "Example", **dob(30)})
    add_person(
        client, 1, Relationship.CHILD, {"given_name": "Sam", "family_name": "Example", "has_send": "no", **dob(4)}
    )
    content = client.get(reverse("journey:people")).content.decode()
    assert "Alex Example" in content
    assert "Sam Example" in content

    post(client, reverse("journey:person_remove", args=[0]), {"remove": "yes"})
    assert [person["given_name"] for person in journey_people(client)] == ["Sam"]


def test_a_professional_must_say_why_there_is_no_consent(client):
    start_journey(client, professional=True)
    add_person(
        client, 0, Relationship.CHILD, {"given_name": "Sam", "family_name": "Example", "has_send": "no", **dob(4)}
    )
    finish_people(client)
    post(client, page_url("language"), {"preferred_language": "en", "interpreter_needed": "no"})
    post(client, page_url("social-care"), {"open_to_social_care": "yes"})
    post(client, page_url("concerns"), {"concerns": "Worried about neglect."})
    response = post(client, page_url("consent"), {"consent_given": "no"}, expect_redirect=False)
    assert "Say why you are referring without the family&#x27;s consent" in response.content.decode()

    post(client, page_url("consent"), {"consent_given": "no", "consent_reason_if_not": "Safeguarding concern."})
    post(client, CHECK, {})
    referral = Referral.objects.get()
    assert not referral.consent_given
    assert referral.consent_reason_if_not == "Safeguarding concern."
    assert referral.needs_officer_attention
    assert referral.open_to_social_care


def test_check_answers_shows_every_answer_with_a_change_link(client):
    content = walk_to_check_answers(client).content.decode()
    assert "Check your answers before sending the referral" in content
    for text in ["Alex Example", "alex@example.com", "LU4 8BW", "1 Example Road", "Polish", "Sam Example"]:
        assert text in content
    assert f'href="{page_url("postcode")}?change=1"' in content
    assert f'href="{reverse("journey:person_details", args=[1])}?change=1"' in content


def test_a_change_from_check_answers_returns_to_check_answers(client):
    walk_to_check_answers(client)
    form_page = client.get(page_url("postcode") + "?change=1").content.decode()
    assert 'value="LU4 8BW"' in form_page
    assert f'href="{CHECK}" class="govuk-back-link"' in form_page

    response = post(client, page_url("postcode") + "?change=1", {"postcode": "LU1 3QZ"})
    assert response["Location"] == CHECK
    assert "LU1 3QZ" in client.get(CHECK).content.decode()

    response = post(
        client,
        reverse("journey:person_details", args=[1]) + "?change=1",
        {"given_name": "Samira", "family_name": "Example", "has_send": "no", **dob(4)},
    )
    assert response["Location"] == CHECK
    assert "Samira Example" in client.get(CHECK).content.decode()


def test_changing_to_a_professional_asks_for_the_professional_pages(client):
    walk_to_check_answers(client)
    response = post(client, page_url("who") + "?change=1", {"referrer": "professional"})
    assert response["Location"] == page_url("your-details")


def test_sending_makes_one_referral_with_its_people_and_emails_the_referrer(client, django_capture_on_commit_callbacks):
    walk_to_check_answers(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, CHECK, {})
    assert response["Location"] == reverse("journey:confirmation")

    referral = Referral.objects.get()
    assert referral.channel == Channel.ONLINE_SELF
    assert referral.referrer_type == ReferrerType.SELF
    assert referral.referrer_name == "Alex Example"
    assert referral.postcode == "LU4 8BW"
    assert referral.address == "1 Example Road, Luton"
    assert referral.preferred_language == "pl"
    assert referral.interpreter_needed
    assert referral.consent_given
    assert referral.sharing_agreed == ["health", "education"]
    assert referral.eligibility == EligibilityStatus.ELIGIBLE
    assert referral.urgency == Urgency.ROUTINE
    assert [(p.relationship, p.given_name) for p in referral.people.all()] == [("parent", "Alex"), ("child", "Sam")]

    message = Message.objects.get()
    assert message.template == "referral_received"
    assert message.recipient == "alex@example.com"
    assert message.language == "pl"
    assert (message.regarding_type, message.regarding_id) == ("intake.referral", referral.reference)
    assert message.status in {MessageStatus.QUEUED, MessageStatus.SENT}

    content = client.get(response["Location"]).content.decode()
    assert "Referral sent" in content
    assert referral.reference in content
    assert "govuk-panel--confirmation" in content


def test_a_professional_referral_is_confirmed_to_the_professional_in_english(client):
    walk_to_check_answers(client, professional=True)
    post(client, CHECK, {})
    referral = Referral.objects.get()
    assert referral.channel == Channel.ONLINE_PROFESSIONAL
    assert referral.referrer_type == ReferrerType.HEALTH_VISITOR
    assert referral.referrer_organisation == "Luton Health Visiting"
    message = Message.objects.get()
    assert message.template == "referral_received_professional"
    assert message.recipient == "hana.visitor@example.org"
    assert message.language == "en"


def test_the_answers_are_forgotten_once_the_referral_is_sent(client):
    walk_to_check_answers(client)
    post(client, CHECK, {})
    assert SESSION_KEY not in client.session
    assert client.get(CHECK)["Location"] == reverse("journey:confirmation")
    assert client.post(CHECK, {})["Location"] == reverse("journey:confirmation")
    assert Referral.objects.count() == 1


def test_a_referral_that_is_not_eligible_is_still_kept(client):
    start_journey(client, postcode="MK45 2AB")
    add_person(
        client, 0, Relationship.CHILD, {"given_name": "Jo", "family_name": "Example", "has_send": "no", **dob(4)}
    )
    finish_people(client)
    finish_journey(client)
    assert "is not in Luton" in client.get(CHECK).content.decode()
    post(client, CHECK, {})

    referral = Referral.objects.get()
    assert referral.status == Referral.Status.NOT_ELIGIBLE
    assert "The council where you live" in client.get(reverse("journey:confirmation")).content.decode()


def test_immediate_risk_is_urgent_and_the_confirmation_gives_the_numbers_to_call(client):
    walk_to_check_answers(client, immediate_risk="yes")
    post(client, CHECK, {})

    assert Referral.objects.get().urgency == Urgency.IMMEDIATE_RISK
    content = client.get(reverse("journey:confirmation")).content.decode()
    assert "You told us a child is at immediate risk of harm" in content
    assert f"call the police on {settings.POLICE_EMERGENCY_NUMBER}" in content
    assert settings.CHILDRENS_SOCIAL_CARE_PHONE in content
    assert settings.CHILDRENS_SOCIAL_CARE_OUT_OF_HOURS_PHONE in content


def test_a_routine_referral_confirmation_does_not_show_the_emergency_numbers(client):
    walk_to_check_answers(client)
    post(client, CHECK, {})
    content = client.get(reverse("journey:confirmation")).content.decode()
    assert settings.CHILDRENS_SOCIAL_CARE_OUT_OF_HOURS_PHONE not in content


def save_for_later(client, email="alex@example.com"):
    response = post(client, reverse("journey:save"), {"email": email})
    assert response["Location"] == reverse("journey:saved")
    message = Message.objects.filter(template="draft_resume_link").latest("id")
    match = re.search(re.escape(settings.PUBLIC_BASE_URL) + r"(/refer/resume/[\w-]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_save_and_come_back_later_emails_a_link_that_brings_the_answers_back(client):
    start_journey(client)
    response = post(
        client,
        reverse("journey:person_relationship", args=[0]),
        {"relationship": Relationship.CHILD, "save_for_later": "1"},
    )
    assert response["Location"] == reverse("journey:save")
    link = save_for_later(client)

    draft = ReferralDraft.objects.get()
    assert draft.email == "alex@example.com"
    assert draft.expires_at - draft.created_at == timedelta(days=28)
    assert draft.token_hash not in link  # only the hash is stored
    assert "alex@example.com" in client.get(reverse("journey:saved")).content.decode()

    client.session.flush()
    client.cookies.clear()
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"] == reverse("journey:person_relationship", args=[0])
    assert 'value="LU4 8BW"' in client.get(page_url("postcode")).content.decode()


def test_a_page_with_a_problem_is_not_saved_but_the_rest_is(client):
    start_journey(client)
    response = post(client, page_url("address") + "", {"line_1": "", "save_for_later": "1"})
    assert response["Location"] == reverse("journey:save")
    assert client.session[SESSION_KEY]["answers"]["address"]["line_1"] == "1 Example Road"


def test_the_saved_link_stops_working_once_the_referral_is_sent(client):
    walk_to_check_answers(client)
    link = save_for_later(client)
    post(client, CHECK, {})
    assert ReferralDraft.objects.get().used_at is not None

    response = client.get(link)
    assert response.status_code == 410
    assert "This link no longer works" in response.content.decode()


def test_saving_again_replaces_the_old_link(client):
    start_journey(client)
    first = save_for_later(client)
    second = save_for_later(client)
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 302


def test_an_expired_link_gives_a_clear_page(client):
    start_journey(client)
    link = save_for_later(client)
    ReferralDraft.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    client.session.flush()
    response = client.get(link)
    content = response.content.decode()
    assert response.status_code == 410
    assert "This link has expired" in content
    assert "28 days" in content
    assert f'href="{START}"' in content


def test_a_made_up_link_is_not_found(client):
    response = client.get(reverse("journey:resume", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "This link is not valid" in response.content.decode()


def test_every_question_page_has_a_back_link_and_its_own_title(client):
    start_journey(client)
    content = client.get(page_url("address")).content.decode()
    assert "govuk-back-link" in content
    assert "<title>What is the family&#x27;s address?" in content
    content = client.get(page_url("immediate-risk")).content.decode()
    assert "<title>Is a child at immediate risk of harm right now?" in content
    assert '<h1 class="govuk-fieldset__heading">Is a child at immediate risk of harm right now?</h1>' in content


def journey_people(client):
    return client.session.get(SESSION_KEY, {}).get("answers", {}).get("people", [])


def test_drafts_past_their_date_or_used_can_be_deleted(client):
    from family_resources.intake.journey.drafts import referral_drafts_delete_expired

    start_journey(client)
    save_for_later(client)
    save_for_later(client)  # the first is now used
    assert referral_drafts_delete_expired() == 1
    ReferralDraft.objects.update(expires_at=timezone.now())
    assert referral_drafts_delete_expired() == 1
    assert not ReferralDraft.objects.exists()
