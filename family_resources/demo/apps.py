from django.apps import AppConfig


class DemoConfig(AppConfig):
    """A realistic demonstration dataset with no real personal data."""

    name = "family_resources.demo"
    verbose_name = "Demonstration data"
