"""Indexing tests: a test database and an index that other processes can open too."""
import multiprocessing
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

# pytest-django gives SQLite an in-memory test database unless TEST NAME is set, and a spawned
# process cannot open another process's memory. This runs at collection, before any database
# is created. (PostgreSQL's test database, test_<name>, is a real database already.)
_db = connections["default"].settings_dict
if _db["ENGINE"].endswith("sqlite3") and not _db.setdefault("TEST", {}).get("NAME"):
    _db["TEST"]["NAME"] = str(Path(settings.DATA_DIR) / "test-archive.sqlite3")


@pytest.fixture
def index_dir(index_path):
    """A fresh index (tests/conftest.py), as a string for child processes."""
    return str(index_path)


@pytest.fixture
def db_name(transactional_db):
    """The test database's name, for child processes (pytest-django has renamed it by now)."""
    return connections["default"].settings_dict["NAME"]


@pytest.fixture
def spawn():
    """multiprocessing with spawn: children import Django afresh instead of forking our state."""
    return multiprocessing.get_context("spawn")
