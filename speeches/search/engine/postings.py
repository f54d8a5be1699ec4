"""Posting lists read a block at a time, and the long ones kept decoded.

Whoosh's leaf matcher is read block by block (ids and weights arrays; whoosh_internals.py):
0.15 µs a posting against about 1 µs through Matcher.all_ids(). A segment never changes once
written (deletions are a separate list, applied to the final result), so a decoded list stays
right for the life of its segment; the long lists, which common words have and which cost the
most to decode (发展: 16,000 postings, 20 ms), are kept in a bounded LRU.
"""
from __future__ import annotations

import threading
from array import array
from collections import OrderedDict

from ..whoosh_internals import read_postings

CACHE_POSTINGS = 4_000_000  # postings kept decoded per process: about 32 MB
CACHE_MIN = 1_000  # shorter lists are read again; they are quick and would churn the cache

_cache: OrderedDict[tuple, tuple] = OrderedDict()
_cached = 0
_lock = threading.Lock()


def postings(reader, field: str, text: str) -> tuple[array, array | None]:
    """(docnums, term frequencies, or None for fields without them) of a term in one segment.

    Deleted documents are included: callers remove them once, from the final set.
    """
    key = (reader.segment().segment_id(), field, text)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    found = read_postings(reader, field, text, weighted=getattr(reader.schema[field], "has_tf", False))
    if len(found[0]) >= CACHE_MIN:
        _keep(key, found)
    return found


def _keep(key, found) -> None:
    global _cached
    with _lock:
        if key not in _cache:
            _cache[key] = found
            _cached += len(found[0])
        while _cached > CACHE_POSTINGS and _cache:
            _, (ids, _) = _cache.popitem(last=False)
            _cached -= len(ids)


def clear() -> None:
    global _cached
    with _lock:
        _cache.clear()
        _cached = 0
