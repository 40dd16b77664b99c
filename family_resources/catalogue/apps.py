from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    """Service areas, the interventions catalogue and the universal services that ceased."""

    name = "family_resources.catalogue"
    verbose_name = "Service catalogue"

    def ready(self) -> None:
        from family_resources.catalogue import permissions  # noqa: F401
