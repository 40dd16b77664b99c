"""A fictional dataset the size of Luton's Family Resources Service over ten years, for the benchmark.

At scale 1: about 35,000 families (60,000 children), 80,000 referrals with their decisions, 24,000
episodes of support, 400,000 appointments, 500,000 case notes (with the referrals, decisions and
appointments, over a million chronology entries), 2,000 directory services and 500 articles.
History scales with the factor; today's work does not: the same staff, the same open caseloads,
the same front-door queue and the same groups open for enrolment at every scale, as a real service
has, so that a page's growth with the scale is growth with ten years of history.

Rows go in with COPY (loader.py). The names, addresses and text are fictional (Faker, seeded), the
postcodes are real Luton sectors with made-up units. No audit events are written: the generated
history is a starting point, and the trail (and its hash chain) starts empty and verifies.
"""

import bisect
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.apps import apps as django_apps
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from faker import Faker

from family_resources.accounts.models import Team, TeamMembership, User
from family_resources.accounts.roles import Role
from family_resources.casework.due import next_review_date
from family_resources.casework.models import (
    ActionStatus,
    Allocation,
    Assessment,
    AssessmentFinding,
    CaseNote,
    ClosureReason,
    Delivery,
    Domain,
    Episode,
    OutcomeScore,
    OutcomeStatus,
    PlanAction,
    PlanOutcome,
    PlanReview,
    SupportPlan,
)
from family_resources.catalogue.models import Intervention, ServiceArea
from family_resources.core.references import ALPHABET
from family_resources.directory.models import (
    EvidenceKind,
    Location,
    Organisation,
    SafeguardingEvidence,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from family_resources.families.models import Family, Person
from family_resources.intake.eligibility import EligibilityStatus, Relationship
from family_resources.intake.models import Channel, Referral, ReferralPerson, ReferrerType, Urgency
from family_resources.places.models import PostcodeSector, Room
from family_resources.programmes.models import (
    Attendance,
    Enrolment,
    EnrolmentStatus,
    Programme,
    ProgrammeSession,
)
from family_resources.resources.models import Article, ArticleStatus, Topic
from family_resources.scheduling.models import Appointment, AppointmentStatus, CancelReason, Where
from family_resources.triage.models import (
    Decision,
    FollowUpOutcome,
    GuidanceVersion,
    SignpostingPack,
    SocialCareReferral,
)
from family_resources.triage.routing import Route, route_for

from .loader import Loader, Row, aware

YEARS = 10
# Sizes at scale 1 (the figures for Luton over ten years).
FAMILIES = 35_000
CHILDREN = 60_000
REFERRALS = 80_000
APPOINTMENTS = 400_000
CASE_NOTES = 500_000
SERVICES = 2_000
ORGANISATIONS = 700
ARTICLES = 500
PROGRAMMES = 400
# Today's work, the same at every scale.
PRACTITIONERS_PER_TEAM = 8
# Each simulated person signs in as a different account: a TOTP code is accepted once per account and step.
FRONT_DOOR_OFFICERS = 8
SERVICE_MANAGERS = 3
OPEN_EPISODES_PER_PRACTITIONER = 12
QUEUE = 60
OPEN_PROGRAMMES_PER_TEAM = 4
# The appointment grid: hourly starts from 9am to 4pm on weekdays.
APPOINTMENT_HOURS = (9, 10, 11, 12, 13, 14, 15, 16)
PASSWORD_HASH_CACHE: dict[str, str] = {}


@dataclass
class Staff:
    password: str
    practitioners: dict[int, list[int]] = field(default_factory=dict)  # team id -> user ids
    managers: dict[int, int] = field(default_factory=dict)  # team id -> user id
    front_door: list[int] = field(default_factory=list)
    service_manager: int = 0
    directory_officer: int = 0
    emails: dict[int, str] = field(default_factory=dict)
    roles: dict[int, str] = field(default_factory=dict)


@dataclass
class EpisodeFacts:
    id: int
    family_id: int
    team_id: int
    lead_id: int
    opened_on: date
    closed_on: date | None


@dataclass
class Summary:
    scale: float
    counts: dict[str, int]
    manifest: dict[str, Any]


def scaled(number: int, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(number * scale))


def reference(prefix: str, number: int) -> str:
    """A readable reference, unique for each number: a permutation of the numbers below 30**6."""
    value = (number * 387_420_489 + 12_345) % (30**6)
    letters = []
    for _position in range(6):
        value, digit = divmod(value, 30)
        letters.append(ALPHABET[digit])
    return f"{prefix}-" + "".join(letters)


class Generator:
    def __init__(self, *, scale: float, seed: int = 2026, password: str, today: date | None = None) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        self.today = today or timezone.localdate()
        self.start = self.today - timedelta(days=365 * YEARS)
        self.loader = Loader()
        self.password = password
        self.manifest: dict[str, Any] = {"scale": scale, "password": password}
        # Pools of fictional words, made once: Faker is too slow to call a million times.
        self.given_names = [self.fake.first_name() for _ in range(400)]
        self.surnames = [self.fake.last_name() for _ in range(600)]
        self.streets = [self.fake.street_name() for _ in range(300)]
        self.sentences = [self.fake.paragraph(nb_sentences=3) for _ in range(500)]
        self.purposes = ["Home visit", "Parenting support", "Review of the plan", "Sleep routine", "Check-in"]

    # ----------------------------------------------------------------------------------------------
    def run(self) -> Summary:
        with transaction.atomic():
            staff = self._staff()
            families, members = self._families()
            episodes = self._referrals_decisions_episodes(staff, families)
            self._assessments_and_plans(staff, episodes)
            self._notes_and_appointments(staff, episodes, members)
            self._programmes(staff, episodes, members)
            self._directory(staff)
            self._articles(staff)
            self._signposting_packs()
        self.loader.finish()
        return Summary(scale=self.scale, counts=dict(self.loader.counts), manifest=self.manifest)

    # ----------------------------------------------------------------------------------------------
    def _staff(self) -> Staff:
        staff = Staff(password=self.password)
        # One hash for every account: hashing is deliberately slow and the accounts share a password.
        hashed = PASSWORD_HASH_CACHE.get(self.password) or make_password(self.password)
        PASSWORD_HASH_CACHE[self.password] = hashed
        next_user = self.loader.next_id(User)
        next_membership = self.loader.next_id(TeamMembership)
        users: list[Row] = []
        memberships: list[Row] = []

        def add(role: Role, email: str, team: Team | None) -> int:
            nonlocal next_user, next_membership
            user_id = next_user
            next_user += 1
            users.append(
                {
                    "id": user_id,
                    "email": email,
                    "full_name": f"{self.rng.choice(self.given_names)} {self.rng.choice(self.surnames)}",
                    "role": role,
                    "job_title": str(role.label),
                    "password": hashed,
                    "is_active": True,
                    "is_superuser": False,
                    "date_joined": aware(self.start),
                }
            )
            if team is not None:
                memberships.append(
                    {"id": next_membership, "user_id": user_id, "team_id": team.pk, "joined_on": self.start}
                )
                next_membership += 1
            staff.emails[user_id] = email
            staff.roles[user_id] = role
            return user_id

        for index, team in enumerate(Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD).order_by("name")):
            staff.managers[team.pk] = add(Role.TEAM_MANAGER, f"bench.manager{index}@example.org", team)
            staff.practitioners[team.pk] = [
                add(Role.PRACTITIONER, f"bench.practitioner{index}.{number}@example.org", team)
                for number in range(PRACTITIONERS_PER_TEAM)
            ]
        front_door_team = Team.objects.filter(kind=Team.Kind.FRONT_DOOR).first()
        staff.front_door = [
            add(Role.FRONT_DOOR_OFFICER, f"bench.frontdoor{number}@example.org", front_door_team)
            for number in range(FRONT_DOOR_OFFICERS)
        ]
        staff.service_manager = add(Role.SERVICE_MANAGER, "bench.service.manager@example.org", None)
        for number in range(1, SERVICE_MANAGERS):
            add(Role.SERVICE_MANAGER, f"bench.service.manager{number}@example.org", None)
        staff.directory_officer = add(Role.DIRECTORY_OFFICER, "bench.directory@example.org", None)
        self.loader.write(User, users)
        self.loader.write(TeamMembership, memberships)
        self.manifest["totp_keys"] = self._authenticator_apps(users)
        self.manifest["staff"] = {
            "practitioners": [staff.emails[u] for team in staff.practitioners.values() for u in team],
            "team_managers": [staff.emails[u] for u in staff.managers.values()],
            "front_door_officers": [staff.emails[u] for u in staff.front_door],
            "service_managers": [e for u, e in staff.emails.items() if staff.roles[u] == Role.SERVICE_MANAGER],
        }
        return staff

    def _authenticator_apps(self, users: list[Row]) -> dict[str, str]:
        """A confirmed authenticator app (TOTP) for each account, when staff sign-in asks for one.

        Returns each account's key (hex) for the load driver, which works out the codes as an app does.
        """
        if not django_apps.is_installed("django_otp.plugins.otp_totp"):
            return {}
        device_model = django_apps.get_model("otp_totp", "TOTPDevice")
        first = self.loader.next_id(device_model)
        keys = {row["email"]: f"{self.rng.getrandbits(160):040x}" for row in users}
        self.loader.write(
            device_model,
            (
                {
                    "id": first + index,
                    "user_id": row["id"],
                    "name": "Authenticator app",
                    "confirmed": True,
                    "key": keys[row["email"]],
                }
                for index, row in enumerate(users)
            ),
        )
        return keys

    # ----------------------------------------------------------------------------------------------
    def _families(self) -> tuple[list[tuple[int, int, str]], dict[int, list[tuple[int, str]]]]:
        """Families and their members: (family id, neighbourhood id, postcode), and each family's (person id, kind)."""
        sectors = list(PostcodeSector.objects.values_list("sector", "neighbourhood_id"))
        family_count = scaled(FAMILIES, self.scale, 20)
        child_count = scaled(CHILDREN, self.scale, 30)
        first_family = self.loader.next_id(Family)
        first_person = self.loader.next_id(Person)
        families: list[tuple[int, int, str]] = []
        members: dict[int, list[tuple[int, str]]] = {}
        family_rows: list[Row] = []
        person_rows: list[Row] = []
        person_id = first_person
        # Every family has a child; the rest of the children go to families at random.
        children_of = [1] * family_count
        for _extra in range(child_count - family_count):
            children_of[self.rng.randrange(family_count)] += 1
        for index in range(family_count):
            family_id = first_family + index
            sector, neighbourhood_id = self.rng.choice(sectors)
            postcode = f"{sector}{self.rng.choice(ALPHABET[8:])}{self.rng.choice(ALPHABET[8:])}"
            surname = self.rng.choice(self.surnames)
            created = aware(self.start + timedelta(days=self.rng.randrange(365 * YEARS)), 10)
            family_rows.append(
                {
                    "id": family_id,
                    "reference": reference("FAM", family_id),
                    "family_name": surname,
                    "address_line": f"{self.rng.randrange(1, 200)} {self.rng.choice(self.streets)}",
                    "postcode": postcode,
                    "neighbourhood_id": neighbourhood_id,
                    "contact_email": f"family{family_id}@example.com",
                    "created_at": created,
                }
            )
            families.append((family_id, neighbourhood_id, postcode))
            people: list[tuple[int, str]] = []
            for adult in range(1 if self.rng.random() < 0.7 else 2):
                person_rows.append(
                    {
                        "id": person_id,
                        "family_id": family_id,
                        "kind": Person.Kind.ADULT,
                        "given_name": self.rng.choice(self.given_names),
                        "family_name": surname,
                        "relationship": "mother" if adult == 0 else "father",
                        "date_of_birth": self.today - timedelta(days=self.rng.randrange(20 * 365, 50 * 365)),
                    }
                )
                people.append((person_id, Person.Kind.ADULT))
                person_id += 1
            for _child in range(children_of[index]):
                person_rows.append(
                    {
                        "id": person_id,
                        "family_id": family_id,
                        "kind": Person.Kind.CHILD,
                        "given_name": self.rng.choice(self.given_names),
                        "family_name": surname,
                        "relationship": "child",
                        "date_of_birth": self.today - timedelta(days=self.rng.randrange(100, 17 * 365)),
                        "has_send": self.rng.random() < 0.1,
                    }
                )
                people.append((person_id, Person.Kind.CHILD))
                person_id += 1
            members[family_id] = people
        self.loader.write(Family, family_rows)
        self.loader.write(Person, person_rows)
        return families, members

    # ----------------------------------------------------------------------------------------------
    def _referrals_decisions_episodes(self, staff: Staff, families: list[tuple[int, int, str]]) -> list[EpisodeFacts]:
        teams = dict(Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD).values_list("neighbourhood_id", "id"))
        guidance = GuidanceVersion.objects.order_by("-number").values_list("pk", flat=True).first()
        referral_count = scaled(REFERRALS, self.scale, 40)
        queue = min(QUEUE, referral_count // 4)
        history = referral_count - queue
        # Families whose support is open today: the same number at every scale (capped on tiny datasets).
        practitioners = [(team, user) for team, users in staff.practitioners.items() for user in users]
        open_wanted = min(len(practitioners) * OPEN_EPISODES_PER_PRACTITIONER, len(families) // 3)
        referrals_of = [1] * len(families)
        for _extra in range(max(0, history - len(families))):
            referrals_of[self.rng.randrange(len(families))] += 1

        next_referral = self.loader.next_id(Referral)
        next_decision = self.loader.next_id(Decision)
        next_episode = self.loader.next_id(Episode)
        next_allocation = self.loader.next_id(Allocation)
        next_handoff = self.loader.next_id(SocialCareReferral)
        referrals: list[Row] = []
        decisions: list[Row] = []
        episodes: list[Row] = []
        allocations: list[Row] = []
        handoffs: list[Row] = []
        facts: list[EpisodeFacts] = []
        lead_round: dict[int, int] = {}
        open_by_practitioner: dict[int, list[dict[str, Any]]] = {}
        days = 365 * YEARS
        for index, (family_id, neighbourhood_id, postcode) in enumerate(families[: min(len(families), history)]):
            is_open = index < open_wanted
            count = referrals_of[index]
            if is_open:
                dates = sorted(self.start + timedelta(days=self.rng.randrange(days - 200)) for _ in range(count - 1))
                dates.append(self.today - timedelta(days=self.rng.randrange(20, 150)))
            else:
                dates = sorted(self.start + timedelta(days=self.rng.randrange(days - 2)) for _ in range(count))
            team_id = teams[neighbourhood_id]
            for number, day in enumerate(dates):
                last = number == count - 1
                referral_id = next_referral
                next_referral += 1
                received = aware(day, self.rng.randrange(8, 17), self.rng.choice((0, 15, 30, 45)))
                channel = self.rng.choice(list(Channel)[:5])
                immediate = not (is_open and last) and self.rng.random() < 0.03
                open_to_social_care = self.rng.random() < 0.05
                referrals.append(
                    {
                        "id": referral_id,
                        "reference": reference("REF", referral_id),
                        "family_id": family_id,
                        "channel": channel,
                        "urgency": Urgency.IMMEDIATE_RISK if immediate else Urgency.ROUTINE,
                        "status": Referral.Status.DECIDED,
                        "received_at": received,
                        "referrer_type": ReferrerType.SELF
                        if channel == Channel.ONLINE_SELF
                        else self.rng.choice(list(ReferrerType)[1:8]),
                        "referrer_name": self.fake.name() if number == 0 and index < 50 else "A referrer",
                        "postcode": postcode,
                        "neighbourhood_id": neighbourhood_id,
                        "open_to_social_care": open_to_social_care,
                        "concerns": self.rng.choice(self.sentences),
                        "consent_given": True,
                        "sharing_agreed": ["health", "education"],
                        "eligibility": EligibilityStatus.ELIGIBLE,
                    }
                )
                level = 3 if (is_open and last) else self.rng.choices((1, 2, 3, 4), weights=(25, 30, 33, 12))[0]
                route = route_for(level=level, immediate_risk=immediate, open_to_social_care=open_to_social_care)
                decided = received + timedelta(hours=self.rng.randrange(1, 30))
                officer = self.rng.choice(staff.front_door)
                decision_id = next_decision
                next_decision += 1
                decisions.append(
                    {
                        "id": decision_id,
                        "referral_id": referral_id,
                        "level": level,
                        "immediate_risk": immediate,
                        "route": route,
                        "rationale": self.rng.choice(self.sentences),
                        "decided_by_id": officer,
                        "decided_at": decided,
                        "guidance_version_id": guidance,
                        "suggested_level": level,
                    }
                )
                if route == Route.SOCIAL_CARE:
                    handoffs.append(
                        {
                            "id": next_handoff,
                            "decision_id": decision_id,
                            "urgent": immediate,
                            "passed_on_at": decided + timedelta(minutes=30),
                            "passed_on_by_id": officer,
                        }
                    )
                    next_handoff += 1
                if route != Route.ACCEPTED:
                    continue
                round_number = lead_round.get(team_id, 0)
                lead_round[team_id] = round_number + 1
                team_practitioners = staff.practitioners[team_id]
                lead = team_practitioners[round_number % len(team_practitioners)]
                opened_on = timezone.localdate(decided) + timedelta(days=1)
                closed_on: date | None = None
                if not (is_open and last):
                    limit = dates[number + 1] - timedelta(days=1) if not last else self.today - timedelta(days=1)
                    closed_on = max(opened_on, min(opened_on + timedelta(days=self.rng.randrange(60, 300)), limit))
                episode_id = next_episode
                next_episode += 1
                episodes.append(
                    {
                        "id": episode_id,
                        "family_id": family_id,
                        "referral_id": referral_id,
                        "team_id": team_id,
                        "lead_practitioner_id": lead,
                        "status": Episode.Status.OPEN if closed_on is None else Episode.Status.CLOSED,
                        "opened_on": opened_on,
                        "closed_on": closed_on,
                        "closure_reason": "" if closed_on is None else self._closure_reason(),
                        "closure_note": "" if closed_on is None else self.rng.choice(self.sentences),
                        "closed_by_id": None if closed_on is None else staff.managers[team_id],
                    }
                )
                allocations.append(
                    {
                        "id": next_allocation,
                        "episode_id": episode_id,
                        "practitioner_id": lead,
                        "allocated_by_id": staff.managers[team_id],
                        "allocated_at": aware(opened_on, 11),
                        "ended_at": None if closed_on is None else aware(closed_on, 17),
                    }
                )
                next_allocation += 1
                facts.append(EpisodeFacts(episode_id, family_id, team_id, lead, opened_on, closed_on))
                if closed_on is None:
                    open_by_practitioner.setdefault(lead, []).append(
                        {"episode": episode_id, "family": reference("FAM", family_id)}
                    )
        # Today's queue: new referrals no officer has matched to a family or decided yet.
        queue_people: list[Row] = []
        next_person = self.loader.next_id(ReferralPerson)
        for _number in range(queue):
            referral_id = next_referral
            next_referral += 1
            _family, neighbourhood_id, postcode = self.rng.choice(families)
            referrals.append(
                {
                    "id": referral_id,
                    "reference": reference("REF", referral_id),
                    "channel": Channel.ONLINE_SELF,
                    "urgency": Urgency.ROUTINE,
                    "status": Referral.Status.RECEIVED,
                    "received_at": timezone.now() - timedelta(minutes=self.rng.randrange(10, 60 * 30)),
                    "referrer_type": ReferrerType.SELF,
                    "referrer_name": self.fake.name(),
                    "referrer_email": "parent@example.com",
                    "postcode": postcode,
                    "neighbourhood_id": neighbourhood_id,
                    "concerns": self.rng.choice(self.sentences),
                    "consent_given": True,
                    "eligibility": EligibilityStatus.ELIGIBLE,
                }
            )
            surname = self.rng.choice(self.surnames)
            for relationship, years in ((Relationship.PARENT, 30), (Relationship.CHILD, 5)):
                queue_people.append(
                    {
                        "id": next_person,
                        "referral_id": referral_id,
                        "relationship": relationship,
                        "given_name": self.rng.choice(self.given_names),
                        "family_name": surname,
                        "date_of_birth": self.today - timedelta(days=365 * years),
                    }
                )
                next_person += 1
        self.loader.write(Referral, referrals)
        self.loader.write(ReferralPerson, queue_people)
        self.loader.write(Decision, decisions)
        self.loader.write(SocialCareReferral, handoffs)
        self.loader.write(Episode, episodes)
        self.loader.write(Allocation, allocations)
        self.manifest["open_episodes"] = {staff.emails[user]: items for user, items in open_by_practitioner.items()}
        sample = self.rng.sample(families, min(2000, len(families)))
        self.manifest["families"] = [reference("FAM", family_id) for family_id, _n, _p in sample]
        return facts

    def _closure_reason(self) -> str:
        return self.rng.choices(
            (ClosureReason.OUTCOMES_MET, ClosureReason.DISENGAGED, ClosureReason.MOVED_AWAY, ClosureReason.OTHER),
            weights=(70, 15, 10, 5),
        )[0]

    # ----------------------------------------------------------------------------------------------
    def _assessments_and_plans(self, staff: Staff, episodes: list[EpisodeFacts]) -> None:
        """Each episode's assessment, and once it is signed off the support plan: outcomes for the needs found,
        an action from the catalogue for each, six-weekly scored reviews and, at the close, a closing review.
        The chronology, the practitioner's due list, the dashboard's distance travelled and the Supporting
        Families return all read these."""
        interventions = list(Intervention.objects.filter(one_to_one=True).values_list("pk", flat=True))
        domains = list(Domain)
        rows: dict[type[Any], list[Row]] = {
            model: []
            for model in (Assessment, AssessmentFinding, SupportPlan, PlanOutcome, PlanAction, PlanReview, OutcomeScore)
        }
        ids = {model: self.loader.next_id(model) for model in rows}

        def add(model: type[Any], **row: Any) -> int:
            row["id"] = ids[model]
            ids[model] += 1
            rows[model].append(row)
            return int(row["id"])

        for episode in episodes:
            last_day = min(episode.closed_on or self.today, self.today)
            manager = staff.managers[episode.team_id]
            lead = episode.lead_id
            started = min(episode.opened_on + timedelta(days=self.rng.randrange(2, 8)), last_day)
            signed_day = started + timedelta(days=self.rng.randrange(7, 21))
            # Support that ended first closes its assessment by then; open support may still be assessing.
            signed = episode.closed_on is not None or signed_day <= self.today
            signed_day = min(signed_day, last_day)
            assessment = add(
                Assessment,
                episode_id=episode.id,
                status=Assessment.Status.SIGNED_OFF if signed else Assessment.Status.IN_PROGRESS,
                started_on=started,
                started_by_id=lead,
                family_view=self.rng.choice(self.sentences),
                summary=self.rng.choice(self.sentences),
                submitted_at=aware(signed_day, 10) if signed else None,
                submitted_by_id=lead if signed else None,
                signed_off_at=aware(signed_day, 15) if signed else None,
                signed_off_by_id=manager if signed else None,
            )
            found = self.rng.sample(domains, 3)
            needs = found[: self.rng.randint(1, 3)]
            for domain in found:
                add(
                    AssessmentFinding,
                    assessment_id=assessment,
                    domain=domain,
                    strengths=self.rng.choice(self.sentences),
                    needs=self.rng.choice(self.sentences) if domain in needs else "",
                    need_identified=domain in needs,
                )
            if not signed:
                continue
            created = min(signed_day + timedelta(days=1), last_day)
            agreed = min(created + timedelta(days=self.rng.randrange(0, 4)), last_day)
            interval = 6
            review_days = []
            day = agreed + timedelta(weeks=interval)
            while day < last_day and (episode.closed_on is None or day < episode.closed_on):
                review_days.append(day)
                day += timedelta(weeks=interval)
            plan = add(
                SupportPlan,
                episode_id=episode.id,
                created_at=aware(created, 9),
                created_by_id=lead,
                agreed_on=agreed,
                review_interval_weeks=interval,
                next_review_on=None
                if episode.closed_on is not None
                else next_review_date(
                    agreed_on=agreed, last_reviewed_on=review_days[-1] if review_days else None, interval_weeks=interval
                ),
            )
            closed = episode.closed_on is not None
            outcomes = []
            for domain in needs:
                baseline = self.rng.randint(2, 5)
                achieved = closed and self.rng.random() < 0.7
                outcome_status = OutcomeStatus.OPEN
                if closed:
                    outcome_status = OutcomeStatus.ACHIEVED if achieved else OutcomeStatus.NOT_ACHIEVED
                outcome = add(
                    PlanOutcome,
                    plan_id=plan,
                    domain=domain,
                    description=self.rng.choice(self.sentences)[:200],
                    baseline_score=baseline,
                    status=outcome_status,
                    created_at=aware(created, 10),
                )
                outcomes.append((outcome, baseline))
                due = agreed + timedelta(days=self.rng.randrange(14, 60))
                done = closed or due < self.today - timedelta(days=7)
                add(
                    PlanAction,
                    outcome_id=outcome,
                    intervention_id=self.rng.choice(interventions),
                    delivery=self.rng.choice((Delivery.HUB, Delivery.HOME)),
                    assigned_to_id=lead,
                    due_on=due,
                    status=ActionStatus.DONE if done else ActionStatus.IN_PROGRESS,
                    completed_on=min(due, last_day) if done else None,
                    created_at=aware(created, 11),
                )
            reviews = [(d, PlanReview.Kind.REVIEW) for d in review_days]
            if episode.closed_on is not None:
                reviews.append((episode.closed_on, PlanReview.Kind.CLOSING))
            for number, (day, kind) in enumerate(reviews, start=1):
                review = add(
                    PlanReview,
                    plan_id=plan,
                    kind=kind,
                    reviewed_on=day,
                    reviewed_by_id=lead,
                    summary=self.rng.choice(self.sentences),
                    recorded_at=aware(day, 16),
                )
                for outcome, baseline in outcomes:
                    # Scores tend upwards over the reviews, as they do for most families the service works with.
                    score = max(1, min(10, baseline + number + self.rng.randint(-2, 1)))
                    add(OutcomeScore, review_id=review, outcome_id=outcome, score=score)
        for model, model_rows in rows.items():
            self.loader.write(model, model_rows)

    # ----------------------------------------------------------------------------------------------
    def _notes_and_appointments(
        self, staff: Staff, episodes: list[EpisodeFacts], members: dict[int, list[tuple[int, str]]]
    ) -> None:
        note_total = scaled(CASE_NOTES, self.scale, 50)
        appointment_total = scaled(APPOINTMENTS, self.scale, 50)
        horizon = self.today + timedelta(days=28)
        spans = [((e.closed_on or horizon) - e.opened_on).days + 1 for e in episodes]
        total_days = sum(spans) or 1
        rooms = list(Room.objects.values_list("pk", flat=True))
        taken: set[tuple[int, date, int]] = set()

        # Ids are read before the COPY starts: the connection can run nothing else during one.
        first_note = self.loader.next_id(CaseNote)
        first_appointment = self.loader.next_id(Appointment)

        def notes() -> Any:
            note_id = first_note
            for episode, span in zip(episodes, spans, strict=True):
                last = min(episode.closed_on or self.today, self.today)
                days = max(1, (last - episode.opened_on).days + 1)
                for _n in range(round(note_total * span / total_days)):
                    occurred = aware(
                        episode.opened_on + timedelta(days=self.rng.randrange(days)), self.rng.randrange(9, 18)
                    )
                    yield {
                        "id": note_id,
                        "episode_id": episode.id,
                        "kind": self.rng.choice(list(CaseNote.Kind)),
                        "occurred_at": occurred,
                        "text": self.rng.choice(self.sentences),
                        "sensitive": self.rng.random() < 0.05,
                        "author_id": episode.lead_id,
                        "written_at": occurred + timedelta(hours=2),
                    }
                    note_id += 1

        def appointments() -> Any:
            appointment_id = first_appointment
            now = timezone.now()
            for episode, span in zip(episodes, spans, strict=True):
                people = [person for person, _kind in members[episode.family_id]]
                for _n in range(round(appointment_total * span / total_days)):
                    slot = None
                    for _attempt in range(6):
                        day = episode.opened_on + timedelta(days=self.rng.randrange(span))
                        if day.weekday() >= 5:
                            day -= timedelta(days=day.weekday() - 4)
                        hour = self.rng.choice(APPOINTMENT_HOURS)
                        if (episode.lead_id, day, hour) not in taken:
                            slot = (day, hour)
                            break
                    if slot is None:
                        continue
                    day, hour = slot
                    taken.add((episode.lead_id, day, hour))
                    starts = aware(day, hour)
                    at_home = self.rng.random() < 0.5
                    status = AppointmentStatus.BOOKED
                    if starts < now:
                        status = self.rng.choices(
                            (AppointmentStatus.ATTENDED, AppointmentStatus.DID_NOT_ATTEND, AppointmentStatus.CANCELLED),
                            weights=(80, 10, 10),
                        )[0]
                    cancelled = status == AppointmentStatus.CANCELLED
                    marked = status in (AppointmentStatus.ATTENDED, AppointmentStatus.DID_NOT_ATTEND)
                    yield {
                        "id": appointment_id,
                        "episode_id": episode.id,
                        "person_id": self.rng.choice(people),
                        "practitioner_id": episode.lead_id,
                        "purpose": self.rng.choice(self.purposes),
                        "where": Where.HOME if at_home else Where.PLACE,
                        "room_id": None if at_home else self.rng.choice(rooms),
                        "starts_at": starts,
                        "ends_at": starts + timedelta(hours=1),
                        "status": status,
                        "cancel_reason": CancelReason.FAMILY_CANCELLED if cancelled else "",
                        "cancelled_at": starts - timedelta(days=1) if cancelled else None,
                        "cancelled_by_id": episode.lead_id if cancelled else None,
                        "marked_at": starts + timedelta(hours=1) if marked else None,
                        "marked_by_id": episode.lead_id if marked else None,
                        "booked_by_id": episode.lead_id,
                        "booked_at": starts - timedelta(days=7),
                        "confirmation_sent_at": starts - timedelta(days=7),
                    }
                    appointment_id += 1

        self.loader.write(CaseNote, notes())
        self.loader.write(Appointment, appointments())

    # ----------------------------------------------------------------------------------------------
    def _programmes(
        self, staff: Staff, episodes: list[EpisodeFacts], members: dict[int, list[tuple[int, str]]]
    ) -> None:
        group_interventions = list(Intervention.objects.filter(group=True).values_list("pk", "name"))
        team_rooms: dict[int, list[int]] = {}
        for team_row in Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD):
            rooms = list(Room.objects.filter(place__teams=team_row, capacity__gte=16).values_list("pk", flat=True))
            team_rooms[team_row.pk] = rooms or list(Room.objects.filter(capacity__gte=16).values_list("pk", flat=True))
        if not group_interventions or not all(team_rooms.values()):
            return
        by_team: dict[int, list[EpisodeFacts]] = {}
        for episode in episodes:
            by_team.setdefault(episode.team_id, []).append(episode)
        opened = {team: [e.opened_on for e in items] for team, items in by_team.items()}
        next_programme = self.loader.next_id(Programme)
        next_session = self.loader.next_id(ProgrammeSession)
        next_enrolment = self.loader.next_id(Enrolment)
        next_attendance = self.loader.next_id(Attendance)
        programmes: list[Row] = []
        facilitators: list[tuple[int, int]] = []
        sessions: list[Row] = []
        enrolments: list[Row] = []
        attendances: list[Row] = []
        teams = sorted(staff.practitioners)
        historic = scaled(PROGRAMMES, self.scale, 2)
        plans: list[tuple[int, date, str]] = []
        for number in range(historic):
            starts_on = self.start + timedelta(days=self.rng.randrange(365 * YEARS - 120))
            plans.append((teams[number % len(teams)], starts_on - timedelta(days=starts_on.weekday()), "finished"))
        monday = self.today + timedelta(days=14 - self.today.weekday())
        for team in teams:
            for number in range(OPEN_PROGRAMMES_PER_TEAM):
                plans.append((team, monday + timedelta(days=number), "open"))
        for team, starts_on, status in plans:
            programme_id = next_programme
            next_programme += 1
            intervention_id, name = self.rng.choice(group_interventions)
            session_count = self.rng.randrange(6, 11)
            programmes.append(
                {
                    "id": programme_id,
                    "intervention_id": intervention_id,
                    "name": f"{name} {starts_on:%B %Y} ({programme_id})",
                    "team_id": team,
                    "room_id": self.rng.choice(team_rooms[team]),
                    "capacity": 12,
                    "starts_on": starts_on,
                    "start_time": time(10),
                    "end_time": time(12),
                    "session_count": session_count,
                    "status": Programme.Status.FINISHED if status == "finished" else Programme.Status.OPEN,
                    "created_by_id": staff.managers[team],
                    "created_at": aware(starts_on - timedelta(days=30), 9),
                }
            )
            facilitators += [(programme_id, user) for user in staff.practitioners[team][:2]]
            session_ids = []
            for session in range(session_count):
                day = starts_on + timedelta(weeks=session)
                held = status == "finished"
                sessions.append(
                    {
                        "id": next_session,
                        "programme_id": programme_id,
                        "number": session + 1,
                        "starts_at": aware(day, 10),
                        "ends_at": aware(day, 12),
                        "register_taken_at": aware(day, 12) if held else None,
                        "register_taken_by_id": staff.practitioners[team][0] if held else None,
                    }
                )
                session_ids.append(next_session)
                next_session += 1
            if status != "finished" or team not in by_team:
                continue
            # Families of the team whose support was open when the course started.
            low = bisect.bisect_left(opened[team], starts_on - timedelta(days=200))
            high = bisect.bisect_right(opened[team], starts_on)
            candidates = [e for e in by_team[team][low:high] if e.closed_on and e.closed_on >= starts_on]
            chosen_people: set[int] = set()
            for episode in self.rng.sample(candidates, min(10, len(candidates))):
                adults = [p for p, kind in members[episode.family_id] if kind == Person.Kind.ADULT]
                person = adults[0]
                if person in chosen_people:
                    continue
                chosen_people.add(person)
                attended = 0
                for session_id in session_ids:
                    mark = self.rng.choices(list(Attendance.Mark), weights=(80, 10, 10))[0]
                    attended += mark == Attendance.Mark.ATTENDED
                    attendances.append(
                        {
                            "id": next_attendance,
                            "session_id": session_id,
                            "enrolment_id": next_enrolment,
                            "mark": mark,
                            "recorded_by_id": episode.lead_id,
                            "recorded_at": aware(starts_on, 12),
                        }
                    )
                    next_attendance += 1
                completed = attended * 100 >= 75 * session_count
                enrolments.append(
                    {
                        "id": next_enrolment,
                        "programme_id": programme_id,
                        "episode_id": episode.id,
                        "person_id": person,
                        "status": EnrolmentStatus.COMPLETED if completed else EnrolmentStatus.DID_NOT_COMPLETE,
                        "requested_at": aware(starts_on - timedelta(days=14), 10),
                        "requested_by_id": episode.lead_id,
                        "enrolled_at": aware(starts_on - timedelta(days=14), 10),
                        "ended_at": aware(starts_on + timedelta(weeks=session_count), 12),
                        "sessions_attended": attended,
                        "sessions_held": session_count,
                    }
                )
                next_enrolment += 1
        self.loader.write(Programme, programmes)
        self.loader.write_m2m(Programme.facilitators, facilitators)
        self.loader.write(ProgrammeSession, sessions)
        self.loader.write(Enrolment, enrolments)
        self.loader.write(Attendance, attendances)
        self.manifest["open_programmes"] = [row["id"] for row in programmes if row["status"] == Programme.Status.OPEN]

    # ----------------------------------------------------------------------------------------------
    def _directory(self, staff: Staff) -> None:
        service_count = scaled(SERVICES, self.scale, 20)
        organisation_count = scaled(ORGANISATIONS, self.scale, 7)
        neighbourhoods = list(PostcodeSector.objects.values_list("neighbourhood_id", "sector"))
        areas = list(ServiceArea.objects.values_list("pk", flat=True))
        terms = list(TaxonomyTerm.objects.filter(parent__isnull=False).values_list("pk", flat=True)) or list(
            TaxonomyTerm.objects.values_list("pk", flat=True)
        )
        next_org = self.loader.next_id(Organisation)
        next_evidence = self.loader.next_id(SafeguardingEvidence)
        next_location = self.loader.next_id(Location)
        next_service = self.loader.next_id(Service)
        next_link = self.loader.next_id(ServiceAtLocation)
        next_schedule = self.loader.next_id(Schedule)
        orgs: list[Row] = []
        evidence: list[Row] = []
        locations: list[Row] = []
        services: list[Row] = []
        links: list[Row] = []
        schedules: list[Row] = []
        service_areas: list[tuple[int, int]] = []
        categories: list[tuple[int, int]] = []
        expires = self.today + timedelta(days=365)
        org_locations: dict[int, tuple[int, int]] = {}
        for number in range(organisation_count):
            org_id = next_org + number
            neighbourhood_id, sector = self.rng.choice(neighbourhoods)
            orgs.append(
                {
                    "id": org_id,
                    "name": f"{self.fake.company()} {org_id}",
                    "description": self.rng.choice(self.sentences),
                    "email": f"org{org_id}@example.org",
                    "safeguarding_evidence_expires_on": expires,
                }
            )
            for kind in EvidenceKind:
                evidence.append(
                    {
                        "id": next_evidence,
                        "organisation_id": org_id,
                        "kind": kind,
                        "detail": "Seen and checked.",
                        "valid_until": expires,
                        "verified_by_id": staff.directory_officer,
                    }
                )
                next_evidence += 1
            locations.append(
                {
                    "id": next_location,
                    "organisation_id": org_id,
                    "name": f"{self.rng.choice(self.streets)} hall",
                    "address_1": f"{self.rng.randrange(1, 200)} {self.rng.choice(self.streets)}",
                    "postcode": f"{sector}AB",
                    "neighbourhood_id": neighbourhood_id,
                }
            )
            org_locations[org_id] = (next_location, neighbourhood_id)
            next_location += 1
        words = [
            "Stay and play",
            "Baby group",
            "Parent café",
            "Homework club",
            "Dads' group",
            "Food bank",
            "Youth club",
        ]
        for number in range(service_count):
            service_id = next_service + number
            org_id = next_org + number % organisation_count
            location_id, neighbourhood_id = org_locations[org_id]
            min_age = self.rng.randrange(0, 10)
            services.append(
                {
                    "id": service_id,
                    "organisation_id": org_id,
                    "name": f"{self.rng.choice(words)} {service_id}",
                    "description": self.rng.choice(self.sentences),
                    "email": f"service{service_id}@example.org",
                    "neighbourhood_id": neighbourhood_id,
                    "min_age": min_age,
                    "max_age": min_age + self.rng.randrange(2, 9),
                    "languages": ["en"] + (["ur"] if self.rng.random() < 0.2 else []),
                }
            )
            links.append({"id": next_link, "service_id": service_id, "location_id": location_id})
            next_link += 1
            schedules.append(
                {
                    "id": next_schedule,
                    "service_id": service_id,
                    "weekday": self.rng.randrange(5),
                    "opens_at": time(10),
                    "closes_at": time(12),
                }
            )
            next_schedule += 1
            service_areas.append((service_id, self.rng.choice(areas)))
            if terms:
                categories.append((service_id, self.rng.choice(terms)))
        self.loader.write(Organisation, orgs)
        self.loader.write(SafeguardingEvidence, evidence)
        self.loader.write(Location, locations)
        self.loader.write(Service, services)
        self.loader.write(ServiceAtLocation, links)
        self.loader.write(Schedule, schedules)
        self.loader.write_m2m(Service.service_areas, service_areas)
        self.loader.write_m2m(Service.categories, categories)
        self.manifest["directory_words"] = words

    # ----------------------------------------------------------------------------------------------
    def _articles(self, staff: Staff) -> None:
        count = scaled(ARTICLES, self.scale, 10)
        topics = list(Topic.objects.values_list("pk", flat=True))
        areas = list(ServiceArea.objects.values_list("pk", flat=True))
        first = self.loader.next_id(Article)
        rows: list[Row] = []
        article_topics: list[tuple[int, int]] = []
        article_areas: list[tuple[int, int]] = []
        for number in range(count):
            article_id = first + number
            published = aware(self.start + timedelta(days=self.rng.randrange(365 * YEARS)), 9)
            title = f"{self.fake.sentence(nb_words=5).rstrip('.')} {article_id}"
            rows.append(
                {
                    "id": article_id,
                    "title": title,
                    "slug": f"bench-article-{article_id}",
                    "summary": self.rng.choice(self.sentences)[:290],
                    "body": "\n\n".join(self.rng.sample(self.sentences, 4)),
                    "status": ArticleStatus.PUBLISHED,
                    "created_by_id": staff.directory_officer,
                    "published_by_id": staff.service_manager,
                    "published_at": published,
                    "created_at": published - timedelta(days=3),
                }
            )
            if topics:
                article_topics.append((article_id, self.rng.choice(topics)))
            article_areas.append((article_id, self.rng.choice(areas)))
        self.loader.write(Article, rows)
        self.loader.write_m2m(Article.topics, article_topics)
        self.loader.write_m2m(Article.service_areas, article_areas)

    # ----------------------------------------------------------------------------------------------
    def _signposting_packs(self) -> None:
        """The pack every signposted family is sent, and the step-down pack sent when support ends with its
        outcomes met, each with three vetted services and two articles; a family answers the follow-up six
        weeks on, or does not. Written after the directory and the articles they point to."""
        services = list(Service.objects.values_list("pk", flat=True))
        articles = list(Article.objects.values_list("pk", flat=True))
        sent: list[tuple[int, int | None, datetime]] = [
            (decision, None, decided_at + timedelta(minutes=1))
            for decision, decided_at in Decision.objects.filter(route=Route.SIGNPOSTED).values_list("pk", "decided_at")
        ]
        stepped_down = Episode.objects.filter(
            status=Episode.Status.CLOSED, closure_reason=ClosureReason.OUTCOMES_MET
        ).values_list("referral__decision", "pk", "closed_on")
        sent += [(decision, episode, aware(closed_on, 17)) for decision, episode, closed_on in stepped_down]
        next_pack = self.loader.next_id(SignpostingPack)
        now = timezone.now()
        packs: list[Row] = []
        pointed_to: list[tuple[int, int]] = []
        read: list[tuple[int, int]] = []
        for number, (decision, episode, created) in enumerate(sorted(sent, key=lambda pack: pack[2])):
            pack = next_pack + number
            asked = created + timedelta(weeks=6)
            answered = asked < now and self.rng.random() < 0.6
            packs.append(
                {
                    "id": pack,
                    "decision_id": decision,
                    "stepped_down_from_id": episode,
                    "created_at": created,
                    "followup_due_at": asked,
                    "followup_sent_at": asked if asked < now else None,
                    "followup_outcome": self.rng.choice(list(FollowUpOutcome)) if answered else "",
                    "followup_closed_at": asked + timedelta(days=3) if answered else None,
                }
            )
            pointed_to += [(pack, service) for service in self.rng.sample(services, min(3, len(services)))]
            read += [(pack, article) for article in self.rng.sample(articles, min(2, len(articles)))]
        self.loader.write(SignpostingPack, packs)
        self.loader.write_m2m(SignpostingPack.services, pointed_to)
        self.loader.write_m2m(SignpostingPack.articles, read)
