"""Every occurrence of a search with its context (KWIC), against the substring oracle."""
import re
from html import unescape

import pytest

from speeches.models import Section
from speeches.search import SearchError, concordance
from speeches.search.kwic import SECTIONS_PER_PAGE
from speeches.search.schema import section_text
from tests.search import oracle

pytestmark = pytest.mark.django_db


def all_lines(q):
    first = concordance(q=q)
    lines = list(first.lines)
    for page in range(2, first.pages + 1):
        lines += concordance(q=q, page=page).lines
    return first, lines


def test_every_occurrence_is_a_line_with_its_own_context(archive):
    first, lines = all_lines('"落实"')
    texts = oracle.texts()
    expected = sum(texts[pk].count("落实") for pk in oracle.containing("落实"))
    assert len(lines) == expected and first.sections == len(oracle.containing("落实"))
    assert first.pages == -(-first.sections // SECTIONS_PER_PAGE) > 1
    for line in lines:
        assert line.match == "落实"
        text = section_text(line.section.label, line.section.heading, line.section.body).replace("\n", " ")
        assert f"{line.left}{line.match}{line.right}" in text
        assert len(line.left) <= 30 and len(line.right) <= 30


def test_lines_run_oldest_first_and_link_to_their_paragraph(archive, client):
    _, lines = all_lines("落实")
    dates = [line.section.speech.date for line in lines]
    assert dates == sorted(dates)  # every speech of the archive fixture is dated
    html = client.get("/search/kwic", {"q": "落实"}).content.decode()
    assert re.search(r'<a rel="next" href="\?q=[^"]*page=2">', html)  # more sections than a page
    link = unescape(re.search(r'<td class="match"><a href="([^"]+)">', html).group(1))
    path, anchor = link.split("#")
    speech_html = client.get(path).content.decode()
    assert "<mark>落实</mark>" in re.search(rf'<p id="{anchor}">(.*?)</p>', speech_html, re.S).group(1)


def test_filters_apply_and_the_results_page_links_here(archive, client):
    speaker = Section.objects.filter(body__contains="落实").first().speech.speaker.name
    found = concordance(q="落实", filters={"speaker": [speaker]})
    assert found.lines and all(line.section.speech.speaker.name == speaker for line in found.lines)
    html = client.get("/search", {"q": "落实", "speaker": speaker}).content.decode()
    href = unescape(re.search(r'class="kwic-link" href="([^"]+)"', html).group(1))
    assert href.startswith("/search/kwic?") and "speaker=" in href
    assert client.get(href).status_code == 200


def test_no_query_or_a_bad_page_is_a_400_with_a_message(archive, client):
    with pytest.raises(SearchError):
        concordance(q="")
    response = client.get("/search/kwic")
    assert response.status_code == 400 and "逐条语境需要检索词" in response.content.decode()
    assert client.get("/search/kwic", {"q": "落实", "page": "x"}).status_code == 400


def test_a_very_common_string_is_capped_per_page_and_says_how_much_is_left(archive, client, monkeypatch):
    from speeches.search import kwic as module

    full = concordance(q='"的"')
    total = len(full.lines) + full.omitted
    monkeypatch.setattr(module, "MAX_LINES", 5)
    capped = concordance(q='"的"')
    assert capped.lines == full.lines[:5] and capped.omitted == total - 5 > 0
    html = client.get("/search/kwic", {"q": '"的"'}).content.decode()
    assert f"本页的讲话中还有 {capped.omitted} 处未列出" in html


def test_csv_download_has_every_line_oldest_first_for_a_spreadsheet(archive, client):
    import csv
    import io

    response = client.get("/search/kwic.csv", {"q": '"落实"'})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith('\ufeff"日期","讲话人","标题","场合","前文","命中","后文","链接"')  # BOM: Excel reads UTF-8
    header, *rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    texts = oracle.texts()
    assert len(rows) == sum(texts[pk].count("落实") for pk in oracle.containing("落实"))
    assert all(row[5] == "落实" for row in rows)
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)  # ISO dates sort as text
    assert rows[0][7].startswith("http://testserver/speeches/") and "#s" in rows[0][7]
    html = client.get("/search/kwic", {"q": "落实"}).content.decode()
    assert 'href="/search/kwic.csv?q=' in html
    bad = client.get("/search/kwic.csv", {"q": ""})
    assert bad.status_code == 400 and "逐条语境需要检索词" in bad.content.decode()


def test_a_download_stops_at_its_limit(archive):
    from speeches.search import every_line

    lines = list(every_line(q='"的"', limit=7))
    assert len(lines) == 7 and lines == list(concordance(q='"的"').lines[:7])
