"""Builds the demonstration dataset through the same services the pages use.

Seeded, so every machine gets the same families; fictional throughout: names
come from Faker, phone numbers from Ofcom's drama range and addresses are made up.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from faker import Faker

from family_resources.accounts.mfa import demo_app_device_give
from family_resources.accounts.models import Team, TeamMembership, User
from family_resources.accounts.roles import Role
from family_resources.audit.context import AuditContext, acting_as
from family_resources.casework.models import Assessment, Delivery, Domain, Episode
from family_resources.casework.services import episode_allocate
from family_resources.casework.services.assessments import (
    FindingInput,
    assessment_sign_off,
    assessment_start,
    assessment_submit,
    assessment_update,
)
from family_resources.casework.services.plans import (
    ScoreInput,
    plan_action_add,
    plan_agree,
    plan_create,
    plan_outcome_add,
    plan_review_record,
)
from family_resources.catalogue.models import CeasedService, Intervention, ServiceArea
from family_resources.consultation.content import CONSULTATION_SLUG
from family_resources.consultation.models import Consultation
from family_resources.consultation.services import consultation_reschedule, consultation_transition
from family_resources.demo import content
from family_resources.directory.models import (
    EvidenceKind,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from family_resources.directory.services import safeguarding_evidence_verify
from family_resources.families.models import AgencyType, ConsentMethod, Family, Person
from family_resources.families.services import consent_record, family_hide_address, professional_add
from family_resources.intake.eligibility import Relationship
from family_resources.intake.models import Channel, ReferrerType, Urgency
from family_resources.intake.services import PersonInput, ReferralInput, referral_create_family, referral_submit
from family_resources.outreach.services import event_create
from family_resources.places.models import Neighbourhood, PostcodeSector
from family_resources.resources.models import Article, Topic
from family_resources.resources.services import article_create, article_publish, article_submit
from family_resources.triage.services import decision_record

SEED = 2026
# Services run in languages other than English, so packs can match a family's language.
SERVICE_LANGUAGES = {
    "Baby massage and baby talk group": ["en", "ur", "bn"],
    "Breastfeeding peer support": ["en", "ur", "bn"],
    "Youth club": ["en", "pl"],
    "Stay and play": ["en", "pl", "ro"],
}
SERVICE_CATEGORIES = {
    "Baby equipment bank": ["money-housing", "babies"],
    "Baby massage and baby talk group": ["babies"],
    "Breastfeeding peer support": ["babies", "health"],
    "Stay and play": ["play"],
    "Youth club": ["young-people"],
    "Sing and sign": ["play", "babies"],
    "SEND parents' coffee mornings": ["send"],
    "Cook and eat together": ["health"],
    "Dads and kids Saturday club": ["play", "school-age"],
    "Antenatal group": ["pregnancy"],
}
DEMO_VENUES = {
    "central": ("Central community rooms", "12 Church Street", "LU1 2AA"),
    "north": ("Marsh Farm community hall", "3 Purley Centre", "LU3 1AA"),
    "south": ("Park Town hall", "8 Park Street", "LU1 3AA"),
    "east": ("Stopsley church hall", "1 Hitchin Road", "LU2 0AA"),
    "west": ("Bury Park community rooms", "20 Dunstable Road", "LU4 8AA"),
}
EVIDENCE_SEEN = {
    EvidenceKind.POLICY: "Safeguarding policy, reviewed by the trustees this year.",
    EvidenceKind.LEAD: "Designated safeguarding lead named, with a deputy.",
    EvidenceKind.DBS: "Enhanced DBS checks for every volunteer who works with children.",
    EvidenceKind.INSURANCE: "Public liability insurance certificate.",
    EvidenceKind.TRAINING: "Level 1 safeguarding training for all volunteers.",
}
HEALTH_ORGANISATION = (
    "Luton 0-19 Public Health Nursing",
    "Health visitors and school nurses for every family with children in Luton.",
    [
        (
            "Health visitor drop-in clinic",
            "Weigh your baby and talk to a health visitor; no appointment needed.",
            "west",
        ),
        ("Child health clinic", "Health and development checks for under-fives.", "central"),
    ],
)
AREA_TOPICS = {
    "early-years": "toddlers",
    "send": "send",
    "school-aged": "school-age",
    "teenage": "teenagers",
    "supervised-contact": "family-relationships",
}
DEMO_DOMAIN = "example.org"
FAMILY_COUNT = 36
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: Role
    team: str | None


# One easy-to-remember account per role, printed by `make run`.
ROLE_ACCOUNTS = [
    DemoAccount(f"practitioner@{DEMO_DOMAIN}", Role.PRACTITIONER, "Central Luton team"),
    DemoAccount(f"team.manager@{DEMO_DOMAIN}", Role.TEAM_MANAGER, "Central Luton team"),
    DemoAccount(f"front.door@{DEMO_DOMAIN}", Role.FRONT_DOOR_OFFICER, "Front door"),
    DemoAccount(f"service.manager@{DEMO_DOMAIN}", Role.SERVICE_MANAGER, "Service management"),
    DemoAccount(f"directory@{DEMO_DOMAIN}", Role.DIRECTORY_OFFICER, "Service management"),
    DemoAccount(f"consultation@{DEMO_DOMAIN}", Role.CONSULTATION_OFFICER, "Service management"),
    DemoAccount(f"admin@{DEMO_DOMAIN}", Role.ADMINISTRATOR, None),
]


@dataclass
class DemoSummary:
    accounts: list[DemoAccount] = field(default_factory=list)
    password: str = ""
    created: bool = False
    counts: dict[str, int] = field(default_factory=dict)


def demo_loaded() -> bool:
    return User.objects.filter(email=ROLE_ACCOUNTS[-1].email).exists()


def load_demo_data(*, password: str) -> DemoSummary:
    summary = DemoSummary(accounts=ROLE_ACCOUNTS, password=password)
    if demo_loaded():
        return summary
    with acting_as(AuditContext(actor=None, source="command:load_demo_data")), transaction.atomic():
        fake = Faker("en_GB")
        fake.seed_instance(SEED)
        rng = random.Random(SEED)
        staff = _staff(fake, password)
        # The directory and articles come first: signposting decisions build packs from them.
        _directory()
        _articles()
        _families_and_referrals(fake, rng, staff)
        _casework()
        _consultation()
        _consultation_events()
    summary.created = True
    summary.counts = {
        "staff": User.objects.count(),
        "families": Family.objects.count(),
        "organisations": Organisation.objects.count(),
        "articles": Article.objects.count(),
    }
    return summary


def _user(email: str, name: str, role: Role, password: str, team: Team | None) -> User:
    user = User.objects.create_user(email, password, full_name=name, role=role, job_title=str(role.label))
    # Staff sign-in needs an authenticator app: demo accounts share a documented demo key (ADR 0022).
    demo_app_device_give(user=user)
    if team is not None:
        TeamMembership.objects.create(user=user, team=team)
    return user


def _staff(fake: Faker, password: str) -> dict[int, list[User]]:
    """The role accounts, plus a manager and three practitioners in every neighbourhood team."""
    teams = {team.name: team for team in Team.objects.all()}
    for account in ROLE_ACCOUNTS:
        _user(account.email, fake.name(), account.role, password, teams.get(account.team or ""))
    practitioners: dict[int, list[User]] = {}
    for team in Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD).order_by("name"):
        members = list(User.objects.filter(memberships__team=team, role=Role.PRACTITIONER))
        if team.name != "Central Luton team":
            name = fake.name()
            _user(_email(name), name, Role.TEAM_MANAGER, password, team)
        while len(members) < 3:
            name = fake.name()
            members.append(_user(_email(name), name, Role.PRACTITIONER, password, team))
        practitioners[team.pk] = members
    second = fake.name()
    _user(_email(second), second, Role.FRONT_DOOR_OFFICER, password, teams["Front door"])
    return practitioners


def _email(name: str) -> str:
    local = ".".join(part.lower() for part in name.replace("'", "").split() if part.isalpha())
    base, n = f"{local}@{DEMO_DOMAIN}", 1
    while User.objects.filter(email=base).exists():
        n += 1
        base = f"{local}{n}@{DEMO_DOMAIN}"
    return base


# (level, immediate risk) an officer decides for each demo family in turn; None leaves the referral in the queue.
DECISION_PLAN: list[tuple[int, bool] | None] = [
    *[(1, False)] * 4,
    *[(2, False)] * 7,
    *[(3, False)] * 14,
    *[(4, False)] * 4,
    (4, True),
    *[None] * 6,
]
REFERRERS = [
    (Channel.ONLINE_SELF, ReferrerType.SELF),
    (Channel.PHONE, ReferrerType.SELF),
    (Channel.ONLINE_PROFESSIONAL, ReferrerType.HEALTH_VISITOR),
    (Channel.ONLINE_PROFESSIONAL, ReferrerType.SCHOOL),
    (Channel.EMAIL, ReferrerType.GP),
    (Channel.ONLINE_PROFESSIONAL, ReferrerType.MIDWIFE),
    (Channel.PHONE, ReferrerType.NURSERY),
    (Channel.EMAIL, ReferrerType.SOCIAL_CARE),
]


def _families_and_referrals(fake: Faker, rng: random.Random, practitioners: dict[int, list[User]]) -> None:
    """Referrals through the front door's own service, then matched, decided and allocated as officers would."""
    today = timezone.localdate()
    officers = list(User.objects.filter(role=Role.FRONT_DOOR_OFFICER))
    sectors = {s.neighbourhood.slug: s.sector for s in PostcodeSector.objects.select_related("neighbourhood")}
    areas = sorted(sectors)
    for index, plan in enumerate(DECISION_PLAN[:FAMILY_COUNT]):
        surname = fake.last_name()
        level, immediate_risk = plan if plan is not None else (None, False)
        people = [
            PersonInput(Relationship.PARENT, fake.first_name_female(), surname, _birthday(rng, today, 19, 45)),
        ]
        if rng.random() < 0.5:
            people.append(
                PersonInput(Relationship.PARENT, fake.first_name_male(), surname, _birthday(rng, today, 20, 50))
            )
        for _ in range(rng.randint(1, 3)):
            age = rng.randint(0, 17)
            people.append(
                PersonInput(
                    Relationship.CHILD,
                    fake.first_name(),
                    surname,
                    _birthday(rng, today, age, age),
                    has_send=rng.random() < 0.15,
                )
            )
        if index % 9 == 4:
            people.append(
                PersonInput(Relationship.UNBORN, expected_date_of_delivery=today + timedelta(days=rng.randint(20, 200)))
            )

        channel, referrer = REFERRERS[index % len(REFERRERS)]
        days_ago = rng.randint(0, 4) if plan is None else rng.randint(1, 120)
        received = timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), time(9 + index % 8, 15)))
        consent = index % 10 != 7
        sector = sectors[areas[index % len(areas)]]
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        referral, _created = referral_submit(
            data=ReferralInput(
                channel=channel,
                referrer_type=referrer,
                concerns=content.IMMEDIATE_RISK_REASON if immediate_risk else rng.choice(content.REASONS[level or 2]),
                people=people,
                consent_given=consent,
                consent_reason_if_not=""
                if consent
                else "Safeguarding concern: telling the parent may put the child at risk.",
                sharing_agreed=["health", "education"] if consent else [],
                urgency=Urgency.IMMEDIATE_RISK if immediate_risk else Urgency.ROUTINE,
                postcode=f"{sector}{rng.choice(letters)}{rng.choice(letters)}",
                address=fake.street_address().replace("\n", ", ") + ", Luton",
                preferred_language=LANGUAGES[index % len(LANGUAGES)] if index % 3 == 0 else "en",
                interpreter_needed=index % 6 == 0 and index > 0,
                open_to_social_care=level == 4 and index % 2 == 0,
                referrer_name="" if referrer == ReferrerType.SELF else fake.name(),
                referrer_organisation="" if referrer == ReferrerType.SELF else str(referrer.label),
                referrer_email=f"referrer{index}@{DEMO_DOMAIN}",
                received_at=received,
            ),
            logged_by=officers[0] if channel in (Channel.PHONE, Channel.EMAIL) else None,
        )
        if level is None and index % 2 == 0:
            continue  # some new referrals still need their family matched
        family = referral_create_family(referral=referral)
        if index % 11 == 5:
            family_hide_address(family=family)
        if level is None:
            continue
        decision = decision_record(
            referral=referral,
            level=level,
            immediate_risk=immediate_risk,
            rationale=f"Demo decision: level {level} on the threshold guidance.",
            decided_by=officers[index % len(officers)],
            decided_at=received + timedelta(hours=rng.randint(2, 40)),
        )
        episode = Episode.objects.filter(referral=decision.referral).first()
        # Some families wait for allocation, including in the Central team the demo manager runs.
        if episode is not None and index % 10 != 0 and index % 7 != 3:
            team_practitioners = practitioners[episode.team_id]
            episode_allocate(episode=episode, practitioner=team_practitioners[index % len(team_practitioners)])


# What the demo's allocated families have got to, in turn: nothing yet, an assessment being written,
# one waiting for sign-off, a signed-off assessment with a plan being written, an agreed plan, an
# agreed plan already reviewed once.
CASEWORK_STAGES = 6
HEALTH_VISITORS = ["Grace Okafor", "Helen Shah", "Joanna Nowak"]


def _casework() -> None:
    """Take each allocated family as far through casework as its time with the team allows."""
    today = timezone.localdate()
    episodes = Episode.objects.filter(status=Episode.Status.OPEN, lead_practitioner__isnull=False).select_related(
        "lead_practitioner", "team"
    )
    managers = {m.team_id: m.user for m in TeamMembership.objects.filter(user__role=Role.TEAM_MANAGER)}
    programme = Intervention.objects.get(slug="mental-health")  # the mental health and self-esteem group
    visiting = Intervention.objects.get(slug="school-readiness")
    for index, episode in enumerate(episodes.order_by("pk")):
        stage = index % CASEWORK_STAGES
        practitioner = episode.lead_practitioner
        if stage == 0 or practitioner is None:
            continue
        family = episode.family
        professional_add(family=family, name=HEALTH_VISITORS[index % len(HEALTH_VISITORS)],
                         agency_type=AgencyType.HEALTH_VISITOR, organisation="Luton 0-19 Public Health Nursing",
                         phone="01632 960" + f"{index % 1000:03d}")  # fmt: skip
        parent = family.members.filter(kind=Person.Kind.ADULT).first()
        if parent is not None:
            consent_record(family=family, given_by=parent, given_on=episode.opened_on, method=ConsentMethod.VERBAL,
                           agencies=[AgencyType.HEALTH_VISITOR, AgencyType.SCHOOL], recorded_by=practitioner)  # fmt: skip
        assessment = assessment_start(episode=episode, started_by=practitioner)
        assessment_update(
            assessment=assessment,
            family_view=content.FAMILY_VIEW,
            child_view=content.CHILD_VIEW,
            summary=content.ASSESSMENT_SUMMARY,
            findings={
                Domain.EARLY_YEARS: FindingInput(content.STRENGTHS, content.EARLY_YEARS_NEED, True),
                Domain.HEALTH: FindingInput("Registered with a GP and the health visitor.", content.HEALTH_NEED, True),
                Domain.HOUSING: FindingInput("Settled tenancy with a housing association.", "", False),
            },
        )
        if stage == 1:
            continue
        assessment_submit(assessment=assessment, submitted_by=practitioner)
        manager = managers.get(episode.team_id)
        if stage == 2 or manager is None:
            continue
        assessment_sign_off(assessment=assessment, signed_off_by=manager, comment="Clear analysis; agreed.")
        # The services stamp today's time; a demo family that has been with the team for weeks had its
        # assessment signed off in its first week, so the dates on its record read in order.
        signed = min(
            timezone.now(),
            timezone.make_aware(datetime.combine(min(today, episode.opened_on + timedelta(days=7)), time(15))),
        )
        Assessment.objects.filter(pk=assessment.pk).update(
            submitted_at=signed - timedelta(hours=4), signed_off_at=signed
        )
        plan = plan_create(episode=episode, created_by=practitioner)
        due = today + timedelta(days=21)
        bedtimes = plan_outcome_add(plan=plan, domain=Domain.EARLY_YEARS, description=content.OUTCOME_ROUTINES,
                                    baseline_score=3)  # fmt: skip
        plan_action_add(outcome=bedtimes, intervention=visiting, delivery=Delivery.HOME, due_on=due,
                        assigned_to=practitioner, detail="Weekly home visits on routines.")  # fmt: skip
        alone = plan_outcome_add(plan=plan, domain=Domain.HEALTH, description=content.OUTCOME_CONFIDENCE,
                                 baseline_score=4)  # fmt: skip
        plan_action_add(outcome=alone, intervention=programme, delivery=Delivery.GROUP, due_on=due,
                        assigned_to_other="Parent")  # fmt: skip
        if stage == 3:
            continue
        agreed_on = min(
            today, max(episode.opened_on + timedelta(days=8), today - timedelta(days=50 if stage == 5 else 10))
        )
        plan_agree(plan=plan, agreed_on=agreed_on)
        if stage == 5:
            plan_review_record(
                plan=plan,
                reviewed_on=min(today, agreed_on + timedelta(weeks=plan.review_interval_weeks)),
                reviewed_by=practitioner,
                summary="Bedtimes are calmer most nights; the parent is going to the group.",
                scores={bedtimes.pk: ScoreInput(score=6), alone.pk: ScoreInput(score=5)},
            )


def _birthday(rng: random.Random, today: date, youngest: int, oldest: int) -> date:
    age_days = rng.randint(youngest * 365 + 1, oldest * 365 + 364)
    return today - timedelta(days=age_days)


def _directory() -> None:
    """Organisations vetted by the directory officer through the evidence service (one never verified, one
    lapsed), each service meeting at a venue in its neighbourhood once a week; and the universal health services."""
    today = timezone.localdate()
    officer = User.objects.get(email=f"directory@{DEMO_DOMAIN}")
    areas = {area.slug: area for area in ServiceArea.objects.all()}
    ceased = {item.slug: item for item in CeasedService.objects.all()}
    neighbourhoods = {n.slug: n for n in Neighbourhood.objects.all()}
    terms = {term.slug: term for term in TaxonomyTerm.objects.all()}
    health_services: list[content.ServiceRow] = [
        (name, about, area, 0, 5, True, ["early-years"], ["other-health-related-services-at-childrens-centre"])
        for name, about, area in HEALTH_ORGANISATION[2]
    ]
    rows: list[tuple[str, str, int | None, list[content.ServiceRow]]] = [
        *content.ORGANISATIONS,
        (HEALTH_ORGANISATION[0], HEALTH_ORGANISATION[1], 200, health_services),
    ]
    for number, (name, description, expires_in, services) in enumerate(rows):
        handle = name.lower().replace(" ", "").replace(chr(39), "")[:20]
        organisation = Organisation.objects.create(
            name=name,
            kind=Organisation.Kind.HEALTH if name == HEALTH_ORGANISATION[0] else Organisation.Kind.COMMUNITY,
            description=description,
            email=f"hello@{handle}.example.org",
            phone=f"01632 960 {200 + number:03d}",
            account_name="Demo organiser",
            account_email=f"directory@{handle}.example.org",
        )
        if expires_in is not None:
            # Lapsed evidence was verified a year before it ran out; the rest was verified today.
            verified_at = timezone.now() - timedelta(days=365) if expires_in < 0 else None
            for kind in EvidenceKind:
                days = expires_in if kind == EvidenceKind.DBS else max(expires_in, 0) + 90
                safeguarding_evidence_verify(
                    organisation=organisation, kind=kind, detail=EVIDENCE_SEEN[kind], verified_by=officer,
                    valid_until=today + timedelta(days=days), verified_at=verified_at,
                )  # fmt: skip
        for s_name, s_desc, area, min_age, max_age, free, area_slugs, replaces in services:
            service = Service.objects.create(
                organisation=organisation,
                name=s_name,
                description=s_desc,
                neighbourhood=neighbourhoods[area],
                min_age=min_age,
                max_age=max_age,
                is_free=free,
                languages=SERVICE_LANGUAGES.get(s_name, ["en"]),
                cost_description="" if free else "A small donation is asked for",
                assured_on=today,
            )
            service.service_areas.set([areas[a] for a in area_slugs])
            service.categories.set([terms[t] for t in SERVICE_CATEGORIES.get(s_name, [])])
            service.replaces.set([ceased[c] for c in replaces])
            venue, address, postcode = DEMO_VENUES[area]
            location, _ = Location.objects.get_or_create(
                organisation=organisation,
                name=venue,
                defaults={
                    "address_1": address,
                    "postcode": postcode,
                    "neighbourhood": neighbourhoods[area],
                    "accessibility": "Step-free entrance and an accessible toilet.",
                },
            )
            ServiceAtLocation.objects.create(service=service, location=location)
            Schedule.objects.create(service=service, weekday=number % 6, opens_at=time(10, 0), closes_at=time(11, 30))


def _articles() -> None:
    """Written by the directory officer and published by the service manager (a second editor), as the pages do."""
    editor = User.objects.get(email=f"directory@{DEMO_DOMAIN}")
    reviewer = User.objects.get(email=f"service.manager@{DEMO_DOMAIN}")
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    areas = {area.slug: area for area in ServiceArea.objects.all()}
    for slug, title, summary, area_slugs, paragraphs in [*content.ARTICLES, content.DRAFT_ARTICLE]:
        article = article_create(
            content={
                "slug": slug,
                "title": title,
                "kind": "article",
                "summary": summary,
                "body": "\n\n".join(paragraphs),
            },
            topics=[topics[AREA_TOPICS[a]] for a in area_slugs if a in AREA_TOPICS],
            ceased_services=CeasedService.objects.filter(slug="stay-and-play") if slug == "toddler-tantrums" else [],
            created_by=editor,
        )
        # Signposting packs choose articles by service area.
        article.service_areas.set([areas[a] for a in area_slugs])
        if slug != content.DRAFT_ARTICLE[0]:
            article_publish(article=article_submit(article=article, submitted_by=editor), published_by=reviewer)


def _consultation() -> None:
    """The children's centres consultation (loaded by a migration as a draft), open now, as an officer would open it."""
    today = timezone.localdate()
    consultation = Consultation.objects.get(slug=CONSULTATION_SLUG)
    consultation = consultation_reschedule(
        consultation=consultation, opens_on=today - timedelta(days=21), closes_on=today + timedelta(days=49)
    )
    if consultation.status == Consultation.Status.DRAFT:
        consultation_transition(consultation=consultation, to=Consultation.Status.OPEN)


# The five online sessions the children's centres consultation promised: morning, afternoon and evening.
CONSULTATION_EVENTS = (
    (5, time(10, 0), "Morning online session", "en", ""),
    (8, time(13, 30), "Afternoon online session", "en", ""),
    (12, time(18, 30), "Evening online session", "en", ""),
    (15, time(10, 0), "Morning session in Urdu", "ur", "Leagrave Hub"),
    (19, time(18, 30), "Evening online session for working parents", "en", ""),
)


def _consultation_events() -> None:
    """Sessions of the open consultation; the meeting links are made up (example.org)."""
    consultation = Consultation.objects.get(slug=CONSULTATION_SLUG)
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    for number, (days, at_time, title, language, place) in enumerate(CONSULTATION_EVENTS, start=1):
        starts = datetime.combine(today + timedelta(days=days), at_time, tzinfo=zone)
        event_create(
            consultation=consultation,
            title=title,
            description="Hear about the proposals for children's centres, ask questions and tell us what you think.",
            meeting_link=f"https://meet.example.org/childrens-centres-{number}",
            place=place,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1, minutes=30),
            language=language,
            capacity=30,
        )
