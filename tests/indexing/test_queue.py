"""The index queue: written in the saving transaction, applied after commit, never dropped."""
import logging
from contextlib import contextmanager

import pytest
from django.db import transaction
from whoosh.index import LockError, open_dir

from speeches.models import IndexQueue, Section, Speech
from speeches.search import indexed_ids
from speeches.search import enqueue, search, section_ids
from speeches.search.indexing.queue import coalesce, paused, process
from tests.indexing.workers import add_section, hold_writer, make_speech, signals_off

pytestmark = pytest.mark.usefixtures("index_dir")


def test_coalesce_keeps_the_latest_action_per_section():
    rows = [(3, 6, True), (1, 5, False), (2, 5, True), (4, 6, False), (5, 7, True)]
    assert coalesce(rows) == {5: True, 6: False, 7: True}


def test_saving_in_a_transaction_indexes_after_commit(transactional_db):
    with transaction.atomic():
        speech = make_speech()
        sections = [add_section(speech, order) for order in range(3)]
        assert IndexQueue.objects.count() == 3
        assert indexed_ids() == set()  # nothing reaches Whoosh before the commit
    assert indexed_ids() == {s.pk for s in sections}
    assert not IndexQueue.objects.exists()


def test_a_rolled_back_transaction_queues_and_indexes_nothing(transactional_db):
    speech = make_speech()
    with pytest.raises(RuntimeError), transaction.atomic():
        add_section(speech, 0)
        raise RuntimeError("bad input")
    assert not IndexQueue.objects.exists()
    assert not Section.objects.exists()
    assert indexed_ids() == set()


def test_one_run_is_scheduled_per_transaction(db, django_capture_on_commit_callbacks):
    speech = make_speech()
    with django_capture_on_commit_callbacks() as callbacks:
        for order in range(3):
            add_section(speech, order)
        enqueue([1, 2], delete=True)
    assert len(callbacks) == 1
    assert IndexQueue.objects.count() == 5


def test_a_rolled_back_savepoint_does_not_lose_the_run(db, django_capture_on_commit_callbacks):
    speech = make_speech()
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            add_section(speech, 0)  # schedules the run inside the savepoint ...
            raise RuntimeError
        add_section(speech, 1)  # ... which died with it, so this schedules it again
    assert len(callbacks) == 1
    assert IndexQueue.objects.count() == 1


def test_deleting_and_editing_sections_follows_the_database(transactional_db):
    speech = make_speech()
    keep, edit, gone = (add_section(speech, order) for order in range(3))
    edit.body = "改革 开放"
    edit.save()
    gone.delete()
    assert indexed_ids() == {keep.pk, edit.pk}
    assert section_ids(q="改革") == {edit.pk}


def test_a_re_dated_speech_moves_in_date_order(transactional_db):
    first, second = make_speech("甲"), make_speech("乙")
    _date(first, 2001), _date(second, 2020)
    add_section(first, 0), add_section(second, 0)
    assert _speeches(sort="date") == [second.pk, first.pk]
    # Its section is indexed again: the old document is deleted but stays in its segment's
    # columns with the old date, which the snapshot's date order must not use.
    _date(first, 2024)
    assert _speeches(sort="date") == [first.pk, second.pk]
    assert _speeches(sort="oldest") == [second.pk, first.pk]


def _date(speech, year):
    for name, value in Speech.date_fields(year, None, None).items():
        setattr(speech, name, value)
    speech.save()


def _speeches(sort):
    return [r.speech.pk for r in search(q="经济", sort=sort).results]


def test_the_latest_queued_action_wins(transactional_db):
    speech = make_speech()
    first, second = add_section(speech, 0), add_section(speech, 1)
    IndexQueue.objects.bulk_create(
        [IndexQueue(section_id=first.pk, delete=False), IndexQueue(section_id=first.pk, delete=True),
         IndexQueue(section_id=second.pk, delete=True), IndexQueue(section_id=second.pk, delete=False)]
    )
    assert process() == 4
    assert indexed_ids() == {second.pk}


def test_an_update_for_a_section_that_is_gone_becomes_a_delete(transactional_db):
    section = add_section(make_speech(), 0)
    with signals_off():
        Section.objects.filter(pk=section.pk).delete()
    assert indexed_ids() == {section.pk}
    IndexQueue.objects.create(section_id=section.pk, delete=False)
    process()
    assert indexed_ids() == set()


def test_changes_committed_while_the_queue_is_paused_land_afterwards(transactional_db):
    speech = make_speech()
    with paused():  # as a rebuild does
        section = add_section(speech, 0)  # committed; its after-commit run finds the lock taken
        assert IndexQueue.objects.count() == 1
        assert indexed_ids() == set()
    assert indexed_ids() == {section.pk}
    assert not IndexQueue.objects.exists()


def test_a_delete_waits_for_a_busy_index_lock(transactional_db, index_dir, spawn):
    section = add_section(make_speech(), 0)
    held, release = spawn.Event(), spawn.Event()
    holder = spawn.Process(target=hold_writer, args=(index_dir, held, release))
    holder.start()
    try:
        assert held.wait(60)
        with pytest.raises(LockError):  # the lock is really taken: a plain writer fails at once
            open_dir(index_dir).writer()
        with release_on_retry(release) as retries:
            section.delete()  # applied after commit: fails on the lock, retries, lands once released
    finally:
        release.set()
        holder.join(60)
    assert retries
    assert indexed_ids() == set()
    assert not IndexQueue.objects.exists()


def test_rows_stay_queued_when_the_lock_stays_busy(transactional_db, index_dir, spawn):
    section = add_section(make_speech(), 0)
    IndexQueue.objects.create(section_id=section.pk, delete=True)
    with signals_off():
        Section.objects.filter(pk=section.pk).delete()
    held, release = spawn.Event(), spawn.Event()
    holder = spawn.Process(target=hold_writer, args=(index_dir, held, release))
    holder.start()
    try:
        assert held.wait(60)
        with pytest.raises(LockError):
            process(timeout=0.5)
        assert IndexQueue.objects.count() == 1  # not applied, so not deleted
    finally:
        release.set()
        holder.join(60)
    assert process() == 1
    assert indexed_ids() == set()
    assert not IndexQueue.objects.exists()


@contextmanager
def release_on_retry(release):
    """Set `release` (the other process then lets go of the lock) once the queue retries."""
    retries = []

    class Handler(logging.Handler):
        def emit(self, record):
            if "retrying" in record.getMessage():
                retries.append(record.getMessage())
                release.set()

    logger, handler = logging.getLogger("speeches.search.indexing.queue"), Handler()
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        yield retries
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
