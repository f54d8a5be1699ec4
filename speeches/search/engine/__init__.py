"""The search engine: a query compiled once (compiled.py), matched exactly per segment
(matching.py, postings.py), ranked (ranking.py) and counted (counting.py) over a snapshot of the
index (snapshot.py). Nothing here knows about pages, the database or haystack."""
from __future__ import annotations

from .compiled import CompiledQuery, compile_query
from .matching import SegmentSearch


def match(compiled: CompiledQuery, snap) -> list[tuple[object, set[int]]]:
    """[(segment, matching docnums)] of the snapshot, deleted documents excluded."""
    return [(seg, SegmentSearch(seg.reader, seg.body).matches(compiled.plan)) for seg in snap.segments]


__all__ = ["CompiledQuery", "compile_query", "match"]
