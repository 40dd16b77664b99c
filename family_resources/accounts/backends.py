"""Staff sign-in by email and password, with permissions from roles alone (ADR 0006).

Every permission in the service is a `rules` predicate on the person's role and teams. Django's own
per-user and group permissions are not used: the admin offers no way to grant them. `ModelBackend`
would still look for them whenever `rules` says no, with two queries a request on every staff page
(the navigation asks about pages the person may not open). This backend keeps its password check and
answers "no permissions" without asking the database, so a permission stored by hand in those tables
grants nothing.
"""

from typing import Any

from django.contrib.auth.backends import ModelBackend


class StaffPasswordBackend(ModelBackend):
    def get_user_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

    def get_group_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()
