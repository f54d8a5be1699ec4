"""The results, in-context and speech pages say what they count, quote the query once, and read as
English when the reader chose English (plurals, colons, the CSV's header row)."""
import csv
import io
import re
from collections import namedtuple
from html import unescape

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from speeches.models import Section
from speeches.templatetags.archive import bare_query

pytestmark = pytest.mark.django_db

FacetValue = namedtuple("FacetValue", "value count")  # what the year chart reads of a facet value


def text_of(html, pattern):
    return unescape(re.sub(r"<[^>]+>", "", re.search(pattern, html, re.S).group(1))).strip()


def english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


def test_facets_heading_and_chart_all_count_sections_and_say_so(archive, client):
    html = client.get("/search", {"q": "落实"}).content.decode()
    facets = re.search(r'<aside class="facets".*?</aside>', html, re.S).group(0)
    counts = re.findall(r'<span class="count">([^<]*)</span>', facets)
    assert counts and all(re.fullmatch(r"\d+ 节", c) for c in counts), counts
    speaker = re.search(r'data-facet="speaker".*?<a href="([^"]+)">([^<]+) <span class="count">(\d+) 节', html, re.S)
    filtered = client.get("/search" + unescape(speaker.group(1))).content.decode()
    # the facet's number is the heading's section count once the facet is chosen
    assert re.search(rf"篇讲话中 {speaker.group(3)} 节", text_of(filtered, r'<h1 id="summary"[^>]*>(.*?)</h1>'))
    bars = [FacetValue(str(year), n) for year, n in ((2015, 1), (2018, 3), (2020, 2))]
    context = Context({"request": RequestFactory().get("/search", {"q": "落实"}), "values": bars})
    chart = Template("{% load archive %}{% year_chart values %}").render(context)
    assert "命中节数" in chart and "<title>2018 年：3 节</title>" in chart


@pytest.mark.parametrize("query,shown", [('"抓好落实"', "“抓好落实”"), ("“抓好落实”", "“抓好落实”"),
                                         ("抓好落实", "“抓好落实”"), ('"抓好" 落实', "“‘抓好’ 落实”")])
def test_the_query_is_quoted_once_in_the_interfaces_marks(archive, client, query, shown):
    heading = text_of(client.get("/search", {"q": query}).content.decode(), r'<h1 id="summary"[^>]*>(.*?)</h1>')
    assert heading.startswith(shown + "："), heading
    kwic = text_of(client.get("/search/kwic", {"q": query}).content.decode(), r'<h1 class="summary">(.*?)</h1>')
    assert kwic.startswith(shown + "：") and '"' not in kwic
    speech = Section.objects.filter(body__contains="抓好落实").first().speech
    page = client.get(speech.get_absolute_url(), {"q": query}).content.decode()
    assert text_of(page, r'<span aria-live="polite">(.*?)</span>').startswith(shown + "：")
    english(client)
    heading = text_of(client.get("/search", {"q": query}).content.decode(), r'<h1 id="summary"[^>]*>(.*?)</h1>')
    assert heading.startswith(shown + ": "), heading


def test_an_unbalanced_quote_is_shown_as_typed():
    assert bare_query('"未闭合') == '"未闭合' and bare_query("") == ""


def test_english_results_use_plurals_and_english_colons(archive, client):
    english(client)
    one = client.get("/search", {"q": "依法征税"}).content.decode()
    assert text_of(one, r'<h1 id="summary"[^>]*>(.*?)</h1>') == "“依法征税”: 1 section in 1 speech"
    assert '<span class="count">1 section</span>' in one
    many = client.get("/search", {"q": "落实"}).content.decode()
    heading = text_of(many, r'<h1 id="summary"[^>]*>(.*?)</h1>')
    assert re.fullmatch(r"“落实”: \d+ sections in \d+ speeches", heading), heading
    chosen = client.get("/search", {"q": "落实", "speaker": "王建国"}).content.decode()
    chip = text_of(chosen, r'<a class="chip"[^>]*>(.*?)<span')
    assert chip == "Speaker: 王建国", chip
    assert "：" not in text_of(chosen, r"(<main.*?)<ol class=\"hits\">").replace("“落实”", "")
    everything = text_of(client.get("/search").content.decode(), r'<h1 id="summary"[^>]*>(.*?)</h1>')
    assert re.fullmatch(r"All: \d+ speeches, \d+ sections", everything), everything


def test_csv_header_row_follows_the_interface_language(archive, client):
    def header():
        body = b"".join(client.get("/search/kwic.csv", {"q": "落实"}).streaming_content).decode("utf-8")
        return next(csv.reader(io.StringIO(body.lstrip("\ufeff"))))

    assert header() == ["日期", "讲话人", "标题", "场合", "前文", "命中", "后文", "链接"]
    english(client)
    assert header() == ["Date", "Speaker", "Title", "Occasion", "Before", "Match", "After", "Link"]
