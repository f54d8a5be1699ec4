"""Settings read from the environment; production variables give a silent `check --deploy`."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_has_no_warnings_in_production(tmp_path):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="k8#Vt2qLx9-production-like-secret-key-with-enough-entropy-0f3a9c1e77",
        DJANGO_ALLOWED_HOSTS="archive.example.org",
        ARCHIVE_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = manage("check", DJANGO_DEBUG="0", ARCHIVE_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_database_url_and_data_dirs_come_from_the_environment(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DATA_DIR, s.INDEX_DIR, s.DEBUG, s.ALLOWED_HOSTS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django;django.setup();{code}"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "archive.settings", "ARCHIVE_DATA_DIR": str(tmp_path),
             "ARCHIVE_INDEX_DIR": str(tmp_path / "ix"), "DATABASE_URL": "postgres://u@db.example/archive",
             "DJANGO_DEBUG": "1", "DJANGO_ALLOWED_HOSTS": "a.example,b.example"},
    )
    assert result.returncode == 0, result.stderr
    engine, data_dir, index_dir, debug, hosts = result.stdout.split(" ", 4)
    assert engine == "django.db.backends.postgresql"
    assert data_dir == str(tmp_path) and index_dir == str(tmp_path / "ix")
    assert debug == "True" and "a.example" in hosts and "b.example" in hosts
