from django.apps import AppConfig


class PlacesConfig(AppConfig):
    """Neighbourhoods, hubs, outreach bases and closed children's centre sites."""

    name = "family_resources.places"
    verbose_name = "Places"

    def ready(self) -> None:
        from family_resources.places import permissions  # noqa: F401
