"""The directory published as an Open Referral UK 3.0 API: read-only, public, at /api/oruk/.

Paths, parameters and field names follow the specification's OpenAPI document (docs/decisions/0017).
Only vetted services are published: the same rule as the public search and signposting. Records the
council keeps as fields rather than rows (a service's languages, its price, its contact) get stable
identifiers derived from the service's UUID, so consumers see the same id every time.
"""

import math
import uuid
from collections.abc import Callable
from datetime import time
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from family_resources.directory.models import (
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from family_resources.directory.models.services import WEEKDAY_CODES
from family_resources.directory.selectors import text_matches, vetted_services
from family_resources.places.postcodes import normalise_postcode
from family_resources.places.selectors import area_of

SPECIFICATION = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"
PROFILE = "https://github.com/openreferral/uk-profile"
DEFAULT_PER_PAGE = 50
MOST_PER_PAGE = 500
DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

Json = dict[str, Any]


class BadRequest(Exception):
    """A query parameter the API cannot read; the message says which."""


def _json(data: Any, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})
    # Public, read-only data other councils' and the NHS's tools read from browsers too.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def api_view(view: Callable[..., Any]) -> Callable[..., JsonResponse]:
    @login_not_required
    @require_GET
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
        try:
            result = view(request, *args, **kwargs)
        except BadRequest as problem:
            return _json({"detail": str(problem)}, status=400)
        if result is None:
            return _json({"detail": "Not found."}, status=404)
        return _json(result)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _derived(parent: uuid.UUID, what: str) -> str:
    return str(uuid.uuid5(parent, what))


def _absolute(path: str) -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def _present(data: Json) -> Json:
    """Leave out empty optional fields: an empty string is not a valid email address or URI."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


# Records ---------------------------------------------------------------------------------------------------


def organization_json(organisation: Organisation, *, full: bool) -> Json:
    data = _present(
        {
            "id": str(organisation.uuid),
            "name": organisation.name,
            "email": organisation.email,
            "website": organisation.website,
        }
    )
    data["description"] = organisation.description or organisation.name
    if full:
        identifiers = [
            ("charity", "GB-CHC", "Charity number", organisation.charity_number),
            ("company", "GB-COH", "Company number", organisation.company_number),
        ]
        data["organization_identifiers"] = [
            {
                "id": _derived(organisation.uuid, f"identifier:{key}"),
                "organization_id": str(organisation.uuid),
                "identifier_scheme": scheme,
                "identifier_type": label,
                "identifier": value,
            }
            for key, scheme, label, value in identifiers
            if value
        ]
    return data


def term_json(term: TaxonomyTerm) -> Json:
    return _present(
        {
            "id": str(term.uuid),
            "name": term.name,
            "description": term.description,
            "parent_id": str(term.parent.uuid) if term.parent else None,
            "taxonomy": term.taxonomy.name,
            "taxonomy_id": str(term.taxonomy.uuid),
            "term_uri": _absolute(reverse("directory:search")) + f"?need={term.slug}",
            "term": term.name,
        }
    )


def taxonomy_json(taxonomy: Taxonomy) -> Json:
    return _present(
        {
            "id": str(taxonomy.uuid),
            "name": taxonomy.name,
            "description": taxonomy.description,
            "uri": taxonomy.uri,
            "version": taxonomy.version,
            "taxonomy_terms": [term_json(term) for term in taxonomy.terms.all()],
        }
    )


def _time(moment: time) -> str:
    return moment.strftime("%H:%M")


def schedule_json(schedule: Schedule, attending: str) -> Json:
    return _present(
        {
            "id": str(schedule.uuid),
            "service_id": str(schedule.service.uuid),
            "valid_from": schedule.valid_from.isoformat() if schedule.valid_from else None,
            "valid_to": schedule.valid_to.isoformat() if schedule.valid_to else None,
            "dtstart": schedule.starts_on.isoformat() if schedule.starts_on else None,
            "freq": schedule.frequency,
            "interval": schedule.interval,
            "byday": schedule.byday,
            "opens_at": _time(schedule.opens_at),
            "closes_at": _time(schedule.closes_at),
            "description": schedule.description,
            "attending_type": attending,
        }
    )


def location_json(location: Location, *, full: bool) -> Json:
    data = _present(
        {
            "id": str(location.uuid),
            "location_type": location.kind,
            "name": location.name,
            "description": location.description,
            "latitude": float(location.latitude) if location.latitude is not None else None,
            "longitude": float(location.longitude) if location.longitude is not None else None,
            "external_identifier": location.uprn,
            "external_identifier_type": "UPRN" if location.uprn else None,
        }
    )
    if not full:
        return data
    if location.kind == Location.Kind.PHYSICAL:
        data["addresses"] = [
            {
                "id": _derived(location.uuid, "address"),
                "location_id": str(location.uuid),
                "address_1": location.address_1,
                "city": location.city,
                "state_province": settings.ORUK_STATE_PROVINCE,
                "postal_code": location.postcode,
                "country": "GB",
                "address_type": "physical",
            }
        ]
    if location.accessibility:
        data["accessibility"] = [
            {
                "id": _derived(location.uuid, "accessibility"),
                "location_id": str(location.uuid),
                "description": location.accessibility,
                "accessibility": location.accessibility,
            }
        ]
    return data


def service_json(service: Service, *, full: bool, with_locations: bool = True) -> Json:
    """A service: its one-to-one fields and organisation for lists; everything for the full record."""
    key = str(service.uuid)
    data = _present(
        {
            "id": key,
            "organization_id": str(service.organisation.uuid),
            "name": service.name,
            "description": service.description,
            "url": service.url or _absolute(reverse("directory:service", args=[service.uuid])),
            "email": service.email,
            "status": service.status,
            "minimum_age": service.min_age,
            "maximum_age": service.max_age,
            "assured_date": service.assured_on.isoformat() if service.assured_on else None,
            "assurer_email": settings.ORUK_ASSURER_EMAIL if service.assured_on else None,
            "alert": service.alert,
            "last_modified": service.updated_at.isoformat(timespec="milliseconds"),
            "organization": organization_json(service.organisation, full=full),
        }
    )
    if not full:
        return data
    locations = list(service.at_locations.all())
    online = {link.location.kind for link in locations} == {Location.Kind.VIRTUAL}
    attending = "Online" if online else "In person"
    names = dict(settings.LANGUAGE_NAMES_IN_ENGLISH)
    data["schedules"] = [schedule_json(schedule, attending) for schedule in service.schedules.all()]
    data["service_areas"] = [
        {
            "id": _derived(service.uuid, "service_area"),
            "service_id": key,
            "name": service.neighbourhood.name if service.neighbourhood else settings.ORUK_AREA_NAME,
            "service_area": service.neighbourhood.name if service.neighbourhood else settings.ORUK_AREA_NAME,
        }
    ]
    if with_locations:
        data["service_at_locations"] = [
            {
                "id": str(link.uuid),
                "service_id": key,
                "location_id": str(link.location.uuid),
                "location": location_json(link.location, full=True),
            }
            for link in locations
        ]
    # `name` and `code` are HSDS 3.0's language fields, which the UK profile's language.json leaves out.
    data["languages"] = [
        {
            "id": _derived(service.uuid, f"language:{code}"),
            "service_id": key,
            "name": str(names.get(code, code)),
            "code": code,
        }
        for code in service.languages or []
    ]
    data["cost_options"] = [
        _present(
            {
                "id": _derived(service.uuid, "cost"),
                "service_id": key,
                "option": "Free" if service.is_free else service.cost_description,
                "amount": 0
                if service.is_free
                else (float(service.cost_amount) if service.cost_amount is not None else None),
                "amount_description": None if service.is_free else service.cost_description,
            }
        )
    ]
    if service.contact_name:
        data["contacts"] = [
            _present(
                {
                    "id": _derived(service.uuid, "contact"),
                    "service_id": key,
                    "name": service.contact_name,
                    "title": service.contact_title,
                }
            )
        ]
    if service.phone:
        # HSDS 3.0's `phones`; the UK profile publishes phone.json but attaches it to nothing.
        data["phones"] = [{"id": _derived(service.uuid, "phone"), "number": service.phone}]
    data["attributes"] = [
        {
            "id": _derived(service.uuid, f"attribute:{term.uuid}"),
            "link_id": key,
            "link_type": "need",
            "taxonomy_term_id": str(term.uuid),
            "taxonomy_term": term_json(term),
        }
        for term in service.categories.all()
    ]
    return data


def service_at_location_json(link: ServiceAtLocation, *, full: bool) -> Json:
    return {
        "id": str(link.uuid),
        "service_id": str(link.service.uuid),
        "location_id": str(link.location.uuid),
        "location": location_json(link.location, full=full),
        "service": service_json(link.service, full=full, with_locations=False),
    }


# Paging and filters ----------------------------------------------------------------------------------------


def _integer(request: HttpRequest, name: str, default: int | None, lowest: int) -> int | None:
    text = request.GET.get(name) or ""
    if not text:
        return default
    try:
        value = int(text)
    except ValueError as error:
        raise BadRequest(f"{name} must be a whole number.") from error
    if value < lowest:
        raise BadRequest(f"{name} must be {lowest} or more.")
    return value


def _number(request: HttpRequest, name: str) -> float | None:
    text = request.GET.get(name) or ""
    if not text:
        return None
    try:
        value = float(text)
    except ValueError as error:
        raise BadRequest(f"{name} must be a number.") from error
    if not math.isfinite(value):
        raise BadRequest(f"{name} must be a number.")
    return value


def _clock(request: HttpRequest, name: str) -> time | None:
    text = request.GET.get(name) or ""
    if not text:
        return None
    try:
        return time.fromisoformat(text.rstrip("Z"))
    except ValueError as error:
        raise BadRequest(f"{name} must be a time, like 09:30.") from error


def _weekday(request: HttpRequest) -> int | None:
    text = (request.GET.get("day") or "").strip().upper()
    if not text:
        return None
    if text in WEEKDAY_CODES:
        return WEEKDAY_CODES.index(text)
    if text.lower() in DAY_NAMES:
        return DAY_NAMES.index(text.lower())
    raise BadRequest("day must be a day of the week: MO, TU, WE, TH, FR, SA or SU (or its English name).")


def _page(request: HttpRequest, items: list[Any] | QuerySet[Any], render: Callable[[Any], Json]) -> Json:
    """The specification's Page: the total, where this page is, and its contents."""
    per_page = min(_integer(request, "per_page", DEFAULT_PER_PAGE, 1) or DEFAULT_PER_PAGE, MOST_PER_PAGE)
    number = _integer(request, "page", 1, 1) or 1
    total = items.count() if isinstance(items, QuerySet) else len(items)
    pages = max(1, math.ceil(total / per_page))
    start = (number - 1) * per_page
    contents = [render(item) for item in items[start : start + per_page]]
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": len(contents) == 0,
        "contents": contents,
    }


def _published_services(request: HttpRequest) -> QuerySet[Service]:
    """Vetted services, narrowed by the specification's filters for /services and /service_at_locations."""
    services = vetted_services()
    # Whether a filter joined a table that can repeat a service (its categories, its schedules).
    joined = False
    for word in (request.GET.get("search") or "").split():
        services = services.filter(text_matches(word, categories=False))
    if term_id := request.GET.get("taxonomy_term_id"):
        services, joined = services.filter(categories__uuid=_uuid(term_id) or uuid.UUID(int=0)), True
    if taxonomy_id := request.GET.get("taxonomy_id"):
        services, joined = services.filter(categories__taxonomy__uuid=_uuid(taxonomy_id) or uuid.UUID(int=0)), True
    # The specification's wording: "a minimum age of at least" and "a maximum age of ... or below" the value.
    # A service with no lower limit starts at 0; one with no upper limit has none to be below.
    if (youngest := _number(request, "minimum_age")) is not None:
        no_lower_limit = Q(min_age__isnull=True) if youngest <= 0 else Q(pk__in=[])
        services = services.filter(Q(min_age__gte=youngest) | no_lower_limit)
    if (oldest := _number(request, "maximum_age")) is not None:
        services = services.filter(max_age__lte=oldest)
    schedule = Q()
    if (start := _clock(request, "start_time")) is not None:
        schedule &= Q(schedules__opens_at__gte=start)
    if (end := _clock(request, "end_time")) is not None:
        schedule &= Q(schedules__closes_at__lte=end)
    if (day := _weekday(request)) is not None:
        schedule &= Q(schedules__weekday=day)
    if schedule:
        services, joined = services.filter(schedule), True
    if joined:
        # A join can repeat a service: match on the ids rather than DISTINCT over every column of the row.
        services = vetted_services().filter(pk__in=services.values("pk"))
    return services.select_related("organisation", "neighbourhood").order_by("name", "pk")


def _full_services(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.select_related("organisation", "neighbourhood").prefetch_related(
        Prefetch("schedules", queryset=Schedule.objects.select_related("service").order_by("weekday", "opens_at")),
        Prefetch("at_locations", queryset=ServiceAtLocation.objects.select_related("location")),
        Prefetch("categories", queryset=TaxonomyTerm.objects.select_related("taxonomy", "parent")),
    )


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


# Endpoints -------------------------------------------------------------------------------------------------


@api_view
def root(request: HttpRequest) -> Json:
    """Information about this API and the version of the specification it follows."""
    return {"version": "3.0", "profile": PROFILE, "openapi_url": SPECIFICATION}


@api_view
def services(request: HttpRequest) -> Json:
    return _page(request, _published_services(request), lambda service: service_json(service, full=False))


@api_view
def service(request: HttpRequest, id: str) -> Json | None:
    key = _uuid(id)
    found = _full_services(vetted_services()).filter(uuid=key).first() if key else None
    return service_json(found, full=True) if found else None


@api_view
def taxonomies(request: HttpRequest) -> Json:
    return _page(request, Taxonomy.objects.prefetch_related(_terms_prefetch()).order_by("name", "pk"), taxonomy_json)


@api_view
def taxonomy(request: HttpRequest, id: str) -> Json | None:
    key = _uuid(id)
    found = Taxonomy.objects.prefetch_related(_terms_prefetch()).filter(uuid=key).first() if key else None
    return taxonomy_json(found) if found else None


def _terms_prefetch() -> Prefetch:
    return Prefetch(
        "terms", queryset=TaxonomyTerm.objects.select_related("taxonomy", "parent").order_by("position", "name")
    )


@api_view
def taxonomy_terms(request: HttpRequest) -> Json:
    terms = TaxonomyTerm.objects.select_related("taxonomy", "parent").order_by(
        "taxonomy__name", "position", "name", "pk"
    )
    return _page(request, terms, term_json)


@api_view
def taxonomy_term(request: HttpRequest, id: str) -> Json | None:
    key = _uuid(id)
    found = TaxonomyTerm.objects.select_related("taxonomy", "parent").filter(uuid=key).first() if key else None
    return term_json(found) if found else None


def _links(services: QuerySet[Service]) -> QuerySet[ServiceAtLocation]:
    return ServiceAtLocation.objects.filter(service__in=services).select_related(
        "location", "service__organisation", "service__neighbourhood"
    )


@api_view
def service_at_locations(request: HttpRequest) -> Json:
    published = _published_services(request)
    if postcode_text := request.GET.get("postcode"):
        # Our service areas are neighbourhoods: a postcode is covered by its neighbourhood's services and the
        # borough-wide ones. We hold no postcode centroids, so `proximity` cannot narrow further and is not used.
        postcode = normalise_postcode(postcode_text)
        if postcode is None:
            raise BadRequest("postcode must be a UK postcode, like LU4 8BW.")
        area = area_of(postcode)
        if not area.in_area:
            published = published.none()
        else:
            published = published.filter(Q(neighbourhood=area.neighbourhood) | Q(neighbourhood__isnull=True))
    links = _links(published).order_by("service__name", "location__name", "pk")
    return _page(request, links, lambda link: service_at_location_json(link, full=False))


@api_view
def service_at_location(request: HttpRequest, id: str) -> Json | None:
    key = _uuid(id)
    if key is None:
        return None
    link = (
        _links(vetted_services())
        .prefetch_related(
            Prefetch("service__schedules", queryset=Schedule.objects.select_related("service")),
            Prefetch("service__categories", queryset=TaxonomyTerm.objects.select_related("taxonomy", "parent")),
        )
        .filter(uuid=key)
        .first()
    )
    return service_at_location_json(link, full=True) if link else None
