"""The search-box parser on literal strings: no database, no index."""
import pytest

from speeches.search.engine.query import MAX_CLAUSES, AnyOf, Filter, Not, Phrase, Query, SearchError, Words, parse


@pytest.mark.parametrize("raw, clauses", [
    ("经济 发展", (Words("经济"), Words("发展"))),
    ('"高质量发展"', (Phrase("高质量发展"),)),
    ("“新质生产力”", (Phrase("新质生产力"),)),
    ("＂六稳＂", (Phrase("六稳"),)),
    ('"“稳”的态势"', (Phrase("“稳”的态势"),)),  # with ASCII quotes, curly ones are text
    ("改革 OR 开放 经济", (AnyOf((Words("改革"), Words("开放"))), Words("经济"))),
    ("-腐败 NOT 浪费", (Not(Words("腐败")), Not(Words("浪费")))),
    ('-"形式主义"', (Not(Phrase("形式主义")),)),
    ('speaker:王建国 city:"北 京" year:2021', (Filter("speaker", "王建国"), Filter("city", "北 京"), Filter("year", "2021"))),
    ("speaker：李**", (Filter("speaker", "李**"),)),
    ("-tag:民生", (Not(Filter("tag", "民生")),)),
    ("發展 ＧＤＰ", (Words("发展"), Words("gdp"))),
    ('"unclosed quote', (Phrase("unclosed quote"),)),
    ("发展*", (Words("发展"),)),
])
def test_parses(raw, clauses):
    assert parse(raw) == Query(clauses)


@pytest.mark.parametrize("raw", ["", "   ", "*", "**", "?", "AND", "OR", "NOT", "OR OR", "AND OR NOT", "-", '""',
                                 "speaker:", "\x00", "\t\n"])
def test_nothing_to_search_for_browses_everything(raw):
    assert parse(raw) == Query(())


def test_operators_at_the_edges_are_ignored():
    assert parse("OR 发展 OR") == Query((Words("发展"),))
    assert parse("发展 NOT") == Query((Words("发展"),))


def test_control_characters_split_words():
    assert parse("发\x00展") == Query((Words("发"), Words("展")))


def test_too_long_or_too_many_terms_is_a_search_error():
    with pytest.raises(SearchError, match="Query too long"):
        parse("x" * 1001)
    with pytest.raises(SearchError, match="Too many terms"):
        parse(" ".join(f"w{i}" for i in range(MAX_CLAUSES + 1)))
    assert len(parse(" OR ".join(f"w{i}" for i in range(MAX_CLAUSES + 1))).clauses) == 1
