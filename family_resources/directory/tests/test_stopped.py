"""'My children's centre service has stopped': what replaces it near the family."""

import pytest

from family_resources.catalogue.models import CeasedService
from family_resources.directory.models import Organisation
from family_resources.directory.tests.factories import ServiceFactory, VettedOrganisationFactory
from family_resources.places.models import ClosedSite, Neighbourhood
from family_resources.resources.models import Article, ArticleStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def stay_and_play():
    return CeasedService.objects.get(slug="stay-and-play")


@pytest.fixture
def dallow():
    return ClosedSite.objects.get(name="Dallow")  # Flying Start West: West Luton


def replacing(name, ceased, *, where=None, kind=Organisation.Kind.COMMUNITY, **fields):
    service = ServiceFactory.create(
        name=name, neighbourhood=where, organisation=VettedOrganisationFactory.create(kind=kind), **fields
    )
    service.replaces.add(ceased)
    return service


def test_replacements_for_a_service_at_a_site_put_the_sites_neighbourhood_first(client, stay_and_play, dallow):
    west, east = Neighbourhood.objects.get(slug="west"), Neighbourhood.objects.get(slug="east")
    replacing("A East stay and play", stay_and_play, where=east)
    replacing("B Borough-wide play", stay_and_play)
    replacing("C West stay and play", stay_and_play, where=west)
    replacing("Unrelated", CeasedService.objects.get(slug="baby-massage"), where=west)
    clinic = ServiceFactory.create(
        name="Health visitor drop-in",
        neighbourhood=west,
        organisation=VettedOrganisationFactory.create(kind=Organisation.Kind.HEALTH),
    )

    response = client.get("/directory/service-stopped/", {"service": "stay-and-play", "site": dallow.pk})

    replacements = response.context["replacements"]
    assert [s.name for s in replacements.community] == [
        "C West stay and play",
        "B Borough-wide play",
        "A East stay and play",
    ]
    assert replacements.health == [clinic]  # universal health services near the site, as none replaces it
    assert "Instead of Stay and Play at Dallow" in response.content.decode()


def test_a_service_named_for_the_closed_site_comes_first(client, stay_and_play, dallow):
    replacing("A West group", stay_and_play, where=Neighbourhood.objects.get(slug="west"))
    at_site = replacing("Z Dallow families' group", stay_and_play, where=Neighbourhood.objects.get(slug="west"))
    at_site.replaces_sites.add(dallow)

    response = client.get("/directory/service-stopped/", {"service": "stay-and-play", "site": dallow.pk})

    assert [s.name for s in response.context["replacements"].community] == ["Z Dallow families' group", "A West group"]


def test_the_family_postcode_overrides_the_sites_neighbourhood(client, stay_and_play, dallow):
    replacing("A West group", stay_and_play, where=Neighbourhood.objects.get(slug="west"))
    replacing("B East group", stay_and_play, where=Neighbourhood.objects.get(slug="east"))

    response = client.get(
        "/directory/service-stopped/", {"service": "stay-and-play", "site": dallow.pk, "postcode": "LU2 0AA"}
    )

    assert [s.name for s in response.context["replacements"].community] == ["B East group", "A West group"]


def test_only_vetted_organisations_are_suggested(client, stay_and_play):
    replacing("Vetted group", stay_and_play)
    unvetted = ServiceFactory.create(name="Unvetted group", organisation=Organisation.objects.create(name="Unvetted"))
    unvetted.replaces.add(stay_and_play)

    response = client.get("/directory/service-stopped/", {"service": "stay-and-play"})

    assert [s.name for s in response.context["replacements"].community] == ["Vetted group"]


def test_resource_centre_articles_tagged_for_the_service_are_shown(client, stay_and_play):
    article = Article.objects.create(
        slug="play-at-home",
        title="Play ideas at home",
        summary="s",
        body="b",
        status=ArticleStatus.PUBLISHED,
        published_at="2026-01-01T00:00Z",
    )
    article.ceased_services.add(stay_and_play)
    draft = Article.objects.create(slug="draft", title="Draft play ideas", summary="s", body="b")
    draft.ceased_services.add(stay_and_play)

    content = client.get("/directory/service-stopped/", {"service": "stay-and-play"}).content.decode()

    assert "Play ideas at home" in content
    assert "Draft play ideas" not in content


def test_choosing_nothing_asks_for_the_service_or_the_site(client):
    content = client.get("/directory/service-stopped/", {"service": "", "site": ""}).content.decode()

    assert "Choose the service you used, the site you went to, or both" in content
