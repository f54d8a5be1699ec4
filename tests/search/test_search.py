"""search() on a real index of the sample speeches, checked against the database."""
import random

import pytest
from django.db.models import Count

from speeches.models import Section
from speeches.search import SearchError, search, section_ids
from tests.search import oracle

pytestmark = pytest.mark.usefixtures("archived")


def needles(count=120, seed=7):
    """Substrings of the real texts, 1 to 12 characters, crossing word boundaries at random."""
    rng = random.Random(seed)
    texts = [t for t in oracle.texts().values() if len(t) > 20]
    found = []
    while len(found) < count:
        text = rng.choice(texts)
        size = rng.choice([1, 1, 2, 2, 3, 4, 5, 7, 12])
        start = rng.randrange(len(text) - size)
        needle = text[start : start + size]
        if needle.strip() and '"' not in needle and "\n" not in needle:
            found.append(needle)
    return found


def test_quoted_search_equals_a_substring_search_over_the_sections():
    checked = 0
    for needle in needles() + ["税", "改革开放", "的", "。", "发展，", "展和", "不存在的字符串"]:
        expected = oracle.containing(needle)
        assert section_ids(q=f'"{needle}"') == expected, needle
        assert search(q=f'"{needle}"').count == len(expected), needle
        checked += bool(expected)
    assert checked > 100  # most needles do occur: recall was really tested


def test_one_character_queries_find_every_occurrence():
    for char in "税改的。":
        assert section_ids(q=char) == oracle.containing(char)
        assert section_ids(q=f'"{char}"') == oracle.containing(char)


def test_a_phrase_across_word_boundaries_is_found():
    expected = oracle.containing("济，坚持改")
    assert expected and section_ids(q='"經濟，堅持改"') == expected


def test_unquoted_words_are_found_as_typed():
    # Every word typed without quotes finds exactly the sections containing it as a string,
    # whatever jieba makes of the query or the text (a word crossing jieba's word boundaries too).
    checked = 0
    for needle in needles(seed=11):
        word = "".join(ch for ch in needle if ch.isalnum())
        if not word or oracle.containing(word) == set():
            continue
        assert section_ids(q=word) == oracle.containing(word), word
        checked += 1
    assert checked > 80


def test_unquoted_words_are_anded():
    both = oracle.containing("经济") & oracle.containing("发展")
    assert section_ids(q="经济 发展") == both
    assert section_ids(q="经济，发展") == both  # punctuation separates words like a space
    assert section_ids(q="经济发展") == oracle.containing("经济发展")
    assert section_ids(q="改革 税") == oracle.containing("改革") & oracle.containing("税")


def test_or_and_not():
    has = oracle.containing
    assert section_ids(q="改革 OR 开放") == has("改革") | has("开放")
    assert section_ids(q="发展 -经济") == has("发展") - has("经济")
    assert section_ids(q="发展 NOT 经济") == section_ids(q="发展 -经济")
    assert section_ids(q='-"的"') == set(oracle.texts()) - has("的")
    assert section_ids(q='经济 改革 OR "税"') == has("经济") & (has("改革") | has("税"))


def test_traditional_and_full_width_text_and_queries_meet():
    extra = Section.objects.get(heading="繁体与全角").pk
    for query in ("发展经济", "發展", '"发展经济"', "gdp", "ＧＤＰ", '"gdp增长5%"', "ai", "改革開放"):
        assert extra in section_ids(q=query), query


def test_filters_in_the_box_and_as_parameters():
    ids = section_ids(q="speaker:王建国")
    assert ids == set(Section.objects.filter(speech__speaker__name="王建国").values_list("pk", flat=True))
    assert section_ids(filters={"speaker": ["王建国"]}) == ids
    assert section_ids(q='speaker:"张 伟"') == set(
        Section.objects.filter(speech__speaker__name="张 伟").values_list("pk", flat=True))
    both = section_ids(q="发展 city:北京 year:2020")
    expected = oracle.containing("发展") & set(
        Section.objects.filter(speech__city="北京", speech__year=2020).values_list("pk", flat=True))
    assert both == expected
    assert section_ids(filters={"city": ["北京", "上海"]}) == set(
        Section.objects.filter(speech__city__in=["北京", "上海"]).values_list("pk", flat=True))
    assert section_ids(q="-speaker:王建国") == set(oracle.texts()) - ids


@pytest.mark.parametrize("q, filters", [
    ("", {}),
    ('"发展"', {}),
    ("改革", {"city": ["北京"]}),
    ("", {"speaker": ["李**"], "year": ["2020"]}),
    ("", {"tag": ["民生"]}),
])
def test_facet_counts_equal_the_database(q, filters):
    ids = section_ids(q=q, filters=filters)
    sections = Section.objects.filter(pk__in=ids)
    page = search(q=q, filters=filters)
    expected = {
        "speaker": sections.values_list("speech__speaker__name").annotate(n=Count("id")),
        "city": sections.values_list("speech__city").annotate(n=Count("id")),
        "year": sections.values_list("speech__year").annotate(n=Count("id")),
        "occasion": sections.values_list("speech__occasion").annotate(n=Count("id")),
        "tag": sections.values_list("tags__name").annotate(n=Count("id")),
    }
    for name, rows in expected.items():
        database = {str(value): n for value, n in rows if value not in (None, "")}
        assert {f.value: f.count for f in page.facets[name]} == database, name
    assert page.count == len(ids)
    assert page.speeches == sections.values("speech").distinct().count()


def test_browsing_without_a_query_sees_everything():
    page = search()
    assert page.count == Section.objects.count()
    assert sum(f.count for f in page.facets["year"]) == Section.objects.exclude(speech__year=None).count()
    assert [f.value for f in page.facets["year"]] == sorted({f.value for f in page.facets["year"]}, reverse=True)


def test_wildcards_and_lone_operators_browse_or_search_sensibly():
    assert search(q="*").count == Section.objects.count()
    assert search(q="AND OR NOT").count == Section.objects.count()
    assert section_ids(q="发展*") == section_ids(q="发展")


def test_results_are_grouped_by_speech_with_best_sections_and_a_count():
    page = search(q="发展", page_size=100)
    ids = section_ids(q="发展")
    assert page.speeches == len(page.results) == len({r.speech.pk for r in page.results})
    for result in page.results:
        in_speech = {s for s in ids if Section.objects.get(pk=s).speech_id == result.speech.pk}
        assert result.matches == len(in_speech)
        assert 1 <= len(result.hits) <= 3
        assert {h.section.pk for h in result.hits} <= in_speech
    assert sum(r.matches for r in page.results) == page.count


def test_sorting_by_date_and_paging():
    by_date = search(q="工作", sort="date", page_size=3)
    dates = [r.speech.date for r in search(q="工作", sort="date", page_size=100).results]
    assert dates == sorted(dates, reverse=True)
    second = search(q="工作", sort="date", page=2, page_size=3)
    assert by_date.pages == second.pages == -(-by_date.speeches // 3)
    assert not {r.speech.pk for r in by_date.results} & {r.speech.pk for r in second.results}
    assert search(q="工作", page=by_date.pages + 1, page_size=3).results == ()


def test_sorting_oldest_first_is_the_date_order_reversed():
    newest = [r.speech.pk for r in search(q="工作", sort="date", page_size=100).results]
    oldest = search(q="工作", sort="oldest", page_size=100).results
    dates = [r.speech.date for r in oldest]
    assert dates == sorted(dates) and sorted(r.speech.pk for r in oldest) == sorted(newest)


def test_relevance_puts_denser_sections_first():
    page = search(q="税")
    assert page.results[0].hits[0].section.heading == "税收"


def test_snippets_mark_matches_escape_html_and_link_the_paragraph():
    result = search(q="发展 script").results
    hit = next(h for r in result for h in r.hits if h.section.heading == "转义")
    assert "&lt;<mark>script</mark>&gt;alert(&#x27;x&#x27;)&lt;/<mark>script</mark>&gt; &amp; <mark>发展</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert hit.paragraph_url.endswith("#" + hit.section.paragraph_anchor(0))
    tax = next(h for r in search(q='"所得税"').results for h in r.hits)
    assert "<mark>所得税</mark>" in tax.snippet
    assert tax.paragraph_url == f"{tax.section.speech.get_absolute_url()}#{tax.section.paragraph_anchor(1)}"
    traditional = next(h for r in search(q="发展经济").results for h in r.hits if h.section.heading == "繁体与全角")
    assert "<mark>發展</mark><mark>經濟</mark>" in traditional.snippet or "<mark>發展經濟</mark>" in traditional.snippet


def test_a_match_in_the_heading_links_the_section():
    hit = next(h for r in search(q='"繁体与全角"').results for h in r.hits)
    assert hit.paragraph_url == hit.url == hit.section.get_absolute_url()


def test_malformed_arguments_raise_search_error():
    for kwargs in ({"sort": "size"}, {"page": 0}, {"filters": {"year": ["二〇二一"]}},
                   {"filters": {"colour": ["red"]}}, {"q": "x" * 1001}):
        with pytest.raises(SearchError):
            search(**kwargs)


def test_a_section_deleted_behind_the_index_drops_out_of_results(archived):
    with archived.signals_off():
        Section.objects.filter(heading="税收").delete()
    page = search(q="所得税")
    assert all(h.section.heading != "税收" for r in page.results for h in r.hits)
