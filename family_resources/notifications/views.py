"""The outbox: what the service has emailed and texted, for the front door and managers."""

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language_info

from family_resources.audit.services import audit_view, audit_views
from family_resources.notifications import selectors
from family_resources.notifications.forms import OutboxFilterForm

PAGE_SIZE = 50


@permission_required("notifications.view_message", raise_exception=True)
def outbox(request: HttpRequest) -> HttpResponse:
    form = OutboxFilterForm(request.GET or None, templates=selectors.message_templates_used())
    messages = selectors.outbox()
    if form.is_bound and form.is_valid():
        messages = selectors.outbox(
            recipient=form.cleaned_data["recipient"],
            template=form.cleaned_data["template"],
            regarding_id=form.cleaned_data["reference"],
        )
    elif form.is_bound:
        messages = messages.none()
    page = Paginator(messages, PAGE_SIZE).get_page(request.GET.get("page"))
    # Recipients are personal data, so the list is a read of each message it shows.
    audit_views(instances=page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "notifications/outbox.html", {"form": form, "page": page, "query": query.urlencode()})


@permission_required("notifications.view_message", raise_exception=True)
def message_detail(request: HttpRequest, message_id: int) -> HttpResponse:
    message = selectors.message_detail(message_id=message_id)
    audit_view(instance=message)
    return render(
        request,
        "notifications/message_detail.html",
        {
            "message": message,
            "paragraphs": [p for p in message.body.split("\n\n") if p.strip()],
            "text_direction": "rtl" if _is_right_to_left(message.language) else "ltr",
        },
    )


def _is_right_to_left(language: str) -> bool:
    try:
        return bool(get_language_info(language)["bidi"])
    except KeyError:
        return False
