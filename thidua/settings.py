"""The one settings module. Every difference between machines is an environment variable.

Defaults give a working development setup with SQLite and no other service; production sets
DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS and a TASKS_BACKEND (see README, "Production").
"""

import os
from pathlib import Path

import dj_database_url
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() not in {"0", "1", "true", "false"}:
        raise ImproperlyConfigured(f"{name} must be 0/1/true/false, got {raw!r}")
    return raw.lower() in {"1", "true"}


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG", default=False)
# A development key is only acceptable while DEBUG is on; production must set SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY") or ("insecure-dev-key" if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see README).")
# Django only warns about a guessable key (security.W009, and only under check --deploy);
# a production server must not start with one. Its own thresholds, so the two agree.
if not DEBUG and (
    len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX)
):
    raise ImproperlyConfigured(
        f"SECRET_KEY is too weak: it needs at least {SECRET_KEY_MIN_LENGTH} characters, "
        f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS} of them distinct, and no "
        f"'{SECRET_KEY_INSECURE_PREFIX}' prefix. Generate one with: "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Approving or recording a conference more than this many days after its date needs a
# reason (kept in the ledger); a conference whose date has passed is warned about.
CONFERENCE_LATE_DAYS = env_int("CONFERENCE_LATE_DAYS", 7)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # its widget templates, for the project's own renderer below
    # Listed so that /api/v1/docs serves django-ninja's vendored Swagger UI; without it ninja
    # loads it from a CDN, which closed government networks cannot reach.
    "ninja",
    "template_partials",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "thidua.core",
    "thidua.accounts",
    "thidua.audit",
    "thidua.documents",
    "thidua.units",
    "thidua.tallies",
    "thidua.workflow",
    "thidua.movements",
    "thidua.exemplars",
    "thidua.quotas",
    "thidua.imports",
    "thidua.plans",
    "thidua.conferences",
    "thidua.awards",
    "thidua.certificates",
    "thidua.showcase",
    "thidua.contests",
    "thidua.summaries",
    "thidua.statistics",
    "thidua.pacts",
    "thidua.inspections",
    "thidua.public",
    "thidua.exports",
    "thidua.inbox",
    "thidua.help",
    "thidua.home",
    "thidua.demo",
]

MIDDLEWARE = [
    # First, so that its id and its timing cover everything else (README, "Logs").
    "thidua.core.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "thidua.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF, whose process_view reads request.POST and so the whole body.
    "thidua.core.middleware.RequestLimitsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "thidua.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "thidua.core.middleware.HtmxLoginRedirectMiddleware",
    "thidua.core.middleware.DatabaseInputErrorMiddleware",
    # Axes goes last so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "thidua.urls"
# Covering indexes (INCLUDE) serve the national lists on PostgreSQL; SQLite, the default
# install's small database, builds them without the extra columns, which is enough there.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
# Widgets render with the project's templates too (the search-as-you-type choice's).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "thidua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "thidua" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thidua.help.context.help_link",
            ],
        },
    },
]

# SQLite by default so that a fresh clone runs with nothing to set up. IMMEDIATE transactions
# and a busy timeout let the web process and the task worker share the file without
# "database is locked" errors.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "thidua.sqlite3")),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;",
        },
    }
}
if os.environ.get("DATABASE_URL"):
    DATABASES["default"] = dj_database_url.parse(
        os.environ["DATABASE_URL"], conn_max_age=env_int("DB_CONN_MAX_AGE", 60)
    )
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME") or None}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    # Counts failed logins and locks out an account/address pair (see AXES_* below).
    "axes.backends.AxesStandaloneBackend",
    # The user is read with their unread notices counted, for the menu (one query).
    "thidua.inbox.backends.UserWithNoticesBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# The address a login comes from, as every limit counts it: behind the TLS proxy, the
# X-Real-IP header it sets (README, "The proxy"); otherwise the connection's own.
AXES_CLIENT_IP_CALLABLE = "thidua.core.http.client_address"
# Failed logins from one address, across all usernames, within the cool-off above before
# that address may not log in at all (password spraying). High enough for an office behind
# one NAT address.
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 30)

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "thidua" / "locale"]
# Vietnamese administrative documents write dates as dd/mm/yyyy (Decree 30/2020/NĐ-CP).
FORMAT_MODULE_PATH = ["thidua.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "thidua" / "static"]
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))
STATIC_MANIFEST = env_flag("STATIC_MANIFEST", default=not DEBUG)
# Without collected, hashed files (development, tests) whitenoise serves straight from the
# apps' static folders, so that pages look the same under any server.
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files in production (after collectstatic); plain in development.
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Background work: the database queue on one machine, Redis (RQ) on several,
# the immediate backend in tests (see README, "Workers").
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
_TASK_BACKENDS = {
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    "rq": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(_TASK_BACKENDS)}")
TASKS = {"default": _TASK_BACKENDS[TASKS_BACKEND]}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq"]
    # RQ kills a job after 180 s by default; ours keep their own limits (thidua/core/jobs.py,
    # at most 30 minutes for an import), so RQ's is only the last resort, past twice that.
    RQ_QUEUES = {
        "default": {
            "URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
            "DEFAULT_TIMEOUT": 3600,
        }
    }

# The cache counts the public pages' lookups per address (thidua/public/limits.py): each
# process's memory by default; with several workers, Redis shared by all (CACHE_URL).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": os.environ["CACHE_URL"]}
    if os.environ.get("CACHE_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}  # fmt: skip
PUBLIC_LOOKUPS_PER_MINUTE = env_int("PUBLIC_LOOKUPS_PER_MINUTE", 30)
# Stories a visitor may send to a contest from one address per hour (thidua/contests).
PUBLIC_STORIES_PER_HOUR = env_int("PUBLIC_STORIES_PER_HOUR", 5)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "thidua@localhost")

SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
BEHIND_PROXY = env_flag("BEHIND_TLS_PROXY")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS only. Off by default: a browser remembers HSTS for HSTS_SECONDS whatever the server
# says later, so it is switched on once TLS works (README, "Production").
SECURE_SSL_REDIRECT = env_flag("HTTPS_REDIRECT")
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_flag("HSTS_PRELOAD")
# A working day instead of Django's two weeks, so that a session left open on a shared
# office computer is over by the next morning. Counted from the session's last change (in
# practice the login), not renewed by each request.
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 8) * 3600

PAGE_SIZE = env_int("PAGE_SIZE", 50)

# One JSON line per record (thidua/core/logs.py) unless LOG_FORMAT=text; text by default
# in development.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "thidua.core.logs.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"}
        | ({"formatter": "json"} if LOG_FORMAT == "json" else {})
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
CSRF_FAILURE_VIEW = "thidua.core.views.csrf_failure"

# Evidence files of exemplars: size limits per kind, in MB (thidua/exemplars/evidence.py).
EVIDENCE_MAX_MB = {
    "image": env_int("EVIDENCE_MAX_IMAGE_MB", 10),
    "pdf": env_int("EVIDENCE_MAX_PDF_MB", 20),
    "video": env_int("EVIDENCE_MAX_VIDEO_MB", 200),
}
# Documents attached to plans and deliveries (DOCX, XLSX, PDF, images), in MB.
DOCUMENT_MAX_MB = env_int("DOCUMENT_MAX_MB", 20)
# Exports: a list up to EXPORT_INLINE_ROWS rows is written in the request; a longer one by a
# background job, up to EXPORT_MAX_ROWS (README, "Reports").
EXPORT_INLINE_ROWS = env_int("EXPORT_INLINE_ROWS", 2000)
EXPORT_MAX_ROWS = env_int("EXPORT_MAX_ROWS", 100_000)
# Uploaded files are read (plans, workbooks) by background jobs, in a child process that may
# use this much memory and time (thidua/documents/isolated.py).
READER_MEMORY_MB = env_int("READER_MEMORY_MB", 512)
READER_SECONDS = env_int("READER_SECONDS", 120)
# Each page of a scan is read by Tesseract in a process of its own (documents/ocr.py).
OCR_MEMORY_MB = env_int("OCR_MEMORY_MB", 1024)
OCR_PAGE_SECONDS = env_int("OCR_PAGE_SECONDS", 120)
# A running job beats its heartbeat every JOB_HEARTBEAT_SECONDS; one silent for
# JOB_STALE_SECONDS is taken for dead (its worker was killed) and marked failed.
JOB_HEARTBEAT_SECONDS = env_int("JOB_HEARTBEAT_SECONDS", 15)
JOB_STALE_SECONDS = env_int("JOB_STALE_SECONDS", 300)
# The largest request body a view accepts, in MB, refused with 413 before it is read
# (thidua/core/middleware.py); views taking bigger files declare their own limit. The proxy's
# limit in front should match (README, "Production").
REQUEST_MAX_MB = env_int("REQUEST_MAX_MB", 50)
# An uploaded file above this is spooled to a temporary file while it is checked, so that a
# few videos at once cannot fill a worker's memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The body apart from its files (form fields, a JSON body), which Django holds in memory;
# the largest real form is far below this.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
