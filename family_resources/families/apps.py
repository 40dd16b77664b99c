from django.apps import AppConfig


class FamiliesConfig(AppConfig):
    """Families and the people in them."""

    name = "family_resources.families"
    verbose_name = "Families"

    def ready(self) -> None:
        from family_resources.families import permissions  # noqa: F401
