"""The benchmark's dataset at a tiny scale: sizes follow the factor, the data keeps the models' rules,
and the workload's pages answer on it."""

import io
import itertools
import json
import random
import time
from collections import Counter

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Count, F

from family_resources.accounts.models import User
from family_resources.benchmark import generate, workload
from family_resources.benchmark.generate import Generator, scaled
from family_resources.casework.models import Assessment, CaseNote, ClosureReason, Episode, PlanReview, SupportPlan
from family_resources.directory.models import Service
from family_resources.directory.selectors import vetted_services
from family_resources.families.models import Family, Person
from family_resources.intake.models import Referral
from family_resources.resources.models import Article
from family_resources.scheduling.models import Appointment
from family_resources.triage.models import Decision, SignpostingPack
from family_resources.triage.routing import Route

pytestmark = pytest.mark.django_db

PASSWORD = "bench-test-password-1"


def run(scale: float) -> generate.Summary:
    return Generator(scale=scale, seed=7, password=PASSWORD).run()


@pytest.mark.parametrize("scale", [0.002, 0.004])
def test_the_history_grows_with_the_scale_and_todays_work_does_not(scale):
    summary = run(scale)
    assert Family.objects.count() == scaled(generate.FAMILIES, scale, 20)
    assert Person.objects.filter(kind=Person.Kind.CHILD).count() == scaled(generate.CHILDREN, scale, 30)
    assert Referral.objects.count() == scaled(generate.REFERRALS, scale, 40)
    assert Service.objects.count() == scaled(generate.SERVICES, scale, 20)
    assert Article.objects.count() == scaled(generate.ARTICLES, scale, 10)
    # Notes and appointments are shared out over episodes by length, so they land near their targets.
    assert abs(CaseNote.objects.count() - scaled(generate.CASE_NOTES, scale, 50)) < 0.05 * generate.CASE_NOTES * scale
    assert Appointment.objects.count() <= scaled(generate.APPOINTMENTS, scale, 50) * 1.05
    assert Appointment.objects.count() >= scaled(generate.APPOINTMENTS, scale, 50) * 0.8
    # Today's queue and staff are the same at any scale.
    assert Referral.objects.filter(status=Referral.Status.RECEIVED).count() == min(
        generate.QUEUE, scaled(generate.REFERRALS, scale, 40) // 4
    )
    assert User.objects.filter(email__startswith="bench.practitioner").count() == 5 * generate.PRACTITIONERS_PER_TEAM
    assert summary.counts["families.Family"] == Family.objects.count()


def test_the_data_keeps_the_rules_the_database_does_not_check():
    run(0.003)
    # Every decided referral has one decision; the queue's referrals have none.
    assert Decision.objects.count() == Referral.objects.filter(status=Referral.Status.DECIDED).count()
    # A family's episodes never overlap, and only its latest may be open.
    for family_id in Episode.objects.values_list("family_id", flat=True).distinct():
        episodes = list(Episode.objects.filter(family_id=family_id).order_by("opened_on"))
        for earlier, later in itertools.pairwise(episodes):
            assert earlier.closed_on is not None
            assert earlier.closed_on <= later.opened_on
    # Episodes are led by a practitioner of their team, and notes are written by the lead.
    for episode in Episode.objects.select_related("lead_practitioner"):
        assert episode.lead_practitioner is not None
        assert episode.lead_practitioner.teams.filter(pk=episode.team_id).exists()
    assert not CaseNote.objects.exclude(author=F("episode__lead_practitioner")).exists()
    # Nobody is booked twice: one appointment a practitioner at a time.
    doubled = (
        Appointment.objects.values("practitioner_id", "starts_at").annotate(n=Count("id")).filter(n__gt=1).exists()
    )
    assert not doubled
    # Appointments are with a member of the episode's family.
    assert not Appointment.objects.exclude(person__family_id=F("episode__family_id")).exists()
    # Every episode is assessed; a plan follows a signed-off assessment, with an outcome for each need found, and
    # only closed support has a closing review, which scores every outcome.
    assert Assessment.objects.count() == Episode.objects.count()
    assert not SupportPlan.objects.exclude(episode__assessments__status=Assessment.Status.SIGNED_OFF).exists()
    assert SupportPlan.objects.exists()
    for plan in SupportPlan.objects.prefetch_related("outcomes", "reviews__scores", "episode__assessments__findings"):
        needs = {f.domain for a in plan.episode.assessments.all() for f in a.findings.all() if f.need_identified}
        assert {outcome.domain for outcome in plan.outcomes.all()} == needs
        closing = [review for review in plan.reviews.all() if review.kind == PlanReview.Kind.CLOSING]
        assert len(closing) == (1 if plan.episode.closed_on else 0)
        for review in plan.reviews.all():
            assert plan.agreed_on is not None
            assert plan.agreed_on <= review.reviewed_on
            assert len(review.scores.all()) == len(plan.outcomes.all())
        assert (plan.next_review_on is None) == (plan.episode.closed_on is not None)
    # Every signposted family is sent a pack, and support that ends with its outcomes met sends a step-down one;
    # each points to vetted services.
    signposted = Decision.objects.filter(route=Route.SIGNPOSTED)
    assert SignpostingPack.objects.filter(stepped_down_from__isnull=True).count() == signposted.count()
    assert not SignpostingPack.objects.filter(stepped_down_from__isnull=True).exclude(decision__in=signposted).exists()
    met = Episode.objects.filter(closure_reason=ClosureReason.OUTCOMES_MET)
    assert SignpostingPack.objects.filter(stepped_down_from__in=met).count() == met.count()
    assert not SignpostingPack.objects.exclude(services__in=vetted_services()).exists()
    # Every organisation's safeguarding evidence is complete and in date, so families see every service.
    assert vetted_services().count() == Service.objects.count()
    # The audit trail is left empty: its hash chain starts (and verifies) from nothing.
    assert apps.get_model("audit", "AuditEvent").objects.count() == 0


def test_the_same_seed_makes_the_same_data():
    first = run(0.002).manifest
    assert first["families"][:5] == json.loads(json.dumps(first))["families"][:5]
    references = sorted(Family.objects.values_list("reference", flat=True))
    assert len(references) == len(set(references))
    assert Counter(ref[:4] for ref in references) == Counter({"FAM-": len(references)})


def test_the_authenticator_codes_the_driver_works_out_are_the_ones_the_service_accepts():
    summary = run(0.002)
    if not apps.is_installed("django_otp.plugins.otp_totp"):
        assert summary.manifest["totp_keys"] == {}
        return
    device_model = apps.get_model("otp_totp", "TOTPDevice")
    email, key = next(iter(summary.manifest["totp_keys"].items()))
    device = device_model.objects.get(user__email=email)
    assert device.confirmed
    assert device.verify_token(workload.totp(key, time.time()))
    assert not device_model.objects.get(pk=device.pk).verify_token(workload.totp(key, time.time() - 3600))


def test_the_enrolment_choice_is_read_from_the_radio_buttons():
    html = (
        '<input class="govuk-radios__input" id="p1" name="programme" type="radio" value="12">'
        '<input class="govuk-radios__input" id="p2" name="programme" type="radio" value="13">'
        '<input class="govuk-radios__input" id="a1" name="person" type="radio" value="7">'
    )
    choice = workload.enrol_choice(html, random.Random(1))
    assert choice is not None
    assert choice["programme"] in {"12", "13"}
    assert choice["person"] == "7"
    assert workload.enrol_choice("<p>No programmes</p>", random.Random(1)) is None


def test_every_page_of_the_workload_answers_on_the_generated_data_and_its_queries_are_counted(tmp_path, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
    settings.REPORTING_CACHE_SECONDS = 300  # as in production: the page counted is the kept dashboard
    manifest = tmp_path / "manifest.json"
    out = tmp_path / "queries.json"
    manifest.write_text(json.dumps(run(0.002).manifest))
    afresh = tmp_path / "afresh.json"
    call_command("bench_queries", manifest=manifest, out=out, afresh=afresh, stdout=io.StringIO())
    counts = json.loads(out.read_text())
    assert set(counts) == {name for name, _who in workload.PAGES}
    assert all(count > 0 for count in counts.values())
    # Worked out afresh, the dashboard makes every figure's queries; kept, it reads one cached copy.
    worked_out = json.loads(afresh.read_text())
    assert worked_out["queries"] > counts["dashboard"]
    assert worked_out["ms"] > 0
