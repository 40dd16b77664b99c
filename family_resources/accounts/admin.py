from django.contrib import admin
from django.contrib.auth.models import Group

from family_resources.accounts.models import Team, TeamMembership, User
from family_resources.core.admin_helpers import RulesModelAdmin, register


class MembershipInline(admin.TabularInline[TeamMembership, User]):
    model = TeamMembership
    extra = 1


@admin.register(User)
class UserAdmin(RulesModelAdmin):
    list_display = ["full_name", "email", "role", "is_active"]
    list_filter = ["role", "is_active", "teams"]
    search_fields = ["full_name", "email"]
    fields = ["full_name", "email", "role", "job_title", "is_active"]
    inlines = [MembershipInline]


register(Team, list_display=["name", "kind", "neighbourhood", "base"])

# Permissions come from roles alone (ADR 0006): a group would grant nothing, so the admin does not offer them.
if admin.site.is_registered(Group):
    admin.site.unregister(Group)
