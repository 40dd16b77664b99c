"""Staff accounts and neighbourhood teams."""

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.accounts.roles import ADMIN_SITE_ROLES, Role


class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        if not email:
            raise ValueError("A staff account needs an email address.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.setdefault("role", Role.ADMINISTRATOR)
        fields.update(is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A member of staff. Families never get one of these; the portal has its own sign-in."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick instead of deleting, so the audit trail keeps its actor.")
    )
    date_joined = models.DateTimeField(default=timezone.now)
    teams = models.ManyToManyField("accounts.Team", through="accounts.TeamMembership", related_name="members")

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_staff(self) -> bool:
        """Whether the Django admin opens for this person: only roles that maintain reference data."""
        return self.is_active and (self.is_superuser or self.role in ADMIN_SITE_ROLES)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Team(models.Model):
    """A team of staff: a neighbourhood team built around a school cluster, or a central team."""

    class Kind(models.TextChoices):
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood team")
        FRONT_DOOR = "front_door", _("Front door")
        CENTRAL = "central", _("Central team")

    name = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    neighbourhood = models.OneToOneField(
        "places.Neighbourhood",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="team",
        help_text=_("The neighbourhood a neighbourhood team serves."),
    )
    base = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="teams",
        help_text=_("The hub the team works from."),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="neighbourhood_team_has_neighbourhood",
                condition=~models.Q(kind="neighbourhood") | models.Q(neighbourhood__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return self.name


class TeamMembership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    joined_on = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "team"], name="one_membership_per_team")]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"
