"""The HTML results page and the speech page opened from a hit, on a real index."""
import re
from html import unescape

import pytest

from speeches.models import Section, Speech

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    return response, response.content.decode()


def test_results_page_counts_match_the_api_and_marks_matches(client, archive):
    api = client.get("/api/search", {"q": "落实"}).json()
    response, html = page(client, "/search?q=落实")
    assert response.status_code == 200
    assert f"{api['speeches']} 篇讲话中 {api['count']} 节" in html
    assert html.count('class="hit"') == min(api["speeches"], 20)
    assert "<mark>落实</mark>" in html


def test_reprints_on_a_page_are_folded_under_the_best_placed_one(client, archive):
    reprints = Speech.objects.filter(canonical__isnull=False)
    canonical = reprints.first().canonical
    assert reprints.count() == 2
    api = client.get("/api/search", {"q": "发展"}).json()
    in_api = {r["speech_id"] for r in api["results"]}
    assert {canonical.pk, *reprints.values_list("pk", flat=True)} <= in_api  # the API keeps all three
    _, html = page(client, "/search?q=发展")
    assert html.count('class="hit"') == len(in_api) - 2
    folded = html.split('class="reprints">')[1].split("</p>")[0]
    assert "另有 2 个近似版本也命中" in folded
    shown = set(re.findall(r'href="(/speeches/[^/]+/)', folded))
    urls = {s.get_absolute_url() for s in [canonical, *reprints]}
    assert len(shown) == 2 and shown < urls


def test_facet_link_adds_a_filter_whose_count_matches_and_chip_removes_it(client, archive):
    _, html = page(client, "/search?q=落实")
    speaker_facet = html.split('data-facet="speaker"')[1].split("</section>")[0]
    href, value, count = re.search(r'href="([^"]+)">([^<]+) <span class="count">(\d+) 节</span>', speaker_facet).groups()
    _, filtered = page(client, "/search" + unescape(href))
    assert f"篇讲话中 {count} 节" in filtered
    chip = re.search(r'<a class="chip" href="([^"]+)"', filtered).group(1)
    assert value.strip() in filtered.split('class="chips"')[1].split("</ul>")[0]
    _, back = page(client, "/search" + unescape(chip))
    assert 'class="chips"' not in back and back.count('class="hit"') == html.count('class="hit"')


def test_empty_query_browses_everything(client, archive):
    _, html = page(client, "/search")
    canonical_or_not = Speech.objects.filter(sections__isnull=False).distinct().count()
    assert f"全部：{canonical_or_not} 篇讲话，{Section.objects.count()} 节" in html


def test_no_results_page_suggests_what_to_try(client, archive):
    response, html = page(client, '/search?q="完全不存在的一句话"&city=上海')
    assert response.status_code == 200 and 'id="no-results"' in html
    assert "去掉一个筛选条件" in html and "检查错别字" in html


def test_malformed_parameters_get_a_chinese_message_not_a_500(client, archive):
    response, html = page(client, "/search?q=落实&page=abc")
    assert response.status_code == 400 and "页码须为正整数" in html


def test_sort_by_date_and_the_url_carries_the_whole_state(client, archive):
    _, html = page(client, "/search?q=落实&year=2020&sort=date")
    assert "<strong>最新</strong>" in html
    assert 'name="year" value="2020"' in html and 'name="sort" value="date"' in html


def test_hit_heading_links_to_its_section_permalink(client, archive):
    _, html = page(client, "/search?q=落实")
    link = unescape(re.search(r'class="hit-heading" href="([^"]+)"', html).group(1))
    path, anchor = link.split("#")
    assert "q=" in path and re.fullmatch(r"s[\d-]+|s0|s-end", anchor)
    _, speech_html = page(client, path)
    assert re.search(rf'<section class="section[^"]*" id="{anchor}"', speech_html)


def test_hit_snippets_open_the_speech_at_the_paragraph_with_matches_marked(client, archive):
    _, html = page(client, "/search?q=落实")
    link = unescape(re.search(r'class="to-paragraph" href="([^"]+)"', html).group(1))
    path, anchor = link.split("#")
    assert "q=" in path and re.fullmatch(r"s[\d-]+(-end)?-p\d+|s0-p\d+|s-end-p\d+", anchor)
    _, speech_html = page(client, path)
    paragraph = re.search(rf'<p id="{anchor}">(.*?)</p>', speech_html, re.S).group(1)
    assert "<mark>落实</mark>" in paragraph


def test_an_empty_page_suggests_searches_that_find_something_with_their_counts(client, archive):
    api = client.get("/api/search", {"q": "落实"}).json()
    expected = f"{api['speeches']} 篇讲话中 {api['count']} 节"
    for url, label in (("/search?q=落实&year=1999", "去掉筛选“1999”"),
                       ("/search?q=落实+zzqq", "只搜“落实”")):
        _, html = page(client, url)
        assert "没有找到结果" in html
        item = html.split('class="suggestions">')[1].split("</ul>")[0]
        href = unescape(re.search(rf'<a href="([^"]+)">{label}</a>', item).group(1))
        assert expected in item.split(label)[1].split("</li>")[0]
        _, followed = page(client, "/search" + href)
        assert expected in followed  # the link finds what it promised
    _, html = page(client, "/search?q=zzqq")
    assert "没有找到结果" in html and 'class="suggestions"' not in html


def test_year_chart_spans_first_to_last_year_with_filter_links(client, archive, monkeypatch):
    from speeches.templatetags import archive as tags

    monkeypatch.setattr(tags, "CHART_MIN_YEARS", 2)  # the fixture's speeches span only 2019–2022
    api = client.get("/api/search", {"q": "落实"}).json()
    years = {int(f["value"]): f["count"] for f in api["facets"]["year"]}
    assert len(years) >= 2
    _, html = page(client, "/search?q=落实")
    chart = html.split('<figure class="year-chart">')[1].split("</figure>")[0]
    bars = re.findall(r'<a href="([^"]+)"><title>(\d+) 年：(\d+) 节</title><rect [^>]*height="(\d+)"', chart)
    assert {int(y): int(n) for _, y, n, _ in bars} == years  # a bar for each year that has hits
    assert max(int(h) for *_, h in bars) == 48  # the busiest year fills the chart
    span = max(years) - min(years) + 1  # years without hits keep their place, as gaps
    assert f'viewBox="0 0 {span * 10} 48"' in chart
    href, year, count, _ = bars[0]
    _, filtered = page(client, "/search" + unescape(href))
    assert f"篇讲话中 {count} 节" in filtered and f'name="year" value="{year}"' in filtered
    _, one_year = page(client, f"/search?q=落实&year={year}")
    assert 'class="year-chart"' not in one_year  # one year is no distribution
    monkeypatch.setattr(tags, "CHART_MIN_YEARS", 5)
    assert 'class="year-chart"' not in page(client, "/search?q=落实")[1]  # nor are four years
