"""The one table the reporting layer keeps: each decision's due time, worked out by triage's rule (ADR 0033).

Everything else on the dashboard is counted from the service's own tables on each request. Only the scheduled
job writes here; the pages and downloads read.
"""

from django.db import models


class DecisionTiming(models.Model):
    """When one front-door decision was due, by `triage.timeliness.decision_due`, and the facts it was worked from.

    A row is current while its facts match the decision's own (arrival, decision time, urgency and the target in
    force, `rule`). The scheduled job `refresh_decision_timings` stores missing and out-of-date rows; until it
    has, the timeliness figure works them out itself with the same rule, so it never counts a stale row.
    """

    decision = models.OneToOneField(
        "triage.Decision", on_delete=models.CASCADE, primary_key=True, related_name="reporting_timing"
    )
    received_at = models.DateTimeField()
    decided_at = models.DateTimeField()
    urgency = models.CharField(max_length=16)
    rule = models.CharField(max_length=32)
    due_at = models.DateTimeField()
    # The month the decision was made in, in the service's time zone: the figure groups by it.
    month = models.DateField()

    class Meta:
        verbose_name = "decision timing"
        # The figure joins only the timings of decisions made in its date range.
        indexes = [models.Index(fields=["decided_at"], name="reporting_timing_decided_at")]

    def __str__(self) -> str:
        return f"decision {self.decision_id} due {self.due_at.isoformat()}"
