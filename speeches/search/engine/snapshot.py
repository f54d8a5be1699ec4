"""One searcher's segments with their integer and facet columns loaded as arrays.

A segment's columns never change once written (deletions are a separate list), so they are
cached by segment id for the life of the process, with what is derived from them (each speech's
documents and date, each facet's counts over the whole segment): after a commit only the new
small segment is loaded, after a rebuild the whole index once (about 0.2 s for 100,000 sections).
"""
from __future__ import annotations

import functools
import threading
import time
from bisect import bisect_right
from collections import Counter, OrderedDict
from dataclasses import dataclass
from itertools import accumulate

from ..facets import FACETS, REGISTRY
from ..indexing import seals
from ..normalize import normalize
from ..schema import CONTENT, INT_COLUMNS, TAG_SEPARATOR, TITLE

MANY = {facet.name for facet in REGISTRY if facet.many}

OPEN_RETRIES = 20
RETRY_DELAY = 0.05  # seconds
_CACHE_SIZE = 256  # segments; a whole index has a handful, a busy one a few dozen
_cache: OrderedDict[str, "Columns"] = OrderedDict()
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class Columns:
    ints: dict  # name → array, indexed by the segment's docnum
    facets: dict  # name → (refs array, values list): the value of doc d is values[refs[d]]
    totals: dict  # name → Counter of refs over every document (deleted ones too)
    speech_docs: dict  # speech id → [docnums], in docnum order
    speech_dates: dict  # speech id → date key
    speech_refs: dict  # title, speaker → {speech id: ordinal into facets[name]'s values}
    names: dict  # title, speaker → Names: their values normalised, for finding typed strings in them


@dataclass(frozen=True)
class Names:
    """A name column's values normalised and joined by NUL (which no query string holds), so
    that finding a string in every title of a segment is one scan in C, not a test per title."""
    text: str
    starts: list  # offset of each value (by ordinal) in `text`

    def containing(self, string: str) -> set[int]:
        """Ordinals of the values that contain `string`."""
        found, at = set(), self.text.find(string)
        while at >= 0:
            ref = bisect_right(self.starts, at) - 1
            found.add(ref)
            at = self.text.find(string, self.starts[ref + 1] if ref + 1 < len(self.starts) else len(self.text))
        return found


class Segment:
    def __init__(self, reader, columns: Columns, body, size: int):
        self.reader = reader
        self.columns = columns
        self.body = body  # column reader of normalised UTF-8 text, bound to this reader's files
        self.size = size
        self.every = range(size)  # docnums, deleted ones too
        self._live = None

    def live(self) -> set[int]:
        """Docnums not deleted (computed once per snapshot)."""
        if self._live is None:
            docs = set(self.every)
            if self.reader.has_deletions():
                docs -= self.reader.deleted_docs_set
            self._live = docs
        return self._live


class Snapshot:
    def __init__(self, searcher, index, verify=None):
        """verify(segment ids) may raise before any column is read (indexing/seals.py)."""
        self.searcher = searcher
        self.index = index
        readers = [reader for reader, _ in searcher.reader().leaf_readers()]
        self.segment_ids = [reader.segment().segment_id() for reader in readers if reader.segment()]
        if verify is not None:
            verify(self.segment_ids)
        self.segments = [
            Segment(reader, _columns(reader), reader.column_reader("body", translate=False), size)
            for reader in readers
            if (size := reader.doc_count_all())
        ]
        total = sum(s.size for s in self.segments)
        chars = sum(sum(s.columns.ints["length"]) for s in self.segments)
        self.doc_count = total
        self.average_length = chars / total if total else 1.0
        self._ranks: dict[bool, dict[int, int]] = {}

    def date_ranks(self, oldest_first: bool = False) -> dict[int, int]:
        """{speech id: place} in date order, newest first (or oldest first), undated last, ties
        by id: computed once per snapshot, so that ordering a result is a sort on integers in C
        rather than a Python key function per speech on every search."""
        if oldest_first not in self._ranks:  # two threads may both compute it: the same answer
            dates: dict[int, int] = {}
            for seg in self.segments:  # live documents only: a re-dated speech's old ones are deleted
                if seg.reader.has_deletions():
                    speech, date = seg.columns.ints["speech_id"], seg.columns.ints["date"]
                    dates.update({speech[d]: date[d] for d in seg.live()})
                else:
                    dates.update(seg.columns.speech_dates)
            key = (lambda s: (not dates[s], dates[s], s)) if oldest_first else (lambda s: (-dates[s], -s))
            ordered = sorted(dates, key=key)
            self._ranks[oldest_first] = dict(zip(ordered, range(len(ordered))))
        return self._ranks[oldest_first]

    def doc_frequency(self, word: str) -> int:
        return self.searcher.doc_frequency(CONTENT, word)

    def values(self, name: str) -> list[str]:
        """The distinct non-empty values of a facet column (tags one by one) over the snapshot."""
        found = dict.fromkeys(v for seg in self.segments for v in seg.columns.facets[name][1] if v)
        if name in MANY:
            found = dict.fromkeys(tag for v in found for tag in v.split(TAG_SEPARATOR))
        return list(found)

    def section_ids(self) -> set[int]:
        ids = set()
        for segment in self.segments:
            column = segment.columns.ints["section_id"]
            ids.update(map(column.__getitem__, segment.live()))
        return ids


def _columns(reader) -> Columns:
    key = reader.segment().segment_id()
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    ints = {name: reader.column_reader(name, translate=False).load() for name in INT_COLUMNS}
    facets = {name: _facet(reader, name) for name in (*FACETS, TITLE)}
    speech_docs: dict[int, list[int]] = {}
    for doc, speech in enumerate(ints["speech_id"]):
        speech_docs.setdefault(speech, []).append(doc)
    columns = Columns(
        ints=ints, facets=facets, totals={name: Counter(refs) for name, (refs, _) in facets.items()},
        speech_docs=speech_docs, speech_dates=dict(zip(ints["speech_id"], ints["date"])),
        speech_refs={name: dict(zip(ints["speech_id"], facets[name][0])) for name in (TITLE, "speaker")},
        names={name: _names(facets[name][1]) for name in (TITLE, "speaker")},
    )
    with _cache_lock:
        _cache[key] = columns
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return columns


def _names(values) -> Names:
    # Titles are stored normalised; speakers as written (they are filter values).
    texts = [normalize(v) for v in values]
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    return Names("\0".join(texts), starts)


def _facet(reader, name):
    column = reader.column_reader(name, translate=False)
    refs = getattr(column, "refs", None)
    if refs is None:  # no document in this segment had the field: Whoosh's empty reader
        from array import array

        return array("I", bytes(4 * reader.doc_count_all())), [""]
    return refs, column.values


def current(index, snap: Snapshot | None) -> Snapshot:
    """`snap` while its TOC is current, else a new searcher (not Searcher.refresh(): it reuses a
    segment's old reader by id even when the new TOC has more deletions in it). The old one is
    not closed: a caller may still hold it. Either way the segment files are checked against
    their seals first; raises seals.Broken for a damaged one."""
    check = functools.partial(seals.check, index.storage.folder)
    # A commit elsewhere may merge segments away (deleting their files) between our reading the
    # TOC and checking them: a failed check with a newer TOC is read again, not reported.
    for _ in range(OPEN_RETRIES):
        if snap is None or snap.index is not index or not snap.searcher.up_to_date():
            generation = index.latest_generation()
            try:
                return retry_open(lambda: _open(index, check))
            except seals.Broken:
                if index.latest_generation() == generation:
                    raise
                continue
        try:
            check(snap.segment_ids)
            return snap
        except seals.Broken:
            if snap.searcher.up_to_date():
                raise
            snap = None
    return _open(index, check)


def _open(index, check) -> Snapshot:
    searcher = index.searcher()
    try:
        return Snapshot(searcher, index, verify=check)
    except BaseException:
        searcher.close()
        raise


def retry_open(open_):
    # A commit in another process deletes the files of the TOC it replaces and of the segments it
    # merged away: one may go between our reading the TOC and opening the file (segment files
    # are opened as needed; see indexing/writer.py on why they are not one compound file). Again.
    for _ in range(OPEN_RETRIES):
        try:
            return open_()
        except FileNotFoundError:
            time.sleep(RETRY_DELAY)
    return open_()
