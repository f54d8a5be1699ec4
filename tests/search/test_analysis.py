"""jieba words with word positions, the user dictionary, character grams."""
from whoosh import index as whoosh_index
from whoosh.fields import ID, Schema
from whoosh.query import Phrase

from speeches.search.analysis import ChineseAnalyzer, grams, index_words, query_words, segmenter, user_words
from speeches.search.normalize import normalize
from speeches.search.schema import JiebaField


def words(text):
    return [word for word, _, _ in index_words(normalize(text))]


def test_positions_count_words_not_characters():
    positions = [(word, pos) for word, pos, _ in index_words("我们坚持改革开放")]
    assert positions == [("我们", 0), ("坚持", 1), ("改革", 2), ("开放", 2), ("改革开放", 2)]


def test_offsets_point_at_the_word():
    text = "推进高质量发展"
    assert all(text[start : start + len(word)] == word for word, _, start in index_words(text))


def test_user_dictionary_keeps_political_terms_whole():
    assert query_words("推进高质量发展，加快发展新质生产力") == ["推进", "高质量发展", "加快", "发展", "新质生产力"]
    assert query_words(normalize("“十四五”时期做好“六稳”“六保”")) == ["十四五", "时期", "做好", "六稳", "六保"]
    assert query_words("深化放管服改革") == ["深化", "放管服改革"]


def test_words_inside_a_long_word_are_indexed_at_its_position():
    found = {(w, p) for w, p, _ in index_words("全面建成小康社会")}
    assert {("全面建成小康社会", 0), ("小康社会", 0), ("小康", 0), ("社会", 0)} <= found


def test_punctuation_and_spaces_are_not_words():
    assert words("经济， 发展。") == ["经济", "发展"]
    assert [p for _, p, _ in index_words("经济，发展")] == [0, 1]


def test_user_dictionary_is_normalised_and_loaded_once():
    assert ("十四五", None) in user_words()
    assert segmenter() is segmenter()
    assert segmenter().FREQ.get("新质生产力")


def test_jieba_cache_goes_to_the_data_dir(settings):
    from pathlib import Path

    assert Path(segmenter().tmp_dir) == Path(settings.DATA_DIR)


def test_grams_are_characters_and_pairs_counted():
    assert grams("发展了发展") == {"发": 2, "展": 2, "了": 1, "发展": 2, "展了": 1, "了发": 1}


def test_analyzer_tokens_carry_positions_and_offsets():
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in ChineseAnalyzer()("發展經濟", positions=True, chars=True)]
    assert tokens == [("发展", 0, 0, 2), ("经济", 1, 2, 4)]
    query = [(t.text, t.pos) for t in ChineseAnalyzer()("高质量发展 经济", positions=True, mode="query")]
    assert query == [("高质量发展", 0), ("经济", 1)]


def test_phrase_queries_on_the_jieba_field_match(tmp_path):
    # jieba.analyse.ChineseAnalyzer stores character offsets as positions: every phrase missed.
    ix = whoosh_index.create_in(str(tmp_path), Schema(id=ID(stored=True), text=JiebaField()))
    with ix.writer() as writer:
        writer.add_document(id="1", text=normalize("我们要坚持经济发展和社会进步"))
        writer.add_document(id="2", text=normalize("发展经济"))
    with ix.searcher() as searcher:
        hits = searcher.search(Phrase("text", ["经济", "发展"]))
        assert [hit["id"] for hit in hits] == ["1"]
        assert len(searcher.search(Phrase("text", ["发展", "经济"]))) == 1
