"""API tokens in the admin: administrators see them and revoke them. Tokens are made only by
`manage.py create_api_token`, because the raw token can be shown just once."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from family_resources.api.models import ApiToken
from family_resources.api.services import api_token_revoke
from family_resources.core.admin_helpers import RulesModelAdmin


@admin.register(ApiToken)
class ApiTokenAdmin(RulesModelAdmin):
    list_display = ["prefix", "owner", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["prefix", "owner__email"]
    fields = ["prefix", "owner", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "owner", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a revoked token is kept, with the referrals it sent

    @admin.action(description="Revoke the selected tokens", permissions=["change"])
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        tokens = list(queryset.filter(revoked_at__isnull=True))
        for token in tokens:
            api_token_revoke(token=token)
        self.message_user(request, f"Revoked {len(tokens)} token(s).", messages.SUCCESS)
