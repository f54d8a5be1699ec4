"""Operations tests: a real Whoosh index in a temp dir that other processes can open too."""
from pathlib import Path

from django.conf import settings
from django.db import connections

# A rebuild forks workers that open the test database themselves: on SQLite it must be a file,
# not pytest-django's in-memory database (as in tests/indexing/conftest.py).
_db = connections["default"].settings_dict
if _db["ENGINE"].endswith("sqlite3") and not _db.setdefault("TEST", {}).get("NAME"):
    _db["TEST"]["NAME"] = str(Path(settings.DATA_DIR) / "test-archive.sqlite3")
