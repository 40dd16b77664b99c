"""The public pages and the consultation officers' pages."""

import pytest
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.consultation.models import Channel, Consultation, Response, TranslationMethod
from family_resources.consultation.services import ResponseInput, edition_add, response_submit
from family_resources.consultation.tests.factories import childrens_centres, open_childrens_centres, urdu_edition

pytestmark = pytest.mark.django_db

SLUG = "childrens-centres-redesign"


def url(name, *args, code="en"):
    return reverse(f"consultation:{name}", args=[SLUG, code, *args])


def start(client, code="en"):
    client.post(url("start", code=code))


def test_a_draft_consultation_is_not_shown_to_the_public(client):
    childrens_centres()

    assert client.get(url("home")).status_code == 404
    assert "Children" not in client.get(reverse("consultation:index")).content.decode()


def test_the_consultation_page_lists_the_document_pages_and_the_faq(client):
    open_childrens_centres()

    page = client.get(url("home")).content.decode()

    assert "Why are we consulting?" in page
    assert url("faq") in page
    faq = client.get(url("faq")).content.decode()
    assert "How much will this proposal save the council?" in faq
    document = client.get(url("document", "our-proposal")).content.decode()
    assert '<ul class="govuk-list govuk-list--bullet"><li>Early years children</li>' in document


def test_a_required_question_left_unanswered_shows_the_govuk_error_summary(client):
    open_childrens_centres()
    start(client)

    response = client.post(url("question", 1), {})

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert '<a href="#id_respondent-type_0">Select an answer</a>' in page


def test_a_wrong_postcode_is_refused_and_what_was_typed_is_kept(client):
    open_childrens_centres()
    start(client)

    response = client.post(url("question", 9), {"postcode": "not a postcode"})

    assert response.status_code == 400
    assert "Enter a real postcode, like LU1 3QZ" in response.content.decode()
    assert 'value="not a postcode"' in response.content.decode()


def test_the_organisation_follow_up_is_asked_only_of_organisations(client):
    open_childrens_centres()
    start(client)

    assert client.post(url("question", 1), {"respondent-type": "parent"}).url == url("question", 3)
    assert client.get(url("question", 2)).status_code == 302
    assert client.post(url("question", 1), {"respondent-type": "organisation"}).url == url("question", 2)
    assert "Which organisation are you responding for?" in client.get(url("question", 2)).content.decode()


def test_check_your_answers_sends_back_to_a_required_question_not_yet_answered(client):
    open_childrens_centres()
    start(client)
    client.post(url("question", 1), {"respondent-type": "parent"})

    assert client.get(url("check")).url == url("question", 3)


def test_an_urdu_edition_is_right_to_left_and_says_who_translated_it(client):
    edition = urdu_edition(open_childrens_centres())
    start(client, "ur")

    page = client.get(url("question", 1, code="ur")).content.decode()

    assert '<html lang="ur" dir="rtl"' in page
    assert "آپ کس حیثیت سے جواب دے رہے ہیں؟" in page
    assert edition.translated_by in client.get(url("home", code="ur")).content.decode()


def test_a_machine_translation_is_never_shown_as_a_human_one_and_untranslated_questions_are_marked_english(client):
    consultation = open_childrens_centres()
    edition_add(
        consultation=consultation,
        language="pl",
        easy_read=False,
        title="Konsultacje",
        summary="Podsumowanie",
        method=TranslationMethod.MACHINE,
        translated_by="Translation engine",
    )
    start(client, "pl")

    home = client.get(url("home", code="pl")).content.decode()
    question = client.get(url("question", 1, code="pl")).content.decode()

    assert 'data-testid="machine-translation"' in home
    assert 'data-testid="human-translation"' not in home
    assert "Translated by" not in home
    assert 'lang="en" dir="ltr"' in question  # no Polish wording yet: the English is marked as English


def test_an_unknown_or_used_resume_link_explains_itself(client):
    response = client.get(reverse("consultation:resume", args=["not-a-real-token"]))

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


# Staff pages.


def officer_client(signed_in_client):
    return signed_in_client(staff(Role.CONSULTATION_OFFICER))


def test_only_consultation_officers_run_consultations(signed_in_client):
    client = signed_in_client(staff(Role.PRACTITIONER))

    assert client.get(reverse("consultation_staff:list")).status_code == 403
    assert client.get(reverse("consultation_staff:detail", args=[childrens_centres().pk])).status_code == 403


def test_an_officer_sees_the_consultation_with_its_questions_and_counts(signed_in_client):
    client = officer_client(signed_in_client)
    consultation = childrens_centres()

    page = client.get(reverse("consultation_staff:detail", args=[consultation.pk])).content.decode()

    assert "Which of these services have you used?" in page
    assert 'data-testid="response-counts"' in page
    assert "Mark as Open" in page


def test_opening_a_consultation_is_refused_without_questions_and_the_reason_shown(signed_in_client):
    client = officer_client(signed_in_client)
    client.post(
        reverse("consultation_staff:create"),
        {
            "title": "Play areas",
            "slug": "play-areas",
            "summary": "S",
            "opens_on": "2026-12-01",
            "closes_on": "2027-01-31",
        },
    )
    consultation = Consultation.objects.get(slug="play-areas")

    response = client.post(
        reverse("consultation_staff:transition", args=[consultation.pk]), {"to": "open"}, follow=True
    )

    assert "Add at least one question before opening the consultation" in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.DRAFT


def test_creating_a_consultation_that_closes_before_it_opens_shows_the_error_on_the_date(signed_in_client):
    client = officer_client(signed_in_client)

    response = client.post(
        reverse("consultation_staff:create"),
        {
            "title": "Play areas",
            "slug": "play-areas",
            "summary": "S",
            "opens_on": "2026-12-01",
            "closes_on": "2026-11-01",
        },
    )

    assert response.status_code == 400
    assert (
        '<a href="#id_closes_on">The closing date must be the same as or after the opening date</a>'
        in response.content.decode()
    )


def test_an_officer_adds_a_machine_translated_edition_only_naming_the_translator(signed_in_client):
    client = officer_client(signed_in_client)
    consultation = childrens_centres()
    data = {"language": "bn", "title": "T", "summary": "S", "method": "machine", "translated_by": ""}

    refused = client.post(reverse("consultation_staff:edition_add", args=[consultation.pk]), data)
    assert refused.status_code == 400
    assert "Enter who translated this edition" in refused.content.decode()
    client.post(reverse("consultation_staff:edition_add", args=[consultation.pk]), {**data, "translated_by": "Engine"})
    assert consultation.editions.get(code="bn").is_machine_translation


def test_an_officer_adds_a_follow_up_question(signed_in_client):
    client = officer_client(signed_in_client)
    consultation = childrens_centres()

    client.post(
        reverse("consultation_staff:question_add", args=[consultation.pk]),
        {
            "key": "why-disagree",
            "text": "Why do you disagree?",
            "answer_type": "free_text",
            "kind": "views",
            "condition_question": "agree-integrated-service",
            "condition_value": "disagree",
        },
    )

    question = consultation.questions.get(key="why-disagree")
    assert question.condition_question == consultation.questions.get(key="agree-integrated-service")
    assert question.page == 15


def test_an_officer_enters_a_phone_response_which_is_marked_as_assisted(signed_in_client):
    officer = staff(Role.CONSULTATION_OFFICER)
    client = signed_in_client(officer)
    consultation = open_childrens_centres()

    client.post(
        reverse("consultation_staff:response_enter", args=[consultation.pk]),
        {
            "how-channel": "phone",
            "answer-respondent-type": "individual",
            "answer-agree-integrated-service": "agree",
        },
    )

    response = Response.objects.get()
    assert (response.channel, response.assisted, response.entered_by) == (Channel.PHONE, True, officer)


def test_a_paper_form_missing_a_required_answer_shows_the_error_and_keeps_what_was_typed(signed_in_client):
    client = officer_client(signed_in_client)
    consultation = open_childrens_centres()

    response = client.post(
        reverse("consultation_staff:response_enter", args=[consultation.pk]),
        {"how-channel": "paper", "answer-respondent-type": "parent", "answer-impact-how": "Too far to travel"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Answer this question" in page
    assert "Too far to travel" in page
    assert not Response.objects.exists()


def test_an_answer_given_in_urdu_is_kept_beside_its_english_translation(signed_in_client):
    client = officer_client(signed_in_client)
    consultation = open_childrens_centres()
    urdu_edition(consultation)

    client.post(
        reverse("consultation_staff:response_enter", args=[consultation.pk]) + "?edition=ur",
        {
            "how-channel": "interpreter",
            "how-translated_by": "A. Interpreter",
            "answer-respondent-type": "parent",
            "answer-agree-integrated-service": "disagree",
            "answer-impact-how": "بہت دور",
            "translation-impact-how": "Very far",
        },
    )

    answer = Response.objects.get().answers.get(question_key="impact-how")
    assert (answer.original_text, answer.original_language) == ("بہت دور", "ur")
    assert (answer.translated_text, answer.translated_by) == ("Very far", "A. Interpreter")
    page = client.get(
        reverse("consultation_staff:response_detail", args=[consultation.pk, answer.response.reference])
    ).content.decode()
    assert '<p class="govuk-body" lang="ur">بہت دور</p>' in page
    assert "Very far" in page


def test_reading_responses_is_audited(signed_in_client):
    client = officer_client(signed_in_client)
    consultation = open_childrens_centres()
    response = response_submit(
        data=ResponseInput(
            edition=consultation.editions.get(code="en"),
            answers={"respondent-type": "parent", "agree-integrated-service": "agree"},
        )
    )

    client.get(reverse("consultation_staff:responses", args=[consultation.pk]))
    client.get(reverse("consultation_staff:response_detail", args=[consultation.pk, response.reference]))

    views = AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="consultation.response", object_id=str(response.pk)
    )
    assert views.count() == 2
