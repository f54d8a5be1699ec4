"""Conformance: every search backend gives the site's answers through haystack's SearchQuerySet.

Parametrised by backend (BACKENDS: haystack connection aliases). An Elasticsearch backend
(docs/SCALING.md) is added by configuring its connection, listing its alias here and making these
pass: the same section ids as speeches.search.search() and as the database (the substring
oracle), the same facet counts, the same order rules, and a clear error for anything unsupported.
"""
import pytest
from haystack.exceptions import SearchBackendError
from haystack.query import SQ, SearchQuerySet

from speeches.models import Section, Speech
from speeches.search import FACETS, search, section_ids
from tests.search import oracle

pytestmark = pytest.mark.usefixtures("archived")
BACKENDS = ["default"]  # the Chinese Whoosh backend; add e.g. "elasticsearch" here

# (query, filters): one character, words, a phrase, traditional and full-width, filtered, empty.
MIX = [
    ("税", {}), ("的", {}), ("发展", {}), ("社会主义", {}), ("经济发展", {}), ('"改革开放"', {}),
    ('"經濟，堅持改"', {}), ("發展", {}), ("ＧＤＰ", {}), ("经济 发展", {}), ("改革 OR 开放", {}),
    ("发展 -经济", {}), ("发展", {"city": ["北京"]}), ("", {"speaker": ["王建国"]}),
    ("改革", {"city": ["北京", "上海"], "year": ["2020"]}), ("speaker:王建国 税", {}), ("", {}),
    ("不存在的词", {}), ("发展", {"tag": ["民生"]}),
]


@pytest.fixture(params=BACKENDS)
def sqs(request):
    return SearchQuerySet(using=request.param)


def queryset(sqs, q, filters):
    found = sqs.auto_query(q)
    for name, values in filters.items():
        found = found.filter(**{name: values[0]}) if len(values) == 1 else found.filter(**{f"{name}__in": values})
    return found


def ids(found) -> set[int]:
    return {int(r.pk) for r in found[:100_000]}


@pytest.mark.parametrize("q,filters", MIX)
def test_same_sections_count_and_facets_as_the_site(sqs, q, filters):
    found = queryset(sqs, q, filters)
    for name in FACETS:
        found = found.facet(name)
    page = search(q=q, filters=filters)
    assert ids(found) == section_ids(q=q, filters=filters)
    assert found.count() == page.count
    assert found.facet_counts()["fields"] == {
        name: [(v.value, v.count) for v in values] for name, values in page.facets.items()}


@pytest.mark.parametrize("q", ["税", "發展", '"改革开放"', "经济发展", "ＧＤＰ增长"])
def test_text_queries_equal_the_substring_oracle(sqs, q):
    assert ids(sqs.auto_query(q)) == oracle.containing(q.strip('"'))
    assert ids(sqs.filter(content__exact=q.strip('"'))) == oracle.containing(q.strip('"'))
    assert ids(sqs.filter(content__contains=q.strip('"'))) == oracle.containing(q.strip('"'))


def test_filter_exclude_and_narrow_on_facet_fields(sqs):
    def db(**lookup):
        return set(Section.objects.filter(**lookup).values_list("pk", flat=True))

    assert ids(sqs.filter(city="北京")) == db(speech__city="北京")
    assert ids(sqs.exclude(city="北京")) == set(oracle.texts()) - db(speech__city="北京")
    assert ids(sqs.narrow('city:"北京"')) == db(speech__city="北京")
    assert ids(sqs.filter(speaker__contains="王")) == db(speech__speaker__name__contains="王")
    assert ids(sqs.filter(speaker__startswith="张")) == db(speech__speaker__name__startswith="张")
    assert ids(sqs.filter(year__gte=2020)) == db(speech__year__gte=2020)
    assert ids(sqs.filter(year__range=(2019, 2020))) == db(speech__year__range=(2019, 2020))
    assert ids(sqs.filter(tag="民生")) == db(tags__name="民生")
    assert ids(sqs.filter(SQ(city="北京") | SQ(city="深圳"))) == db(speech__city__in=["北京", "深圳"])
    assert ids(sqs.auto_query("发展").exclude(content="经济")) == section_ids(q="发展 -经济")


def test_order_by_date_count_and_slicing(sqs):
    newest = [r.date for r in sqs.auto_query("发展").order_by("-date")[:100_000]]
    assert newest == sorted(newest, reverse=True)
    oldest = [r.date for r in sqs.order_by("date")[:100_000]]
    dated = [d for d in oldest if d]
    assert oldest == dated + [0] * (len(oldest) - len(dated)) and dated == sorted(dated)
    everything = list(sqs.auto_query("发展")[:100_000])
    assert [r.pk for r in sqs.auto_query("发展")[5:12]] == [r.pk for r in everything[5:12]]
    assert sqs.auto_query("发展").count() == len(everything) == search(q="发展").count
    # relevance: the site's best section for a query is the first result
    best = search(q="税").results[0].hits[0].section.pk
    assert int(sqs.auto_query("税")[0].pk) == best


def test_highlight_marks_the_matched_strings_in_chinese(sqs):
    from speeches.search.normalize import normalize

    results = list(sqs.auto_query("發展 税").highlight()[:5])
    assert results
    for result in results:
        [html] = result.highlighted["text"]
        marked = {normalize(m.split("</mark>")[0]) for m in html.split("<mark>")[1:]}
        assert marked and marked <= {"发展", "税"}


def test_load_all_models_and_stored_fields(sqs):
    results = list(sqs.auto_query("税").load_all()[:5])
    assert all(isinstance(r.object, Section) and r.object.pk == int(r.pk) for r in results)
    assert sqs.models(Section).auto_query("税").count() == search(q="税").count
    assert sqs.models(Speech).auto_query("税").count() == 0  # speeches themselves are not indexed
    speakers = set(sqs.filter(speaker="王建国").values_list("speaker", flat=True)[:1000])
    assert speakers == {"王建国"}


def test_unsupported_options_raise_a_clear_error_never_an_empty_answer(sqs):
    import datetime

    with pytest.raises(NotImplementedError, match="Speech.canonical"):
        list(sqs.more_like_this(Section.objects.first()))
    for build in (
        lambda: sqs.filter(title="x"),
        lambda: sqs.filter(content__fuzzy="发展"),
        lambda: sqs.filter(city__gt="北京"),
        lambda: sqs.order_by("title"),
        lambda: sqs.facet("title"),
        lambda: sqs.date_facet("date", datetime.date(2000, 1, 1), datetime.date(2030, 1, 1), "year"),
        lambda: sqs.query_facet("year", "[2000 TO 2020]"),
        lambda: sqs.auto_query("发展").boost("经济", 2),
    ):
        with pytest.raises(SearchBackendError, match="not supported"):
            build().count()
