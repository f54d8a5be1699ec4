"""The search engine: a query compiled once (compiled.py), matched exactly per segment
(matching.py, postings.py), ranked (ranking.py) and counted (counting.py) over a snapshot of the
index (snapshot.py). Nothing here knows about pages, the database or haystack."""
from __future__ import annotations

from .compiled import CompiledQuery, compile_query
from .matching import SegmentSearch


def match(plan, snap) -> list[tuple[object, set[int]]]:
    """[(segment, docnums matching a CompiledQuery's plan)] of the snapshot, deleted ones excluded."""
    return [(seg, SegmentSearch(seg.reader, seg.body).matches(plan)) for seg in snap.segments]


__all__ = ["CompiledQuery", "compile_query", "match"]
