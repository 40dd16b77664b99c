"""Signing a family in with a six-digit code sent to the contact details on their record.

The page a visitor sees next is the same whether or not the email address or mobile is on a record,
so the form cannot be used to find out who the service works with. Codes are kept only as keyed
hashes, work once, run out after settings.PORTAL_CODE_MINUTES and allow PORTAL_CODE_MAX_ATTEMPTS tries.
"""

import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Replace
from django.utils import timezone

from family_resources.families.models import Family
from family_resources.notifications.services import notify_email, notify_sms
from family_resources.portal.models import SignInCode, SignInThrottle

# Log ids and outcomes only: never the address or number a code went to.
logger = logging.getLogger(__name__)

_PHONE_CHARS = re.compile(r"[\s\-().]")


def _keyed_hash(kind: str, value: str) -> str:
    """A hash keyed with the secret key, so a copy of the table alone cannot be reversed by guessing."""
    key = f"{settings.SECRET_KEY}:portal:{kind}".encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def normalise_mobile(text: str) -> str:
    """A UK mobile number in its national form (07700 900123 and +44 7700 900123 are one number)."""
    digits = _PHONE_CHARS.sub("", text.strip())
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    return digits


def normalise_contact(text: str) -> str:
    value = text.strip()
    return value.lower() if "@" in value else normalise_mobile(value)


def _families_with(contact: str) -> list[Family]:
    if "@" in contact:
        return list(Family.objects.filter(contact_email__iexact=contact))
    if not contact.isdigit() or len(contact) < 10:
        return []
    # Numbers are typed with spaces and dashes on the record too: compare them without.
    stripped = Replace(
        Replace(Replace("contact_phone", Value(" "), Value("")), Value("-"), Value("")), Value("+44"), Value("0")
    )
    candidates = Family.objects.annotate(phone_digits=stripped).filter(phone_digits__endswith=contact[-10:])
    return [family for family in candidates if normalise_mobile(family.contact_phone) == contact]


@dataclass(frozen=True)
class CodeRequest:
    challenge: str  # kept in the visitor's session; names the code without revealing whether one was sent
    limited: bool  # too many codes asked for: say so, whatever the contact
    sent: bool  # for tests and logs only: the visitor must never be told


def _limited(contact_hash: str, ip_hash: str, now: datetime) -> bool:
    since = now - timedelta(hours=1)
    recent = SignInThrottle.objects.filter(requested_at__gt=since)
    return (
        recent.filter(contact_hash=contact_hash).count() >= settings.PORTAL_CODES_PER_CONTACT_PER_HOUR
        or recent.filter(ip_hash=ip_hash).count() >= settings.PORTAL_CODES_PER_ADDRESS_PER_HOUR
    )


@transaction.atomic
def sign_in_code_send(*, contact: str, ip_address: str | None, now: datetime | None = None) -> CodeRequest:
    """Send a code to the family whose email or mobile this is, by that channel, in the family's language."""
    moment = now or timezone.now()
    value = normalise_contact(contact)
    contact_hash = _keyed_hash("contact", value)
    ip_hash = _keyed_hash("ip", ip_address or "")
    challenge = secrets.token_urlsafe(32)
    if _limited(contact_hash, ip_hash, moment):
        logger.info("portal sign-in code refused: rate limit")
        return CodeRequest(challenge="", limited=True, sent=False)
    SignInThrottle.objects.create(contact_hash=contact_hash, ip_hash=ip_hash, requested_at=moment)
    families = _families_with(value)
    # Two records with the same contact details: no code, rather than a guess at which family it is.
    family = families[0] if len(families) == 1 else None
    code = f"{secrets.randbelow(1_000_000):06d}"
    record = SignInCode.objects.create(
        challenge_hash=_keyed_hash("challenge", challenge),
        family=family,
        code_hash=_keyed_hash("code", f"{challenge}:{code}") if family else "",
        channel=("email" if "@" in value else "sms") if family else "",
        created_at=moment,
        expires_at=moment + timedelta(minutes=settings.PORTAL_CODE_MINUTES),
    )
    if family is None:
        logger.info("portal sign-in code %s: no single family matched (matches=%s)", record.pk, len(families))
        return CodeRequest(challenge=challenge, limited=False, sent=False)
    context = {"code": code, "minutes": settings.PORTAL_CODE_MINUTES}
    regarding = ("families.family", family.reference)
    if record.channel == "email":
        notify_email(to=family.contact_email, template="portal_sign_in_code", context=context,
                     language=family.preferred_language, regarding=regarding)  # fmt: skip
    else:
        notify_sms(to=family.contact_phone, template="portal_sign_in_code", context=context,
                   language=family.preferred_language, regarding=regarding)  # fmt: skip
    logger.info("portal sign-in code %s sent for family %s by %s", record.pk, family.pk, record.channel)
    return CodeRequest(challenge=challenge, limited=False, sent=True)


class CodeProblem(Exception):
    """Why a code did not sign the family in: 'wrong', 'expired' or 'locked' (used or out of tries)."""

    def __init__(self, reason: str, attempts_left: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.attempts_left = attempts_left


def sign_in_code_check(*, challenge: str, code: str, now: datetime | None = None) -> Family:
    """The family a code signs in, once; raises CodeProblem for a wrong, used, expired or over-tried code."""
    # The try is counted in its own transaction, which commits before the problem is raised.
    family, problem = _check(challenge=challenge, code=code, moment=now or timezone.now())
    if problem is not None:
        raise problem
    assert family is not None
    return family


@transaction.atomic
def _check(*, challenge: str, code: str, moment: datetime) -> tuple[Family | None, CodeProblem | None]:
    record = (
        # of=("self",): PostgreSQL cannot lock the nullable side of the join to the family.
        SignInCode.objects.select_for_update(of=("self",))
        .select_related("family")
        .filter(challenge_hash=_keyed_hash("challenge", challenge or ""))
        .first()
    )
    if record is None or record.used_at is not None or record.attempts >= settings.PORTAL_CODE_MAX_ATTEMPTS:
        return None, CodeProblem("locked")
    if record.expires_at <= moment:
        return None, CodeProblem("expired")
    record.attempts += 1
    expected = record.code_hash
    given = _keyed_hash("code", f"{challenge}:{code.strip()}")
    if record.family is None or not expected or not hmac.compare_digest(expected, given):
        record.save(update_fields=["attempts"])
        left = settings.PORTAL_CODE_MAX_ATTEMPTS - record.attempts
        logger.info("portal sign-in code %s wrong (attempt %s)", record.pk, record.attempts)
        return None, CodeProblem("wrong" if left > 0 else "locked", attempts_left=left)
    record.used_at = moment
    record.save(update_fields=["attempts", "used_at"])
    logger.info("portal sign-in code %s used for family %s", record.pk, record.family_id)
    return record.family, None


def sign_in_records_purge(*, older_than: timedelta = timedelta(days=1), now: datetime | None = None) -> int:
    """Delete codes and throttle rows older than a day: they only matter for an hour."""
    cutoff = (now or timezone.now()) - older_than
    codes, _ = SignInCode.objects.filter(created_at__lt=cutoff).delete()
    throttles, _ = SignInThrottle.objects.filter(requested_at__lt=cutoff).delete()
    return codes + throttles
