"""Writing many rows fast: PostgreSQL's COPY through psycopg 3, or bulk_create on any other database.

Rows are plain dicts keyed by column (attname). Every other column takes the model field's default,
worked out once per model, so a generator names only what it means to set. Primary keys are given
by the generator (it needs them for foreign keys without reading them back), and the sequences are
moved past them afterwards.
"""

import json
import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import DatabaseError, connection, models
from django.db.models.fields.related import ManyToManyField
from django.utils import timezone

logger = logging.getLogger(__name__)

Row = dict[str, Any]


class Loader:
    """Writes rows of one model at a time and remembers which tables need their sequence moved on."""

    def __init__(self, *, batch_size: int = 5000) -> None:
        self.batch_size = batch_size
        self.postgres = connection.vendor == "postgresql"
        self.tables: set[str] = set()
        self.counts: dict[str, int] = {}
        self._now = timezone.now()

    def next_id(self, model: type[models.Model]) -> int:
        """The first free primary key of a table: reference data loaded by migrations is already there."""
        latest = model._default_manager.order_by("-pk").values_list("pk", flat=True).first()
        return int(latest or 0) + 1

    def write(self, model: type[models.Model], rows: Iterable[Row]) -> int:
        fields = list(model._meta.concrete_fields)
        defaults = {field.attname: self._default(field) for field in fields}
        per_row = [field.attname for field in fields if isinstance(field, models.UUIDField) and field.has_default()]
        columns = [field.column for field in fields]
        json_columns = {field.attname for field in fields if isinstance(field, models.JSONField)}
        count = 0
        if self.postgres:
            table = model._meta.db_table
            quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
            with connection.cursor() as cursor:
                raw: Any = cursor.cursor  # psycopg 3's own cursor, under Django's wrapper
                with raw.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy:
                    for row in rows:
                        values = self._complete(row, defaults, per_row, fields)
                        copy.write_row(
                            [
                                json.dumps(values[field.attname])
                                if field.attname in json_columns and values[field.attname] is not None
                                else values[field.attname]
                                for field in fields
                            ]
                        )
                        count += 1
            self.tables.add(table)
        else:
            batch: list[models.Model] = []
            for row in rows:
                batch.append(model(**self._complete(row, defaults, per_row, fields)))
                count += 1
                if len(batch) >= self.batch_size:
                    model._default_manager.bulk_create(batch)
                    batch = []
            if batch:
                model._default_manager.bulk_create(batch)
        self.counts[model._meta.label] = self.counts.get(model._meta.label, 0) + count
        return count

    def write_m2m(self, field: Any, pairs: Iterable[tuple[int, int]]) -> int:
        """Rows of a many-to-many field's own table, as (source id, target id) pairs."""
        m2m: ManyToManyField = field.field
        through = m2m.remote_field.through
        assert through is not None
        source = m2m.m2m_field_name() + "_id"
        target = m2m.m2m_reverse_field_name() + "_id"
        start = self.next_id(through)
        return self.write(through, ({"id": start + index, source: a, target: b} for index, (a, b) in enumerate(pairs)))

    def finish(self) -> None:
        """Move every written table's id sequence past the ids the generator gave, and leave the database as
        one in service is: vacuumed, analysed and checkpointed.

        A freshly loaded table is vacuumed by autovacuum and written out by the next checkpoint; left to them,
        both would land in the middle of the measured load, as a burst of reads and writes no service in
        steady use has. VACUUM cannot run inside a transaction: inside one (a test's), tables are analysed only.
        """
        if not self.postgres:
            return
        settle = not connection.in_atomic_block
        with connection.cursor() as cursor:
            for table in sorted(self.tables):
                # Table names come from the models' own metadata, never from input.
                quoted = connection.ops.quote_name(table)
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, 'id'), COALESCE((SELECT MAX(id) FROM {quoted}), 1))",  # noqa: S608
                    [table],
                )
                cursor.execute(f"VACUUM (ANALYZE) {quoted}" if settle else f"ANALYZE {quoted}")
            if not settle:
                return
            try:
                cursor.execute("CHECKPOINT")
            except DatabaseError:
                # CHECKPOINT needs a superuser or pg_checkpoint: without it the figures carry that burst.
                logger.warning("bench: could not CHECKPOINT after loading; the load may meet one")

    def _default(self, field: models.Field) -> Any:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return self._now
        if field.primary_key:
            return None
        return field.get_default()

    def _complete(self, row: Row, defaults: Row, per_row: list[str], fields: list[models.Field]) -> Row:
        values = {**defaults, **row}
        for name in per_row:
            if name not in row:
                values[name] = fields_default(fields, name)
        missing = [f.attname for f in fields if values.get(f.attname) is None and not f.null]
        if missing:
            raise ValueError(f"Missing values for {missing}")
        return values


def fields_default(fields: list[models.Field], attname: str) -> Any:
    return next(field for field in fields if field.attname == attname).get_default()


def aware(day: Any, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in the service's time zone (UK time)."""
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))  # noqa: DTZ001 -- made aware here
