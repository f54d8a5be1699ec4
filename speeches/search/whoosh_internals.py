"""Every use of Whoosh's private API, in one module, checked by `check()`.

Whoosh's public API is too slow in three places we cannot do without (docs/PERFORMANCE.md):
- reading a posting list a block at a time (W3LeafMatcher's block arrays) instead of posting by
  posting: 0.15 µs a posting against about 1 µs through Matcher.all_ids();
- writing postings a block at a time (W3PostingsWriter's block buffer, SegmentWriter's flush)
  instead of through its external sort and a file-system stat per posting: 0.34 MB/s against 0.13;
- committing segments written by worker processes into one table of contents (what MpWriter
  does with multisegment=True), and closing a worker's writer without deleting the temporary
  directory the workers share.
Nothing else in speeches/search touches a name starting with an underscore in Whoosh. A Whoosh
upgrade that renames or changes any of it makes `check()` (and tests/search/test_whoosh_internals.py)
fail with the name of what changed, instead of search quietly reading or writing wrong postings.
"""
from __future__ import annotations

from array import array

import whoosh
from whoosh.codec.whoosh3 import W3FieldWriter, W3LeafMatcher, W3PostingsWriter
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.writing import SegmentWriter

TESTED_VERSIONS = {(2, 7, 4), (2, 7, 5)}  # whoosh 2.7.4 and whoosh-reloaded 2.7.5
BLOCK = 128  # postings per block, W3Codec's default

REQUIRED = {
    W3LeafMatcher: ("_read_ids", "_read_weights", "_next_block"),
    W3PostingsWriter: ("_write_block",),
    W3FieldWriter: ("start_field", "start_term", "finish_term", "finish_field"),
    SegmentWriter: ("_flush_segment", "_finalize_segment", "_close_segment", "_commit_toc", "_finish",
                    "per_document_reader"),
}


class WhooshChanged(RuntimeError):
    """The installed Whoosh differs from the one these internals were written against."""


def check() -> None:
    """Raise WhooshChanged naming what is missing; the behaviour is checked by the test suite."""
    missing = [f"{cls.__name__}.{name}" for cls, names in REQUIRED.items() for name in names
               if not hasattr(cls, name)]
    if missing:
        raise WhooshChanged(f"Whoosh {whoosh.versionstring()} lacks {', '.join(missing)}: "
                            "update speeches/search/whoosh_internals.py")
    if whoosh.__version__[:3] not in TESTED_VERSIONS:
        raise WhooshChanged(f"Whoosh {whoosh.versionstring()} is not one whoosh_internals.py was tested "
                            "with: run tests/search/test_whoosh_internals.py, then add it to TESTED_VERSIONS")


# Reading


def read_postings(reader, field: str, text: str, *, weighted: bool) -> tuple[array, array | None]:
    """(docnums, weights or None) of one term in one segment, deleted documents included."""
    ids, weights = array("I"), array("f") if weighted else None
    try:
        matcher = reader.postings(field, text)
    except TermNotFound:
        return ids, weights
    if isinstance(matcher, FilterMatcher):  # deletions: callers remove them from the final set
        matcher = matcher.child
    if not isinstance(matcher, W3LeafMatcher):  # inlined or another codec: the public way
        for docnum, weight in matcher.items_as("weight"):
            ids.append(docnum)
            if weighted:
                weights.append(weight)
        return ids, weights
    while not matcher._atend:
        matcher._read_ids()
        ids.extend(matcher._ids)
        if weighted:
            matcher._read_weights()
            weights.extend(matcher._weights)
        matcher._next_block()
    return ids, weights


# Writing


class BlockSegmentWriter(SegmentWriter):
    """SegmentWriter whose `pool` keeps each term's postings in arrays (see indexing/writer.py)
    and whose flush hands Whoosh's posting writer whole blocks: the same files Whoosh writes."""

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        try:
            for fieldname in sorted(self.pool.fields):
                self._write_field(fieldname, self.pool.fields[fieldname], lengths)
        finally:
            lengths.close()
        self.fieldwriter.close()
        self.pool.cleanup()

    def _write_field(self, fieldname, terms, lengths):
        field = self.schema[fieldname]
        doc_length = None
        if field.scorable:
            doc_length = [lengths.doc_field_length(d, fieldname) for d in range(self.docnum)]
        fieldwriter = self.fieldwriter
        fieldwriter.start_field(fieldname, field)
        for tbytes in sorted(terms):
            fieldwriter.start_term(tbytes)
            _write_postings(fieldwriter._postwriter, terms[tbytes], doc_length)
            fieldwriter.finish_term()
        fieldwriter.finish_field()

    def _finalize_segment(self):
        # Every segment this writer completes, by commit() (merged ones included) or finish_part().
        segment = super()._finalize_segment()
        self.segment_written(segment)
        return segment

    def segment_written(self, segment) -> None:
        """Called once a segment's files are complete and closed (BufferedSegmentWriter seals them)."""

    def finish_part(self):
        """A worker's segment, written but not committed; None (and nothing written) if empty.

        Not cancel() or _finish(): they delete the temporary directory all workers share
        (MAIN.tmp); commit_parts() does that once they are all done, as Whoosh's MpWriter does.
        """
        if not self.docnum:
            self._close_segment()
            return None
        return self._finalize_segment()


def _write_postings(postwriter, postings, doc_length: list[int] | None) -> None:
    # Fill W3PostingsWriter's block buffer (what add_posting() builds one posting at a time) and
    # let it write full blocks; finish_term() writes the last, partial block.
    ids, weights, values = postings.ids, postings.weights, postings.values
    count = len(ids)
    for start in range(0, count, BLOCK):
        end = start + BLOCK
        postwriter._ids = ids[start:end]
        postwriter._weights = block_weights = weights[start:end]
        postwriter._values = values[start:end]
        postwriter._maxweight = max(block_weights)
        if doc_length is not None:
            # As add_posting() does: a document of length 0 (None) leaves the statistics alone.
            block_lengths = [n for n in map(doc_length.__getitem__, postwriter._ids) if n]
            postwriter._minlength = min(block_lengths, default=None)
            postwriter._maxlength = max(block_lengths, default=0)
        if end < count:
            postwriter._write_block()


def commit_parts(index, segments) -> None:
    """List segments written by workers (finish_part) in a new TOC of `index`: no merge."""
    writer = index.writer()
    writer._close_segment()
    writer._commit_toc(segments)
    writer._finish()
