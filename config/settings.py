"""The only settings module. Everything that differs between machines comes from the environment."""

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


# Seconds a worker keeps its database connection between requests (0: a new one per request,
# which on SQLite also re-reads the schema; -1: for ever). Same for SQLite and PostgreSQL.
CONN_MAX_AGE = int(env("OCOP_CONN_MAX_AGE", "60"))


def database_from_url(url: str) -> dict:
    """postgres://user:password@host:port/name → Django DATABASES entry; empty → embedded SQLite."""
    if not url:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "ocop.sqlite3",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            "CONN_MAX_AGE": CONN_MAX_AGE,
            # A file, not memory, so tests with concurrent threads run on SQLite too; one per
            # process, so two test runs in one checkout never share it.
            "TEST": {"NAME": str(DATA_DIR / f"test-ocop-{os.getpid()}.sqlite3")},
        }
    parts = urlparse(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise ValueError(f"DATABASE_URL: unsupported scheme {parts.scheme!r}")
    entry = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": CONN_MAX_AGE,
    }
    if env_bool("OCOP_PGBOUNCER"):
        # pgbouncer in transaction mode hands each transaction to any server connection: no
        # server-side cursors (they live across transactions) and no server-side prepared
        # statements (pgbouncer 1.18, Debian 12's, cannot track them; psycopg 3 binds
        # client-side). Django already passes prepare_threshold=None; said here so it stays.
        entry["DISABLE_SERVER_SIDE_CURSORS"] = True
        entry["OPTIONS"] = {"prepare_threshold": None}
    return entry


def secret_key() -> str:
    """OCOP_SECRET_KEY, or a random key made once per installation and kept in the data folder
    (never a key that ships with the code: it signs sessions and certificate URLs)."""
    if env("OCOP_SECRET_KEY"):
        return env("OCOP_SECRET_KEY")
    path = DATA_DIR / "secret-key"
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as file:
        file.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


DATA_DIR = Path(env("OCOP_DATA_DIR", str(BASE_DIR / "var")))
DEBUG = env_bool("OCOP_DEBUG", False)
SECRET_KEY = secret_key()
ALLOWED_HOSTS = [h for h in env("OCOP_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("OCOP_CSRF_TRUSTED_ORIGINS").split(",") if o]
SITE_URL = env("OCOP_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ocop.core",
    "ocop.places",
    "ocop.accounts",
    "ocop.criteria",
    "ocop.registry",
    "ocop.certificates",
    "ocop.evaluation",
    "ocop.programme",
    "ocop.inspections",
    "ocop.catalogue",
    "ocop.reports",
    "ocop.api",
    "ocop.demo",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served from /static/ (no CDN)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ocop.core.routers.ReplicaReadsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ocop.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ocop.core.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "ocop.accounts.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {"default": database_from_url(env("DATABASE_URL"))}
# A streaming replica for the public reads (catalogue, verification, API, open data): see
# ocop/core/routers.py and docs/adr/0011-read-replicas.md.
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = database_from_url(env("DATABASE_REPLICA_URL"))
    DATABASE_ROUTERS = ["ocop.core.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Failed logins: after this many failures for one username or one address within the window,
# further attempts are refused until the window passes.
LOGIN_FAILURE_LIMIT = int(env("OCOP_LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW_SECONDS = int(env("OCOP_LOGIN_FAILURE_WINDOW", "900"))
# Password-reset mails: at most this many per address (e-mail) and per client per hour.
PASSWORD_RESET_LIMIT = int(env("OCOP_PASSWORD_RESET_LIMIT", "3"))
# Public look-ups of a certificate by its number: at most this many per client per hour.
VERIFY_LOOKUP_LIMIT = int(env("OCOP_VERIFY_LOOKUP_LIMIT", "30"))
# Reverse proxies whose X-Forwarded-For we believe (e.g. "127.0.0.1" behind nginx on the same host).
TRUSTED_PROXIES = frozenset(p for p in env("OCOP_TRUSTED_PROXIES").split(",") if p)

# The public REST API /api/v1/ (ADR 0009): read-only and anonymous. No authentication class at
# all, so DRF never reads the session or asks for CSRF on it; JSON only (no browsable pages).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "OCOP API",
    "DESCRIPTION": "Dữ liệu công khai của Chương trình OCOP: sản phẩm, chủ thể, giấy chứng nhận, "
    "quyết định công nhận, đơn vị hành chính, bộ sản phẩm và thống kê (chỉ đọc).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "CertificateStatusEnum": "ocop.api.serializers.CERTIFICATE_STATUSES",
        "ProductStatusEnum": "ocop.api.serializers.PRODUCT_STATUSES",
    },
}
# Anonymous requests to the API per client address (behind OCOP_TRUSTED_PROXIES, the real
# client): "N/second", "N/minute", "N/hour" or "N/day". Over it: 429 with Retry-After.
API_THROTTLE_RATE = env("OCOP_API_THROTTLE_RATE", "120/minute")

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise reads it at start-up
# Without a collected manifest (dev, demo, tests) whitenoise serves straight from the finders.
WHITENOISE_USE_FINDERS = not env_bool("OCOP_MANIFEST_STATIC")
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/pico", BASE_DIR / "node_modules/@picocss/pico/css"),
    ("vendor/htmx", BASE_DIR / "node_modules/htmx.org/dist"),
    ("vendor/chartjs", BASE_DIR / "node_modules/chart.js/dist"),
]
STORAGES: dict[str, dict[str, object]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("OCOP_MANIFEST_STATIC")
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Private uploads (dossier files) live here and are served only through permission-checked views.
MEDIA_ROOT = DATA_DIR / "media"
# Or in an S3-compatible bucket (docs/adr/0010-object-storage.md): private objects, never a public
# URL; the views stream them after their permission checks, exactly as from disk.
if env("OCOP_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("OCOP_S3_BUCKET"),
            "endpoint_url": env("OCOP_S3_ENDPOINT_URL") or None,
            "region_name": env("OCOP_S3_REGION") or None,
            "access_key": env("OCOP_S3_ACCESS_KEY") or None,
            "secret_key": env("OCOP_S3_SECRET_KEY") or None,
            "location": env("OCOP_S3_PREFIX"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Background jobs (ADR 0012): "thread" runs each in a thread of the web process (one machine, the
# demo); "worker" only queues them for `ocop jobs work` processes. An Excel export of a list longer
# than OCOP_JOB_THRESHOLD rows, and a confirmed registry import of more rows, run as a job; so does
# the programme report (.xlsx or PDF) of a unit holding more than OCOP_REPORT_JOB_THRESHOLD
# products (a province, usually: the report's longest part lists the unit's certificates), and the
# open-data build an admin starts from /open-data/.
OCOP_JOBS = env("OCOP_JOBS", "thread")
OCOP_JOB_THRESHOLD = int(env("OCOP_JOB_THRESHOLD", "5000"))
OCOP_REPORT_JOB_THRESHOLD = int(env("OCOP_REPORT_JOB_THRESHOLD", "2000"))
OCOP_JOB_KINDS = {
    "registry_export": "ocop.registry.jobs.export_job",
    "registry_import": "ocop.registry.jobs.import_job",
    "programme_report": "ocop.reports.jobs.report_job",
    "opendata_build": "ocop.catalogue.jobs.opendata_job",
}

EMAIL_BACKEND = env("OCOP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("OCOP_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("OCOP_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("OCOP_EMAIL_USER")
EMAIL_HOST_PASSWORD = env("OCOP_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("OCOP_EMAIL_TLS")
DEFAULT_FROM_EMAIL = env("OCOP_EMAIL_FROM", "OCOP <no-reply@ocop.local>")
# Shown on the error pages as the place to ask for help (empty: "ask your commune or province").
CONTACT_EMAIL = env("OCOP_CONTACT_EMAIL")

CACHES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
if env("OCOP_CACHE_DIR"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env("OCOP_CACHE_DIR"),
        # Room for every certificate's verification pages (two languages) and generation.
        "OPTIONS": {"MAX_ENTRIES": int(env("OCOP_CACHE_MAX_ENTRIES", "100000"))},
    }
# True when every worker (process) reads and writes the same cache: the verification page then
# trusts the cache alone, invalidated by the services after commit (ADR 0013). The in-memory
# default is per process, so each scan also reads the certificate's status.
OCOP_SHARED_CACHE = bool(env("OCOP_CACHE_DIR"))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("OCOP_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Every role but producers (officers, advisors, council members, admins: they see many producers'
# data) stays signed in for a working day, whatever login page they used (/admin/login/ too);
# producers, who only sign in at /accounts/login/, for two weeks (set there by accounts.views).
SESSION_COOKIE_AGE = int(env("OCOP_STAFF_SESSION_AGE", str(8 * 3600)))
PRODUCER_SESSION_AGE = int(env("OCOP_PRODUCER_SESSION_AGE", str(14 * 24 * 3600)))

# Behind HTTPS (OCOP_SECURE_COOKIES=1): redirect plain HTTP, send HSTS, and believe the reverse
# proxy's X-Forwarded-Proto (the proxy must set it; README, production deployment).
if SESSION_COOKIE_SECURE:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(env("OCOP_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Asking browsers to preload HSTS is a one-way submission to their lists: an explicit choice.
SECURE_HSTS_PRELOAD = env_bool("OCOP_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline script anywhere (static/js/ only). Inline styles stay allowed: a few templates carry a
# <style> block or style= attribute, and styles cannot run code. htmx's own indicator <style> is
# switched off in base.html (htmx-config) and lives in static/css/ocop.css.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("OCOP_LOG_LEVEL", "WARNING")},
}
