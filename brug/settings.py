"""Settings for Brug, read from environment variables.

Defaults are safe for the demo (SQLite, in-process tasks, console email). With DEBUG off Brug
runs in production mode and refuses to start without a secret key, allowed hosts and PostgreSQL.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("BRUG_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
PRODUCTION = not DEBUG

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
DATABASE_URL = os.environ.get("DATABASE_URL", "")

DEMO_SECRET_KEY = "demo-only-insecure-key-never-use-in-production-0123456789"  # noqa: S105
KNOWN_DEMO_KEYS = {DEMO_SECRET_KEY, "django-insecure", "changeme", "secret"}


def production_problems(
    *, secret_key: str, allowed_hosts: list[str], database_url: str, redis_url: str, broker_url: str
) -> list[str]:
    """Every reason why these settings are unsafe for production, in English for the operator."""
    problems = []
    if not secret_key:
        problems.append("SECRET_KEY is not set")
    elif secret_key in KNOWN_DEMO_KEYS or secret_key.startswith("django-insecure"):
        problems.append("SECRET_KEY is the known demo key; generate a new random key")
    elif len(secret_key) < 50 or len(set(secret_key)) < 5:
        problems.append(
            "SECRET_KEY is weak: use at least 50 characters with at least 5 different characters "
            "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
    if not allowed_hosts:
        problems.append("ALLOWED_HOSTS is not set")
    elif "*" in allowed_hosts:
        problems.append('ALLOWED_HOSTS must not contain "*": list the host names Brug is served on')
    if not database_url.startswith(("postgres://", "postgresql://")):
        problems.append("DATABASE_URL must point to PostgreSQL")
    if not redis_url:
        problems.append(
            "REDIS_URL is not set: rate limits, lock-outs and email codes need a cache shared by all web workers"
        )
    if not broker_url:
        problems.append(
            "CELERY_BROKER_URL is not set: imports and recomputations would run inside web requests"
        )
    return problems


if PRODUCTION:
    problems = production_problems(
        secret_key=SECRET_KEY,
        allowed_hosts=ALLOWED_HOSTS,
        database_url=DATABASE_URL,
        redis_url=os.environ.get("REDIS_URL", ""),
        broker_url=os.environ.get("CELERY_BROKER_URL", ""),
    )
    if problems:
        raise ImproperlyConfigured(
            "Production mode (DEBUG=0) refuses unsafe settings:\n- " + "\n- ".join(problems)
        )
elif not SECRET_KEY:
    SECRET_KEY = DEMO_SECRET_KEY

# Keyed hash for pseudonymising author handles of online messages; separate from SECRET_KEY
# so that rotating sessions does not break the link between a theme's messages.
PSEUDONYM_KEY = os.environ.get("PSEUDONYM_KEY", SECRET_KEY)

INSTALLED_APPS = [
    "brug.core.apps.BrugAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "brug.core",
    "brug.municipalities",
    "brug.learning",
    "brug.knowledge",
    "brug.analysis",
    "brug.network",
    "brug.signals",
    "brug.dialogue",
]

# The parts of Brug, in the order their dashboard panels, menu items and demo data appear.
BRUG_APPS = [
    "brug.municipalities",
    "brug.learning",
    "brug.knowledge",
    "brug.analysis",
    "brug.network",
    "brug.signals",
    "brug.dialogue",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "brug.core.middleware.SecurityHeadersMiddleware",
    "brug.core.middleware.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # JSON problem details for every /api/ error, also CSRF refusals: must sit before CsrfViewMiddleware.
    "brug.signals.api_errors.ApiProblemMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "brug.urls"
WSGI_APPLICATION = "brug.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "brug" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "brug.core.context_processors.brug",
            ],
        },
    },
]

if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "brug.sqlite3"),
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    }
# Parallel test runs (several developers, CI) each get their own test database.
DATABASES["default"]["TEST"] = {"NAME": "test_brug" + os.environ.get("BRUG_TEST_DB_SUFFIX", "")}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"]["NAME"] = None  # in-memory

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "brug.core.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "brug" / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"  # never served directly: uploads are sent by views that check access
WHITENOISE_USE_FINDERS = DEBUG
if DEBUG:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing

# Uploads: refuse large bodies before they reach a view.
BRUG_MAX_UPLOAD_MB = int(os.environ.get("BRUG_MAX_UPLOAD_MB", "10"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Sessions expire after a working day, and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "brug.core.views.pages.csrf_failure"

# Email: console in the demo, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Brug <noreply@brug.example>")
BRUG_BASE_URL = os.environ.get("BRUG_BASE_URL", "http://127.0.0.1:8000")

# Caches: local memory for the demo, Redis when REDIS_URL is set (shared by all web workers,
# which rate limits need).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work: in-process without a broker.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("CELERY_BROKER_URL")
# In-process mode never talks to a broker; "memory://" only keeps kombu from asking for a host.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://"
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", os.environ.get("CELERY_BROKER_URL") or None)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Periodic work, run by exactly one `celery -A brug beat`; every task is safe to run twice.
CELERY_BEAT_SCHEDULE = {
    "learning-send-reminders": {"task": "brug.learning.send_reminders", "schedule": 3600},
    "network-remind-retention": {"task": "brug.network.remind_retention", "schedule": 24 * 3600},
    "signals-purge-expired-texts": {
        "task": "brug.signals.purge_expired_message_texts",
        "schedule": 24 * 3600,
    },
    "core-purge-expired-submission-keys": {
        "task": "brug.core.purge_expired_submission_keys",
        "schedule": 24 * 3600,
    },
    "signals-detect-alerts": {"task": "brug.signals.detect_alerts_all", "schedule": 3600},
    # Jobs left running by a dead worker: failed (imports, uploads removed) or resumed (maps).
    # Stored message scores from an older brug.text model are recomputed in the background.
    "signals-refresh-outdated-scores": {"task": "brug.signals.refresh_outdated_scores", "schedule": 600},
    # Knowledge items whose meaning vector was made another way (model, embedding constants) are re-embedded.
    "knowledge-refresh-outdated-embeddings": {
        "task": "brug.knowledge.refresh_outdated_embeddings",
        "schedule": 3600,
    },
    "signals-fail-stale-imports": {"task": "brug.signals.fail_stale_imports", "schedule": 600},
    "dialogue-resume-stale-recomputes": {
        "task": "brug.dialogue.resume_stale_recomputes",
        "schedule": 600,
    },
}
# Minutes without progress after which a running import counts as left by a dead worker.
BRUG_STALE_JOB_MINUTES = int(os.environ.get("BRUG_STALE_JOB_MINUTES", "30"))
BRUG_STALE_QUEUED_MINUTES = int(os.environ.get("BRUG_STALE_QUEUED_MINUTES", "120"))
BRUG_STALE_RECOMPUTE_MINUTES = int(os.environ.get("BRUG_STALE_RECOMPUTE_MINUTES", "10"))

# Municipality size classes (inhabitants): small below the first bound, large above the second.
BRUG_SIZE_SMALL_BELOW = int(os.environ.get("BRUG_SIZE_SMALL_BELOW", "30000"))
BRUG_SIZE_LARGE_ABOVE = int(os.environ.get("BRUG_SIZE_LARGE_ABOVE", "100000"))

# Login protection.
BRUG_LOCKOUT_ATTEMPTS = int(os.environ.get("BRUG_LOCKOUT_ATTEMPTS", "5"))
BRUG_LOCKOUT_MINUTES = int(os.environ.get("BRUG_LOCKOUT_MINUTES", "15"))
BRUG_INVITATION_DAYS = int(os.environ.get("BRUG_INVITATION_DAYS", "7"))
# Days a double-submission key (brug.core.versioning) is kept: longer than any form stays open.
BRUG_SUBMISSION_KEY_DAYS = int(os.environ.get("BRUG_SUBMISSION_KEY_DAYS", "30"))
# A verified second factor stays valid for the session; personal data needs it.
BRUG_TOTP_ISSUER = os.environ.get("BRUG_TOTP_ISSUER", "Brug")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Every Django process (web, worker, management commands, tests) makes Brug's Celery app the
# current one, so tasks go to the configured broker. This used to happen in brug/__init__.py, for
# every `import brug.…`, which cost about a second at the start of pure-engine commands such as
# `python -m brug.opinion`. (Settings sit outside the import layers; brug.core may not import celery.)
from brug.celery import app as _celery_app  # noqa: E402, F401
