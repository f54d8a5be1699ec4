"""One settings module; what differs between machines comes from the environment.

The variable names are a contract (tools outside the repo set them): DJANGO_SECRET_KEY,
DJANGO_DEBUG, DJANGO_ALLOWED_HOSTS, DATABASE_URL, ARCHIVE_DATA_DIR, ARCHIVE_INDEX_DIR,
ARCHIVE_MAX_FILE_BYTES.
"""
import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
DATA_DIR = Path(os.environ.get("ARCHIVE_DATA_DIR") or BASE_DIR / "var").resolve()
# Not resolve()d: the index path is a symbolic link that a rebuild swaps to a fresh directory
# (speeches/search/generations.py); resolving it would pin this process to the old one.
INDEX_DIR = Path(os.environ.get("ARCHIVE_INDEX_DIR") or DATA_DIR / "whoosh").absolute()
# A page that finds the search index unusable starts `index_check --repair` in the background.
ARCHIVE_AUTO_REPAIR = env_bool("ARCHIVE_AUTO_REPAIR", True)
# SQLite, jieba's cache and collected static files live here; it must exist before anything runs.
(DATA_DIR / "staticfiles").mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0.")
    # Development only: a fixed key keeps sessions valid across restarts of `make run`.
    SECRET_KEY = "django-insecure-dev-only-key-not-for-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if not DEBUG else "*")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "archive.apps.Axes",  # "axes" under a translatable name (archive/apps.py)
    "django_tasks",
    "archive.apps.TasksDatabase",  # "django_tasks_db", likewise
    # Before haystack: its rebuild_index/update_index/clear_index are overridden in
    # speeches/management/commands/ so that they never leave the site an empty or half index.
    "speeches",
    "haystack",
    "accounts",
    "tagging",
    "annotations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "speeches.middleware.chinese_unless_chosen",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "speeches.middleware.security_headers",
    "speeches.middleware.refuse_nul",
    "speeches.middleware.index_faults",
    "speeches.middleware.site_404_page",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

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
                "accounts.context.accounts",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'archive.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several processes (web, import, index worker) share one file: wait instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 30
    # A transaction that reads then writes (m2m add, a delete with signals) would fail at once with
    # "database is locked" while another process commits: SQLite skips the busy timeout there.
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Every sign-in (our page, the admin, the API) goes through authenticate(), so axes sees them all.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed sign-ins are counted per account name and, separately, per address: either one locks.
# A name that has no account is counted the same way, so the lock-out says nothing about it.
AXES_FAILURE_LIMIT = int(os.environ.get("ARCHIVE_SIGNIN_FAILURES", "5"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("ARCHIVE_SIGNIN_COOLOFF_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

LOGIN_URL = "/accounts/login/"  # a path, not a URL name: templates link to it as it is
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Anyone may register unless ARCHIVE_REGISTRATION=0 (then staff make accounts in the admin).
ACCOUNTS_REGISTRATION_OPEN = env_bool("ARCHIVE_REGISTRATION", True)
# Password-reset mail is printed to the console unless a real backend is configured.
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "archive@localhost")

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
WHITENOISE_ROOT = BASE_DIR / "static" / "root"  # served at the site root: /favicon.ico
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "speeches.search.backend.ChineseWhooshEngine",
        "PATH": str(INDEX_DIR),
    },
}

# Production hardening: on by default whenever DEBUG is off (`check --deploy` stays silent).
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Index changes are queued in the saving transaction and applied after commit (speeches/search/indexing/queue.py).
HAYSTACK_SIGNAL_PROCESSOR = "speeches.search.indexing.signals.QueuedSignalProcessor"


# Background jobs (upload confirm) in the database: no extra server. `make run` starts the worker
# (`manage.py db_worker`) beside the web server; README says how to run it under systemd.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# Bounds on what one upload may bring; import_speeches reads ARCHIVE_MAX_FILE_BYTES too.
ARCHIVE_MAX_FILE_BYTES = env_int("ARCHIVE_MAX_FILE_BYTES", 20 * 1024 * 1024)
ARCHIVE_MAX_UPLOAD_BYTES = env_int("ARCHIVE_MAX_UPLOAD_BYTES", 100 * 1024 * 1024)
ARCHIVE_MAX_UPLOAD_FILES = env_int("ARCHIVE_MAX_UPLOAD_FILES", 500)
ARCHIVE_MAX_ZIP_ENTRIES = env_int("ARCHIVE_MAX_ZIP_ENTRIES", 1000)
ARCHIVE_MAX_UNPACKED_BYTES = env_int("ARCHIVE_MAX_UNPACKED_BYTES", 200 * 1024 * 1024)
# A PDF's text is read in a child process with these bounds, so a hostile file fails alone.
ARCHIVE_PDF_SECONDS = env_int("ARCHIVE_PDF_SECONDS", 30)
ARCHIVE_PDF_MEMORY_BYTES = env_int("ARCHIVE_PDF_MEMORY_BYTES", 512 * 1024 * 1024)
# Django refuses a request with more files than this before our own, clearer, check runs.
DATA_UPLOAD_MAX_NUMBER_FILES = ARCHIVE_MAX_UPLOAD_FILES + 1
