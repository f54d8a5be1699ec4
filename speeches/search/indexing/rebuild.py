"""Full reindex into a fresh generation, on every core, then one atomic swap.

Each worker process reads its own range of sections from the database and writes whole segments
with BufferedSegmentWriter; the parent only lists the segments in the new index's table of
contents (no merge: Whoosh's merge is the single-threaded step that took 117 s in
MEASUREMENTS.md) and swaps the generation in. Searches read the old generation meanwhile.

Changes saved during a rebuild must not land in the old generation only: the `rebuild_search`
command runs this inside speeches.search.indexing.queue.paused(), so they wait in the queue and are applied
to the new generation after the swap.
"""
from __future__ import annotations

import math
import multiprocessing
import os
import time
from dataclasses import dataclass
from pathlib import Path

from django.db import connections
from whoosh.filedb.filestore import FileStorage

from .. import whoosh_internals
from ..analysis import segmenter
from ..backend import backend
from ..normalize import warm_up
from ..schema import CONTENT, SCHEMA, document
from . import generations
from .writer import BufferedSegmentWriter

SEGMENT_SIZE = 25_000  # sections per segment: about 300 MB of postings in a worker's memory
MIN_SPLIT = 2_000  # below this many sections per worker, a process pool costs more than it saves
READ_CHUNK = 500  # rows fetched (with their tags) per query


@dataclass(frozen=True)
class Built:
    sections: int
    text_bytes: int  # UTF-8 bytes of the indexed section text
    seconds: float
    segments: int
    generation: Path

    @property
    def mb_per_second(self) -> float:
        return self.text_bytes / 1e6 / self.seconds if self.seconds else 0.0


def rebuild(*, using: str = "default", workers: int | None = None, segment_size: int = SEGMENT_SIZE,
            progress=None) -> Built:
    """Index every indexable section into a new generation and swap it in."""
    start = time.monotonic()
    engine = backend(using)
    section_index = _section_index(using)
    ids = list(section_index.index_queryset(using=using).order_by("pk").values_list("pk", flat=True))
    gen = generations.new(engine.path, SCHEMA)
    workers = workers if workers is not None else os.cpu_count() or 1
    # At least one segment per worker, or a 20,000-section archive is indexed on one core.
    segment_size = min(segment_size, max(MIN_SPLIT, math.ceil(len(ids) / workers)))
    ranges = [(ids[i], ids[min(i + segment_size, len(ids)) - 1]) for i in range(0, len(ids), segment_size)]
    tasks = [(str(gen), using, low, high) for low, high in ranges]
    parts = []
    try:
        for part in _run(tasks, workers):
            parts.append(part)
            if progress:
                progress(part[1])
        segments = [segment for segment, _, _ in parts if segment is not None]
        _commit(gen, segments)
    except BaseException:  # a killed process leaves it to the next prune (generations.py)
        generations.discard(gen)
        raise
    generations.swap(engine.path, gen)
    return Built(
        sections=sum(n for _, n, _ in parts), text_bytes=sum(b for _, _, b in parts),
        seconds=time.monotonic() - start, segments=len(segments), generation=gen,
    )


def _run(tasks, workers):
    if workers <= 1 or len(tasks) <= 1:
        yield from map(_build_segment, tasks)
        return
    # Load jieba once here; forked workers share it instead of each spending a second on it.
    warm_up()
    segmenter()
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(workers, initializer=_forget_inherited_connections) as pool:
        yield from pool.imap_unordered(_build_segment, tasks)


_inherited = []  # parent's connection objects, kept alive in the child (see below)


def _forget_inherited_connections():
    """Make a forked worker open its own database connections.

    close_all() in the parent only reaches the connections of its current context: with an event
    loop marked running in that thread (Playwright's sync API, an ASGI server) Django keeps them
    per context, and the thread's plain ones stay open and are copied into the child. Two processes
    talking over one PostgreSQL socket corrupt each other's replies. Closing them here would send
    the server a Terminate for the parent's session, and letting them be garbage-collected does the
    same; so the child drops them from Django and holds on to them until it exits (os._exit).
    """
    for conn in connections.all(initialized_only=True):
        if conn.connection is not None:
            _inherited.append(conn.connection)
            conn.connection = None


def _build_segment(task):
    """Write the sections with ids in [low, high] as one segment; (segment, sections, bytes)."""
    gen, using, low, high = task
    section_index = _section_index(using)
    ix = FileStorage(gen).open_index(schema=SCHEMA)
    # No lock: the parent owns this generation and nobody else can see it yet.
    writer = BufferedSegmentWriter(ix, _lk=False)
    count = size = 0
    queryset = section_index.index_queryset(using=using).filter(pk__gte=low, pk__lte=high).order_by("pk")
    for section in queryset.iterator(chunk_size=READ_CHUNK):
        doc = document(section_index.full_prepare(section))
        writer.add_document(**doc)
        count += 1
        size += len(doc[CONTENT].encode("utf-8"))
    # None when the range's sections were deleted since they were listed.
    return writer.finish_part(), count, size


def _commit(gen: Path, segments) -> None:
    # What Whoosh's MpWriter does with multisegment=True: list the workers' segments in a new TOC.
    whoosh_internals.commit_parts(FileStorage(str(gen)).open_index(schema=SCHEMA), segments)


def _section_index(using: str):
    from haystack import connections

    from speeches.models import Section

    return connections[using].get_unified_index().get_index(Section)
