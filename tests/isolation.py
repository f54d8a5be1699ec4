"""Loaded with `-p tests.isolation` before pytest-django reads settings: tests never use ./var."""
import os
import tempfile

os.environ.setdefault("ARCHIVE_DATA_DIR", tempfile.mkdtemp(prefix="archive-test-"))
