"""The demo dataset: worth looking at straight after set-up, and safe to run twice."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from family_resources.accounts.models import Team, User
from family_resources.accounts.roles import Role
from family_resources.casework.models import Assessment, Episode, SupportPlan
from family_resources.demo.builders import ROLE_ACCOUNTS
from family_resources.directory.models import Organisation
from family_resources.families.models import Family, Person
from family_resources.intake.models import Referral
from family_resources.resources.models import Article
from family_resources.triage.models import Decision
from family_resources.triage.routing import Route

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    out = StringIO()
    call_command("load_demo_data", password="demo-password-for-tests", stdout=out)
    return out.getvalue()


def test_prints_a_sign_in_for_every_role(loaded):
    for account in ROLE_ACCOUNTS:
        assert account.email in loaded
        assert User.objects.get(email=account.email).role == account.role
    assert {account.role for account in ROLE_ACCOUNTS} == set(Role)
    assert "demo-password-for-tests" in loaded


def test_every_neighbourhood_team_has_a_manager_and_practitioners(loaded):
    for team in Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD):
        roles = list(team.members.values_list("role", flat=True))
        assert roles.count(Role.TEAM_MANAGER) == 1, team
        assert roles.count(Role.PRACTITIONER) >= 3, team


def test_referrals_at_every_level_and_on_every_route(loaded):
    assert set(Decision.objects.values_list("level", flat=True)) == {1, 2, 3, 4}
    assert set(Decision.objects.values_list("route", flat=True)) == set(Route.values)
    assert Decision.objects.filter(immediate_risk=True, route=Route.SOCIAL_CARE).exists()
    assert Referral.objects.filter(status=Referral.Status.RECEIVED).exists()
    assert Episode.objects.filter(lead_practitioner__isnull=True).exists()
    assert Episode.objects.filter(lead_practitioner__isnull=False).exists()
    assert Family.objects.filter(address_hidden=True).exists()
    assert Person.objects.filter(kind=Person.Kind.UNBORN).exists()


def test_services_and_articles(loaded):
    assert Organisation.objects.filter(safeguarding_evidence_expires_on__isnull=True).exists()
    assert Organisation.objects.filter(services__replaces__isnull=False).exists()
    assert Article.objects.filter(status="published").count() >= 5
    assert Article.objects.filter(status="draft").exists()


def test_running_it_again_changes_nothing(loaded):
    counts = (User.objects.count(), Family.objects.count(), Organisation.objects.count())
    out = StringIO()
    call_command("load_demo_data", password="demo-password-for-tests", stdout=out)
    assert (User.objects.count(), Family.objects.count(), Organisation.objects.count()) == counts
    assert "already loaded" in out.getvalue()


def test_the_demo_practitioner_has_families_to_work_with(loaded):
    practitioner = User.objects.get(email="practitioner@example.org")
    assert Episode.objects.filter(lead_practitioner=practitioner, status=Episode.Status.OPEN).exists()


def test_refused_where_settings_do_not_allow_demo_data(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="development and test machines"):
        call_command("load_demo_data", stdout=StringIO())
    assert not User.objects.exists()


def test_casework_at_every_stage_from_assessment_to_a_reviewed_plan(loaded):
    statuses = set(Assessment.objects.values_list("status", flat=True))
    assert statuses == {"in_progress", "awaiting_sign_off", "signed_off"}
    assert SupportPlan.objects.filter(agreed_on__isnull=True).exists()
    assert SupportPlan.objects.filter(reviews__isnull=False).exists()
    practitioner = User.objects.get(email="practitioner@example.org")
    assert Assessment.objects.filter(episode__lead_practitioner=practitioner).exists()
