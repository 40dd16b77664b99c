"""The consultation's rules: lifecycle, editions, the survey, responses from every channel, drafts."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.consultation import content
from family_resources.consultation.models import (
    Answer,
    AnswerType,
    Channel,
    Consultation,
    QuestionKind,
    Response,
    TranslationMethod,
)
from family_resources.consultation.selectors import response_counts
from family_resources.consultation.services import (
    ResponseInput,
    TextTranslation,
    answer_translate,
    consultation_reschedule,
    consultation_transition,
    edition_add,
    question_add,
    question_reword,
    response_draft_find,
    response_draft_save,
    response_submit,
)
from family_resources.consultation.tests.factories import (
    ConsultationFactory,
    EditionFactory,
    childrens_centres,
    open_childrens_centres,
    urdu_edition,
)
from family_resources.notifications.models import Message

pytestmark = pytest.mark.django_db

REQUIRED = {"respondent-type": "parent", "agree-integrated-service": "disagree"}


def english(consultation):
    return consultation.editions.get(code="en")


def test_the_childrens_centres_consultation_is_loaded_in_english_from_the_two_documents():
    consultation = childrens_centres()
    edition = english(consultation)

    assert consultation.status == Consultation.Status.DRAFT
    assert [page.heading for page in edition.pages.all()][:2] == ["Introduction", "What is a children's centre?"]
    assert edition.pages.count() == len(content.DOCUMENT_PAGES) == 9
    assert edition.faqs.count() == 19
    assert edition.faqs.first().question.startswith("Will parents be able to drop in")
    services = consultation.questions.get(key="services-used")
    assert services.kind == QuestionKind.SERVICES_USED
    assert {"stay-and-play", "baby-massage", "henry", "none"} <= {o.value for o in services.options.all()}
    equality = consultation.questions.filter(kind=QuestionKind.EQUALITY)
    assert {q.key for q in equality} == {
        "age-band",
        "sex",
        "ethnicity",
        "disability",
        "main-language",
        "used-childrens-centre",
    }
    for question in equality:
        assert question.options.filter(value="prefer-not-to-say").exists(), question.key
    assert consultation.questions.get(key="ethnicity").options.filter(label="White: Roma").exists()


def test_loading_the_consultation_again_changes_nothing():
    from importlib import import_module

    from django.apps import apps

    import_module("family_resources.consultation.migrations.0003_childrens_centres_consultation").load(apps, None)

    assert Consultation.objects.filter(slug=content.CONSULTATION_SLUG).count() == 1
    assert childrens_centres().questions.count() == len(content.QUESTIONS)


def test_a_consultation_cannot_open_without_questions():
    consultation = EditionFactory.create().consultation

    with pytest.raises(ValidationError, match="Add at least one question"):
        consultation_transition(consultation=consultation, to=Consultation.Status.OPEN)


def test_states_move_on_only_in_order():
    consultation = open_childrens_centres()

    with pytest.raises(ValidationError, match="cannot become analysed"):
        consultation_transition(consultation=consultation, to=Consultation.Status.ANALYSED)
    for state in (Consultation.Status.CLOSED, Consultation.Status.ANALYSED, Consultation.Status.OUTCOME_PUBLISHED):
        consultation = consultation_transition(consultation=consultation, to=state)
    assert consultation.status == Consultation.Status.OUTCOME_PUBLISHED


def test_dates_change_until_the_consultation_closes_and_must_run_forwards():
    consultation = open_childrens_centres()
    today = timezone.localdate()

    with pytest.raises(ValidationError) as caught:
        consultation_reschedule(consultation=consultation, opens_on=today, closes_on=today - timedelta(days=1))
    assert "closes_on" in caught.value.message_dict
    consultation = consultation_reschedule(
        consultation=consultation, opens_on=today, closes_on=today + timedelta(days=1)
    )
    assert (consultation.opens_on, consultation.closes_on) == (today, today + timedelta(days=1))

    consultation = consultation_transition(consultation=consultation, to=Consultation.Status.CLOSED)
    with pytest.raises(ValidationError, match="has closed"):
        consultation_reschedule(consultation=consultation, opens_on=today, closes_on=today + timedelta(days=9))


def test_a_translated_edition_must_say_who_translated_it_and_how():
    consultation = ConsultationFactory.create()

    with pytest.raises(ValidationError) as error:
        edition_add(
            consultation=consultation,
            language="pl",
            easy_read=False,
            title="T",
            summary="S",
            method=TranslationMethod.MACHINE,
            translated_by=" ",
        )
    assert "translated_by" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        edition_add(
            consultation=consultation,
            language="pl",
            easy_read=False,
            title="T",
            summary="S",
            method=TranslationMethod.ORIGINAL,
            translated_by="",
        )
    assert "method" in error.value.message_dict
    machine = edition_add(
        consultation=consultation,
        language="pl",
        easy_read=False,
        title="T",
        summary="S",
        method=TranslationMethod.MACHINE,
        translated_by="Translation engine",
    )
    assert machine.is_machine_translation
    assert machine.code == "pl"


def test_an_online_response_stores_every_answer_under_the_shared_question_identifier():
    consultation = open_childrens_centres()
    edition = urdu_edition(consultation)

    response = response_submit(
        data=ResponseInput(
            edition=edition,
            answers={
                **REQUIRED,
                "services-used": ["stay-and-play", "baby-massage"],
                "postcode": "lu4 8bw",
                "impact-how": "ہمیں مدد کی ضرورت ہے",
                "sex": "prefer-not-to-say",
            },
        )
    )

    assert response.language == "ur"
    assert response.channel == Channel.ONLINE
    assert not response.assisted
    assert response.respondent_type == "parent"
    assert response.postcode == "LU4 8BW"
    assert response.neighbourhood is not None
    answers = {a.question_key: a for a in response.answers.all()}
    assert answers["services-used"].value == ["stay-and-play", "baby-massage"]
    assert answers["impact-how"].original_text == "ہمیں مدد کی ضرورت ہے"
    assert answers["impact-how"].original_language == "ur"
    assert answers["sex"].question.kind == QuestionKind.EQUALITY


def test_required_answers_and_allowed_values_are_checked_for_every_channel():
    consultation = open_childrens_centres()

    with pytest.raises(ValidationError) as error:
        response_submit(
            data=ResponseInput(edition=english(consultation), answers={"respondent-type": "alien", "sex": "x"})
        )
    assert set(error.value.message_dict) == {"respondent-type", "agree-integrated-service", "sex"}
    assert not Response.objects.exists()


def test_a_follow_up_is_required_only_when_its_condition_is_met_and_dropped_otherwise():
    consultation = open_childrens_centres()
    edition = english(consultation)

    with pytest.raises(ValidationError) as error:
        response_submit(data=ResponseInput(edition=edition, answers={**REQUIRED, "respondent-type": "organisation"}))
    assert set(error.value.message_dict) == {"organisation-name"}
    response = response_submit(
        data=ResponseInput(edition=edition, answers={**REQUIRED, "organisation-name": "Not asked of a parent"})
    )
    assert not response.answers.filter(question_key="organisation-name").exists()


def test_the_receipt_is_emailed_when_an_email_is_given():
    consultation = open_childrens_centres()

    response = response_submit(
        data=ResponseInput(edition=english(consultation), answers={**REQUIRED, "receipt-email": "sam@example.com"})
    )

    message = Message.objects.get(template="consultation_response_receipt")
    assert message.recipient == "sam@example.com"
    assert response.reference in message.body


def test_online_responses_are_refused_when_the_consultation_is_not_open():
    consultation = childrens_centres()

    with pytest.raises(ValidationError, match="not open"):
        response_submit(data=ResponseInput(edition=english(consultation), answers=REQUIRED))


def test_staff_assisted_and_paper_responses_are_counted_and_marked_separately():
    consultation = open_childrens_centres()
    edition = english(consultation)
    officer = staff(Role.CONSULTATION_OFFICER)

    def submit(**how):
        return response_submit(data=ResponseInput(edition=edition, answers=REQUIRED, **how))

    submit()
    submit()
    phone = submit(channel=Channel.PHONE, assisted=True, entered_by=officer)
    submit(channel=Channel.INTERPRETER, assisted=True, entered_by=officer)
    paper = submit(channel=Channel.PAPER, entered_by=officer, received_on=timezone.localdate())
    helped_paper = submit(channel=Channel.PAPER, assisted=True, entered_by=officer)

    counts = response_counts(consultation)
    assert (counts.total, counts.online, counts.assisted, counts.paper) == (6, 2, 3, 2)
    assert counts.by_channel == {"online": 2, "phone": 1, "paper": 2, "interpreter": 1, "event": 0}
    assert phone.assisted
    assert phone.entered_by == officer
    assert not paper.assisted
    assert paper.entered_by == officer
    assert paper.received_on is not None
    assert helped_paper.assisted
    assert helped_paper.channel == Channel.PAPER


def test_a_response_entered_by_staff_names_who_entered_it():
    consultation = open_childrens_centres()

    with pytest.raises(ValidationError, match="which member of staff"):
        response_submit(data=ResponseInput(edition=english(consultation), answers=REQUIRED, channel=Channel.PAPER))


def test_an_online_response_can_never_be_marked_as_assisted():
    consultation = open_childrens_centres()

    response = response_submit(
        data=ResponseInput(
            edition=english(consultation), answers=REQUIRED, assisted=True, entered_by=staff(Role.CONSULTATION_OFFICER)
        )
    )

    assert not response.assisted
    assert response.entered_by is None


def test_an_answer_in_another_language_keeps_its_original_beside_the_translation():
    consultation = open_childrens_centres()
    edition = urdu_edition(consultation)
    officer = staff(Role.CONSULTATION_OFFICER)

    response = response_submit(
        data=ResponseInput(
            edition=edition,
            answers={**REQUIRED, "impact-how": "مرکز بند ہونے سے مشکل ہوگی"},
            channel=Channel.INTERPRETER,
            assisted=True,
            entered_by=officer,
            translations={
                "impact-how": TextTranslation(
                    text="Closing the centre will make it hard", translated_by="A. Interpreter"
                )
            },
        )
    )

    answer = response.answers.get(question_key="impact-how")
    assert answer.original_text == "مرکز بند ہونے سے مشکل ہوگی"
    assert answer.original_language == "ur"
    assert answer.translated_text == "Closing the centre will make it hard"
    assert answer.translated_by == "A. Interpreter"
    answer_translate(
        answer=answer,
        text="Closing the centre would make things difficult",
        translated_by="B. Checker",
        method=TranslationMethod.HUMAN,
    )
    answer.refresh_from_db()
    assert answer.original_text == "مرکز بند ہونے سے مشکل ہوگی"
    assert answer.translated_by == "B. Checker"


def test_questions_cannot_be_added_once_responses_exist_but_wording_changes_get_a_new_version():
    consultation = open_childrens_centres()
    response_submit(data=ResponseInput(edition=english(consultation), answers=REQUIRED))

    with pytest.raises(ValidationError, match="once responses"):
        question_add(consultation=consultation, key="late", text="Late?", answer_type=AnswerType.FREE_TEXT)
    question = consultation.questions.get(key="agree-integrated-service")
    question_reword(question=question, text="Do you agree with the integrated service?", hint="")
    question.refresh_from_db()
    assert question.version == 2
    assert Answer.objects.get(question=question).question_version == 1


def test_a_choice_question_needs_options_and_a_follow_up_needs_its_value():
    consultation = ConsultationFactory.create()

    with pytest.raises(ValidationError) as error:
        question_add(
            consultation=consultation, key="q", text="Q?", answer_type=AnswerType.SINGLE_CHOICE, options=[("a", "A")]
        )
    assert "options" in error.value.message_dict
    first = question_add(consultation=consultation, key="q", text="Q?", answer_type=AnswerType.YES_NO)
    with pytest.raises(ValidationError) as error:
        question_add(
            consultation=consultation,
            key="why",
            text="Why?",
            answer_type=AnswerType.FREE_TEXT,
            condition_question=first,
        )
    assert "condition_value" in error.value.message_dict


def test_a_saved_draft_is_found_by_its_link_until_it_expires_or_is_saved_again():
    consultation = open_childrens_centres()
    edition = english(consultation)
    links: list[str] = []

    def keep(token: str) -> str:
        links.append(token)
        return token

    first = response_draft_save(edition=edition, answers=REQUIRED, email="a@example.com", link_for=keep)
    assert response_draft_find(token=links[0]) == first
    assert first.token_hash != links[0]
    second = response_draft_save(
        edition=edition,
        answers=REQUIRED,
        email="a@example.com",
        link_for=keep,
        replaces=first.pk,
    )
    assert response_draft_find(token=links[0]) is None
    assert response_draft_find(token=links[1]) == second
    assert Message.objects.filter(template="consultation_resume_link", recipient="a@example.com").count() == 2
    second.expires_at = timezone.now() - timedelta(seconds=1)
    second.save(update_fields=["expires_at"])
    assert response_draft_find(token=links[1]) is None
