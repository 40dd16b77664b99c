"""Fill a fresh database with the benchmark's dataset: `python manage.py bench_generate --scale 1`."""

import json
import time
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from family_resources.benchmark.generate import Generator
from family_resources.families.models import Family
from family_resources.reporting.timings import refresh_timings


class Command(BaseCommand):
    help = "Migrates a fresh database and bulk-loads ten years of fictional work at a scale factor (1 is Luton)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=float, default=1.0, help="1 is the size of Luton's service over ten years.")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--password", required=True, help="Password for every benchmark staff account.")
        parser.add_argument("--manifest", type=Path, help="Where to write the JSON the load driver reads.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["scale"] <= 0:
            raise CommandError("The scale must be more than 0.")
        call_command("migrate", interactive=False, verbosity=0)
        if Family.objects.exists():
            raise CommandError("The database already has families: the benchmark loads only a fresh one.")
        started = time.monotonic()
        summary = Generator(scale=options["scale"], seed=options["seed"], password=options["password"]).run()
        # What the scheduled job (refresh_decision_timings, daily) would have stored by now (ADR 0033).
        timings = refresh_timings()
        elapsed = time.monotonic() - started
        counts = ", ".join(f"{n} {label}" for label, n in sorted(summary.counts.items()))
        self.stdout.write(
            f"bench_generate: scale {summary.scale} in {elapsed:.0f}s: {counts}, {timings} reporting.DecisionTiming"
        )
        if options["manifest"]:
            options["manifest"].write_text(json.dumps(summary.manifest, indent=1))
