"""Settings shared by every environment, read from environment variables.

Every secret and every environment-specific value comes from the environment;
the defaults here are safe for a developer's machine only, and production.py
refuses to start with them.
"""

from pathlib import Path

import dj_database_url
import django_stubs_ext
from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

# Lets admin and form classes be written with type arguments, e.g. ModelAdmin[Family].
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# A value production.py recognises and refuses; never used outside a developer's machine.
INSECURE_DEFAULT_SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105 -- a known value production.py refuses
SECRET_KEY = env_str("SECRET_KEY", INSECURE_DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    # Background work: Django 6's django.tasks API on 5.2, with a database queue (docs/decisions/0013).
    "django_tasks",
    "django_tasks_db",
    # The service, one app per part of the domain (docs/architecture.md).
    "family_resources.core",
    "family_resources.accounts",
    "family_resources.audit",
    "family_resources.places",
    "family_resources.catalogue",
    "family_resources.families",
    "family_resources.intake",
    "family_resources.triage",
    "family_resources.casework",
    "family_resources.reporting",
    "family_resources.programmes",
    "family_resources.scheduling",
    "family_resources.directory",
    "family_resources.resources",
    "family_resources.consultation",
    # Consultation events and notices to service users (docs/decisions/0031).
    "family_resources.outreach",
    "family_resources.api",
    "family_resources.notifications",
    "family_resources.demo",
    # Data protection (subject access, retention, privacy notice) and operations (docs/decisions/0023).
    "family_resources.privacy",
    "family_resources.operations",
    "family_resources.portal",
    # The performance benchmark's commands (bench/, docs/performance.md, docs/decisions/0021).
    "family_resources.benchmark",
    # Staff sign-in hardening (docs/decisions/0022): TOTP devices and recovery codes, lockout, CSP.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "family_resources.core.middleware.RejectNullCharactersMiddleware",
    # Content-Security-Policy with a nonce per response, and Permissions-Policy (docs/decisions/0022).
    "csp.middleware.CSPMiddleware",
    "family_resources.accounts.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A database already down when the request starts (session, signed-in user) gets the same 503 page.
    "family_resources.operations.middleware.DatabaseUnreachableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff sessions end after SESSION_IDLE_MINUTES idle, and staff pages need a second factor (ADR 0022).
    "family_resources.accounts.middleware.StaffSessionMiddleware",
    # Secure by default: every view needs a signed-in user unless it is marked
    # public with @login_not_required, so a new staff page cannot be left open.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "family_resources.audit.middleware.AuditContextMiddleware",
    # A database failure while a form is sent shows a "try again" page (503) that keeps what was typed.
    "family_resources.operations.middleware.DatabaseUnavailableMiddleware",
    # Turns a locked-out sign-in into the GOV.UK "locked" page (django-axes, ADR 0022); last, as axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "family_resources.core.context_processors.service",
                "family_resources.accounts.context_processors.navigation",
            ],
            "builtins": ["family_resources.core.templatetags.govuk"],
        },
    },
]
# Form fields render as GOV.UK Design System components (core/templates/govuk/forms/).
FORM_RENDERER = "family_resources.core.forms.GovukFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves concurrent requests too: a transaction takes the write lock when it
    # starts (so two writers never deadlock upgrading a read lock) and a second writer waits its turn
    # instead of failing with "database is locked"; WAL lets readers carry on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out email and address are refused before the password is checked (ADR 0022).
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Email and password; permissions come from roles alone, so it asks no permission tables (ADR 0006).
    "family_resources.accounts.backends.StaffPasswordBackend",
]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:sign_in"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Languages: English and the six most common main languages in Luton
# (docs/decisions/0009-languages.md). Urdu is right-to-left.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ur", "اردو"),
    ("pl", "Polski"),
    ("bn", "বাংলা"),
    ("ro", "Română"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("pt", "Português"),
]
LANGUAGE_NAMES_IN_ENGLISH = {
    "en": _("English"),
    "ur": _("Urdu"),
    "pl": _("Polish"),
    "bn": _("Bengali"),
    "ro": _("Romanian"),
    "pa": _("Punjabi"),
    "pt": _("Portuguese"),
}
LANGUAGE_COOKIE_NAME = "fr_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# GOV.UK Frontend, compiled by `npm run build` (frontend/build.mjs) into build/static.
STATICFILES_DIRS = [BASE_DIR / "build" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Logs carry no personal data: record identifiers and event types only.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
# Every log line passes the personal-data filter; LOG_FORMAT=json writes one JSON object a line, as production
# does by default (family_resources/operations/logging.py, docs/decisions/0023).
LOGGING.update(
    {
        "filters": {"no_personal_data": {"()": "family_resources.operations.logging.PersonalDataFilter"}},
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {"()": "family_resources.operations.logging.JsonFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": env_str("LOG_FORMAT", "plain"),
                "filters": ["no_personal_data"],
            }
        },
        # WeasyPrint logs each step of every PDF (and its own stylesheets on import) at INFO.
        "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
    }
)

# The service's own settings.
SERVICE_NAME = env_str("SERVICE_NAME", "Family Resources Service")
COUNCIL_NAME = env_str("COUNCIL_NAME", "Luton Borough Council")
SERVICE_PHASE = env_str("SERVICE_PHASE", "beta")
# Ofcom reserves 01632 960xxx for fiction; a council sets its real contact details here.
SERVICE_PHONE = env_str("SERVICE_PHONE", "01632 960 100")
SERVICE_EMAIL = env_str("SERVICE_EMAIL", "familyresources@example.org")
SERVICE_HOURS = env_str("SERVICE_HOURS", "Monday to Friday, 9am to 5pm")
# The accessibility statement says when it was written and last checked (the regulations ask for both).
ACCESSIBILITY_STATEMENT_PREPARED_ON = env_str("ACCESSIBILITY_STATEMENT_PREPARED_ON", "2026-11-23")
ACCESSIBILITY_STATEMENT_REVIEWED_ON = env_str("ACCESSIBILITY_STATEMENT_REVIEWED_ON", "2026-11-23")

# The demonstration dataset (`manage.py load_demo_data`) is refused unless a settings module allows it.
DEMO_DATA_ALLOWED = False
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "family-resources-demo")

# Front-door decision targets: one working day, and one hour when a child is at immediate risk.
DECISION_TARGET_HOURS = env_int("DECISION_TARGET_HOURS", 24)
DECISION_TARGET_IMMEDIATE_RISK_MINUTES = env_int("DECISION_TARGET_IMMEDIATE_RISK_MINUTES", 60)
# Working-day targets skip this part of the UK's bank holidays: "ENG" (England and Wales), "SCT", "NIR".
BANK_HOLIDAYS_SUBDIVISION = env_str("BANK_HOLIDAYS_SUBDIVISION", "ENG")

# GOV.UK Notify sends the service's emails and text messages (docs/decisions/0011-notifications.md).
# With no API key, messages stay in the development outbox at /staff/outbox/ and nothing leaves the machine.
NOTIFY_API_KEY = env_str("NOTIFY_API_KEY", "")
# Notify sends only from its own templates: one email template of ((subject)) and ((body)), one text of ((body)).
NOTIFY_EMAIL_TEMPLATE_ID = env_str("NOTIFY_EMAIL_TEMPLATE_ID", "")
NOTIFY_SMS_TEMPLATE_ID = env_str("NOTIFY_SMS_TEMPLATE_ID", "")
NOTIFY_EMAIL_REPLY_TO_ID = env_str("NOTIFY_EMAIL_REPLY_TO_ID", "")

# Who to call at once when a child is at immediate risk of harm: the online referral's pages say so.
POLICE_EMERGENCY_NUMBER = "999"
CHILDRENS_SOCIAL_CARE_PHONE = env_str("CHILDRENS_SOCIAL_CARE_PHONE", "01632 960 999")
CHILDRENS_SOCIAL_CARE_OUT_OF_HOURS_PHONE = env_str("CHILDRENS_SOCIAL_CARE_OUT_OF_HOURS_PHONE", "01632 960 998")

# The public address of the service, for links in messages (signposting packs, resume links).
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://127.0.0.1:8000")
# How long a saved consultation response's emailed link works (consultation.services.response_draft_save).
CONSULTATION_DRAFT_LIFETIME_DAYS = env_int("CONSULTATION_DRAFT_LIFETIME_DAYS", 28)
# Consultation analysis (docs/decisions/0029-consultation-analysis-and-exports.md): in the equality breakdown,
# on the page, in the CSV and in the PDF report, counts from 1 up to one less than this are hidden.
CONSULTATION_SUPPRESS_BELOW = env_int("CONSULTATION_SUPPRESS_BELOW", 5)

# Background work: django-tasks (docs/decisions/0013-contact-email-import.md). Tasks run at once, in the
# process that enqueues them, unless TASKS_BACKEND is "django_tasks_db.DatabaseBackend" and
# `manage.py db_worker` runs beside the web server.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

# Imported files (contact emails and their attachments). Private: no URL serves MEDIA_ROOT, and
# staff download them only through views that check permission and write to the audit trail.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))

# The contact email address: `manage.py import_contact_email` reads new messages from its mailbox
# over IMAP (when CONTACT_IMAP_HOST is set) and from a folder of .eml files (when CONTACT_EMAIL_DROP_DIR is set).
CONTACT_IMAP_HOST = env_str("CONTACT_IMAP_HOST", "")
CONTACT_IMAP_PORT = env_int("CONTACT_IMAP_PORT", 993)
CONTACT_IMAP_USER = env_str("CONTACT_IMAP_USER", "")
CONTACT_IMAP_PASSWORD = env_str("CONTACT_IMAP_PASSWORD", "")
CONTACT_IMAP_FOLDER = env_str("CONTACT_IMAP_FOLDER", "INBOX")
# Off only for a local test server: without SSL the password crosses the network in the clear.
CONTACT_IMAP_USE_SSL = env_bool("CONTACT_IMAP_USE_SSL", True)
CONTACT_EMAIL_DROP_DIR = env_str("CONTACT_EMAIL_DROP_DIR", "")

# Closed-loop signposting: ask a signposted family after this many days whether they got help,
# remind them after as many again, and requeue them if there is still no answer.
SIGNPOSTING_FOLLOW_UP_DAYS = env_int("SIGNPOSTING_FOLLOW_UP_DAYS", 28)
SIGNPOSTING_REMINDER_DAYS = env_int("SIGNPOSTING_REMINDER_DAYS", 7)

# Casework timescales. Every due date is worked out from these by casework.due, and nowhere else.
# A support plan is reviewed with the family this many weeks after it is agreed, then after each review.
CASEWORK_REVIEW_INTERVAL_WEEKS = env_int("CASEWORK_REVIEW_INTERVAL_WEEKS", 6)
# The early-help assessment is signed off within this many days of the episode opening.
CASEWORK_ASSESSMENT_DUE_DAYS = env_int("CASEWORK_ASSESSMENT_DUE_DAYS", 30)
# The plan is agreed with the family within this many days of the assessment's sign-off.
CASEWORK_PLAN_DUE_DAYS = env_int("CASEWORK_PLAN_DUE_DAYS", 10)
# A family is seen (home or hub visit) at least this often: level 4 more often than level 3.
CASEWORK_VISIT_INTERVAL_DAYS = {
    3: env_int("CASEWORK_VISIT_DAYS_LEVEL_3", 20),
    4: env_int("CASEWORK_VISIT_DAYS_LEVEL_4", 10),
}
# Items fall due this many days ahead of their date, so practitioners see them coming.
CASEWORK_DUE_SOON_DAYS = env_int("CASEWORK_DUE_SOON_DAYS", 7)
# A family accepted again within this many days of closure carries on the old episode's work.
CASEWORK_REOPEN_WINDOW_DAYS = env_int("CASEWORK_REOPEN_WINDOW_DAYS", 90)

# Scheduling: one-to-one appointments (docs/decisions/0015-scheduling-and-no-double-booking.md).
# Time a practitioner needs to get between a home visit and an appointment anywhere else.
SCHEDULING_TRAVEL_MINUTES = env_int("SCHEDULING_TRAVEL_MINUTES", 30)
# Home visits may be booked between these times (24-hour, UK time), on these weekdays (0 is Monday).
SCHEDULING_HOME_VISITS_FROM = env_str("SCHEDULING_HOME_VISITS_FROM", "08:00")
SCHEDULING_HOME_VISITS_UNTIL = env_str("SCHEDULING_HOME_VISITS_UNTIL", "20:00")
SCHEDULING_HOME_VISIT_WEEKDAYS = [
    int(day) for day in env_list("SCHEDULING_HOME_VISIT_WEEKDAYS", ["0", "1", "2", "3", "4"])
]
# Finding a time leaves out bank holidays (BANK_HOLIDAYS_SUBDIVISION), at hubs and at home, unless this is on.
SCHEDULING_OPEN_ON_BANK_HOLIDAYS = env_bool("SCHEDULING_OPEN_ON_BANK_HOLIDAYS", False)

# Group programmes and supervised contact (docs/decisions/0016-group-programmes-and-waiting-lists.md).
# A place given up on a group programme is offered to the next family waiting, who have this many days to answer.
PROGRAMMES_OFFER_DAYS = env_int("PROGRAMMES_OFFER_DAYS", 3)
# A parent completes a programme by attending at least this percentage of the sessions that took place.
PROGRAMMES_COMPLETION_PERCENT = env_int("PROGRAMMES_COMPLETION_PERCENT", 75)

# Community directory and Open Referral UK API (docs/decisions/0017-directory-and-open-referral-uk.md).
# Open Referral UK addresses need a county; the area name describes borough-wide services' coverage.
ORUK_STATE_PROVINCE = env_str("ORUK_STATE_PROVINCE", "Bedfordshire")
ORUK_AREA_NAME = env_str("ORUK_AREA_NAME", "Luton")
# Published as each service's assurer_email: who checked the entry (the directory team's address).
ORUK_ASSURER_EMAIL = env_str("ORUK_ASSURER_EMAIL", SERVICE_EMAIL)

# Reporting for managers (docs/decisions/0018-reporting-layer.md).
# In anything that leaves the system, counts from 1 up to one less than this are shown as "fewer than" it.
REPORTING_SMALL_NUMBER_LIMIT = env_int("REPORTING_SMALL_NUMBER_LIMIT", 5)
# The dashboard's drawn figures are kept in the cache this many seconds (0: worked out on every view).
REPORTING_CACHE_SECONDS = env_int("REPORTING_CACHE_SECONDS", 300)
# They have a cache of their own (ADR 0036): a few large pages must never push rate-limit counters out of
# the default cache when it culls. Production puts it in its own database table.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "reporting": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "reporting"},
}

# The family portal (docs/decisions/0020-family-portal.md). A sign-in code lasts this many minutes and
# allows this many tries; codes are limited per contact and per network address in an hour; a family
# signed in is signed out after this many minutes without using the portal.
PORTAL_CODE_MINUTES = env_int("PORTAL_CODE_MINUTES", 10)
PORTAL_CODE_MAX_ATTEMPTS = env_int("PORTAL_CODE_MAX_ATTEMPTS", 5)
PORTAL_CODES_PER_CONTACT_PER_HOUR = env_int("PORTAL_CODES_PER_CONTACT_PER_HOUR", 3)
PORTAL_CODES_PER_ADDRESS_PER_HOUR = env_int("PORTAL_CODES_PER_ADDRESS_PER_HOUR", 10)
PORTAL_IDLE_MINUTES = env_int("PORTAL_IDLE_MINUTES", 20)

# Operations (docs/decisions/0023-data-protection-and-operations.md). /readyz fails when the worker has not run
# the scheduler's heartbeat task for this many minutes (only when tasks go to the database queue).
OPERATIONS_WORKER_HEARTBEAT_MINUTES = env_int("OPERATIONS_WORKER_HEARTBEAT_MINUTES", 5)

# Data protection (docs/decisions/0023). The data protection officer named in the privacy notice.
PRIVACY_DPO_NAME = env_str("PRIVACY_DPO_NAME", "Data Protection Officer")
PRIVACY_DPO_EMAIL = env_str("PRIVACY_DPO_EMAIL", "dataprotection@example.org")
PRIVACY_DPO_ADDRESS = env_str("PRIVACY_DPO_ADDRESS", "Town Hall, George Street, Luton LU1 2BQ")
# How long each kind of record is kept, in years, after the event that starts its clock (privacy/retention.py;
# the basis is the IRMS Information Management Toolkit for Local Authorities). Safeguarding records are kept
# until the youngest child named is 25.
RETENTION_CLOSED_EPISODE_YEARS = env_int("RETENTION_CLOSED_EPISODE_YEARS", 6)
RETENTION_SIGNPOSTED_REFERRAL_YEARS = env_int("RETENTION_SIGNPOSTED_REFERRAL_YEARS", 2)
RETENTION_SAFEGUARDING_AGE_YEARS = env_int("RETENTION_SAFEGUARDING_AGE_YEARS", 25)

# Safeguarding evidence files uploaded to the directory: PDF, PNG or JPEG, at most this many bytes.
DIRECTORY_EVIDENCE_MAX_BYTES = env_int("DIRECTORY_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)

# Staff sign-in hardening, headers and rate limits (docs/decisions/0022-sign-in-hardening-and-rate-limits.md).
# A staff session ends after this many minutes without a request; the page warns this many minutes before.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
SESSION_IDLE_WARNING_MINUTES = env_int("SESSION_IDLE_WARNING_MINUTES", 2)
# The authenticator app shows this issuer beside the account name.
MFA_ISSUER = env_str("MFA_ISSUER", "Family Resources Service")
MFA_RECOVERY_CODE_COUNT = 10
# django-axes: an email address from one network address is locked after this many failed sign-ins, for this long.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The form field is "username" (the email address), compared in lower case as the sign-in form does.
AXES_USERNAME_CALLABLE = "family_resources.accounts.views.lockout_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "family_resources.accounts.views.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# Axes announces itself at every start; the service logs only what it does.
AXES_VERBOSE = False
# Rate limits: at most this many requests per network address (and per API token) in each window of minutes
# (family_resources/core/ratelimits.py). They count in the default cache: production shares one (Redis or
# the database cache) between processes, or each process counts on its own.
RATE_LIMIT_ENABLED = env_bool("RATE_LIMIT_ENABLED", True)
RATE_LIMIT_WINDOW_MINUTES = env_int("RATE_LIMIT_WINDOW_MINUTES", 10)
RATE_LIMITS = {
    "public_form": env_int("RATE_LIMIT_PUBLIC_FORM", 60),
    "staff_sign_in": env_int("RATE_LIMIT_STAFF_SIGN_IN", 30),
    "api_token": env_int("RATE_LIMIT_API_TOKEN", 600),
    "api_address": env_int("RATE_LIMIT_API_ADDRESS", 1200),
}
# Content Security Policy (django-csp 4): only our own scripts, each page's scripts carry its nonce; no inline styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
CSRF_COOKIE_HTTPONLY = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
