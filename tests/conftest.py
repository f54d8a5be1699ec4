"""Test-wide set-up. Every test gets a throwaway data dir; search tests get a real Whoosh index."""
import haystack
import pytest


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({db.get('HOST') or db['NAME']})"


@pytest.fixture
def index_path(tmp_path):
    """Point the default haystack connection at a fresh, empty Whoosh index under tmp_path."""
    options = haystack.connections.connections_info["default"]
    saved = options["PATH"]
    options["PATH"] = str(tmp_path / "whoosh")
    haystack.connections.reload("default")  # drops this thread's engine and backend
    yield tmp_path / "whoosh"
    options["PATH"] = saved
    haystack.connections.reload("default")
