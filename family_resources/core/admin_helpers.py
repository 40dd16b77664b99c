"""Admin behaviour shared by every app: module access follows the rules permissions."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest


class RulesModelAdmin(admin.ModelAdmin[Any]):
    """A ModelAdmin whose app appears on the admin index only to those with a rule for it."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(self.opts.app_label)


def register(model: type[models.Model], **options: Any) -> Any:
    """Register a model with RulesModelAdmin and the given list options."""
    admin_class = type(f"{model.__name__}Admin", (RulesModelAdmin,), options)
    admin.site.register(model, admin_class)
    return admin_class
