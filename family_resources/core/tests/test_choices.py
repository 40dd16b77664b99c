"""`get_FOO_display()` through ChoiceLabels: the same answers as Django's own, in the request's language."""

from django.utils import translation

from family_resources.directory.models import Schedule
from family_resources.directory.models.services import Weekday
from family_resources.intake.models import Channel, Referral


def test_the_label_of_a_stored_value_is_its_choice_label() -> None:
    assert Referral(channel=Channel.PHONE).get_channel_display() == "Phone"
    assert Schedule(weekday=Weekday.FRIDAY).get_weekday_display() == "Friday"


def test_the_label_follows_the_active_language_after_the_index_is_built() -> None:
    schedule = Schedule(weekday=Weekday.MONDAY)
    assert schedule.get_weekday_display() == "Monday"  # builds the field's index in English

    with translation.override("pl"):
        assert schedule.get_weekday_display() == "Poniedziałek"
    with translation.override("pt"):
        assert schedule.get_weekday_display() == "Segunda-feira"
    assert schedule.get_weekday_display() == "Monday"


def test_a_value_outside_the_choices_is_shown_as_it_is_stored() -> None:
    assert Referral(channel="fax").get_channel_display() == "fax"
    assert Schedule(weekday=9).get_weekday_display() == 9


def test_it_agrees_with_djangos_own_lookup_for_every_choice() -> None:
    from django.db.models import Model

    field = Referral._meta.get_field("channel")
    for value, _label in Channel.choices:
        referral = Referral(channel=value)
        assert referral.get_channel_display() == Model._get_FIELD_display(referral, field)  # type: ignore[attr-defined]
