"""The partner API (django-ninja): referrals in, their status out. OpenAPI at /api/v1/openapi.json.

Status codes (docs/decisions/0012-referral-api.md):
- 201 a referral was made (eligible or not: an ineligible referral is kept, with its reasons);
- 200 a retry with an Idempotency-Key already used for the same body: the same referral, same body;
- 400 the body is not JSON; 422 it is JSON but breaks the schema or the front door's rules, or reuses
  an Idempotency-Key with a different body; errors are {"errors": [{"field", "message"}]};
- 401 no token, or an unknown or revoked one, or an inactive account; 403 a role that may not do this;
- 404 no referral with that reference that this account may see.
"""

import hashlib
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Header, NinjaAPI, Status
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError
from ninja.security import HttpBearer

from family_resources.api.mapping import api_field, referral_input_from
from family_resources.api.models import ApiToken
from family_resources.api.schemas import (
    DecisionIn,
    DecisionOut,
    ErrorsOut,
    OutcomeOut,
    ReferralIn,
    ReferralOut,
    ReferralStatus,
    SignpostOut,
)
from family_resources.api.selectors import api_referral_for, referral_decision, referral_eligibility
from family_resources.api.services import IdempotencyKeyReused, api_referral_submit, api_token_authenticate
from family_resources.audit.context import AuditContext, acting_as
from family_resources.audit.middleware import client_ip
from family_resources.audit.services import audit_view
from family_resources.catalogue.models import Intervention, ServiceArea
from family_resources.intake.models import Referral
from family_resources.intake.selectors import match_candidates
from family_resources.intake.services import referral_create_family, referral_validate
from family_resources.triage.models import Decision
from family_resources.triage.routing import Route
from family_resources.triage.selectors import decision_outcome
from family_resources.triage.services import decision_record

logger = logging.getLogger(__name__)

SUBMIT = "api.submit_referral"
DECIDE = "api.decide_referral"
VIEW_ANY = "intake.view_referral"
_IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,100}$")  # visible ASCII: a UUID fits


class ApiProblem(Exception):
    """A 4xx answer with field-by-field errors."""

    def __init__(self, status: int, errors: dict[str | None, str]) -> None:
        super().__init__(status, errors)
        self.status = status
        self.errors = errors


class BearerToken(HttpBearer):
    """`Authorization: Bearer TOKEN`, for an account holding any of the given permissions."""

    def __init__(self, *permissions: str) -> None:
        super().__init__()
        self.permissions = permissions

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        api_token = api_token_authenticate(raw=token.strip())
        if api_token is None:
            return None  # ninja answers 401
        if not any(api_token.owner.has_perm(permission) for permission in self.permissions):
            logger.info("API token %s refused: role %s", api_token.prefix, api_token.owner.role)
            raise AuthorizationError(message="This account's role may not do this through the API.")
        return api_token


api = NinjaAPI(
    title="Family Resources Service partner API",
    version="1",
    description=(
        "Referrals from partner organisations' systems to the council's Family Resources Service front door. "
        "Authenticate with `Authorization: Bearer TOKEN`; tokens are issued by the service."
    ),
    urls_namespace="partner_api",
    # The OpenAPI document is the contract; no interactive docs page, which would load scripts from a CDN.
    docs_url=None,
)


def _errors_response(request: HttpRequest, status: int, errors: dict[str | None, str]) -> HttpResponse:
    body = {"errors": [{"field": field, "message": message} for field, message in errors.items()]}
    return api.create_response(request, body, status=status)


@api.exception_handler(ApiProblem)
def _problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    return _errors_response(request, exc.status, exc.errors)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _errors_response(
        request, 401, {None: "Send a valid API token in the Authorization header, as 'Bearer TOKEN'."}
    )
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    message = str(exc)
    if exc.status_code == 400 and message.startswith("Cannot parse request body"):
        message = "The request body is not valid JSON."
    return _errors_response(request, exc.status_code, {None: message})


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _errors_response(request, 404, {None: "There is no referral with that reference that you can see."})


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors: dict[str | None, str] = {}
    for error in exc.errors:
        field = _field_path(error.get("loc", ()))
        errors.setdefault(field, _message(error))
    return _errors_response(request, 422, errors)


def _field_path(loc: Any) -> str | None:
    """('body', 'payload', 'people', 0, 'date_of_birth') -> 'people.0.date_of_birth'."""
    parts = list(loc)
    if parts[:2] == ["body", "payload"]:
        parts = parts[2:]
    elif parts[:1] in (["header"], ["path"], ["query"]):
        parts = parts[1:]
    return ".".join(str(part) for part in parts) or None


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    whole_body = len(error.get("loc", ())) <= 2
    if kind == "missing":
        return "Send the referral as a JSON object in the request body" if whole_body else "This field is required"
    if kind == "extra_forbidden":
        return "This is not a field of the API: check its name and where it goes"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "The request body must be a JSON object" if whole_body else "This must be a JSON object"
    message = str(error.get("msg", "Not valid"))
    return message.removeprefix("Value error, ")


@contextmanager
def _audited(request: HttpRequest) -> Iterator[ApiToken]:
    """Token requests have no session user, so the audit trail is told who is acting here."""
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    context = AuditContext(actor=token.owner, source="api", ip_address=client_ip(request), path=request.path[:300])
    with acting_as(context):
        yield token


def _request_hash(payload: ReferralIn) -> str:
    canonical = json.dumps(payload.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _referral_out(referral: Referral) -> ReferralOut:
    eligibility = referral_eligibility(referral=referral)
    decision = referral_decision(referral=referral)
    outcome = None
    if decision is not None:
        audit_view(instance=decision)
        result = decision_outcome(decision=decision)
        outcome = OutcomeOut(
            level=decision.level,
            route=Route(decision.route),
            route_label=str(decision.get_route_display()),
            decided_at=decision.decided_at,
            team=result.team,
            signposting=_signposts(decision),
        )
    return ReferralOut(
        reference=referral.reference,
        status=cast(ReferralStatus, referral.status),
        eligibility=eligibility.status,
        reasons=eligibility.explanation(postcode=referral.postcode),
        reason_codes=[str(reason) for reason in eligibility.reasons],
        where_else=eligibility.where_else() if eligibility.reasons else [],
        received_at=referral.received_at,
        outcome=outcome,
    )


@api.post(
    "/referrals",
    auth=BearerToken(SUBMIT),
    response={201: ReferralOut, 200: ReferralOut, 400: ErrorsOut, 401: ErrorsOut, 403: ErrorsOut, 422: ErrorsOut},
    summary="Send a referral",
    description=(
        "Makes a referral at the front door and checks eligibility. A referral that is not eligible is still "
        "made and kept (201, status not_eligible, with reasons). With an Idempotency-Key, a retry of the same "
        "body returns the same referral with 200 instead of making another; the same key with a different "
        "body is refused with 422."
    ),
)
def referral_create(
    request: HttpRequest,
    response: HttpResponse,
    payload: ReferralIn,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        description="Up to 100 visible ASCII characters, unique per referral (a UUID is ideal).",
    ),
) -> Status[ReferralOut]:
    key = (idempotency_key or "").strip()
    if idempotency_key is not None and not _IDEMPOTENCY_KEY.match(key):
        raise ApiProblem(422, {"Idempotency-Key": "Use 1 to 100 visible ASCII characters, such as a UUID"})

    data, api_errors = referral_input_from(payload)
    errors: dict[str | None, str] = {}
    errors.update(api_errors)
    for intake_key, message in referral_validate(data).items():
        errors.setdefault(api_field(intake_key), message)
    if errors:
        raise ApiProblem(422, errors)

    with _audited(request) as token:
        try:
            referral, created = api_referral_submit(
                data=data, token=token, idempotency_key=key, request_hash=_request_hash(payload)
            )
        except IdempotencyKeyReused as reused:
            raise ApiProblem(
                422,
                {
                    "Idempotency-Key": (
                        f"This key was already used for referral {reused.reference} with a different body. "
                        "Send a new key for a new referral, or the original body to retry."
                    )
                },
            ) from None
        except DjangoValidationError as invalid:  # rules checked again inside the transaction
            raise ApiProblem(
                422, {api_field(name): "; ".join(messages) for name, messages in invalid.message_dict.items()}
            ) from None
        if not created:
            audit_view(instance=referral)
        body = _referral_out(referral)
    logger.info("API referral %s %s by token %s", referral.pk, "created" if created else "replayed", token.prefix)
    response["Location"] = reverse(f"{api.urls_namespace}:referral_status", kwargs={"reference": referral.reference})
    return Status(201 if created else 200, body)


@api.get(
    "/referrals/{reference}",
    auth=BearerToken(SUBMIT, VIEW_ANY),
    response={200: ReferralOut, 401: ErrorsOut, 403: ErrorsOut, 404: ErrorsOut},
    summary="Follow a referral",
    description=(
        "The referral's status and eligibility and, once the front door has decided, the outcome: threshold "
        "level and route. A partner account sees the referrals it sent."
    ),
)
def referral_status(request: HttpRequest, reference: str) -> ReferralOut:
    with _audited(request) as token:
        referral = api_referral_for(reference=reference.strip().upper(), user=token.owner)
        audit_view(instance=referral)
        return _referral_out(referral)


def _signposts(decision: Decision) -> list[SignpostOut]:
    return [
        SignpostOut(
            kind="service" if item.kind == "service" else "article",
            name=item.name,
            organisation=item.organisation,
            phone=item.phone,
            email=item.email,
            url=item.url,
        )
        for item in decision_outcome(decision=decision).signposting
    ]


@api.post(
    "/referrals/{reference}/decision",
    auth=BearerToken(DECIDE),
    response={200: DecisionOut, 401: ErrorsOut, 403: ErrorsOut, 404: ErrorsOut, 409: ErrorsOut, 422: ErrorsOut},
    summary="Record the threshold decision",
    description=(
        "The front door's decision on a referral: level 1 to 4, immediate risk, needs (catalogue or service-area "
        "slugs) and rationale. Returns the route: social_care, accepted (with the neighbourhood team) or "
        "signposted (with the pack sent to the family); a referral that is not eligible answers not_eligible with "
        "the reasons and records nothing. A referral with possible matching family records is refused with 409 "
        "until an officer confirms the match in the service."
    ),
)
def referral_decide(request: HttpRequest, reference: str, payload: DecisionIn) -> DecisionOut:
    with _audited(request) as token:
        referral = api_referral_for(reference=reference.strip().upper(), user=token.owner)
        audit_view(instance=referral)
        if referral.status == Referral.Status.NOT_ELIGIBLE:
            eligibility = referral_eligibility(referral=referral)
            return DecisionOut(
                route="not_eligible",
                team=None,
                signposting=[],
                reasons=eligibility.explanation(postcode=referral.postcode) + eligibility.where_else(),
            )
        if referral.status == Referral.Status.DECIDED:
            raise ApiProblem(409, {None: "This referral already has a decision: see GET /referrals/{reference}."})
        interventions = {i.slug: i for i in Intervention.objects.filter(slug__in=payload.needs, bookable=True)}
        areas = {a.slug: a for a in ServiceArea.objects.filter(slug__in=payload.needs)}
        unknown: dict[str | None, str] = {
            f"needs.{index}": "Not a need in the interventions catalogue or a service area"
            for index, slug in enumerate(payload.needs)
            if slug not in interventions and slug not in areas
        }
        if unknown:
            raise ApiProblem(422, unknown)
        if referral.family is None:
            if match_candidates(referral=referral).exists():
                raise ApiProblem(
                    409, {None: "Possible existing family records match: an officer must confirm the match first."}
                )
            referral_create_family(referral=referral)
        try:
            decision = decision_record(
                referral=referral,
                level=payload.level,
                immediate_risk=payload.immediate_risk,
                rationale=payload.rationale,
                decided_by=token.owner,
                needs=interventions.values(),
                service_areas=areas.values(),
            )
        except DjangoValidationError as invalid:
            raise ApiProblem(
                422, {None if name == "__all__" else name: "; ".join(m) for name, m in invalid.message_dict.items()}
            ) from None
        outcome = decision_outcome(decision=decision)
        return DecisionOut(route=outcome.route, team=outcome.team, signposting=_signposts(decision))  # type: ignore[arg-type]
