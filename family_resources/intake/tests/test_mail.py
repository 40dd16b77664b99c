"""Importing the contact email address's messages: every one becomes a contact, none is lost or answered twice."""

import shutil
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.intake import mail
from family_resources.intake.eligibility import EligibilityStatus
from family_resources.intake.models import Channel, ContactAttachment, ContactEmail, Referral, ReferrerType
from family_resources.intake.selectors import front_door_queue
from family_resources.intake.tasks import import_contact_email
from family_resources.notifications.models import Message

pytestmark = pytest.mark.django_db

MAIL = Path(__file__).parent / "mail"
GOOD = ["health_visitor_referral.eml", "parent_asking_for_help.eml", "school_with_attachments.eml"]
AUTOMATIC = ["out_of_office_reply.eml", "delivery_failure.eml"]
BROKEN = "broken_message.eml"
ALL = [*GOOD, *AUTOMATIC, BROKEN]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Imported files go to a throwaway folder, never the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CONTACT_IMAP_HOST = ""
    settings.CONTACT_EMAIL_DROP_DIR = ""
    return settings.MEDIA_ROOT


@pytest.fixture
def drop_dir(settings, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    for name in ALL:
        shutil.copy(MAIL / name, folder / name)
    settings.CONTACT_EMAIL_DROP_DIR = str(folder)
    return folder


def raw(name):
    return (MAIL / name).read_bytes()


def acknowledgements():
    return Message.objects.filter(template="contact_acknowledged")


# Reading a message -------------------------------------------------------------------------------------------------


def test_a_message_is_read_with_its_sender_subject_date_text_and_attachments():
    parsed = mail.email_parse(raw("school_with_attachments.eml"))

    assert parsed.message_id == "<a81c2f0e-5b4d-4f1e-9a27-3c0d6b1e9f44@primary.example.org>"
    assert (parsed.sender_name, parsed.sender_address) == ("Mr D. Okafor (DSL)", "dsl@primary.example.org")
    assert parsed.subject == "Early help request - Year 4 pupil, attendance and hunger"
    assert parsed.sent_at is not None
    assert parsed.sent_at.isoformat() == "2026-11-18T12:05:55+00:00"
    assert "attendance has fallen to 81%" in parsed.body_text
    assert [(a.filename, a.content_type) for a in parsed.attachments] == [
        ("Early help form.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("attendance.png", "image/png"),
    ]
    assert parsed.attachments[1].content.startswith(b"\x89PNG")
    assert not parsed.automatic
    assert parsed.problems == ()


def test_encoded_headers_and_quoted_printable_text_are_decoded():
    parsed = mail.email_parse(raw("parent_asking_for_help.eml"))

    assert parsed.sender_name == "Zofia Kowalczyk"
    assert parsed.subject == "Proszę o pomoc \u2013 help with my son's behaviour"
    assert "I don\u2019t know what to do" in parsed.body_text
    assert parsed.body_text.endswith("Dziękuję,\nZofia")


def test_the_plain_text_is_preferred_to_the_html():
    parsed = mail.email_parse(raw("health_visitor_referral.eml"))

    assert parsed.body_text.startswith("Good morning,\n\nI am the health visitor")
    assert "<p>" not in parsed.body_text


def test_an_html_only_message_is_turned_into_text():
    message = (
        b"From: A Sender <a.sender@example.org>\r\nSubject: Help\r\nMessage-ID: <html-only@example.org>\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n"
        b"<html><head><style>p {color: red}</style></head><body><p>First &amp; second</p><p>Third</p></body></html>"
    )

    assert mail.email_parse(message).body_text == "First & second\nThird"


@pytest.mark.parametrize(
    "header",
    [
        b"Auto-Submitted: auto-replied",
        b"Auto-Submitted: auto-generated",
        b"Precedence: bulk",
        b"Precedence: junk",
        b"Precedence: auto_reply",
        b"X-Autoreply: yes",
        b"List-Id: <news.example.org>",
        b"Return-Path: <>",
    ],
)
def test_automatic_messages_are_recognised_by_their_headers(header):
    message = b"From: Someone <someone@example.org>\r\n" + header + b"\r\nSubject: Hello\r\n\r\nText\r\n"

    assert mail.email_parse(message).automatic


def test_a_person_writing_auto_submitted_no_is_not_automatic():
    message = b"From: Someone <someone@example.org>\r\nAuto-Submitted: no\r\nSubject: Hello\r\n\r\nText\r\n"

    assert not mail.email_parse(message).automatic


def test_bounces_and_out_of_office_replies_are_automatic():
    assert mail.email_parse(raw("out_of_office_reply.eml")).automatic
    bounce = mail.email_parse(raw("delivery_failure.eml"))
    assert bounce.automatic
    assert [a.content_type for a in bounce.attachments] == ["message/delivery-status"]


def test_a_broken_message_is_read_as_far_as_it_can_be_and_its_problems_named():
    parsed = mail.email_parse(raw(BROKEN))

    assert parsed.message_id.startswith("<sha256-")
    assert parsed.sender_address == ""
    assert "left alone at night" in parsed.body_text
    assert "No sender address could be read" in parsed.problems
    assert any("MissingHeaderBodySeparatorDefect" in problem for problem in parsed.problems)
    # The problems name what went wrong, never what the message says.
    assert not any("neighbour" in problem for problem in parsed.problems)


def test_an_unknown_character_set_is_flagged_and_shown_as_well_as_it_can_be():
    message = (
        b"From: A Sender <a.sender@example.org>\r\nMessage-ID: <charset@example.org>\r\n"
        b"Content-Type: text/plain; charset=x-made-up\r\n\r\nHello \xe9t\xe9\r\n"
    )

    parsed = mail.email_parse(message)

    assert parsed.body_text.startswith("Hello ")
    assert any("character set" in problem for problem in parsed.problems)


def test_nul_characters_never_reach_the_database():
    message = b"From: A \x00Sender <a.sender@example.org>\r\nSubject: Hi\x00there\r\n\r\nText\x00more\r\n"

    parsed = mail.email_parse(message)
    contact, _created = mail.contact_email_import(raw=message, source=ContactEmail.Source.DROP_FOLDER)

    assert "\x00" not in parsed.subject + parsed.body_text + parsed.sender_name
    assert contact.body_text == "Text\ufffdmore"


def test_any_bytes_at_all_are_read_without_an_exception():
    for message in (b"", b"\x00\xff\xfe", b"\r\n\r\n", b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--y"):
        assert mail.email_parse(message).message_id


# Importing a folder of .eml files ---------------------------------------------------------------------------------


def test_each_message_in_the_folder_becomes_a_contact_in_the_queue_with_its_attachments(drop_dir):
    summary = mail.contact_emails_import_folder(folder=drop_dir)

    assert (summary.imported, summary.flagged, summary.failed) == (6, 1, 0)
    school = ContactEmail.objects.get(message_id="<a81c2f0e-5b4d-4f1e-9a27-3c0d6b1e9f44@primary.example.org>")
    assert school.source == ContactEmail.Source.DROP_FOLDER
    assert school.sender_address == "dsl@primary.example.org"
    assert school.raw_message.read() == raw("school_with_attachments.eml")
    attachments = list(school.attachments.all())
    assert [(a.filename, a.content_type, a.size) for a in attachments] == [
        ("Early help form.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 37),
        ("attendance.png", "image/png", 67),
    ]
    # Stored under a random name in the private folder, not the sender's name.
    assert attachments[0].file.name.startswith("contact-attachments/")
    assert "Early help" not in attachments[0].file.name
    assert attachments[1].file.read().startswith(b"\x89PNG")

    referral = school.referral
    assert referral in front_door_queue()
    assert referral.channel == Channel.EMAIL
    assert referral.status == Referral.Status.RECEIVED
    assert referral.eligibility == EligibilityStatus.TO_CHECK
    assert referral.needs_officer_attention
    assert referral.referrer_type == ReferrerType.OTHER
    assert referral.referrer_email == "dsl@primary.example.org"
    assert referral.concerns.startswith("Subject: Early help request")
    assert "Maya Sample" in referral.concerns
    assert referral.received_at == school.received_at
    assert referral.received_at.isoformat() == "2026-11-18T12:05:55+00:00"
    assert not any(drop_dir.glob("*.eml")), "imported files leave the drop folder"


def test_importing_again_changes_nothing(drop_dir):
    mail.contact_emails_import_folder(folder=drop_dir)
    for name in ALL:  # the same messages delivered a second time
        shutil.copy(MAIL / name, drop_dir / name)

    summary = mail.contact_emails_import_folder(folder=drop_dir)

    assert (summary.imported, summary.already_imported) == (0, 6)
    assert ContactEmail.objects.count() == 6
    assert Referral.objects.count() == 6
    assert ContactAttachment.objects.count() == 4
    assert acknowledgements().count() == 3


def test_a_broken_message_is_kept_flagged_and_queued_not_dropped(drop_dir):
    mail.contact_emails_import_folder(folder=drop_dir)

    broken = ContactEmail.objects.get(sender_address="")
    assert broken.raw_message.read() == raw(BROKEN)
    assert "No sender address could be read" in broken.parse_error
    assert "left alone at night" in broken.body_text
    assert broken.referral in front_door_queue()
    assert mail.UNREADABLE_NOTE in broken.referral.eligibility_notes
    assert not broken.acknowledged


def test_senders_are_acknowledged_but_auto_replies_and_bounces_are_not(drop_dir, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail.contact_emails_import_folder(folder=drop_dir)

    sent = {message.recipient: message for message in acknowledgements()}
    assert set(sent) == {"priya.shah@nhs.example.org", "zofia.k@mail.example.com", "dsl@primary.example.org"}
    school = ContactEmail.objects.get(sender_address="dsl@primary.example.org")
    assert school.acknowledged
    assert school.referral.reference in sent["dsl@primary.example.org"].body
    assert sent["dsl@primary.example.org"].regarding_id == school.referral.reference
    assert sent["dsl@primary.example.org"].status == "sent"
    for address in ("sam.porter@council.example.org", "MAILER-DAEMON@mx.example.org"):
        contact = ContactEmail.objects.get(sender_address=address)
        assert contact.automatic
        assert not contact.acknowledged
        assert contact.referral in front_door_queue(), "an automatic message is still kept for the officer"


def test_mail_from_our_own_address_is_not_acknowledged(settings):
    message = (
        b"From: The service <" + settings.SERVICE_EMAIL.encode() + b">\r\nMessage-ID: <own@example.org>\r\n"
        b"Subject: Forwarded\r\n\r\nText\r\n"
    )

    contact, created = mail.contact_email_import(raw=message, source=ContactEmail.Source.DROP_FOLDER)

    assert created
    assert not contact.acknowledged
    assert not acknowledgements().exists()


def test_a_message_that_fails_to_record_stays_in_the_folder_and_leaves_no_files(drop_dir, media):
    with mock.patch.object(mail, "contact_record_unstructured", side_effect=RuntimeError("database down")):
        summary = mail.contact_emails_import_folder(folder=drop_dir)

    assert (summary.imported, summary.failed) == (0, 6)
    assert sorted(path.name for path in drop_dir.glob("*.eml")) == sorted(ALL)
    assert not ContactEmail.objects.exists()
    assert not [path for path in Path(media).rglob("*") if path.is_file()]


def test_the_import_writes_creates_to_the_audit_trail_and_logs_no_personal_data(drop_dir, caplog):
    caplog.set_level("INFO", logger="family_resources.intake.mail")

    mail.contact_emails_import_folder(folder=drop_dir)

    contact = ContactEmail.objects.get(sender_address="zofia.k@mail.example.com")
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="intake.contactemail", object_id=str(contact.pk)
    ).exists()
    logged = caplog.text
    assert f"contact email {contact.pk} imported" in logged
    for personal in ("zofia", "Kowalczyk", "CAF3x9Kp2Lm4QdR7vY1Tn8", "Prosz", "nhs.example.org", "Maya"):
        assert personal not in logged


# Importing from the mailbox ---------------------------------------------------------------------------------------


class FakeMailbox:
    """Enough of imaplib.IMAP4 for the import: UIDs and messages, and which were marked seen."""

    def __init__(self, messages):
        self.messages = messages  # uid -> bytes
        self.seen = []
        self.logged_in = None
        self.selected = None
        self.connect = None  # the patched client class, to see how it was called

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def login(self, user, password):
        self.logged_in = (user, password)
        return "OK", [b"Logged in"]

    def select(self, folder):
        self.selected = folder
        return "OK", [str(len(self.messages)).encode()]

    def uid(self, command, *args):
        if command == "SEARCH":
            assert args == ("UNSEEN",)
            unseen = [uid for uid in self.messages if uid not in self.seen]
            return "OK", [" ".join(unseen).encode()]
        if command == "FETCH":
            uid, what = args
            assert what == "(BODY.PEEK[])", "fetching must not mark the message seen"
            return "OK", [(f"{uid} (UID {uid} BODY[] {{1}}".encode(), self.messages[uid]), b")"]
        if command == "STORE":
            uid, operation, flags = args
            assert (operation, flags) == ("+FLAGS", "(\\Seen)")
            # Marked seen only once its contact is recorded.
            assert ContactEmail.objects.filter(message_id=mail.email_parse(self.messages[uid]).message_id).exists()
            self.seen.append(uid)
            return "OK", []
        raise AssertionError(command)


@pytest.fixture
def mailbox(settings):
    settings.CONTACT_IMAP_HOST = "imap.example.org"
    settings.CONTACT_IMAP_PORT = 993
    settings.CONTACT_IMAP_USER = "contact-inbox@example.org"
    settings.CONTACT_IMAP_PASSWORD = "not-a-real-password"
    settings.CONTACT_IMAP_FOLDER = "INBOX"
    settings.CONTACT_IMAP_USE_SSL = True
    box = FakeMailbox({"11": raw("health_visitor_referral.eml"), "12": raw(BROKEN), "13": raw(AUTOMATIC[0])})
    with mock.patch.object(mail.imaplib, "IMAP4_SSL", return_value=box) as connect:
        box.connect = connect
        yield box


def test_unseen_mailbox_messages_are_imported_and_then_marked_seen(mailbox):
    summary = mail.contact_emails_import()

    assert (summary.imported, summary.flagged, summary.failed) == (3, 1, 0)
    assert mailbox.connect.call_args.args == ("imap.example.org", 993)
    assert mailbox.logged_in == ("contact-inbox@example.org", "not-a-real-password")
    assert mailbox.selected == "INBOX"
    assert mailbox.seen == ["11", "12", "13"]
    assert set(ContactEmail.objects.values_list("source", flat=True)) == {ContactEmail.Source.MAILBOX}


def test_a_mailbox_message_that_fails_to_import_is_left_unseen_for_next_time(mailbox):
    real_import = mail.contact_email_import

    def fail_on_the_broken_one(*, raw, source):
        if b"left alone at night" in raw:
            raise RuntimeError("disk full")
        return real_import(raw=raw, source=source)

    with mock.patch.object(mail, "contact_email_import", side_effect=fail_on_the_broken_one):
        summary = mail.contact_emails_import()

    assert (summary.imported, summary.failed) == (2, 1)
    assert mailbox.seen == ["11", "13"]

    summary = mail.contact_emails_import()

    assert (summary.imported, summary.failed) == (1, 0)
    assert mailbox.seen == ["11", "13", "12"]


def test_a_message_seen_again_in_the_mailbox_is_not_imported_twice(mailbox):
    mail.contact_emails_import()
    mailbox.seen.clear()  # someone marked them unread in their mail program

    summary = mail.contact_emails_import()

    assert (summary.imported, summary.already_imported) == (0, 3)
    assert ContactEmail.objects.count() == 3
    assert mailbox.seen == ["11", "12", "13"]


def test_a_mailbox_that_cannot_be_reached_is_reported_and_the_folder_still_imported(mailbox, drop_dir, caplog):
    with mock.patch.object(mail.imaplib, "IMAP4_SSL", side_effect=ConnectionRefusedError("contact-inbox@example.org")):
        summary = mail.contact_emails_import()

    assert summary.failed_sources == ["mailbox"]
    assert summary.imported == 6
    assert "contact-inbox@example.org" not in caplog.text


def test_without_ssl_the_plain_imap_client_is_used(mailbox, settings):
    settings.CONTACT_IMAP_USE_SSL = False
    settings.CONTACT_IMAP_FOLDER = "Contact emails"
    with mock.patch.object(mail.imaplib, "IMAP4", return_value=mailbox) as plain:
        mail.contact_emails_import()

    plain.assert_called_once_with("imap.example.org", 993, timeout=60)
    assert mailbox.selected == '"Contact emails"'


# The command and the task -----------------------------------------------------------------------------------------


def test_the_command_imports_and_reports_counts(drop_dir, capsys):
    call_command("import_contact_email")

    output = capsys.readouterr().out
    assert "6 imported (1 flagged, 3 acknowledged), 0 already imported, 0 failed" in output
    assert AuditEvent.objects.filter(source="command:import_contact_email", object_type="intake.contactemail").exists()


def test_the_command_refuses_to_run_with_nowhere_to_read():
    with pytest.raises(CommandError, match="CONTACT_IMAP_HOST or CONTACT_EMAIL_DROP_DIR"):
        call_command("import_contact_email")


def test_the_command_fails_when_a_source_cannot_be_read(settings, tmp_path):
    settings.CONTACT_EMAIL_DROP_DIR = str(tmp_path / "missing")

    with pytest.raises(CommandError, match="drop folder"):
        call_command("import_contact_email")


def test_the_task_imports_on_the_immediate_backend(drop_dir):
    result = import_contact_email.enqueue()

    assert result.status == "SUCCESSFUL"
    assert result.return_value is not None
    assert result.return_value["imported"] == 6
    assert ContactEmail.objects.count() == 6
    assert AuditEvent.objects.filter(source="task:import_contact_email").exists()
