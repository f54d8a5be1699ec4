"""The index writer: postings kept in arrays per term, written a block at a time.

Whoosh's SegmentWriter sends every posting through an external sort (tuples, pickled runs, a heap
merge) and then through FieldWriter.add_postings, which for a field without lengths stats the
file system once per posting (W3PerDocReader.has_column). Measured on 5,000 sections: 0.13 MB/s,
most of it in those two places. Here postings go into one array per term as they come (documents
arrive in docnum order, so each array is already sorted) and each block of 128 is handed to
Whoosh's own W3PostingsWriter (whoosh_internals.BlockSegmentWriter), so the files are exactly what
Whoosh writes and reads: 0.34 MB/s on one core, the rest being jieba. Everything else
(per-document data, merging, deletions, the TOC, the lock) is SegmentWriter's.
"""
from __future__ import annotations

from array import array

from whoosh.codec.whoosh3 import W3Codec

from ..whoosh_internals import BlockSegmentWriter
from . import seals

# zlib on small posting blocks cost 2 s of 25 s of writing; readers check the block's own flag.
CODEC_OPTIONS = {"compression": 3}


class _Postings:
    __slots__ = ("ids", "weights", "values")

    def __init__(self):
        self.ids = array("I")
        self.weights = array("f")
        self.values = []


class PostingBuffer:
    """Stands in for SegmentWriter.pool: the same add() and fieldnames, kept per term in memory."""

    def __init__(self):
        self.fields: dict[str, dict[bytes, _Postings]] = {}
        self.fieldnames: set[str] = set()

    def add(self, item):
        fieldname, tbytes, docnum, weight, vbytes = item
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        postings = terms.get(tbytes)
        if postings is None:
            postings = terms[tbytes] = _Postings()
        postings.ids.append(docnum)
        postings.weights.append(weight)
        if vbytes:
            postings.values.append(vbytes)

    def cleanup(self):
        self.fields = {}


class BufferedSegmentWriter(BlockSegmentWriter):
    """A Whoosh writer with PostingBuffer in place of the sorting pool."""

    def __init__(self, ix, **kwargs):
        kwargs.setdefault("codec", W3Codec(**CODEC_OPTIONS))
        # Separate files, not one compound file per segment: a reader opens a compound file's
        # parts as BufferFile(BytesIO(mmap slice)), which copies each part into memory: 2 s and
        # the whole index in every process's RSS at 100,000 sections.
        kwargs.setdefault("compound", False)
        super().__init__(ix, **kwargs)
        self.pool = PostingBuffer()

    def segment_written(self, segment) -> None:
        # Readers check files against this before trusting them (seals.py).
        seals.seal(self.storage.folder, segment.segment_id())
