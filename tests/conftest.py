"""Test-wide set-up. Every test gets a throwaway data dir; search tests get a real Whoosh index."""
import os
import tempfile

# Before Django reads settings: never touch the developer's ./var from a test run.
os.environ.setdefault("ARCHIVE_DATA_DIR", tempfile.mkdtemp(prefix="archive-test-"))
