"""Reads about the community directory.

The rule every public read keeps: a service is shown (public search, the Open Referral UK API,
signposting packs, "my service has stopped") only while its organisation's safeguarding evidence is
complete and in date, which `Organisation.safeguarding_evidence_expires_on` records.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils import timezone

from family_resources.catalogue.models import CeasedService
from family_resources.directory.models import (
    ChangeRequest,
    EvidenceKind,
    Organisation,
    SafeguardingEvidence,
    Schedule,
    Service,
    ServiceStatus,
    Taxonomy,
    TaxonomyTerm,
)
from family_resources.directory.services.evidence import current_evidence
from family_resources.places.models import ClosedSite, Neighbourhood

# Shown to families: a temporarily closed service is listed with a warning, so families know it will be back.
PUBLIC_STATUSES = [ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED]
EXPIRY_WARNING_DAYS = 30


def organisations_with_status() -> QuerySet[Organisation]:
    return Organisation.objects.annotate(
        service_count=Count("services", distinct=True),
        pending_changes=Count("change_requests", filter=Q(change_requests__status="pending"), distinct=True),
    ).order_by("safeguarding_evidence_expires_on", "name")


def signpostable_organisations(*, on: date | None = None) -> QuerySet[Organisation]:
    """Only organisations with complete, in-date safeguarding evidence may be signposted to."""
    day = on or timezone.localdate()
    return Organisation.objects.filter(safeguarding_evidence_expires_on__gte=day)


def vetted_services(*, on: date | None = None) -> QuerySet[Service]:
    """Every service families may see today: running (or briefly closed), from a vetted organisation."""
    day = on or timezone.localdate()
    return Service.objects.filter(
        organisation__safeguarding_evidence_expires_on__gte=day, status__in=PUBLIC_STATUSES
    ).select_related("organisation", "neighbourhood")


def services_for_family(
    *,
    neighbourhood_id: int | None,
    ages: Collection[int],
    service_area_ids: Collection[int],
    language: str,
    on: date | None = None,
    limit: int = 5,
) -> list[Service]:
    """Vetted services that suit a family: in-date safeguarding evidence always; the children's ages and
    the family's neighbourhood (or borough-wide); the family's needs where any service meets them; and
    services in the family's language first."""
    vetted = vetted_services(on=on).filter(status=ServiceStatus.ACTIVE)
    if neighbourhood_id is not None:
        vetted = vetted.filter(Q(neighbourhood_id=neighbourhood_id) | Q(neighbourhood__isnull=True))
    if ages:
        vetted = vetted.filter(_serves_any_age(ages))
    matched = vetted.filter(service_areas__in=service_area_ids).distinct() if service_area_ids else vetted.none()
    chosen = list(matched) or list(vetted.distinct())
    chosen.sort(key=lambda service: (language not in (service.languages or []), service.name))
    return chosen[:limit]


def _serves_any_age(ages: Iterable[int]) -> Q:
    fits = Q()
    for age in ages:
        fits |= (Q(min_age__isnull=True) | Q(min_age__lte=age)) & (Q(max_age__isnull=True) | Q(max_age__gte=age))
    return fits


# Public search -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchCriteria:
    """What a family searched for; every part is optional."""

    text: str = ""
    need: TaxonomyTerm | None = None
    age: int | None = None
    neighbourhood: Neighbourhood | None = None
    weekday: int | None = None
    language: str = ""
    cost: str = ""  # "free", "paid" or "" for either


def _with_timetable(services: QuerySet[Service]) -> QuerySet[Service]:
    """What a search result shows beside the service's own row: when it runs."""
    return services.prefetch_related(Prefetch("schedules", queryset=Schedule.objects.order_by("weekday", "opens_at")))


def _with_details(services: QuerySet[Service]) -> QuerySet[Service]:
    """What a service's own page shows: its timetable, categories and places."""
    return _with_timetable(services).prefetch_related("categories", "locations")


def text_matches(word: str, *, categories: bool) -> Q:
    """Services whose name, description, organisation's name or (with `categories`) a category's name has the word.

    Each table is asked on its own rather than joining every service to its organisation and categories and
    testing four columns a row: at 2,000 services that halves the search's time in the database.
    """
    matches = Q(pk__in=Service.objects.filter(Q(name__icontains=word) | Q(description__icontains=word)).values("pk"))
    matches |= Q(organisation__in=Organisation.objects.filter(name__icontains=word).values("pk"))
    if categories:
        tagged = Service.categories.through.objects.filter(taxonomyterm__name__icontains=word)
        matches |= Q(pk__in=tagged.values("service_id"))
    return matches


def service_search(criteria: SearchCriteria, *, on: date | None = None) -> QuerySet[Service]:
    """Vetted services matching every part of the criteria: services in the family's neighbourhood first,
    then borough-wide ones, each by name.

    A query, not a list: the page counts and slices it in the database, so a common word costs one page of
    services with their details, not every match (docs/performance.md).
    """
    services = vetted_services(on=on)
    for word in criteria.text.split():
        services = services.filter(text_matches(word, categories=True))
    if criteria.need is not None:
        terms = [criteria.need.pk, *criteria.need.children.values_list("pk", flat=True)]
        by_need = Q(categories__in=terms)
        if criteria.need.service_area_id is not None:
            by_need |= Q(service_areas=criteria.need.service_area_id)
        services = services.filter(by_need)
    if criteria.age is not None:
        services = services.filter(_serves_any_age([criteria.age]))
    if criteria.neighbourhood is not None:
        services = services.filter(Q(neighbourhood=criteria.neighbourhood) | Q(neighbourhood__isnull=True))
    if criteria.weekday is not None:
        services = services.filter(schedules__weekday=criteria.weekday)
    if criteria.cost in {"free", "paid"}:
        services = services.filter(is_free=criteria.cost == "free")
    if criteria.language:
        # Languages are a JSON list of codes. Its text holds each code in quotes, on SQLite and PostgreSQL alike.
        services = services.filter(languages__icontains=f'"{criteria.language}"')
    # The joins above can repeat a service: match on the ids, so the count and the page need no DISTINCT.
    local = criteria.neighbourhood.pk if criteria.neighbourhood else None
    here = Q(neighbourhood_id=local) if local is not None else Q(neighbourhood__isnull=True)
    return _with_timetable(
        vetted_services(on=on)
        .filter(pk__in=services.values("pk"))
        .annotate(elsewhere=Case(When(here, then=Value(0)), default=Value(1)), sort_name=Lower("name"))
        .order_by("elsewhere", "sort_name", "pk")
    )


def public_service(*, service_uuid: str, on: date | None = None) -> Service:
    """One vetted service for its public page; 404 once its organisation's evidence lapses."""
    return get_object_or_404(_with_details(vetted_services(on=on)), uuid=service_uuid)


def search_terms() -> QuerySet[TaxonomyTerm]:
    """The needs families can search by: top-level categories, each with its children."""
    return TaxonomyTerm.objects.filter(parent__isnull=True).order_by("position", "name")


def term_by_slug(slug: str) -> TaxonomyTerm | None:
    return TaxonomyTerm.objects.filter(slug=slug).first() if slug else None


# "My service has stopped" ----------------------------------------------------------------------------------


@dataclass
class Replacements:
    """What now stands in for a children's-centre service or site, near the family."""

    community: list[Service] = field(default_factory=list)
    health: list[Service] = field(default_factory=list)
    neighbourhood: Neighbourhood | None = None


def replacements_for(
    *,
    ceased: CeasedService | None,
    site: ClosedSite | None,
    neighbourhood: Neighbourhood | None = None,
    on: date | None = None,
) -> Replacements:
    """Vetted services that replace the ceased service (or served the closed site), nearest first.

    Near means the closed site's neighbourhood (or the family's own, from their postcode), then
    borough-wide services, then the rest of Luton. Universal health services come from NHS and health
    organisations: those that replace the service, or else every local one, since they are for everyone.
    """
    near = neighbourhood or (site.neighbourhood if site else None)
    services = _with_details(vetted_services(on=on).filter(status=ServiceStatus.ACTIVE)).prefetch_related(
        "replaces_sites"
    )
    if ceased is not None:
        replacing = Q(replaces=ceased)
    elif site is not None:
        # Without the service, anything that stands in for the site's services, near the site.
        replacing = Q(replaces_sites=site) | (
            Q(replaces__isnull=False) & (Q(neighbourhood=site.neighbourhood) | Q(neighbourhood__isnull=True))
        )
    else:
        replacing = Q(pk__in=[])
    matching = list(services.filter(replacing).distinct())

    def nearest_first(service: Service) -> tuple[int, str]:
        if site is not None and site in service.replaces_sites.all():
            rank = 0
        elif near is not None and service.neighbourhood_id == near.pk:
            rank = 1
        elif service.neighbourhood_id is None:
            rank = 2
        else:
            rank = 3
        return rank, service.name.lower()

    is_health = Organisation.Kind.HEALTH
    community = sorted((s for s in matching if s.organisation.kind != is_health), key=nearest_first)
    health = [s for s in matching if s.organisation.kind == is_health]
    if not health:
        local = services.filter(organisation__kind=is_health)
        if near is not None:
            local = local.filter(Q(neighbourhood=near) | Q(neighbourhood__isnull=True))
        health = list(local)
    health.sort(key=nearest_first)
    return Replacements(community=community, health=health, neighbourhood=near)


def ceased_services() -> QuerySet[CeasedService]:
    return CeasedService.objects.order_by("name")


def closed_sites() -> QuerySet[ClosedSite]:
    return ClosedSite.objects.select_related("neighbourhood").order_by("children_centre", "name")


# The directory officer's view ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceLine:
    """One kind of evidence for one organisation, as the officer sees it."""

    kind: str
    label: str
    evidence: SafeguardingEvidence | None
    state: str  # "missing", "withdrawn", "lapsed", "due" or "in_date"


def evidence_lines(organisation: Organisation, *, on: date | None = None) -> list[EvidenceLine]:
    day = on or timezone.localdate()
    current = current_evidence(organisation)
    lines = []
    for kind, label in EvidenceKind.choices:
        item = current.get(kind)
        if item is None:
            state = "missing"
        elif item.withdrawn_at is not None:
            state = "withdrawn"
        elif item.valid_until < day:
            state = "lapsed"
        elif item.valid_until <= day + timedelta(days=EXPIRY_WARNING_DAYS):
            state = "due"
        else:
            state = "in_date"
        lines.append(EvidenceLine(kind=kind, label=str(label), evidence=item, state=state))
    return lines


@dataclass
class Dashboard:
    expiring: list[tuple[Organisation, SafeguardingEvidence]]
    lapsed: list[Organisation]
    incomplete: list[Organisation]
    requests: list[ChangeRequest]


def officer_dashboard(*, on: date | None = None) -> Dashboard:
    """What needs a directory officer: evidence expiring in the next 30 days, what has lapsed, and requests."""
    day = on or timezone.localdate()
    soon = day + timedelta(days=EXPIRY_WARNING_DAYS)
    expiring: list[tuple[Organisation, SafeguardingEvidence]] = []
    for organisation in Organisation.objects.filter(
        safeguarding_evidence_expires_on__gte=day, safeguarding_evidence_expires_on__lte=soon
    ):
        for item in current_evidence(organisation).values():
            if day <= item.valid_until <= soon:
                expiring.append((organisation, item))
    expiring.sort(key=lambda pair: (pair[1].valid_until, pair[0].name))
    listed_services = Service.objects.filter(organisation=OuterRef("pk"))
    return Dashboard(
        expiring=expiring,
        lapsed=list(Organisation.objects.filter(safeguarding_evidence_expires_on__lt=day).order_by("name")),
        incomplete=list(
            Organisation.objects.filter(safeguarding_evidence_expires_on__isnull=True)
            .annotate(has_services=Exists(listed_services))
            .order_by("name")
        ),
        requests=list(pending_requests()),
    )


def pending_requests() -> QuerySet[ChangeRequest]:
    return ChangeRequest.objects.filter(status=ChangeRequest.Status.PENDING).select_related("organisation", "service")


def change_request(*, request_id: int) -> ChangeRequest:
    return get_object_or_404(
        ChangeRequest.objects.select_related("organisation", "service", "decided_by"), pk=request_id
    )


def organisation_for_staff(*, organisation_id: int) -> Organisation:
    return get_object_or_404(Organisation, pk=organisation_id)


def organisation_services(organisation: Organisation) -> QuerySet[Service]:
    return _with_details(organisation.services.select_related("neighbourhood").order_by("name"))


def organisation_requests(organisation: Organisation) -> QuerySet[ChangeRequest]:
    return organisation.change_requests.select_related("service", "decided_by").order_by("-submitted_at")


def evidence_history(organisation: Organisation) -> QuerySet[SafeguardingEvidence]:
    return organisation.evidence.select_related("verified_by", "withdrawn_by").order_by("kind", "-verified_at")


# Reference lists for the API and forms -------------------------------------------------------------------


def taxonomies() -> QuerySet[Taxonomy]:
    return Taxonomy.objects.prefetch_related("terms").order_by("name")


def taxonomy_terms() -> QuerySet[TaxonomyTerm]:
    return TaxonomyTerm.objects.select_related("taxonomy", "parent").order_by("taxonomy__name", "position", "name")


def evidence_document_of(*, organisation_id: int, evidence_id: int) -> SafeguardingEvidence:
    """An organisation's evidence row with an uploaded document; 404 for anything else."""
    return get_object_or_404(
        SafeguardingEvidence.objects.exclude(document=""), pk=evidence_id, organisation_id=organisation_id
    )
