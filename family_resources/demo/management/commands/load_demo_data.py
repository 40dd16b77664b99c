"""Load the demonstration dataset: `python manage.py load_demo_data`."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from family_resources.accounts.mfa import demo_app_secret
from family_resources.demo.builders import load_demo_data


class Command(BaseCommand):
    help = "Creates fictional staff, families, referrals, community services, articles and a consultation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--password",
            default=settings.DEMO_PASSWORD,
            help="Password for every demo staff account (default: the DEMO_PASSWORD setting).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demo data is for development and test machines; these settings do not allow it.")
        summary = load_demo_data(password=options["password"])
        if summary.created:
            counts = ", ".join(f"{n} {label}" for label, n in summary.counts.items())
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {counts}."))
        else:
            self.stdout.write("Demo data was already loaded; nothing changed.")
        self.stdout.write("Demo sign-in (every account uses the same password):")
        for account in summary.accounts:
            self.stdout.write(f"  {account.role.value:<22} {account.email}")
        self.stdout.write(f"  password               {summary.password}")
        # The second sign-in step (ADR 0022): every demo account's authenticator app has this key.
        self.stdout.write(f"  authenticator key      {demo_app_secret()} (or: manage.py demo_totp_code EMAIL)")
