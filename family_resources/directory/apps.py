from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """Community and voluntary organisations and their services."""

    name = "family_resources.directory"
    verbose_name = "Community directory"

    def ready(self) -> None:
        from family_resources.directory import permissions  # noqa: F401
