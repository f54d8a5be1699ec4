"""Test-wide set-up. Every test gets a throwaway data dir; search tests get a real Whoosh index."""


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({db.get('HOST') or db['NAME']})"
