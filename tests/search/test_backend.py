"""The backend's writes wait for the lock and never drop a change; generations swap atomically."""
import os
import threading
import time

import pytest
from whoosh.index import LockError, open_dir

from speeches.models import Section
from speeches.search import indexed_ids, rebuild, search
from tests.factories import make_speech


def speech(n=3, word="发展"):
    return make_speech(sections=[("", f"第{i}节", [f"{word}第{i}段"], []) for i in range(n)])


def hold_lock(path, seconds):
    """Hold Whoosh's write lock from another writer for `seconds`, in a thread."""
    held = threading.Event()

    def run():
        writer = open_dir(str(path)).writer()
        held.set()
        time.sleep(seconds)
        writer.cancel()

    thread = threading.Thread(target=run)
    thread.start()
    assert held.wait(10)
    return thread


def test_update_and_remove_wait_for_a_busy_lock(index, index_path):
    sections = list(speech().sections.all())
    thread = hold_lock(index_path, 0.5)
    index.backend.update(index.section_index, sections)  # waits for the holder, then writes
    assert indexed_ids() == {s.pk for s in sections}
    thread = hold_lock(index_path, 0.5)
    index.backend.remove(sections[0])
    thread.join()
    assert indexed_ids() == {s.pk for s in sections[1:]}


def test_a_lock_that_stays_busy_raises_instead_of_dropping(index, index_path):
    sections = list(speech().sections.all())
    index.reindex()
    index.backend.lock_timeout = 0.2
    thread = hold_lock(index_path, 1.0)
    with pytest.raises(LockError):
        index.backend.remove(sections[0])
    with pytest.raises(LockError):
        index.backend.update(index.section_index, sections[:1])
    thread.join()
    assert indexed_ids() == {s.pk for s in sections}  # nothing half-done


def test_silently_fail_does_not_hide_a_failed_write(index, index_path):
    assert index.backend.silently_fail  # haystack's default
    index.backend.lock_timeout = 0.1
    thread = hold_lock(index_path, 0.5)
    with pytest.raises(LockError):
        index.backend.remove("speeches.section.1")
    thread.join()


def test_the_index_lives_in_a_generation_behind_a_link(index, index_path):
    index.reindex()
    assert index_path.is_symlink()
    assert index_path.resolve().parent.name == "whoosh.gens"
    assert open_dir(str(index_path)).doc_count() == 0  # Whoosh tools still open PATH directly


def test_clear_swaps_in_an_empty_generation_while_searches_continue(index, index_path):
    speech()
    index.reindex()
    old = index.backend.snapshot()
    before = index_path.resolve()
    index.backend.clear()
    assert index_path.resolve() != before
    assert indexed_ids() == set()
    assert sum(len(s.reader.doc_count_all() and s.live()) for s in old.segments) == 3  # still readable


def test_rebuild_swaps_a_fresh_generation_in_and_keeps_one_before_it(index, index_path):
    first = speech(4)
    index.reindex()
    old = index.backend.snapshot()
    generations = []
    for _ in range(3):
        built = rebuild(workers=1, segment_size=3)
        generations.append(built.generation)
        assert index_path.resolve() == built.generation
    assert built.sections == 4 and built.segments == 2 and built.text_bytes > 0
    assert indexed_ids() == set(first.sections.values_list("pk", flat=True))
    assert search(q="发展").count == 4
    remaining = sorted(p.name for p in index_path.with_name("whoosh.gens").iterdir() if p.is_dir())
    assert remaining == sorted(g.name for g in generations[-2:])  # in use and the one before
    assert old.segments[0].live()  # a snapshot from before the swaps still reads (open files)


def test_rebuild_of_an_empty_database(index, index_path):
    built = rebuild(workers=1)
    assert built.sections == 0 and indexed_ids() == set()
    assert search().count == 0


def test_a_legacy_plain_directory_index_is_used_and_then_replaced(index_path, db):
    from whoosh.filedb.filestore import FileStorage

    from speeches.search.schema import SCHEMA
    from tests.search.conftest import Indexer

    os.makedirs(index_path)
    FileStorage(str(index_path)).create_index(SCHEMA)
    sections = list(speech().sections.all())
    Indexer().reindex()
    assert not index_path.is_symlink() and indexed_ids() == {s.pk for s in sections}
    rebuild(workers=1)
    assert index_path.is_symlink() and indexed_ids() == {s.pk for s in sections}


def test_haystack_searchqueryset_still_works(index):
    from haystack.query import SearchQuerySet

    sections = list(speech(2, word="改革").sections.all())
    index.reindex()
    found = SearchQuerySet().models(Section).filter(content="改革")
    assert sorted(int(r.pk) for r in found) == sorted(s.pk for s in sections)
    highlighted = SearchQuerySet().models(Section).filter(content="改革").highlight()
    assert "<mark>改革</mark>" in highlighted[0].highlighted["text"][0]
