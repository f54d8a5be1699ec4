"""Bulk imports: the index catches up once at the end, in large commits or by a rebuild."""
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from whoosh.index import open_dir

from speeches.models import IndexQueue, Section
from speeches.search import indexed_ids, queue, section_ids

SAMPLES = Path(__file__).resolve().parents[2] / "speeches" / "fixtures" / "samples"
pytestmark = pytest.mark.usefixtures("index_dir")


def all_sections():
    return set(Section.objects.values_list("pk", flat=True))


def generation(index_dir) -> int:
    return open_dir(index_dir).latest_generation()


def test_an_import_of_five_files_writes_the_index_once(transactional_db, index_dir):
    call_command("import_speeches", str(next(SAMPLES.glob("000_*"))), verbosity=0)  # creates the index
    before = generation(index_dir)
    call_command("import_speeches", str(SAMPLES), verbosity=0)  # 000 again (unchanged) and four more
    assert generation(index_dir) == before + 1  # one commit, not one (and a merge) per file
    assert indexed_ids() == all_sections() and not IndexQueue.objects.exists()
    assert section_ids(q="落实")  # and the index answers


def test_a_bulk_job_larger_than_a_quarter_of_the_archive_rebuilds(transactional_db, index_dir, monkeypatch):
    monkeypatch.setattr(queue, "REBUILD_MIN", 10)
    before = Path(index_dir).resolve()
    call_command("import_speeches", str(SAMPLES), verbosity=0)
    assert Path(index_dir).resolve() != before  # a new generation was swapped in
    assert indexed_ids() == all_sections() and not IndexQueue.objects.exists()
    assert not queue.drift()


def test_when_another_process_holds_the_queue_the_import_still_lands(transactional_db, monkeypatch):
    monkeypatch.setattr(queue, "TIMEOUT", 0.2)  # how long bulk() waits for the lock before giving up
    held, release = threading.Event(), threading.Event()

    def holder():
        with queue.processing_lock() as got:
            assert got
            held.set()
            release.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    threading.Timer(1.0, release.set).start()  # the other holder finishes a second later
    call_command("import_speeches", str(SAMPLES), verbosity=0)
    thread.join()
    assert indexed_ids() == all_sections() and not IndexQueue.objects.exists()
