"""Snippets on literal strings: marks, escaping, fragments, offsets."""
from speeches.search.snippets import CONTEXT, ELLIPSIS, snippet, spans


def test_marks_every_match_in_the_original_text():
    found = snippet("發展經濟，促進發展。", ["发展"])
    assert found.html == "<mark>發展</mark>經濟，促進<mark>發展</mark>。"
    assert found.first == 0


def test_escapes_everything_around_and_inside_marks():
    found = snippet("<b>发展</b> & 'x'", ["<b>发展"])
    assert found.html == "<mark>&lt;b&gt;发展</mark>&lt;/b&gt; &amp; &#x27;x&#x27;"


def test_overlapping_matches_are_merged():
    assert spans("改革开放", ["改革开", "开放"]) == [(0, 4)]


def test_long_text_gives_fragments_with_ellipses():
    text = "甲" * 100 + "税" + "乙" * 100 + "税" + "丙" * 100
    found = snippet(text, ["税"])
    parts = found.html.split(ELLIPSIS)
    assert found.html.startswith(ELLIPSIS) and found.html.endswith(ELLIPSIS)
    assert [p.count("<mark>税</mark>") for p in parts if p] == [1, 1]
    assert len(parts[1]) == CONTEXT + len("<mark>税</mark>") + CONTEXT


def test_no_match_shows_the_beginning():
    found = snippet("\n第一段正文。", ["不存在"])
    assert found.first is None and found.html == "第一段正文。"


def test_paragraph_breaks_read_as_spaces():
    assert snippet("标题\n正文", ["正文"]).html == "标题 <mark>正文</mark>"
