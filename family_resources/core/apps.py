from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared layout, GOV.UK form rendering and public pages; no domain rules."""

    name = "family_resources.core"
    verbose_name = "Shared layout"
