"""One searcher's segments with their integer and facet columns loaded as arrays.

A segment's columns never change once written (deletions are a separate list), so they are
cached by segment id for the life of the process: after a commit only the new small segment is
loaded, and a rebuilt index once.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from .schema import CONTENT, FACETS, INT_COLUMNS

_CACHE_SIZE = 256  # segments; a whole index has a handful, a busy one a few dozen
_cache: OrderedDict[str, "Columns"] = OrderedDict()
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class Columns:
    ints: dict  # name → array, indexed by the segment's docnum
    facets: dict  # name → (refs array, values list): the value of doc d is values[refs[d]]


@dataclass
class Segment:
    reader: object
    columns: Columns
    body: object  # column reader of normalised UTF-8 text, bound to this reader's files
    size: int

    def live(self) -> set[int]:
        docs = set(range(self.size))
        if self.reader.has_deletions():
            docs -= self.reader.deleted_docs_set
        return docs


class Snapshot:
    def __init__(self, searcher, index):
        self.searcher = searcher
        self.index = index
        self.segments = [
            Segment(reader, _columns(reader), reader.column_reader("body", translate=False), size)
            for reader, _ in searcher.reader().leaf_readers()
            if (size := reader.doc_count_all())
        ]
        total = sum(s.size for s in self.segments)
        chars = sum(sum(s.columns.ints["length"]) for s in self.segments)
        self.doc_count = total
        self.average_length = chars / total if total else 1.0

    def doc_frequency(self, word: str) -> int:
        return self.searcher.doc_frequency(CONTENT, word)

    def section_ids(self) -> set[int]:
        ids = set()
        for segment in self.segments:
            column = segment.columns.ints["section_id"]
            ids.update(map(column.__getitem__, segment.live()))
        return ids

    def close(self):
        self.searcher.close()


def _columns(reader) -> Columns:
    key = reader.segment().segment_id()
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    columns = Columns(
        ints={name: reader.column_reader(name, translate=False).load() for name in INT_COLUMNS},
        facets={name: _facet(reader, name) for name in FACETS},
    )
    with _cache_lock:
        _cache[key] = columns
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return columns


def _facet(reader, name):
    column = reader.column_reader(name, translate=False)
    refs = getattr(column, "refs", None)
    if refs is None:  # no document in this segment had the field: Whoosh's empty reader
        from array import array

        return array("I", bytes(4 * reader.doc_count_all())), [""]
    return refs, column.values
