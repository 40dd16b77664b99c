"""One small world with a record behind every URL of the service, for the authorisation walk.

Everything person-level belongs to team A (the real West Luton team from the reference data). A
practitioner of the East Luton team stands for "another team" on object pages.
"""

from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from family_resources.accounts.models import Team, User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import Assessment, PlanAction, PlanOutcome
from family_resources.casework.tests.factories_notes import SensitiveCaseNoteFactory, StepUpFactory
from family_resources.casework.tests.factories_plans import agreed_plan, allocated_episode
from family_resources.consultation.models import DocumentPage
from family_resources.consultation.tests.factories import open_childrens_centres
from family_resources.consultation.themes.services import impact_create, theme_create
from family_resources.directory.models import ChangeRequest, SafeguardingEvidence, TaxonomyTerm
from family_resources.directory.tests.factories import (
    LocationFactory,
    ServiceFactory,
    VettedOrganisationFactory,
    runs_at,
)
from family_resources.families.models import Person
from family_resources.families.tests.factories import (
    AdultFactory,
    ConsentFactory,
    FamilyFactory,
    LetterFactory,
    ProfessionalFactory,
)
from family_resources.intake import mail
from family_resources.intake.models import ContactEmail
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.notifications.tests.factories import QueuedMessageFactory
from family_resources.outreach.opt_outs import opt_out_record
from family_resources.outreach.services import notice_create
from family_resources.outreach.tests.factories import an_event
from family_resources.places.models import Room
from family_resources.programmes.models import ContactSession
from family_resources.programmes.services.contact import contact_book
from family_resources.programmes.services.enrolments import enrolment_request
from family_resources.programmes.tests.factories import next_weekday, open_programme
from family_resources.resources.models import Topic
from family_resources.resources.services import (
    article_create,
    article_publish,
    article_submit,
    article_translation_save,
)
from family_resources.scheduling.tests.factories import at, book, monday

MAIL = Path(__file__).resolve().parents[2] / "family_resources" / "intake" / "tests" / "mail"

# The identities the walk signs in as: every role, plus a practitioner of another team, plus nobody.
ANONYMOUS = "anonymous"
OTHER_TEAM = "other_team_practitioner"
IDENTITIES = [*Role.values, OTHER_TEAM, ANONYMOUS]
TEAM_A = (Role.PRACTITIONER.value, Role.TEAM_MANAGER.value)

# Words only team A may ever be shown: the family's do-not-disclose address and a sensitive case note.
HIDDEN_ADDRESS = "12 Secret Street, Luton"
SENSITIVE_NOTE = "Mum disclosed that her ex-partner has been coming to the house at night."


@dataclass
class World:
    users: dict[str, User | None]
    # Values for URL parameters, looked up as "<url name>.<param>", then "<namespace>.<param>", then "<param>".
    params: dict[str, Any] = field(default_factory=dict)


def build_world() -> World:
    """The records every page needs, built through the real services where the tests of each app do."""
    episode, practitioner = allocated_episode(
        address_line=HIDDEN_ADDRESS, postcode="LU2 9ZZ", address_hidden=True, address_hidden_reason="Fleeing abuse"
    )
    team_a = episode.team
    family = episode.family
    parent = AdultFactory.create(family=family, relationship="Mother")
    plan = agreed_plan(episode, practitioner)
    outcome = PlanOutcome.objects.filter(plan=plan).order_by("pk")[0]
    action = PlanAction.objects.filter(outcome__plan=plan).order_by("pk")[0]
    assessment = Assessment.objects.filter(episode=episode).get()
    SensitiveCaseNoteFactory.create(episode=episode, author=practitioner, text=SENSITIVE_NOTE)
    step_up = StepUpFactory.create(episode=episode, stepped_up_by=practitioner)
    professional = ProfessionalFactory.create(family=family)
    consent = ConsentFactory.create(family=family)
    letter = LetterFactory.create(family=family, professional=professional, written_by=practitioner)

    team_manager = staff(Role.TEAM_MANAGER, teams=[team_a])
    editor, reviewer = staff(Role.DIRECTORY_OFFICER), staff(Role.SERVICE_MANAGER)
    other_team = Team.objects.get(neighbourhood__slug="east")
    users: dict[str, User | None] = {
        Role.PRACTITIONER: practitioner,
        Role.TEAM_MANAGER: team_manager,
        Role.FRONT_DOOR_OFFICER: staff(Role.FRONT_DOOR_OFFICER),
        Role.SERVICE_MANAGER: reviewer,
        Role.DIRECTORY_OFFICER: editor,
        Role.CONSULTATION_OFFICER: staff(Role.CONSULTATION_OFFICER),
        Role.ADMINISTRATOR: staff(Role.ADMINISTRATOR),
        OTHER_TEAM: staff(Role.PRACTITIONER, teams=[other_team]),
        ANONYMOUS: None,
    }

    appointment = book(episode, practitioner, starts_at=at(monday(), 10), person=parent)
    programme = open_programme(team=team_a, facilitator=practitioner)
    enrolment = enrolment_request(programme=programme, episode=episode, person=parent, by=practitioner)
    father = AdultFactory.create(
        family=family,
        relationship="Father",
        lives_elsewhere=True,
        address_line="3 Other Road, Luton",
        postcode="LU2 0AA",
    )
    contact = contact_book(
        episode=episode,
        child=family.members.filter(kind=Person.Kind.CHILD).first(),
        parent=father,
        room=Room.objects.get(place__slug="manor-contact-centre", name="Contact room 1"),
        supervisor=practitioner,
        day=next_weekday(2),
        start_time=time(15),
        end_time=time(16),
        by=practitioner,
    )
    assert contact.status == ContactSession.Status.BOOKED

    email, _created = mail.contact_email_import(
        raw=(MAIL / "school_with_attachments.eml").read_bytes(), source=ContactEmail.Source.DROP_FOLDER
    )
    organisation = VettedOrganisationFactory.create(account_email="lead@group.example.org")
    service = ServiceFactory.create(organisation=organisation)
    service_at_location = runs_at(service, LocationFactory.create())
    term = TaxonomyTerm.objects.select_related("taxonomy").order_by("pk").first()
    assert term is not None, "the needs taxonomy is reference data"
    change = ChangeRequest.objects.create(
        kind=ChangeRequest.Kind.ORGANISATION,
        organisation=organisation,
        proposed={"name": "Renamed group"},
        submitted_by_email="lead@group.example.org",
    )
    article = article_create(
        content={
            "title": "Play ideas at home",
            "kind": "article",
            "summary": "Cheap games.",
            "body": "Use boxes.",
            "easy_read_body": "Play is good. Boxes are free.",
            "min_age": 1,
            "max_age": 4,
        },
        topics=[Topic.objects.get(slug="toddlers")],
        ceased_services=[],
        created_by=editor,
    )
    article_translation_save(article=article, language="ur", title="گھر پر کھیل", summary="کھیل", body="ڈبے")
    article = article_publish(article=article_submit(article=article, submitted_by=editor), published_by=reviewer)
    message = QueuedMessageFactory.create()
    waiting = ReceivedReferralFactory.create(family=FamilyFactory.create(neighbourhood=team_a.neighbourhood))

    consultation = open_childrens_centres()
    question = consultation.questions.order_by("position")[0]
    document = DocumentPage.objects.filter(edition__consultation=consultation, edition__code="en").order_by("pk")[0]
    # A session of the consultation and a notice about it, not yet sent (issue 8).
    event = an_event()
    notice = notice_create(
        consultation=consultation, by_email=True, by_sms=True, by_letter=True, by=staff(Role.CONSULTATION_OFFICER)
    )
    theme = theme_create(consultation=consultation, name="Travel to the hubs")
    consultation_impact = impact_create(
        consultation=consultation,
        characteristic="disability",
        group="Disabled parents",
        description="Further to travel",
        direction="negative",
        severity="high",
        themes=[theme],
    )
    # A decision of the consultation, still open so it can be changed (issue 8).
    consultation_decision = consultation.decisions.create(
        summary="Keep Beech Hill as an outreach base",
        we_did="We kept Beech Hill open as an outreach base.",
        decided_on=consultation.opens_on,
        decided_by="The Executive",
        recorded_by=staff(Role.CONSULTATION_OFFICER),
    )
    # A family's opt-out from consultation notices, told to staff by phone (issue 8).
    opt_out = opt_out_record(reference=family.reference, source="phone", by=staff(Role.CONSULTATION_OFFICER))
    faq_item = document.edition.faqs.order_by("pk")[0]

    params = {
        # Family pages and the chronology take the family's reference; intake and triage the referral's.
        "families.reference": family.reference,
        "casework.reference": family.reference,
        # The front door's pages act on a referral still waiting for a decision.
        "intake.reference": waiting.reference,
        "triage.reference": waiting.reference,
        # Overriding needs a decision to override: the one that opened the episode.
        "triage:override.reference": episode.referral.reference,
        "partner_api.reference": waiting.reference,
        "person_id": parent.pk,
        # Only someone who lives elsewhere has an address of their own to change.
        "families:person_address.person_id": father.pk,
        "professional_id": professional.pk,
        "letter_id": letter.pk,
        "consent_id": consent.pk,
        "episode_id": episode.pk,
        "outcome_id": outcome.pk,
        "action_id": action.pk,
        "assessment_id": assessment.pk,
        "step_up_id": step_up.pk,
        "team_id": team_a.pk,
        "figure": "contacts-by-channel",
        "fmt": "csv",
        "scheduling:book?": {"episode": episode.pk},
        "appointment_id": appointment.pk,
        "practitioner_id": practitioner.pk,
        "scheduling.slug": "leagrave-hub",
        "programme_id": programme.pk,
        "session_id": programme.sessions.order_by("starts_at").first().pk,  # type: ignore[union-attr]
        "enrolment_id": enrolment.pk,
        "contact_id": contact.pk,
        "level": 3,
        "pk": email.pk,
        "attachment_pk": email.attachments.order_by("pk").first().pk,  # type: ignore[union-attr]
        "message_id": message.pk,
        "organisation_id": organisation.pk,
        "evidence_id": SafeguardingEvidence.objects.filter(organisation=organisation).order_by("pk").first().pk,  # type: ignore[union-attr]
        "request_id": change.pk,
        "service_uuid": service.uuid,
        "article_id": article.pk,
        "resources_staff:action.action": "unpublish",
        "resources.slug": article.slug,
        "resources.language": "ur",
        "journey.slug": "who",
        "journey.index": 0,
        "journey.stage": "area",
        "journey.token": "not-a-real-token",
        "help_check.token": "not-a-real-token",
        "directory:sign_in_link.token": "not-a-real-token",
        "core.code": "cy",
        # The children's centres consultation (reference data), open for responses.
        "consultation.slug": consultation.slug,
        "consultation.code": "en",
        "consultation:document.page": document.slug,
        "consultation:question.page": 1,
        "consultation.token": "not-a-real-token",
        "consultation_staff.pk": consultation.pk,
        "consultation_staff.code": "en",
        "consultation_staff.key": question.key,
        "consultation_staff.reference": "RSP-NOTREAL",
        # Consultation events and notices (issue 8); the cancel and unsubscribe links are made up.
        "outreach.slug": consultation.slug,
        "outreach.event_id": event.pk,
        "outreach.token": "not-a-real-token",
        "outreach_staff.event_id": event.pk,
        "outreach_staff.notice_id": notice.pk,
        "outreach_staff.opt_out_id": opt_out.pk,
        "consultation_staff.decision_id": consultation_decision.pk,
        # A theme and an equality impact of the consultation (issue 8); no answer behind the made-up id.
        "consultation_staff.theme_id": theme.pk,
        "consultation_staff.impact_id": consultation_impact.pk,
        "consultation_staff.answer_id": 999_999,
        "consultation_staff.page_id": document.pk,
        "consultation_staff.faq_id": faq_item.pk,
        # Pages of the family portal and the privacy pages (issue 10): made-up links and ids where the
        # page is about a record the portal or the retention review holds.
        "portal.token": "not-a-real-token",
        "public_id": "00000000-0000-4000-8000-000000000000",
        "privacy_staff.person_id": parent.pk,
        "item_id": 999_999,
        "privacy_staff.reference": family.reference,
        "oruk.id": str(service.uuid),
        "oruk:service_at_location.id": str(service_at_location.uuid),
        "oruk:taxonomy.id": str(term.taxonomy.uuid),
        "oruk:taxonomy_term.id": str(term.uuid),
    }
    return World(users=users, params=params)
