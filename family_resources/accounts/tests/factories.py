"""Staff accounts and teams for tests."""

import factory

from family_resources.accounts.models import Team, TeamMembership, User
from family_resources.accounts.roles import Role
from family_resources.places.models import Neighbourhood

TEST_PASSWORD = "a-long-test-password-2026"


class NeighbourhoodFactory(factory.django.DjangoModelFactory[Neighbourhood]):
    class Meta:
        model = Neighbourhood
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test neighbourhood {n:04d}")  # padded: name order is creation order
    slug = factory.Sequence(lambda n: f"test-neighbourhood-{n}")


class TeamFactory(factory.django.DjangoModelFactory[Team]):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Test team {n:04d}")  # padded: name order is creation order
    kind = Team.Kind.NEIGHBOURHOOD
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"staff{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    role = Role.PRACTITIONER
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def teams(obj: User, create: bool, extracted: list[Team] | None, **kwargs: object) -> None:
        if create and extracted:
            for team in extracted:
                TeamMembership.objects.get_or_create(user=obj, team=team)

    @classmethod
    def _after_postgeneration(cls, instance: User, create: bool, results: dict[str, object] | None = None) -> None:
        if create:
            instance.save()  # keeps the password set after the first save


def staff(role: Role, *, teams: list[Team] | None = None, **fields: object) -> User:
    """A member of staff in the given role, in the given teams."""
    return UserFactory.create(role=role, teams=teams or [], **fields)
