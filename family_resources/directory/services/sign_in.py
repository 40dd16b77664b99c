"""An organisation's own sign-in: a single-use link emailed to its account address.

Organisations never get a staff account (accounts.User): the link puts the organisation's id in the
browser's session and nothing else, so every /staff/ page still refuses them.
"""

import hashlib
import logging
import secrets
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from family_resources.directory.models import Organisation, OrganisationSignIn
from family_resources.notifications.services import notify_email

# Log ids only: never the address a link went to.
logger = logging.getLogger(__name__)

LINK_LIFETIME = timedelta(minutes=30)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def organisation_sign_in_send(*, email: str, link_for: Callable[[str], str]) -> int:
    """Email a sign-in link to each organisation whose account address this is; say nothing about the others.

    Returns how many links went, for tests: callers must not tell the visitor, or the form would reveal
    which addresses are on the directory.
    """
    address = email.strip()
    if not address:
        return 0
    now = timezone.now()
    sent = 0
    for organisation in Organisation.objects.filter(account_email__iexact=address):
        token = secrets.token_urlsafe(32)
        sign_in = OrganisationSignIn.objects.create(
            organisation=organisation, token_hash=_hash(token), created_at=now, expires_at=now + LINK_LIFETIME
        )
        notify_email(
            to=organisation.account_email,
            template="directory_sign_in_link",
            context={"link": link_for(token), "expires_at": sign_in.expires_at, "organisation": organisation.name},
            regarding=("directory.organisation", str(organisation.pk)),
        )
        logger.info("organisation sign-in link %s sent for organisation %s", sign_in.pk, organisation.pk)
        sent += 1
    return sent


@transaction.atomic
def organisation_sign_in_use(*, token: str) -> Organisation | None:
    """The organisation a link signs in to, once: None if the link is unknown, used or out of date."""
    sign_in = (
        OrganisationSignIn.objects.select_for_update()
        .select_related("organisation")
        .filter(token_hash=_hash(token))
        .first()
    )
    now = timezone.now()
    if sign_in is None or sign_in.used_at is not None or sign_in.expires_at <= now:
        return None
    sign_in.used_at = now
    sign_in.save(update_fields=["used_at"])
    return sign_in.organisation
