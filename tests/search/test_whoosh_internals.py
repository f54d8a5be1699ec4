"""The Whoosh internals search relies on (speeches/search/whoosh_internals.py) still behave.

These fail loudly after a Whoosh upgrade that renames or changes them: check() names what is
missing, and the block reader must give exactly what Whoosh's public matcher gives.
"""
import pytest
import whoosh
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from speeches.search import whoosh_internals
from speeches.search.indexing.writer import BufferedSegmentWriter
from speeches.search.schema import SCHEMA
from tests.search.test_writer import build, docs


def test_installed_whoosh_has_every_internal_we_use():
    whoosh_internals.check()


def test_check_names_what_an_upgrade_removed(monkeypatch):
    monkeypatch.setitem(whoosh_internals.REQUIRED, SegmentWriter, ("_flush_segment", "_gone_in_3_0"))
    with pytest.raises(whoosh_internals.WhooshChanged, match="SegmentWriter._gone_in_3_0"):
        whoosh_internals.check()


def test_check_refuses_an_untested_version(monkeypatch):
    monkeypatch.setattr(whoosh, "__version__", (3, 0, 0))
    with pytest.raises(whoosh_internals.WhooshChanged, match="TESTED_VERSIONS"):
        whoosh_internals.check()


@pytest.mark.parametrize("writer_class", [BufferedSegmentWriter, SegmentWriter])
def test_block_reader_equals_whooshs_matcher(tmp_path, writer_class):
    # Several segments, terms longer than one 128-posting block, deletions: every term of every
    # field read through the blocks equals a walk with Whoosh's public matcher API.
    ix = build(tmp_path / "ix", writer_class, batches=1)
    long_terms = 0
    with ix.searcher() as searcher:
        for reader, _ in searcher.reader().leaf_readers():
            for field, term in reader.all_terms():
                weighted = getattr(reader.schema[field], "has_tf", False)
                ids, weights = whoosh_internals.read_postings(reader, field, term, weighted=weighted)
                deleted = reader.deleted_docs_set if reader.has_deletions() else set()
                kept = [(d, w) for d, w in zip(ids, weights or ids) if d not in deleted]
                matcher = reader.postings(field, term)  # deleted documents left out
                expected = []
                while matcher.is_active():
                    expected.append((matcher.id(), matcher.weight()))
                    matcher.next()
                assert [doc for doc, _ in kept] == [doc for doc, _ in expected]
                if weighted:
                    assert [w for _, w in kept] == pytest.approx([w for _, w in expected])
                long_terms += len(ids) > whoosh_internals.BLOCK
        assert searcher.reader().has_deletions()
    assert long_terms, "no term spans several blocks: the test proves nothing"


def test_parts_written_by_workers_commit_into_one_index(tmp_path):
    from tests.search.test_writer import docs

    ix = whoosh_index.create_in(str(tmp_path), SCHEMA)
    everything = list(docs())
    parts = []
    for chunk in (everything[:150], everything[150:], []):
        writer = BufferedSegmentWriter(ix, _lk=False)
        for doc in chunk:
            writer.add_document(**doc)
        parts.append(writer.finish_part())
    assert parts[-1] is None  # an empty range writes nothing
    whoosh_internals.commit_parts(ix, [p for p in parts if p])
    reopened = whoosh_index.open_dir(str(tmp_path), schema=SCHEMA)
    assert reopened.doc_count() == len(everything)
    assert len(reopened._segments()) == 2


def test_every_segment_written_is_sealed_commits_merges_and_parts(tmp_path):
    # segment_written() hangs on _finalize_segment: if an upgrade finished segments elsewhere,
    # unsealed segments would make every page answer 503 (seals.py), so check all three ways.
    from speeches.search.indexing import seals

    ix = build(tmp_path / "ix", BufferedSegmentWriter, batches=3)  # commits; later ones merge
    BufferedSegmentWriter(ix).commit(optimize=True)  # a merge of everything into one segment
    ids = [segment.segment_id() for segment in whoosh_index.open_dir(str(tmp_path / "ix"))._segments()]
    assert ids
    seals.check(tmp_path / "ix", ids, thorough=True)
    assert {p.stem for p in (tmp_path / "ix").glob("*.seal")} == set(ids)  # merged-away ones went too
    writer = BufferedSegmentWriter(ix, _lk=False)
    writer.add_document(**next(docs()))
    part = writer.finish_part()
    seals.check(tmp_path / "ix", [part.segment_id()], thorough=True)
