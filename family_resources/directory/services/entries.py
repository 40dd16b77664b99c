"""Organisations keep their own entries: what they ask for waits as a change request until an officer decides.

A proposal is plain JSON (the form's answers), so nothing in the directory changes until approval,
and an officer sees exactly what was asked for. `ORGANISATION_FIELDS` and `SERVICE_FIELDS` list its keys.
"""

from collections.abc import Callable, Mapping
from datetime import time
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.accounts.models import User
from family_resources.catalogue.models import CeasedService, ServiceArea
from family_resources.directory.models import (
    ChangeRequest,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceStatus,
    TaxonomyTerm,
)
from family_resources.notifications.services import notify_email
from family_resources.places.postcodes import normalise_postcode
from family_resources.places.selectors import area_of

ORGANISATION_FIELDS = [
    "name",
    "kind",
    "description",
    "website",
    "email",
    "phone",
    "charity_number",
    "company_number",
    "account_name",
    "account_email",
]
SERVICE_SCALARS = [
    "name",
    "description",
    "status",
    "alert",
    "url",
    "email",
    "phone",
    "contact_name",
    "contact_title",
    "min_age",
    "max_age",
    "is_free",
    "cost_description",
]
SERVICE_FIELDS = [
    *SERVICE_SCALARS,
    "cost_amount",
    "languages",
    "categories",
    "replaces",
    "online",
    "location_name",
    "address_1",
    "postcode",
    "accessibility",
    "days",
    "opens_at",
    "closes_at",
    "schedule_description",
]

Proposal = Mapping[str, Any]


# What an organisation asks for --------------------------------------------------------------------------------


@transaction.atomic
def listing_request_submit(*, organisation: Proposal, services_summary: str) -> ChangeRequest:
    """A community group asks to be listed. Once approved it signs in and adds its services, each approved too."""
    if problems := _organisation_problems(organisation, existing=None):
        raise ValidationError(problems)
    if not services_summary.strip():
        raise ValidationError({"services_summary": _("Tell us what the organisation runs for families")})
    return ChangeRequest.objects.create(
        kind=ChangeRequest.Kind.NEW_LISTING,
        proposed={
            "organisation": _only(organisation, ORGANISATION_FIELDS),
            "services_summary": services_summary.strip(),
        },
        submitted_by_email=str(organisation["account_email"]),
    )


@transaction.atomic
def organisation_change_submit(
    *, organisation: Organisation, proposed: Proposal, submitted_by_email: str
) -> ChangeRequest:
    """A signed-in organisation asks to change its own details."""
    problems = _organisation_problems(proposed, existing=organisation)
    if problems:
        raise ValidationError(problems)
    return _pending_replace(
        kind=ChangeRequest.Kind.ORGANISATION,
        organisation=organisation,
        service=None,
        proposed=_only(proposed, ORGANISATION_FIELDS),
        email=submitted_by_email,
    )


@transaction.atomic
def service_change_submit(
    *, organisation: Organisation, service: Service | None, proposed: Proposal, submitted_by_email: str
) -> ChangeRequest:
    """A signed-in organisation asks to add a service (service=None) or change one of its own."""
    if service is not None and service.organisation_id != organisation.pk:
        raise ValidationError(_("That service belongs to another organisation"))
    problems = _service_problems(proposed, existing=service, organisation=organisation)
    if problems:
        raise ValidationError(problems)
    kind = ChangeRequest.Kind.SERVICE if service is not None else ChangeRequest.Kind.NEW_SERVICE
    return _pending_replace(
        kind=kind,
        organisation=organisation,
        service=service,
        proposed=_only(proposed, SERVICE_FIELDS),
        email=submitted_by_email,
    )


def _pending_replace(
    *, kind: str, organisation: Organisation, service: Service | None, proposed: dict[str, Any], email: str
) -> ChangeRequest:
    """One pending change per thing: sending changes again replaces the ones still waiting."""
    waiting = (
        ChangeRequest.objects.select_for_update()
        .filter(kind=kind, organisation=organisation, service=service, status=ChangeRequest.Status.PENDING)
        .exclude(kind=ChangeRequest.Kind.NEW_SERVICE)
        .first()
    )
    if waiting is not None:
        waiting.proposed = proposed
        waiting.submitted_by_email = email
        waiting.submitted_at = timezone.now()
        waiting.save(update_fields=["proposed", "submitted_by_email", "submitted_at"])
        return waiting
    return ChangeRequest.objects.create(
        kind=kind, organisation=organisation, service=service, proposed=proposed, submitted_by_email=email
    )


# What a directory officer decides ----------------------------------------------------------------------------


@transaction.atomic
def change_request_approve(*, change: ChangeRequest, decided_by: User) -> ChangeRequest:
    """Apply the change to the directory and tell the organisation. Its rules are checked again first."""
    locked = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    if locked.status != ChangeRequest.Status.PENDING:
        raise ValidationError(_("This request has already been decided"))
    proposed = locked.proposed
    if locked.kind == ChangeRequest.Kind.NEW_LISTING:
        if problems := _organisation_problems(proposed["organisation"], existing=None):
            raise ValidationError(problems)
        organisation = Organisation()
        _organisation_apply(organisation, proposed["organisation"])
        locked.organisation = organisation
    elif locked.kind == ChangeRequest.Kind.ORGANISATION:
        assert locked.organisation is not None
        organisation = locked.organisation
        if problems := _organisation_problems(proposed, existing=organisation):
            raise ValidationError(problems)
        _organisation_apply(organisation, proposed)
    else:
        assert locked.organisation is not None
        organisation = locked.organisation
        existing = locked.service
        if problems := _service_problems(proposed, existing=existing, organisation=organisation):
            raise ValidationError(problems)
        _service_apply(existing or Service(organisation=organisation), proposed)
    locked.status = ChangeRequest.Status.APPROVED
    locked.decided_by = decided_by
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at", "organisation"])
    _tell_organisation(locked, organisation.contact_email, "directory_request_approved")
    return locked


@transaction.atomic
def change_request_reject(*, change: ChangeRequest, reason: str, decided_by: User) -> ChangeRequest:
    """Turn a request down, saying why: the organisation is told, and nothing in the directory changes."""
    if not reason.strip():
        raise ValidationError({"reason": _("Enter why you are rejecting the request: the organisation will be told")})
    locked = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    if locked.status != ChangeRequest.Status.PENDING:
        raise ValidationError(_("This request has already been decided"))
    locked.status = ChangeRequest.Status.REJECTED
    locked.rejection_reason = reason.strip()
    locked.decided_by = decided_by
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "rejection_reason", "decided_by", "decided_at"])
    _tell_organisation(locked, locked.submitted_by_email, "directory_request_rejected")
    return locked


def _tell_organisation(change: ChangeRequest, to: str, template: str) -> None:
    if not to:
        return
    notify_email(
        to=to,
        template=template,
        context={
            "what": str(change.get_kind_display()).lower(),
            "title": change.title,
            "reason": change.rejection_reason,
        },
        regarding=("directory.changerequest", str(change.pk)),
    )


# Rules that apply however the answers arrive ------------------------------------------------------------------


def _others(rows: QuerySet[Any], existing: Organisation | Service | None) -> QuerySet[Any]:
    """The rows other than the one being changed."""
    return rows if existing is None else rows.exclude(pk=existing.pk)


def _organisation_problems(data: Proposal, *, existing: Organisation | None) -> dict[str, str]:
    problems: dict[str, str] = {}
    name = str(data.get("name") or "").strip()
    if not name:
        problems["name"] = _("Enter the organisation's name")
    elif _others(Organisation.objects.filter(name__iexact=name), existing).exists():
        problems["name"] = _("An organisation with this name is already listed. Sign in to update its entry")
    if not str(data.get("description") or "").strip():
        problems["description"] = _("Describe what the organisation does")
    if not str(data.get("account_email") or "").strip():
        problems["account_email"] = _("Enter the email address we should send sign-in links and reminders to")
    if data.get("kind") not in Organisation.Kind.values:
        problems["kind"] = _("Choose what kind of organisation it is")
    return problems


def _service_problems(
    data: Proposal, *, existing: Service | None, organisation: Organisation | None = None
) -> dict[str, str]:
    problems: dict[str, str] = {}
    name = str(data.get("name") or "").strip()
    if not name:
        problems["name"] = _("Enter the service's name")
    elif organisation is not None and _others(organisation.services.filter(name__iexact=name), existing).exists():
        problems["name"] = _("You already list a service with this name")
    if not str(data.get("description") or "").strip():
        problems["description"] = _("Describe the service")
    if data.get("status", ServiceStatus.ACTIVE) not in ServiceStatus.values:
        problems["status"] = _("Choose whether the service is running")
    youngest, oldest = data.get("min_age"), data.get("max_age")
    if youngest is not None and oldest is not None and youngest > oldest:
        problems["max_age"] = _("The oldest age must be the same as or more than the youngest age")
    if data.get("is_free") and data.get("cost_amount") not in (None, ""):
        problems["cost_amount"] = _("A free service has no price: leave the price empty or choose that it is paid for")
    elif data.get("cost_amount") not in (None, "") and _money(data["cost_amount"]) is None:
        problems["cost_amount"] = _("Enter the price in pounds, like 2.50")
    if not data.get("online"):
        if not str(data.get("location_name") or "").strip():
            problems["location_name"] = _("Enter the name of the place where the service runs")
        if not str(data.get("address_1") or "").strip():
            problems["address_1"] = _("Enter the first line of the address")
        if normalise_postcode(str(data.get("postcode") or "")) is None:
            problems["postcode"] = _("Enter a real postcode, like LU4 8BW")
    days = data.get("days") or []
    opens, closes = _time(data.get("opens_at")), _time(data.get("closes_at"))
    if days and (opens is None or closes is None):
        problems["opens_at" if opens is None else "closes_at"] = _("Enter the times the sessions start and finish")
    elif opens is not None and closes is not None and opens >= closes:
        problems["closes_at"] = _("The finish time must be after the start time")
    elif (opens or closes) and not days:
        problems["days"] = _("Choose the days the sessions run")
    return problems


# Writing the directory --------------------------------------------------------------------------------------


def _organisation_apply(organisation: Organisation, data: Proposal) -> None:
    for field in ORGANISATION_FIELDS:
        setattr(organisation, field, str(data.get(field) or "").strip())
    organisation.save()


def _service_apply(service: Service, data: Proposal) -> Service:
    for field in SERVICE_SCALARS:
        value = data.get(field)
        setattr(service, field, value.strip() if isinstance(value, str) else value)
    service.status = data.get("status") or ServiceStatus.ACTIVE
    service.is_free = bool(data.get("is_free"))
    service.cost_amount = None if service.is_free else _money(data.get("cost_amount"))
    service.languages = sorted(set(data.get("languages") or []))
    service.assured_on = timezone.localdate()
    location = _location_for(service.organisation, data)
    service.neighbourhood = location.neighbourhood
    service.save()
    categories = list(TaxonomyTerm.objects.filter(slug__in=data.get("categories") or []))
    service.categories.set(categories)
    if categories:
        # Signposting packs match on service areas: keep them in step with the categories chosen.
        areas = ServiceArea.objects.filter(taxonomy_terms__in=categories).distinct()
        service.service_areas.set(areas)
    service.replaces.set(CeasedService.objects.filter(slug__in=data.get("replaces") or []))
    ServiceAtLocation.objects.filter(service=service).exclude(location=location).delete()
    ServiceAtLocation.objects.get_or_create(service=service, location=location)
    days = data.get("days") or []
    if days:
        service.schedules.all().delete()
        opens, closes = _time(data.get("opens_at")), _time(data.get("closes_at"))
        if opens is None or closes is None:  # _service_problems refuses days without times
            raise ValidationError({"opens_at": _("Enter the times the sessions start and finish")})
        for day in sorted({int(day) for day in days}):
            Schedule.objects.create(
                service=service,
                weekday=day,
                opens_at=opens,
                closes_at=closes,
                description=str(data.get("schedule_description") or "").strip(),
            )
    return service


def _location_for(organisation: Organisation, data: Proposal) -> Location:
    """The organisation's location of that name, created or brought up to date."""
    if data.get("online"):
        location, _created = Location.objects.get_or_create(
            organisation=organisation,
            kind=Location.Kind.VIRTUAL,
            name=str(data.get("location_name") or "").strip() or "Online",
            defaults={"city": ""},
        )
        return location
    postcode = normalise_postcode(str(data.get("postcode") or "")) or ""
    location = Location.objects.filter(
        organisation=organisation, kind=Location.Kind.PHYSICAL, name__iexact=str(data["location_name"]).strip()
    ).first() or Location(organisation=organisation, kind=Location.Kind.PHYSICAL)
    location.name = str(data["location_name"]).strip()
    location.address_1 = str(data.get("address_1") or "").strip()
    if location.postcode != postcode:
        location.latitude = location.longitude = None  # they were for the old address
    location.postcode = postcode
    location.neighbourhood = area_of(postcode).neighbourhood
    location.accessibility = str(data.get("accessibility") or "").strip()
    location.save()
    return location


def _only(data: Proposal, keys: list[str]) -> dict[str, Any]:
    return {key: data.get(key) for key in keys}


def _money(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None
    return amount if amount >= 0 else None


def _time(value: Any) -> time | None:
    if not value:
        return None
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        return None


def proposal_changes(change: ChangeRequest, describe: Callable[[str, Any], str]) -> list[tuple[str, str, str]]:
    """(field, now, proposed) for each answer that differs from the entry as it stands; describe() words a value."""
    if change.kind == ChangeRequest.Kind.NEW_LISTING:
        rows = [(key, "", describe(key, value)) for key, value in change.proposed["organisation"].items()]
        return [*rows, ("services_summary", "", describe("services_summary", change.proposed.get("services_summary")))]
    if change.kind == ChangeRequest.Kind.ORGANISATION and change.organisation is not None:
        current = organisation_as_proposal(change.organisation)
    elif change.kind == ChangeRequest.Kind.SERVICE and change.service is not None:
        current = service_as_proposal(change.service)
    else:
        current = {}
    return [
        (key, describe(key, current.get(key)), describe(key, value))
        for key, value in change.proposed.items()
        if current.get(key) != value
    ]


def organisation_as_proposal(organisation: Organisation) -> dict[str, Any]:
    """The organisation's details as the answers a form starts from."""
    return {field: getattr(organisation, field) for field in ORGANISATION_FIELDS}


def service_as_proposal(service: Service) -> dict[str, Any]:
    """A service as the answers a form starts from, so an unchanged answer compares equal."""
    location = service.locations.order_by("pk").first()
    schedules = list(service.schedules.all())
    first = schedules[0] if schedules else None
    return {
        **{field: getattr(service, field) for field in SERVICE_SCALARS},
        "cost_amount": None if service.cost_amount is None else str(service.cost_amount),
        "languages": sorted(service.languages or []),
        "categories": sorted(service.categories.values_list("slug", flat=True)),
        "replaces": sorted(service.replaces.values_list("slug", flat=True)),
        "online": bool(location and location.kind == Location.Kind.VIRTUAL),
        "location_name": location.name if location else "",
        "address_1": location.address_1 if location else "",
        "postcode": location.postcode if location else "",
        "accessibility": location.accessibility if location else "",
        "days": sorted({schedule.weekday for schedule in schedules}),
        "opens_at": first.opens_at.strftime("%H:%M") if first else "",
        "closes_at": first.closes_at.strftime("%H:%M") if first else "",
        "schedule_description": first.description if first else "",
    }
