"""Writes for the partner API: tokens, their accounts, and referrals sent through the API."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.api.models import ApiSubmission, ApiToken
from family_resources.intake.models import Referral
from family_resources.intake.services import ReferralInput, referral_submit

# Not a secret: a marker so that a leaked token is recognisable in logs and by secret scanners.
TOKEN_PREFIX = "frs_"  # noqa: S105
PREFIX_LENGTH = 12


class IdempotencyKeyReused(Exception):
    """The Idempotency-Key was used before, by the same account, with a different request body."""

    def __init__(self, *, reference: str) -> None:
        super().__init__(reference)
        self.reference = reference


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_account_get_or_create(*, email: str, role: Role, full_name: str = "") -> tuple[User, bool]:
    """The staff account a partner system acts as. A new one has no password: it signs in only by token."""
    email = User.objects.normalize_email(email).lower()
    existing = User.objects.filter(email=email).first()
    if existing is not None:
        return existing, False
    return User.objects.create_user(email, None, full_name=full_name or email, role=role), True


@transaction.atomic
def api_token_create(*, owner: User) -> tuple[ApiToken, str]:
    """A new token for the account. The raw token is returned once and never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(owner=owner, prefix=raw[:PREFIX_LENGTH], token_hash=token_hash(raw))
    return token, raw


def api_token_authenticate(*, raw: str) -> ApiToken | None:
    """The token's record if it is live and its account active; records when it was last used."""
    if not raw:
        return None
    token = (
        ApiToken.objects.select_related("owner")
        .filter(token_hash=token_hash(raw), revoked_at__isnull=True, owner__is_active=True)
        .first()
    )
    if token is None:
        return None
    token.last_used_at = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=token.last_used_at)
    return token


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Stop the token working from now on. Revoking again keeps the first time."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


@transaction.atomic
def api_referral_submit(
    *, data: ReferralInput, token: ApiToken, idempotency_key: str = "", request_hash: str
) -> tuple[Referral, bool]:
    """Make a referral from a partner system's request. Returns (referral, created).

    With an Idempotency-Key, a retry of the same request returns the first referral; the same key
    with a different body raises IdempotencyKeyReused rather than quietly returning the wrong one.
    """
    owner = token.owner
    if idempotency_key:
        earlier = (
            ApiSubmission.objects.select_related("referral")
            .filter(owner=owner, idempotency_key=idempotency_key)
            .first()
        )
        if earlier is not None:
            if earlier.request_hash != request_hash:
                raise IdempotencyKeyReused(reference=earlier.referral.reference)
            return earlier.referral, False

    referral, created = referral_submit(data=data, logged_by=owner, idempotency_key=idempotency_key)
    if created:
        ApiSubmission.objects.create(
            referral=referral,
            owner=owner,
            token=token,
            idempotency_key=idempotency_key,
            request_hash=request_hash,
        )
        return referral, True

    # A concurrent retry made the referral first (referral_submit caught the race).
    winner = ApiSubmission.objects.filter(referral=referral).first()
    if winner is not None and winner.request_hash != request_hash:
        raise IdempotencyKeyReused(reference=referral.reference)
    return referral, False
