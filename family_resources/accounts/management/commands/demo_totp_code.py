"""Print the code a demo account's authenticator app would show now: `python manage.py demo_totp_code EMAIL`."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from family_resources.accounts.mfa import DEMO_APP_KEY, demo_app_secret


class Command(BaseCommand):
    help = "Demo only: prints the current sign-in code for a demo staff account."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The demo account's email address.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demo codes are for development and test machines; these settings do not allow it.")
        device = TOTPDevice.objects.filter(user__email=options["email"].lower(), confirmed=True).first()
        # Only the shared demo key is ever printed: a real person's app stays theirs alone.
        if device is None or device.key != DEMO_APP_KEY:
            raise CommandError("That is not a demo account with the demo authenticator key.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(str(totp.token()).zfill(device.digits))
        self.stderr.write(f"(Demo authenticator key, to add to an app: {demo_app_secret()})")
