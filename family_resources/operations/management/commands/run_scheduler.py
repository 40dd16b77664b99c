"""Hand the scheduled jobs to the worker at their intervals: `make run` starts this beside db_worker."""

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError
from django.utils import timezone

from family_resources.operations.schedule import scheduler_tick

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Enqueue the scheduled jobs (reminders, offer expiry, evidence, follow-ups, retention) when due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Enqueue what is due now, then stop.")
        parser.add_argument("--interval", type=int, default=30, help="Seconds between checks (default 30).")

    def handle(self, *args: Any, once: bool, interval: int, **options: Any) -> None:
        while True:
            try:
                names = scheduler_tick(now=timezone.now())
            except DatabaseError as error:
                # The database being away for a while must not stop the scheduler for good.
                logger.warning("scheduler tick failed: %s", type(error).__name__)
                names = []
            for name in names:
                logger.info("scheduled job enqueued: %s", name)
            if once:
                self.stdout.write(f"Enqueued {len(names)} job(s): {', '.join(names) or 'none'}.")
                return
            time.sleep(interval)
