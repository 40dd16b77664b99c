import json
import logging

from django.test import RequestFactory

from family_resources.operations.logging import JsonFormatter, PersonalDataFilter, scrub


def _record(message, *args, **extra):
    record = logging.LogRecord("family_resources.test", logging.INFO, __file__, 1, message, args, None)
    for name, value in extra.items():
        setattr(record, name, value)
    return record


def test_emails_phone_numbers_and_postcodes_are_scrubbed():
    text = "Referral from jo.bloggs+test@example.co.uk, 07700 900123 or +44 1632 960001, at LU4 8BW (lu1 2bq)"
    scrubbed = scrub(text)
    assert scrubbed == "Referral from [email], [phone] or [phone], at [postcode] ([postcode])"


def test_identifiers_and_references_are_left_alone():
    assert scrub("referral REF-2026-000123 for family 42 took 350 ms") == (
        "referral REF-2026-000123 for family 42 took 350 ms"
    )


def test_the_filter_scrubs_arguments_and_extras_and_drops_the_request():
    record = _record(
        "sent to %s about %s",
        "alex@example.com",
        "LU2 0AB",
        contact="07700 900456",
        request=RequestFactory().post("/refer/", {"email": "alex@example.com"}),
    )
    assert PersonalDataFilter().filter(record) is True
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["message"] == "sent to [email] about [postcode]"
    assert entry["contact"] == "[phone]"
    assert "request" not in entry
    assert "alex@example.com" not in line
    assert entry["level"] == "INFO"
    assert entry["logger"] == "family_resources.test"


def test_an_exception_is_logged_by_type_and_place_never_by_its_text():
    try:
        raise ValueError("duplicate key for alex@example.com")
    except ValueError:
        import sys

        record = _record("could not save")
        record.exc_info = sys.exc_info()
    entry = json.loads(JsonFormatter().format(record))
    assert entry["exception"] == "ValueError"
    assert entry["where"].endswith("test_logging.py:" + entry["where"].rsplit(":", 1)[1])
    assert "alex" not in json.dumps(entry)


def test_the_configured_handler_scrubs_what_any_logger_writes(settings):
    handler_config = settings.LOGGING["handlers"]["console"]
    assert "no_personal_data" in handler_config["filters"]
    assert settings.LOGGING["formatters"]["json"]["()"] == "family_resources.operations.logging.JsonFormatter"
