"""Refuse a half-configured Notify: an API key without the templates to send through."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register


@register()
def notify_settings_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if not settings.NOTIFY_API_KEY:
        return []
    missing = [name for name in ("NOTIFY_EMAIL_TEMPLATE_ID", "NOTIFY_SMS_TEMPLATE_ID") if not getattr(settings, name)]
    return [
        Error(
            f"NOTIFY_API_KEY is set but {name} is empty, so those messages would all fail.",
            hint="Set it to the id of the generic template in GOV.UK Notify (docs/decisions/0011-notifications.md).",
            id="notifications.E001",
        )
        for name in missing
    ]
