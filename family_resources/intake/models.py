"""The front door: every contact and referral that reaches the service, and the people it names."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel
from family_resources.intake.eligibility import EligibilityStatus, Relationship


class Channel(models.TextChoices):
    ONLINE_SELF = "online_self", _("Online self-referral")
    ONLINE_PROFESSIONAL = "online_professional", _("Online professional referral")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("Email")
    API = "api", _("Partner system")
    FOLLOW_UP = "follow_up", _("Signposting follow-up")


class ReferrerType(models.TextChoices):
    SELF = "self", _("Parent or carer")
    MIDWIFE = "midwife", _("Midwife")
    GP = "gp", _("GP")
    HEALTH_VISITOR = "health_visitor", _("Health visitor")
    NURSERY = "nursery", _("Nursery")
    SCHOOL = "school", _("School")
    COMMUNITY_GROUP = "community_group", _("Community group")
    SOCIAL_CARE = "social_care", _("Children's social care")
    OTHER = "other", _("Other professional")


class Urgency(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    URGENT = "urgent", _("Urgent")
    IMMEDIATE_RISK = "immediate_risk", _("A child is at immediate risk of harm")


class Sharing(models.TextChoices):
    HEALTH = "health", _("Health services, such as the family's GP and health visitor")
    EDUCATION = "education", _("The children's school or nursery")
    SOCIAL_CARE = "social_care", _("Children's social care")
    COMMUNITY = "community", _("Community and voluntary groups we refer the family to")


class Referral(TrackedModel):
    """A request for help for a family, by any channel: everything that reaches the front door's queue."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        NOT_ELIGIBLE = "not_eligible", _("Not eligible")
        DECIDED = "decided", _("Decided")
        NOT_A_REFERRAL = "not_a_referral", _("Not a referral")

    reference = models.CharField(max_length=20, unique=True, editable=False)
    family = models.ForeignKey(
        "families.Family",
        on_delete=models.PROTECT,
        related_name="referrals",
        null=True,
        blank=True,
        help_text=_("Set when an officer matches the referral to a family record or makes a new one."),
    )
    channel = models.CharField(max_length=24, choices=Channel.choices)
    urgency = models.CharField(max_length=16, choices=Urgency.choices, default=Urgency.ROUTINE)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RECEIVED)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)

    referrer_type = models.CharField(max_length=24, choices=ReferrerType.choices)
    referrer_name = models.CharField(max_length=150, blank=True)
    referrer_organisation = models.CharField(max_length=150, blank=True)
    referrer_role = models.CharField(max_length=150, blank=True)
    referrer_email = models.EmailField(blank=True)
    referrer_phone = models.CharField(max_length=30, blank=True)

    postcode = models.CharField(max_length=10, blank=True, help_text=_("Normalised, e.g. LU4 8BW."))
    address = models.CharField(max_length=250, blank=True)
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood", on_delete=models.PROTECT, null=True, blank=True, related_name="referrals"
    )
    preferred_language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    interpreter_needed = models.BooleanField(default=False)
    open_to_social_care = models.BooleanField(default=False)

    concerns = models.TextField(help_text=_("What the referrer is worried about, in their words."))

    consent_given = models.BooleanField(
        default=False, help_text=_("The family knows about the referral and agrees to it.")
    )
    consent_reason_if_not = models.TextField(
        blank=True, help_text=_("Why a professional referred without consent, e.g. a safeguarding concern.")
    )
    sharing_agreed = models.JSONField(
        default=list, blank=True, help_text=_("Who the family agrees we may share information with.")
    )
    closed_reason = models.CharField(
        max_length=300, blank=True, help_text=_("Why an officer closed the contact as not a referral.")
    )
    needs_officer_attention = models.BooleanField(
        default=False, help_text=_("Flagged for the front-door officer, e.g. referred without the family's consent.")
    )

    eligibility = models.CharField(max_length=16, choices=EligibilityStatus.choices, default=EligibilityStatus.TO_CHECK)
    ineligibility_reasons = models.JSONField(default=list, blank=True)
    eligibility_notes = models.JSONField(default=list, blank=True)

    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The officer who logged a phone or email contact, or the partner system's account."),
    )
    idempotency_key = models.CharField(
        max_length=100, blank=True, help_text=_("A partner system's key, so a retried request makes one referral.")
    )

    class Meta:
        ordering = ["received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["logged_by", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="one_referral_per_idempotency_key",
            )
        ]
        # The front door's queue is the few referrals still waiting among years of decided ones: without
        # this the queue reads every referral the service has ever had.
        indexes = [
            models.Index(fields=["received_at"], condition=models.Q(status="received"), name="referral_queue"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def immediate_risk(self) -> bool:
        return self.urgency == Urgency.IMMEDIATE_RISK


class ReferralPerson(TrackedModel):
    """Someone named in a referral, as the referrer described them (before any family record is matched)."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="people")
    relationship = models.CharField(max_length=16, choices=Relationship.choices)
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_delivery = models.DateField(null=True, blank=True)
    has_send = models.BooleanField(_("special educational needs or disabilities"), default=False)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                name="referral_unborn_has_due_date",
                condition=~models.Q(relationship="unborn") | models.Q(expected_date_of_delivery__isnull=False),
            )
        ]

    def __str__(self) -> str:
        if self.relationship == Relationship.UNBORN:
            return str(_("Unborn baby"))
        return f"{self.given_name} {self.family_name}".strip()


class RejectedMatch(models.Model):
    """An officer said this family record is not the family in this referral; it is not suggested again."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="rejected_matches")
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    rejected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rejected_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["referral", "family"], name="one_rejection_per_pair")]

    def __str__(self) -> str:
        return f"{self.referral} is not family {self.family_id}"


class ReferralDraft(TrackedModel):
    """A half-finished online referral, kept so that its author can finish it from the link we email them.

    Only a hash of the link's token is stored, so the table alone cannot be used to open a draft.
    """

    token_hash = models.CharField(
        max_length=64, unique=True, help_text=_("SHA-256 of the token in the emailed link; the token is not stored.")
    )
    answers = models.JSONField(default=dict, help_text=_("The answers given so far, page by page."))
    email = models.EmailField(help_text=_("Where the link to come back was sent."))
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True, help_text=_("The link stops working after this."))
    used_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When the referral was sent, or saved again under a new link: the link stops working then."),
    )

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Draft referral {self.pk}"


class ContactEmail(TrackedModel):
    """A message sent to the service's contact address, kept as it arrived, and the contact it became.

    A message that could not be read is kept all the same, with `parse_error` saying what went wrong.
    """

    class Source(models.TextChoices):
        MAILBOX = "mailbox", _("Mailbox (IMAP)")
        DROP_FOLDER = "drop_folder", _("Folder of .eml files")

    message_id = models.CharField(
        max_length=255,
        unique=True,
        help_text=_("The Message-ID header, or a hash of the message when it has none: importing twice makes one."),
    )
    raw_message = models.FileField(
        upload_to="contact-email/%Y/%m/",
        help_text=_("The message exactly as it arrived (.eml). Private storage: never served from a public URL."),
    )
    source = models.CharField(max_length=16, choices=Source.choices)
    sender_name = models.CharField(max_length=200, blank=True)
    sender_address = models.CharField(max_length=320, blank=True)
    subject = models.CharField(max_length=500, blank=True)
    received_at = models.DateTimeField(
        db_index=True, help_text=_("The message's Date header, or when it was imported if that is missing or ahead.")
    )
    imported_at = models.DateTimeField(default=timezone.now)
    body_text = models.TextField(blank=True)
    parse_error = models.CharField(
        max_length=500,
        blank=True,
        help_text=_("What could not be read, naming the problem only. Empty when the message was read cleanly."),
    )
    automatic = models.BooleanField(
        default=False, help_text=_("An auto-reply, bounce or other automatic message: never acknowledged.")
    )
    acknowledged = models.BooleanField(default=False, help_text=_("The sender was emailed that we received it."))
    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="contact_emails")

    class Meta:
        ordering = ["received_at", "id"]

    def __str__(self) -> str:
        # No sender or subject: __str__ reaches logs and error reports.
        return f"Contact email {self.pk}"


class ContactAttachment(TrackedModel):
    """A file attached to a contact email, kept in private storage under a random name."""

    contact_email = models.ForeignKey(ContactEmail, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="contact-attachments/%Y/%m/")
    filename = models.CharField(max_length=255, help_text=_("The name the sender gave it; used only when downloading."))
    content_type = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(help_text=_("In bytes."))

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Attachment {self.pk} of contact email {self.contact_email_id}"
