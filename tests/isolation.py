"""Loaded with `-p tests.isolation` before pytest-django reads settings: tests never use ./var."""
import os
import tempfile

os.environ.setdefault("ARCHIVE_DATA_DIR", tempfile.mkdtemp(prefix="archive-test-"))
# A page that meets a broken index starts a repair process; in tests, only the tests that say so
# (set here, before settings are read: tests/conftest.py is imported after pytest-django reads them,
# so a repair started in the background once raced the fault tests and hid what they check).
os.environ.setdefault("ARCHIVE_AUTO_REPAIR", "0")
