"""Everything held that depends on a record: the rows that point at it, and the rows that point at those.

Subject access and retention both need "everything about this family". Walking Django's reverse relations
finds it without a list that falls behind each time an app adds a model. It never climbs to a parent (a
referral's team, a plan action's intervention), so it never reaches other families' records.
"""

from typing import Any

from django.db import models

Key = tuple[str, Any]


class HeldRecordError(Exception):
    """A record under a legal hold was reached: nothing is deleted."""


def record_key(instance: models.Model) -> Key:
    return (instance._meta.label_lower, instance.pk)


def dependents(root: models.Model, *, stop_at: frozenset[str] = frozenset()) -> list[models.Model]:
    """`root` and every row that depends on it, each after all the rows that depend on it.

    Relations that set null or do nothing on delete are not followed: those rows do not belong to the record.
    Reaching a model named in `stop_at` raises HeldRecordError.
    """
    order: list[models.Model] = []
    seen: set[Key] = set()

    def visit(instance: models.Model) -> None:
        key = record_key(instance)
        if key in seen:
            return
        seen.add(key)
        if key[0] in stop_at:
            raise HeldRecordError(key[0])
        for relation in instance._meta.related_objects:
            if relation.many_to_many or relation.on_delete in (models.SET_NULL, models.SET_DEFAULT, models.DO_NOTHING):
                continue
            related_model: Any = relation.related_model
            manager = related_model._base_manager
            for child in manager.filter(**{relation.field.name: instance.pk}).order_by("pk"):
                visit(child)
        order.append(instance)

    visit(root)
    return order
