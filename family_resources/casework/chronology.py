"""A family's chronology: one time-ordered list of everything significant, across all its episodes.

Each kind of entry comes from a source function in a small registry. Casework registers its own
sources and the front door's below; another app (scheduling for appointments, programmes for groups and
supervised contact) calls `register_source` from its `AppConfig.ready()`, so casework never imports it.
Every source runs a fixed number of queries whatever the number of entries, so the chronology of a
family with hundreds of entries costs no more queries than one with ten. A source may also say how to tell
whether the family has any of its records: those checks are asked together in one query, and a source
with nothing to show is not run. Most families have entries of only some kinds, and a source's query costs
its joins' worth of work even when it finds nothing.
"""

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from functools import cache, cached_property, partial
from typing import Any, NamedTuple

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Count, Exists, F, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from family_resources.casework.models import (
    ActionStatus,
    Allocation,
    Assessment,
    CaseNote,
    Episode,
    PlanAction,
    PlanOutcome,
    PlanReview,
    StepUp,
    SupportPlan,
)
from family_resources.core.choices import choice_label
from family_resources.families.models import Family
from family_resources.intake.models import Referral
from family_resources.triage.models import Decision, DecisionOverride, SignpostingPack


class EntryKind(models.TextChoices):
    """The types of entry, in the order that breaks ties between entries at the same moment."""

    REFERRAL = "referral", gettext_lazy("Contacts and referrals")
    DECISION = "decision", gettext_lazy("Threshold decisions and overrides")
    ALLOCATION = "allocation", gettext_lazy("Support opened and allocated")
    ASSESSMENT = "assessment", gettext_lazy("Assessments")
    PLAN = "plan", gettext_lazy("Support plan changes")
    REVIEW = "review", gettext_lazy("Plan reviews")
    # Sources for these three come with the scheduling and programmes apps.
    APPOINTMENT = "appointment", gettext_lazy("Appointments")
    GROUP_ATTENDANCE = "group_attendance", gettext_lazy("Group attendance")
    SUPERVISED_CONTACT = "supervised_contact", gettext_lazy("Supervised contact")
    NOTE = "note", gettext_lazy("Case notes")
    STEP_UP = "step_up", gettext_lazy("Step-ups to children's social care")
    SIGNPOSTING = "signposting", gettext_lazy("Signposting packs")
    CLOSURE = "closure", gettext_lazy("Closures")


_KIND_ORDER = {kind: position for position, kind in enumerate(EntryKind)}


class RecordRef(NamedTuple):
    """The record an entry shows, by type ("app_label.model") and id: what the audit trail names. Sources
    that read `columns()` have no record instance to hand."""

    object_type: str
    pk: Any

    @classmethod
    def to(cls, model: type[models.Model], pk: Any) -> "RecordRef":
        return cls(model._meta.label_lower, pk)

    @classmethod
    def of(cls, instance: models.Model) -> "RecordRef":
        return cls(instance._meta.label_lower, instance.pk)


@dataclass(frozen=True)
class Entry:
    """One line of the chronology. `record` names the person-level record it shows, for the audit trail."""

    when: datetime
    kind: EntryKind
    title: str
    detail: str = ""
    author: str = ""
    link: str = ""
    sensitive: bool = False
    episode_id: int | None = None
    # Some records carry a date but no time: the page shows only the date.
    date_only: bool = False
    # What anyone who may see the entry may read when its content is restricted (a note's type).
    restricted_summary: str = ""
    record: RecordRef | None = None

    @property
    def kind_label(self) -> str:
        return str(self.kind.label)


@dataclass(frozen=True)
class ChronologyScope:
    """What a source needs: the family and its episodes, loaded once for all sources."""

    family: Family
    episodes: tuple[Episode, ...]

    @property
    def episode_ids(self) -> list[int]:
        return [episode.pk for episode in self.episodes]

    def episode_id_for_referral(self, referral_id: int) -> int | None:
        """The episode a referral opened, if it opened one: front-door entries belong to it."""
        return next((e.pk for e in self.episodes if e.referral_id == referral_id), None)

    @cached_property
    def decisions(self) -> list[Decision]:
        """The threshold decisions on the family's referrals. Read once: they are entries of their own, and the
        signposting packs sent after them are found by their ids."""
        return list(Decision.objects.filter(referral__family=self.family).order_by().select_related("decided_by"))

    @cached_property
    def overrides(self) -> list[DecisionOverride]:
        """Managers' overrides of the family's threshold decisions, oldest first. Read once: they are entries
        of their own, and they also date when an episode opened."""
        return list(
            DecisionOverride.objects.filter(decision__referral__family=self.family)
            .select_related("overridden_by", "decision")
            .order_by("overridden_at", "id")
        )


Source = Callable[[ChronologyScope], Iterable[Entry]]
# The rows whose existence a source's entries need: if it finds none, the source would list nothing.
Presence = Callable[[ChronologyScope], QuerySet[Any]]


@dataclass(frozen=True)
class _Registered:
    source: Source
    present: Presence | None = None


_SOURCES: dict[EntryKind, _Registered] = {}


def register_source(kind: EntryKind, source: Source, *, present: Presence | None = None) -> None:
    """Add the function that lists one kind of entry. Each kind has one source.

    `present`, if given, returns the records without which the source has no entries (a plan for the plan's
    outcomes and actions, say). It must never be empty when the source has something to list: a source
    without it is always run.
    """
    if kind in _SOURCES:
        raise ImproperlyConfigured(f"The chronology already has a source for {kind.value!r}.")
    _SOURCES[kind] = _Registered(source, present)


def registered_kinds() -> list[EntryKind]:
    """The kinds a chronology can show now, in the order they are offered as filters."""
    return sorted(_SOURCES, key=_KIND_ORDER.__getitem__)


def _source(kind: EntryKind, *, present: Presence | None = None) -> Callable[[Source], Source]:
    def register(source: Source) -> Source:
        register_source(kind, source, present=present)
        return source

    return register


def in_episodes(model: type[models.Model], lookup: str = "episode_id__in") -> Presence:
    """A presence check for records that belong to the family's episodes."""

    def present(scope: ChronologyScope) -> QuerySet[Any]:
        return model._default_manager.filter(**{lookup: scope.episode_ids})

    return present


def _kinds_with_entries(scope: ChronologyScope, kinds: list[EntryKind]) -> set[EntryKind]:
    """Of these kinds, those the family may have entries of: every source's presence check in one query."""
    found = {kind for kind in kinds if _SOURCES[kind].present is None}
    checks = {
        f"has_{kind.value}": Exists(present(scope)) for kind in kinds if (present := _SOURCES[kind].present) is not None
    }
    if checks:
        answers = Family.objects.filter(pk=scope.family.pk).values(**checks).get()
        found |= {kind for kind in kinds if answers.get(f"has_{kind.value}")}
    return found


def family_for_chronology(*, reference: str) -> Family:
    return get_object_or_404(Family, reference=reference)


def family_chronology(
    *,
    family: Family,
    user: Any,
    kinds: Collection[str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Entry]:
    """The family's entries, oldest first, as this user may see them.

    `kinds` limits the entry types (all when empty); the dates are inclusive, in local time. A sensitive
    entry's content is replaced unless the user may read the episode's sensitive notes, and links to
    an episode the user may not open are dropped.
    """
    episodes = tuple(
        Episode.objects.filter(family=family)
        .select_related("team", "closed_by", "referral__decision", "previous_episode")
        .order_by("opened_on", "id")
    )
    scope = ChronologyScope(family=family, episodes=episodes)
    access = _EpisodeAccess(user=user, episodes=episodes)
    entries = []
    wanted = [kind for kind in registered_kinds() if not kinds or kind in kinds]
    present = _kinds_with_entries(scope, wanted)
    for kind in wanted:
        if kind not in present:
            continue
        for entry in _SOURCES[kind].source(scope):
            day = timezone.localdate(entry.when)
            if (date_from and day < date_from) or (date_to and day > date_to):
                continue
            entries.append(access.as_seen(entry))
    # Entries at the same moment follow their kind's order, then the order their records were made.
    return sorted(entries, key=lambda e: (e.when, _KIND_ORDER[e.kind], e.record.pk if e.record is not None else 0))


def records_shown(entries: Iterable[Entry]) -> list[RecordRef]:
    """Each record behind the entries once, for the audit trail: an assessment may give three entries."""
    return list(dict.fromkeys(entry.record for entry in entries if entry.record is not None))


class _EpisodeAccess:
    """The user's rights on each of the family's episodes, asked once per episode rather than per entry."""

    def __init__(self, *, user: Any, episodes: tuple[Episode, ...]) -> None:
        self.user = user
        self.episodes = {episode.pk: episode for episode in episodes}
        self._answers: dict[tuple[str, int], bool] = {}

    def allows(self, perm: str, episode_id: int | None) -> bool:
        if episode_id is None or episode_id not in self.episodes:
            return False
        key = (perm, episode_id)
        if key not in self._answers:
            self._answers[key] = self.user.has_perm(perm, self.episodes[episode_id])
        return self._answers[key]

    def as_seen(self, entry: Entry) -> Entry:
        if entry.sensitive and not self.allows("casework.view_sensitive_notes", entry.episode_id):
            restricted = _("Sensitive note (content restricted)") if entry.kind == EntryKind.NOTE else _("Restricted")
            entry = replace(entry, title=restricted, detail=entry.restricted_summary)
        if entry.link and entry.episode_id is not None and not self.allows("casework.view_episode", entry.episode_id):
            entry = replace(entry, link="")
        return entry


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _end_of(day: date) -> datetime:
    """Things known only by their date (a plan agreed, an action done, a case closed) come after that
    day's timed entries: they are usually written up at the end of the work."""
    return timezone.make_aware(datetime.combine(day, time.max))


def _name(user: Any) -> str:
    return user.full_name if user is not None else ""


def _case_link(episode_id: int) -> str:
    return reverse("casework:episode", args=[episode_id])


def _plan_link(episode_id: int) -> str:
    return reverse("casework:plan", args=[episode_id])


def _notes_link(episode_id: int) -> str:
    return reverse("casework:notes", args=[episode_id])


def columns(queryset: QuerySet[Any], *fields: str, **joined: str) -> QuerySet[Any]:
    """The columns a source's entries show, with those of joined records named by path
    (`author_name="author__full_name"`), as dicts and in no order: the chronology sorts every entry at the end.

    Sources read these rather than whole records: on a long chronology, building each record and every record
    it joins to was most of the page's time.
    """
    return queryset.order_by().values(*fields, **{name: F(path) for name, path in joined.items()})


@_source(EntryKind.REFERRAL)
def _referrals(scope: ChronologyScope) -> Iterator[Entry]:
    referrals = columns(
        Referral.objects.filter(family=scope.family),
        "pk", "received_at", "channel", "reference", "referrer_type", "referrer_organisation",
        logged_by_name="logged_by__full_name",
    )  # fmt: skip
    for referral in referrals:
        who = choice_label(Referral, "referrer_type", referral["referrer_type"])
        if referral["referrer_organisation"]:
            who = f"{who}, {referral['referrer_organisation']}"
        yield Entry(
            when=referral["received_at"],
            kind=EntryKind.REFERRAL,
            title=_("Contact received: %(channel)s")
            % {"channel": choice_label(Referral, "channel", referral["channel"])},
            detail=_("Reference %(reference)s, from %(who)s.") % {"reference": referral["reference"], "who": who},
            author=referral["logged_by_name"] or "",
            episode_id=scope.episode_id_for_referral(referral["pk"]),
            record=RecordRef.to(Referral, referral["pk"]),
        )


@_source(EntryKind.DECISION)
def _decisions(scope: ChronologyScope) -> Iterator[Entry]:
    first_override: dict[int, DecisionOverride] = {}
    for override in scope.overrides:
        first_override.setdefault(override.decision_id, override)
    for decision in scope.decisions:
        # An override changes the decision's level in place: the first override remembers the original.
        original = first_override.get(decision.pk)
        level = original.previous_level if original else decision.level
        route = original.get_previous_route_display() if original else decision.get_route_display()
        title = _("Threshold decision: level %(level)s, %(route)s") % {"level": level, "route": route}
        if decision.immediate_risk:
            title = _("%(title)s (immediate risk)") % {"title": title}
        yield Entry(
            when=decision.decided_at,
            kind=EntryKind.DECISION,
            title=title,
            detail=decision.rationale,
            author=_name(decision.decided_by),
            episode_id=scope.episode_id_for_referral(decision.referral_id),
            record=RecordRef.of(decision),
        )
    for override in scope.overrides:
        yield Entry(
            when=override.overridden_at,
            kind=EntryKind.DECISION,
            title=_("Decision changed from level %(old)s to level %(new)s, %(route)s")
            % {"old": override.previous_level, "new": override.new_level, "route": override.get_new_route_display()},
            detail=override.reason,
            author=_name(override.overridden_by),
            episode_id=scope.episode_id_for_referral(override.decision.referral_id),
            record=RecordRef.of(override),
        )


@_source(EntryKind.ALLOCATION)
def _openings_and_allocations(scope: ChronologyScope) -> Iterator[Entry]:
    # An episode opens when a decision (or a manager's override of one) accepts the family: it goes just
    # after that moment when it was the same day, at the start of the day otherwise.
    accepted_at: dict[int, list[datetime]] = {}
    for episode in scope.episodes:
        decision = getattr(episode.referral, "decision", None)
        accepted_at[episode.referral_id] = [decision.decided_at] if decision is not None else []
    for override in scope.overrides:
        if override.decision.referral_id in accepted_at:
            accepted_at[override.decision.referral_id].append(override.overridden_at)
    for episode in scope.episodes:
        same_day = [m for m in accepted_at[episode.referral_id] if timezone.localdate(m) == episode.opened_on]
        detail = ""
        if episode.previous_episode is not None and episode.previous_episode.closed_on is not None:
            detail = _("Carries on from the support that ended on %(date)s.") % {
                "date": date_format(episode.previous_episode.closed_on, "j F Y")
            }
        yield Entry(
            when=max(same_day) if same_day else _start_of(episode.opened_on),
            kind=EntryKind.ALLOCATION,
            title=_("Support opened with %(team)s") % {"team": episode.team.name},
            detail=detail,
            link=_case_link(episode.pk),
            episode_id=episode.pk,
            date_only=not same_day,
            record=RecordRef.of(episode),
        )
    allocations = columns(
        Allocation.objects.filter(episode_id__in=scope.episode_ids),
        "pk", "episode_id", "allocated_at", "reason",
        practitioner_name="practitioner__full_name", allocated_by_name="allocated_by__full_name",
    )  # fmt: skip
    links = cache(_case_link)  # once per episode, not per entry
    for allocation in allocations:
        template = _("Reallocated to %(name)s") if allocation["reason"] else _("Allocated to %(name)s")
        yield Entry(
            when=allocation["allocated_at"],
            kind=EntryKind.ALLOCATION,
            title=template % {"name": allocation["practitioner_name"]},
            detail=allocation["reason"],
            author=allocation["allocated_by_name"] or "",
            link=links(allocation["episode_id"]),
            episode_id=allocation["episode_id"],
            record=RecordRef.to(Allocation, allocation["pk"]),
        )


@_source(EntryKind.ASSESSMENT, present=in_episodes(Assessment))
def _assessments(scope: ChronologyScope) -> Iterator[Entry]:
    assessments = columns(
        Assessment.objects.filter(episode_id__in=scope.episode_ids),
        "pk", "episode_id", "started_on", "submitted_at", "signed_off_at", "manager_comment",
        started_by_name="started_by__full_name",
        submitted_by_name="submitted_by__full_name",
        signed_off_by_name="signed_off_by__full_name",
    )  # fmt: skip
    for assessment in assessments:
        stage = partial(
            Entry,
            kind=EntryKind.ASSESSMENT,
            link=reverse("casework:assessment", args=[assessment["pk"]]),
            episode_id=assessment["episode_id"],
            record=RecordRef.to(Assessment, assessment["pk"]),
        )
        yield stage(
            when=_start_of(assessment["started_on"]),
            title=_("Assessment started"),
            author=assessment["started_by_name"] or "",
            date_only=True,
        )
        if assessment["submitted_at"] is not None:
            yield stage(
                when=assessment["submitted_at"],
                title=_("Assessment sent for sign-off"),
                author=assessment["submitted_by_name"] or "",
            )
        if assessment["signed_off_at"] is not None:
            yield stage(
                when=assessment["signed_off_at"],
                title=_("Assessment signed off"),
                detail=assessment["manager_comment"],
                author=assessment["signed_off_by_name"] or "",
            )


# Outcomes and actions belong to a plan: without one there are none.
@_source(EntryKind.PLAN, present=in_episodes(SupportPlan))
def _plan_changes(scope: ChronologyScope) -> Iterator[Entry]:
    links = cache(_plan_link)  # once per episode, not per entry
    plans = columns(
        SupportPlan.objects.filter(episode_id__in=scope.episode_ids),
        "pk", "episode_id", "created_at", "agreed_on",
        created_by_name="created_by__full_name",
    )  # fmt: skip
    for plan in plans:
        link = links(plan["episode_id"])
        record = RecordRef.to(SupportPlan, plan["pk"])
        yield Entry(
            when=plan["created_at"],
            kind=EntryKind.PLAN,
            title=_("Support plan started"),
            author=plan["created_by_name"] or "",
            link=link,
            episode_id=plan["episode_id"],
            record=record,
        )
        if plan["agreed_on"] is not None:
            yield Entry(
                when=_end_of(plan["agreed_on"]),
                kind=EntryKind.PLAN,
                title=_("Support plan agreed with the family"),
                link=link,
                episode_id=plan["episode_id"],
                date_only=True,
                record=record,
            )
    outcomes = columns(
        PlanOutcome.objects.filter(plan__episode_id__in=scope.episode_ids),
        "pk", "created_at", "domain", "description", "baseline_score",
        episode_id="plan__episode_id",
    )  # fmt: skip
    for outcome in outcomes:
        yield Entry(
            when=outcome["created_at"],
            kind=EntryKind.PLAN,
            title=_("Outcome added: %(domain)s") % {"domain": choice_label(PlanOutcome, "domain", outcome["domain"])},
            detail=_("%(description)s (starting score %(score)s out of 10)")
            % {"description": outcome["description"], "score": outcome["baseline_score"]},
            link=links(outcome["episode_id"]),
            episode_id=outcome["episode_id"],
            record=RecordRef.to(PlanOutcome, outcome["pk"]),
        )
    actions = columns(
        PlanAction.objects.filter(outcome__plan__episode_id__in=scope.episode_ids),
        "pk", "created_at", "delivery", "detail", "assigned_to_other", "due_on", "status", "completed_on",
        episode_id="outcome__plan__episode_id",
        intervention_name="intervention__name",
        assigned_to_name="assigned_to__full_name",
    )  # fmt: skip
    for action in actions:
        episode_id = action["episode_id"]
        record = RecordRef.to(PlanAction, action["pk"])
        detail = _("%(delivery)s, by %(who)s, due %(due)s.") % {
            "delivery": choice_label(PlanAction, "delivery", action["delivery"]),
            # PlanAction.who: the practitioner given the action, or whoever else was named.
            "who": action["assigned_to_name"] or action["assigned_to_other"],
            "due": date_format(action["due_on"], "j F Y"),
        }
        if action["status"] == ActionStatus.CANCELLED:
            # A cancelled action keeps no date of its cancelling: say so on the line that added it.
            detail = f"{detail} {_('Cancelled.')}"
        yield Entry(
            when=action["created_at"],
            kind=EntryKind.PLAN,
            title=_("Action added: %(intervention)s") % {"intervention": action["intervention_name"]},
            detail=" ".join(part for part in (detail, action["detail"]) if part),
            link=links(episode_id),
            episode_id=episode_id,
            record=record,
        )
        if action["completed_on"] is not None:
            yield Entry(
                when=_end_of(action["completed_on"]),
                kind=EntryKind.PLAN,
                title=_("Action done: %(intervention)s") % {"intervention": action["intervention_name"]},
                link=links(episode_id),
                episode_id=episode_id,
                date_only=True,
                record=record,
            )


@_source(EntryKind.REVIEW, present=in_episodes(PlanReview, lookup="plan__episode_id__in"))
def _reviews(scope: ChronologyScope) -> Iterator[Entry]:
    links = cache(_plan_link)  # once per episode, not per entry
    reviews = columns(
        PlanReview.objects.filter(plan__episode_id__in=scope.episode_ids),
        "pk", "kind", "reviewed_on", "summary",
        episode_id="plan__episode_id", reviewed_by_name="reviewed_by__full_name",
    )  # fmt: skip
    for review in reviews:
        yield Entry(
            when=_end_of(review["reviewed_on"]),
            kind=EntryKind.REVIEW,
            title=choice_label(PlanReview, "kind", review["kind"]),
            detail=review["summary"],
            author=review["reviewed_by_name"] or "",
            link=links(review["episode_id"]),
            episode_id=review["episode_id"],
            date_only=True,
            record=RecordRef.to(PlanReview, review["pk"]),
        )


@_source(EntryKind.NOTE, present=in_episodes(CaseNote))
def _notes(scope: ChronologyScope) -> Iterator[Entry]:
    pages = cache(_notes_link)  # once per episode, not per entry
    notes = columns(
        CaseNote.objects.filter(episode_id__in=scope.episode_ids),
        "pk", "episode_id", "kind", "occurred_at", "text", "sensitive",
        author_name="author__full_name",
    )  # fmt: skip
    for note in notes:
        kind = choice_label(CaseNote, "kind", note["kind"])
        yield Entry(
            when=note["occurred_at"],
            kind=EntryKind.NOTE,
            title=kind,
            detail=note["text"],
            author=note["author_name"] or "",
            link=f"{pages(note['episode_id'])}#note-{note['pk']}",
            sensitive=note["sensitive"],
            episode_id=note["episode_id"],
            restricted_summary=kind,
            record=RecordRef.to(CaseNote, note["pk"]),
        )


@_source(EntryKind.STEP_UP, present=in_episodes(StepUp))
def _step_ups(scope: ChronologyScope) -> Iterator[Entry]:
    step_ups = columns(
        StepUp.objects.filter(episode_id__in=scope.episode_ids),
        "pk", "episode_id", "reason", "immediate_risk", "stepped_up_at", "social_care_reference",
        stepped_up_by_name="stepped_up_by__full_name",
    )  # fmt: skip
    for step_up in step_ups:
        title = _("Stepped up to children's social care")
        if step_up["immediate_risk"]:
            title = _("%(title)s (immediate risk)") % {"title": title}
        detail = step_up["reason"]
        if step_up["social_care_reference"]:
            detail = _("%(reason)s Social care reference: %(reference)s.") % {
                "reason": detail,
                "reference": step_up["social_care_reference"],
            }
        yield Entry(
            when=step_up["stepped_up_at"],
            kind=EntryKind.STEP_UP,
            title=title,
            detail=detail,
            author=step_up["stepped_up_by_name"] or "",
            link=reverse("casework:step_up_detail", args=[step_up["episode_id"], step_up["pk"]]),
            episode_id=step_up["episode_id"],
            record=RecordRef.to(StepUp, step_up["pk"]),
        )


def _family_packs(scope: ChronologyScope) -> QuerySet[SignpostingPack]:
    """Packs sent after a decision about the family, or when its support stepped down.

    Matched on the decisions' and episodes' ids, which both have unique indexes: the same test through the
    referral's and the episode's family joined every pack ever sent to every referral and episode, and
    read 60,000 packs for each chronology at scale 1 (docs/performance.md)."""
    return SignpostingPack.objects.filter(
        Q(decision_id__in=[decision.pk for decision in scope.decisions]) | Q(stepped_down_from_id__in=scope.episode_ids)
    )


@_source(EntryKind.SIGNPOSTING, present=_family_packs)
def _signposting_packs(scope: ChronologyScope) -> Iterator[Entry]:
    packs = (
        _family_packs(scope)
        .select_related("decision")
        .annotate(service_count=Count("services", distinct=True), article_count=Count("articles", distinct=True))
        .order_by("created_at", "id")
    )
    for pack in packs:
        stepped_down = pack.stepped_down_from_id is not None
        yield Entry(
            when=pack.created_at,
            kind=EntryKind.SIGNPOSTING,
            title=_("Step-down signposting pack sent") if stepped_down else _("Signposting pack sent"),
            detail=_("%(services)s services and %(articles)s articles.")
            % {"services": pack.service_count, "articles": pack.article_count},
            episode_id=pack.stepped_down_from_id or scope.episode_id_for_referral(pack.decision.referral_id),
            record=RecordRef.of(pack),
        )


@_source(EntryKind.CLOSURE)
def _closures(scope: ChronologyScope) -> Iterator[Entry]:
    for episode in scope.episodes:
        if episode.closed_on is None:
            continue
        yield Entry(
            when=_end_of(episode.closed_on),
            kind=EntryKind.CLOSURE,
            title=_("Support ended: %(reason)s") % {"reason": episode.get_closure_reason_display()},
            detail=episode.closure_note,
            author=_name(episode.closed_by),
            link=_case_link(episode.pk),
            episode_id=episode.pk,
            date_only=True,
            record=RecordRef.of(episode),
        )
