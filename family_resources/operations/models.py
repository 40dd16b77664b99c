"""When each scheduled job was last handed to the worker, so a restarted scheduler does not repeat work."""

from django.db import models


class ScheduledJob(models.Model):
    name = models.CharField(max_length=100, primary_key=True)
    last_enqueued_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.name
