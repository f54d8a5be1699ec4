"""GET /api/search: the JSON contract, 400 for malformed parameters, and hostile queries."""
import random

import pytest

from speeches.models import Section, Speech

pytestmark = pytest.mark.usefixtures("archived")

RESULT_KEYS = {"speech_id", "section_id", "title", "speaker", "date", "city", "heading", "snippet", "url"}


def get(client, **params):
    return client.get("/api/search", params)


def test_the_contract(client):
    body = get(client, q="发展").json()
    assert {"count", "speeches", "page", "pages", "results", "facets"} <= set(body)
    assert set(body["facets"]) == {"speaker", "city", "year", "occasion", "tag"}
    assert body["page"] == 1 and body["pages"] == -(-body["speeches"] // 20)
    for result in body["results"]:
        assert RESULT_KEYS <= set(result)
        section = Section.objects.get(pk=result["section_id"])
        assert section.speech_id == result["speech_id"]
        assert result["url"] == section.get_absolute_url()
        assert "<mark>" in result["snippet"]
    for values in body["facets"].values():
        assert all(set(v) == {"value", "count"} for v in values)


def test_empty_query_browses_with_facets(client):
    body = get(client).json()
    assert body["count"] == Section.objects.count()
    assert body["speeches"] == Speech.objects.filter(sections__isnull=False).distinct().count()
    assert body["facets"]["speaker"]


def test_filters_and_sort_and_page(client):
    body = get(client, speaker="王建国", year="2022", sort="date").json()
    assert body["count"] == Section.objects.filter(speech__speaker__name="王建国", speech__year=2022).count()
    assert {r["speaker"] for r in body["results"]} == {"王建国"}
    assert get(client, q="工作", page=2).json()["page"] == 2


def test_dates_keep_their_precision(client):
    dates = {r["date"] for r in get(client, sort="date").json()["results"]}
    assert "2022-05-01" in dates and all(len(d) in (4, 7, 10) for d in dates if d)


@pytest.mark.parametrize("params, message", [
    ({"page": "abc"}, "page"),
    ({"page": "0"}, "page"),
    ({"page": "-1"}, "page"),
    ({"page": "1" * 20}, "page"),
    ({"sort": "size"}, "sort"),
    ({"year": "二〇二一"}, "year"),
    ({"q": "发展" * 600}, "Query too long"),
])
def test_malformed_parameters_get_400_with_a_message(client, params, message):
    response = get(client, **params)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_only_get(client):
    assert client.post("/api/search", {"q": "x"}).status_code == 405


def hostile_queries(count=300, seed=11):
    base = ['"', '""', '"""', '"发展', '发展"', "AND", "OR", "NOT", "AND OR NOT", "-", "--", "- -",
            "*", "**", "a*", "*发展", "发*展", "?", "发展?", "(", ")", "(发展", "[1 TO 2]", "{}", "\\",
            "speaker:", "speaker:\"", "year:abc", "year:99999999999", "city:*", "tag:", ":", "：",
            "\x00", "发\x00展", "\x7f", "\u200b", "\ufffd", "𠀀", "😀", "<script>", "%", "%%", "'",
            "OR 发展", "发展 OR", "NOT 发展", "发展 NOT", "-发展", "-\"发展\"", "“", "”", "“发展", "＂",
            "x" * 1000, "发" * 1000, " " * 999, "\n\t\r", "AND" * 300, "a OR " * 100, "-x " * 200]
    rng = random.Random(seed)
    alphabet = ['"', "-", "*", "?", ":", "OR", "AND", "NOT", " ", "发展", "税", "speaker:", "(", ")",
                "\x00", "“", "”", "\\", "'", "改革", "a", "年", "。", "，"]
    found = list(base)
    while len(found) < count:
        found.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))))
    return found


def test_hostile_queries_answer_200_or_400_never_500(client):
    queries = hostile_queries()
    assert len(queries) >= 300
    refused = []
    for q in queries:
        response = get(client, q=q)
        assert response.status_code in (200, 400), repr(q)
        body = response.json()
        assert ("error" in body) == (response.status_code == 400), repr(q)
        if response.status_code == 400:
            refused.append((q, body["error"]))
    # Only the query with 200 clauses is refused (more than MAX_CLAUSES); the rest are searched.
    assert [(q, "Too many terms" in e) for q, e in refused] == [("-x " * 200, True)]


def test_very_long_and_binary_queries(client):
    assert get(client, q="x" * 10_000).status_code == 400
    response = client.get("/api/search?q=%FF%FE%00%E5%8F")  # invalid UTF-8 and a NUL
    assert response.status_code == 200
    response = client.get("/api/search?q=%E5%8F%91%E5%B1%95&page=%FF")
    assert response.status_code == 400
