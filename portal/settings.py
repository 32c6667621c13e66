"""Settings for Frivilligportalen.

One module for every environment: values come from the environment through the
small helpers below, which fail loudly on values they cannot read. The defaults
run the demo (DEBUG on, SQLite); production sets DEBUG=0, SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL (see README.md and .env.example).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_days(name, default):
    """A comma-separated list of whole numbers of days, none negative, e.g. "14,3"."""
    items = env_list(name, None)
    if items is None:
        return default
    try:
        days = [int(item) for item in items]
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be whole numbers of days separated by commas, not {os.environ[name]!r}."
        ) from None
    if any(day < 0 for day in days):
        raise ImproperlyConfigured(f"{name} cannot hold a negative number of days: {os.environ[name]!r}.")
    return days


DEBUG = env_bool("DEBUG", True)

# The demo key is only ever used with DEBUG on; production must bring its own.
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-demo-key-only-for-debug" if DEBUG else None)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "portal",
    "policies",
    "organisations",
    "grants",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # The search lookups (full text, trigram) used by the directory on PostgreSQL.
    "django.contrib.postgres",
    "rest_framework",
    "drf_spectacular",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite keeps the demo self-contained; PostgreSQL is the real database.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "portal.User"
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Front-end packages are served straight from their npm packages (installed by
# `make`), so no third-party file is ever committed.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
# Hearing documents (PDF, DOCX, ODT) are refused above this size, in bytes; they are served only
# through the hearing's download view, which checks who may read them, never from MEDIA_URL.
HEARING_DOCUMENT_MAX_BYTES = env_int("HEARING_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The open-data API (organisations/api.py): read-only JSON for anyone, described by an
# OpenAPI schema at /api/schema/.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Frivilligportalen open data",
    "DESCRIPTION": "The public directory of volunteer organisations and the activity calendar, read-only.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Frivilligportalen <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The site's address for links in e-mails, which are written outside any request.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# `manage.py send_reminders` (run daily from cron) reminds people this many days before each
# deadline, and once more on the day after it has passed.
REMINDER_DAYS_BEFORE = env_days("REMINDER_DAYS_BEFORE", [14, 3])

# HTTPS hardening whenever DEBUG is off; behind a proxy that terminates TLS,
# set SECURE_PROXY_SSL_HEADER=1 so Django trusts X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# A citizen's name and e-mail address on a meeting's sign-up serve that meeting only:
# ``manage.py forget_signups`` (daily, from cron) deletes them MEETING_SIGNUP_RETENTION_DAYS after
# it ended, long enough for the organiser to send the minutes or a follow-up.
MEETING_SIGNUP_RETENTION_DAYS = env_int("MEETING_SIGNUP_RETENTION_DAYS", 30)
if MEETING_SIGNUP_RETENTION_DAYS < 0:
    raise ImproperlyConfigured(f"MEETING_SIGNUP_RETENTION_DAYS cannot be negative, not {MEETING_SIGNUP_RETENTION_DAYS}.")

# The debate forum (portal/models/debate.py): a person writes at most DEBATE_POSTS_PER_WINDOW
# posts in any DEBATE_RATE_WINDOW_MINUTES, with at least DEBATE_MIN_SECONDS_BETWEEN_POSTS between
# two; an author may change a post for DEBATE_EDIT_MINUTES after writing it; the link that confirms
# a new participant's e-mail address works for DEBATE_CONFIRMATION_DAYS.
DEBATE_POSTS_PER_WINDOW = env_int("DEBATE_POSTS_PER_WINDOW", 5)
DEBATE_RATE_WINDOW_MINUTES = env_int("DEBATE_RATE_WINDOW_MINUTES", 10)
DEBATE_MIN_SECONDS_BETWEEN_POSTS = env_int("DEBATE_MIN_SECONDS_BETWEEN_POSTS", 30)
DEBATE_EDIT_MINUTES = env_int("DEBATE_EDIT_MINUTES", 15)
DEBATE_CONFIRMATION_DAYS = env_int("DEBATE_CONFIRMATION_DAYS", 3)
for _name in (
    "DEBATE_POSTS_PER_WINDOW",
    "DEBATE_RATE_WINDOW_MINUTES",
    "DEBATE_MIN_SECONDS_BETWEEN_POSTS",
    "DEBATE_EDIT_MINUTES",
    "DEBATE_CONFIRMATION_DAYS",
):
    if globals()[_name] < 1:
        raise ImproperlyConfigured(f"{_name} must be at least 1, not {globals()[_name]}.")
del _name
