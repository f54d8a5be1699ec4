"""BufferedSegmentWriter writes what Whoosh's own SegmentWriter writes, only faster."""
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from speeches.search.schema import SCHEMA, document
from speeches.search.indexing.writer import BufferedSegmentWriter

TEXTS = ["推进高质量发展，加快发展新质生产力。", "发展经济，改革开放。" * 40, "税", "", "ＧＤＰ增长５％，發展。"]


def docs(n=300):
    for i in range(n):
        text = TEXTS[i % len(TEXTS)] + f"第{i}段"
        yield document({
            "id": f"speeches.section.{i}", "django_ct": "speeches.section", "django_id": i, "text": text,
            "speech_id": i // 7, "position": i % 7, "date": 20210000 + i, "speaker": "王建国" if i % 3 else "",
            "city": "北京", "year": str(2000 + i % 5), "occasion": "", "tag": ["民生"] if i % 4 == 0 else [],
        })


def build(path, writer_class, batches=3, deletes=(5, 77, 150)):
    path.mkdir()
    ix = whoosh_index.create_in(str(path), SCHEMA)
    all_docs = list(docs())
    size = len(all_docs) // batches
    for b in range(batches):  # several commits, so later ones merge earlier segments
        writer = writer_class(ix)
        for doc in all_docs[b * size : (b + 1) * size]:
            writer.add_document(**doc)
        writer.commit()
    writer = writer_class(ix)
    for n in deletes:
        writer.delete_by_term("id", f"speeches.section.{n}")
    writer.commit()
    return ix


def content(ix):
    with ix.searcher() as searcher:
        reader = searcher.reader()
        postings = sorted(
            (field, term, tuple(sorted(m.items_as("weight"))))
            for field, term in reader.all_terms()
            for m in [reader.postings(field, term)]
        )
        per_doc = sorted((f["id"], reader.doc_field_length(n, "text")) for n, f in enumerate(reader.all_stored_fields()))
        body = sorted(reader.column_reader("body"))
        return postings, per_doc, body


def test_same_postings_lengths_and_columns_as_whoosh(tmp_path):
    ours = build(tmp_path / "ours", BufferedSegmentWriter)
    theirs = build(tmp_path / "theirs", SegmentWriter)
    assert content(ours) == content(theirs)


def test_optimize_merges_into_the_same_single_segment(tmp_path):
    ours = build(tmp_path / "ours", BufferedSegmentWriter)
    theirs = build(tmp_path / "theirs", SegmentWriter)
    BufferedSegmentWriter(ours).commit(optimize=True)
    SegmentWriter(theirs).commit(optimize=True)
    assert len(ours._segments()) == len(theirs._segments()) == 1
    assert content(ours) == content(theirs)
