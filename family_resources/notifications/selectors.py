"""Reads of the messages the service has sent."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from family_resources.notifications.models import Message


def outbox(*, recipient: str = "", template: str = "", regarding_id: str = "") -> QuerySet[Message]:
    """Messages newest first, to a recipient (all or part of it), from a template, about a reference."""
    messages = Message.objects.all()
    if recipient:
        messages = messages.filter(recipient__icontains=recipient.strip())
    if template:
        messages = messages.filter(template=template)
    if regarding_id:
        messages = messages.filter(regarding_id__iexact=regarding_id.strip())
    return messages.order_by("-created_at", "-id")


def messages_regarding(regarding_type: str, regarding_id: str) -> QuerySet[Message]:
    """Everything sent about one thing, such as ("intake.referral", "REF-ABC123"), newest first."""
    return Message.objects.filter(regarding_type=regarding_type, regarding_id=regarding_id).order_by(
        "-created_at", "-id"
    )


def message_templates_used() -> list[str]:
    return list(Message.objects.order_by("template").values_list("template", flat=True).distinct())


def message_detail(*, message_id: int) -> Message:
    return get_object_or_404(Message, pk=message_id)
