from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff accounts, roles and neighbourhood teams."""

    name = "family_resources.accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from family_resources.accounts import permissions  # noqa: F401
