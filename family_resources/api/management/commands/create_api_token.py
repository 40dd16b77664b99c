"""`manage.py create_api_token EMAIL --role ROLE`: a token for a partner system's account.

Standard output carries the token and nothing else, so a script can capture it; anything said
to the person running the command goes to standard error.
"""

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from family_resources.accounts.roles import Role
from family_resources.api.services import api_account_get_or_create, api_token_create
from family_resources.audit.context import AuditContext, acting_as


class Command(BaseCommand):
    help = (
        "Make an API token for the staff account with this email address, making the account (with "
        "the role given) if there is none. Prints only the token, once: it cannot be shown again."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("email", help="The partner system's staff account, e.g. hv-system@example.org.")
        parser.add_argument("--role", required=True, help=f"The account's role: one of {', '.join(Role.values)}.")
        parser.add_argument("--name", default="", help="A name for a new account, e.g. 'Health visiting system'.")

    def handle(self, *args: Any, email: str, role: str, name: str, **options: Any) -> None:
        if role not in Role.values:
            raise CommandError(f"Unknown role '{role}'. Use one of: {', '.join(Role.values)}.")
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"'{email}' is not an email address.") from None

        with acting_as(AuditContext(actor=None, source="command:create_api_token")), transaction.atomic():
            user, created = api_account_get_or_create(email=email, role=Role(role), full_name=name)
            if user.role != role:
                raise CommandError(
                    f"The account {user.email} already exists with the role '{user.role}', not '{role}'. "
                    "A token acts with its account's role: run again with that role, or change the role first."
                )
            if not user.is_active:
                raise CommandError(f"The account {user.email} is switched off: switch it on before making a token.")
            token, raw = api_token_create(owner=user)

        if created:
            self.stderr.write(f"Made the staff account {user.email} with the role '{role}'.")
        if not user.has_perm("api.submit_referral"):
            self.stderr.write(f"Note: the role '{role}' may not send referrals through the API.")
        self.stderr.write(f"Token {token.prefix}… made. Store it now: it is not shown again.")
        self.stdout.write(raw)
