"""Test-wide set-up. Every test gets a throwaway data dir; search tests get a real Whoosh index."""
import pytest


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({db.get('HOST') or db['NAME']})"


@pytest.fixture
def index_path(tmp_path):
    """Point the default haystack connection at a fresh, empty Whoosh index under tmp_path."""
    import haystack  # here, not at the top: tests/ingest also runs without Django (-p no:django)

    options = haystack.connections.connections_info["default"]
    saved = options["PATH"]
    options["PATH"] = str(tmp_path / "whoosh")
    haystack.connections.reload("default")  # drops this thread's engine and backend
    yield tmp_path / "whoosh"
    options["PATH"] = saved
    haystack.connections.reload("default")


@pytest.fixture(autouse=True)
def _chinese_after_each_test():
    """LocaleMiddleware leaves the last request's language active in the thread: a test that
    switched to English must not make the next one render English."""
    yield
    from django.conf import settings

    if settings.configured:  # tests/ingest also runs without Django (-p no:django)
        from django.utils import translation

        translation.activate("zh-hans")
