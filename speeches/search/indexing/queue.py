"""Durable index queue: changes are written in the saving transaction and applied after commit.

Rows are deleted only after Whoosh has taken the change, so a crash, a busy lock or a failed
write leaves them for the next run. All appliers in all processes take one file lock beside the
index: Whoosh allows a single writer anyway, and it makes "read the section, write the index" one
step, so an older state of a section can never be written over a newer one.
"""
from __future__ import annotations

import logging
import random
import time
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction
from haystack import connections as haystack_connections
from haystack.utils import get_identifier
from whoosh.index import LockError
from whoosh.util.filelock import FileLock

from .generations import IndexUnavailable

from speeches.models import IndexQueue, Section

ALIAS = "default"
BATCH = 500
TIMEOUT = 30.0  # seconds one process() may spend waiting for locks and retrying writes
log = logging.getLogger(__name__)


class QueueBusy(Exception):
    """Another process kept the queue lock (a long rebuild, a stuck worker) past the timeout."""


def enqueue(section_ids: Iterable[int], *, delete: bool = False) -> None:
    """Queue index changes; call inside the transaction that changes the sections."""
    ids = sorted(set(section_ids))
    if not ids:
        return
    IndexQueue.objects.bulk_create([IndexQueue(section_id=sid, delete=delete) for sid in ids])
    # One run per transaction is enough: it applies every row committed before it starts.
    # A rolled-back savepoint drops its callbacks, so a later enqueue schedules a new one.
    if not any(_process_after_commit in entry for entry in connection.run_on_commit):
        transaction.on_commit(_process_after_commit)


def enqueue_speeches(speech_ids: Iterable[int]) -> None:
    """Queue every section of these speeches (their metadata is indexed with each section)."""
    enqueue(Section.objects.filter(speech_id__in=list(speech_ids)).values_list("pk", flat=True))


def _process_after_commit() -> None:
    # The data is committed already: a failure here must not turn the request into an error.
    # The rows stay queued for the next run or `index_check`.
    try:
        process(wait=False)
    except IndexUnavailable as fault:  # nothing to write into: a rebuild takes every row
        from .health import request_repair

        log.error("Index queue: the index is unusable (%s); rows stay queued", fault)
        request_repair(fault)
    except Exception:
        log.exception("Index queue: applying changes failed; they stay queued")


def process(*, limit: int = BATCH, timeout: float = TIMEOUT, wait: bool = True) -> int:
    """Apply queued changes, oldest first; returns how many queue rows were applied.

    With wait=False a busy queue lock returns at once: its holder re-checks the queue after
    releasing it, so rows committed meanwhile are picked up by that holder, not stranded.
    """
    deadline = time.monotonic() + timeout
    applied = 0
    while True:
        with processing_lock(wait=(deadline - time.monotonic()) if wait else 0) as held:
            if not held:
                return applied
            applied += _drain(limit, deadline)
        # Someone may have queued rows and given up on the lock while we held it.
        if not IndexQueue.objects.exists():
            return applied
        if time.monotonic() >= deadline:
            log.warning("Index queue: time is up with rows pending; the next run takes them")
            return applied
        wait = False


def _drain(limit: int, deadline: float) -> int:
    applied = 0
    while time.monotonic() < deadline:
        # Read the queue before the sections: a change committed after this read keeps its
        # row, and the run that takes that row reads the section again.
        rows = list(IndexQueue.objects.order_by("id").values_list("id", "section_id", "delete")[:limit])
        if not rows:
            break
        _apply(coalesce(rows), deadline)
        IndexQueue.objects.filter(id__in=[row_id for row_id, _, _ in rows]).delete()
        applied += len(rows)
    return applied


def coalesce(rows: Iterable[tuple[int, int, bool]]) -> dict[int, bool]:
    """{section_id: delete} from (row id, section id, delete) rows: the latest row wins."""
    return {sid: delete for _, sid, delete in sorted(rows)}


def _apply(actions: dict[int, bool], deadline: float) -> None:
    index = section_index()
    backend = writing_backend()
    wanted = [sid for sid, delete in actions.items() if not delete]
    found = list(index.index_queryset(using=ALIAS).filter(pk__in=wanted))
    # An update for a section that is gone (or no longer indexable) becomes a delete.
    gone = sorted(set(actions) - {section.pk for section in found})
    if found:
        _retry(lambda: backend.update(index, found), deadline)
    for sid in gone:
        identifier = get_identifier(Section(pk=sid))
        _retry(lambda: backend.remove(identifier), deadline)


def _retry(write, deadline: float) -> None:
    # haystack's remove() takes a plain Whoosh writer, which raises LockError at once while
    # another writer is busy (MEASUREMENTS.md: 30 of 30 under contention). Back off and retry.
    delay = 0.05
    while True:
        try:
            return write()
        except (LockError, OSError) as exc:
            if time.monotonic() + delay >= deadline:
                raise
            log.info("Index queue: %s; retrying in %.2fs", exc.__class__.__name__, delay)
            time.sleep(delay * random.uniform(1, 1.5))
            delay = min(delay * 2, 1.0)


def section_index():
    return haystack_connections[ALIAS].get_unified_index().get_index(Section)


def writing_backend():
    """A private backend instance that raises instead of logging and dropping a failed write."""
    # With SILENTLY_FAIL (haystack's default) stock Whoosh logs a LockError and returns, and the
    # row would be deleted as if the write had landed. Our backend waits LOCK_TIMEOUT for the
    # lock per write: keep that short so that _retry's deadline bounds the whole run.
    engine = haystack_connections[ALIAS]
    return engine.backend(ALIAS, **{**engine.options, "SILENTLY_FAIL": False, "LOCK_TIMEOUT": 1.0})


def lock_path() -> Path:
    # Beside the index directory, not inside it: a rebuild may swap the directory out.
    index_dir = Path(haystack_connections[ALIAS].options["PATH"])
    return index_dir.with_name(f".{index_dir.name}.queue.lock")


@contextmanager
def processing_lock(*, wait: float = TIMEOUT):
    """Hold the queue lock shared by all processes; yields False if it stayed busy `wait` seconds."""
    path = lock_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    deadline, delay = time.monotonic() + max(wait, 0), 0.01
    while not lock.acquire(blocking=False):
        if time.monotonic() >= deadline:
            yield False
            return
        time.sleep(delay)
        delay = min(delay * 2, 0.25)
    try:
        yield True
    finally:
        lock.release()


@contextmanager
def paused(*, timeout: float = TIMEOUT):
    """Apply no queued change meanwhile, then apply them all: wrap a rebuild-and-swap in this.

    Changes committed during a rebuild keep their rows and land in the new index after the
    swap, instead of landing in the old one and vanishing with it.
    """
    held = False
    try:
        with processing_lock(wait=timeout) as held:
            if not held:
                raise QueueBusy(f"the index queue lock stayed busy for {timeout}s")
            yield
    finally:
        if held:  # rows queued while we held the lock are ours to apply, even after a failure
            process(timeout=timeout)


BULK_BATCH = 5_000  # sections per index commit when a bulk job catches up
REBUILD_SHARE = 0.25  # a bulk job that queued more than this share of the archive rebuilds instead
REBUILD_MIN = 2_000  # ... and at least this many sections (a rebuild starts a process pool)


@contextmanager
def bulk(*, timeout: float = 3600.0):
    """Hold the index back while a job saves many speeches, then catch up in large commits.

    Applied file by file, every commit writes a small Whoosh segment and merges: 100 files of the
    corpus took 185 s that way, almost all of it in the index (docs/PERFORMANCE.md). Holding the
    queue lock makes each commit just queue its rows (the on-commit run finds the lock busy and
    leaves them to the holder). If another process holds the lock past `timeout`, the job runs
    as usual, file by file.
    """
    with processing_lock(wait=min(timeout, TIMEOUT)) as held:
        yield held
        if held:
            _catch_up(time.monotonic() + timeout)
    process(timeout=timeout)  # what others queued while we held the lock


def _catch_up(deadline: float) -> None:
    queued = list(IndexQueue.objects.values_list("id", "section_id"))
    total = section_index().index_queryset(using=ALIAS).count()
    if len({sid for _, sid in queued}) < max(REBUILD_MIN, total * REBUILD_SHARE):
        try:
            _drain(BULK_BATCH, deadline)
            return
        except IndexUnavailable as fault:  # lost or broken: rebuild it, we hold the lock already
            log.warning("Index queue: the index is unusable (%s); rebuilding it", fault)
    from .rebuild import rebuild  # imported here: it forks worker processes, only bulk jobs need it

    # These rows were committed before the rebuild reads the database, so it covers them; rows
    # committed later (by other processes) stay for process() after the lock is released.
    rebuild(using=ALIAS)
    ids = [row_id for row_id, _ in queued]
    for start in range(0, len(ids), BATCH):
        IndexQueue.objects.filter(id__in=ids[start : start + BATCH]).delete()


def _indexed_ids() -> set[int]:
    # Imported here: the signal processor imports this module at start-up, before jieba is wanted.
    from ..backend import indexed_ids

    return indexed_ids(ALIAS)


@dataclass(frozen=True)
class Drift:
    missing: set[int]  # indexable sections with no document
    orphans: set[int]  # documents whose section is gone or no longer indexable

    def __bool__(self) -> bool:
        return bool(self.missing or self.orphans)


def drift(*, timeout: float = TIMEOUT) -> Drift:
    """Compare the index with the database once the queue is applied."""
    deadline = time.monotonic() + timeout
    # Under the lock no change lands in the index while we compare; changes committed meanwhile
    # have queue rows, and those sections are left out: the queue fixes them, not the check.
    with processing_lock(wait=timeout) as held:
        if not held:
            raise QueueBusy(f"the index queue lock stayed busy for {timeout}s")
        _drain(BATCH, deadline)
        indexed = _indexed_ids()
        expected = set(section_index().index_queryset(using=ALIAS).values_list("pk", flat=True))
        pending = set(IndexQueue.objects.values_list("section_id", flat=True))
    return Drift(missing=expected - indexed - pending, orphans=indexed - expected - pending)


def repair(section_ids: Iterable[int], *, timeout: float = TIMEOUT) -> int:
    """Re-index these sections from the database (a missing section becomes a delete)."""
    # Queued as updates, never as deletes: if a section appears between the check and now,
    # an update indexes it while a delete would drop it. Through bulk(): a lost or stale index
    # (thousands of sections) is rebuilt on every core instead of re-indexed 500 at a time.
    ids = set(section_ids)
    with bulk(timeout=timeout), transaction.atomic():
        enqueue(ids)
    return len(ids)
