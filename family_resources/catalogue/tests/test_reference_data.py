"""The interventions catalogue, service areas and ceased services from the consultation document."""

import pytest

from family_resources.catalogue.models import CeasedService, Intervention, ServiceArea

pytestmark = pytest.mark.django_db


def test_the_five_service_areas():
    assert list(ServiceArea.objects.values_list("name", flat=True)) == [
        "Early years children",
        "Children with special educational needs and disabilities",
        "Children who need supervised contact",
        "School-aged children",
        "Teenage children",
    ]


def test_the_catalogue_holds_every_intervention_in_the_proposal():
    names = set(Intervention.objects.values_list("name", flat=True))
    for expected in [
        "Strengthening Families Strengthening Communities",
        "Incredible Years",
        "Life Story Work",
        "Fresh Start",
        "Supervised contact",
        "No recourse to public funds support",
        "Short breaks for young people with complex health needs",
    ]:
        assert expected in names


def test_practice_approaches_are_recorded_not_booked():
    approaches = Intervention.objects.filter(kind=Intervention.Kind.APPROACH)
    assert set(approaches.values_list("slug", flat=True)) == {
        "trauma-informed-practice",
        "motivational-interviewing",
        "contextual-safeguarding",
    }
    assert not approaches.filter(bookable=True).exists()


def test_group_programmes_and_place_bound_interventions():
    assert Intervention.objects.get(slug="incredible-years").group
    contact = Intervention.objects.select_related("delivered_at").get(slug="supervised-contact")
    short_breaks = Intervention.objects.select_related("delivered_at").get(slug="short-breaks")
    assert str(contact.delivered_at) == "Manor Contact Centre"
    assert str(short_breaks.delivered_at) == "London Road Resource Centre"


def test_the_universal_services_that_ceased_are_kept_for_finding_replacements():
    assert CeasedService.objects.count() == 14
    assert CeasedService.objects.get(slug="breast-feeding-cafe").name == "Breast Feeding Café"
    assert str(CeasedService.objects.get(slug="stay-and-play").ceased_on) == "2021-04-30"
