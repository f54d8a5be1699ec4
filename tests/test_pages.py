"""Server-rendered pages on real rows."""
import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import make_speech

pytestmark = pytest.mark.django_db

TREE = [
    ("一、", "提高政治站位", ["要切实抓好落实。", "第二段<script>alert(1)</script>"], [
        ("（一）", "加强学习", ["学习是前提。"], []),
    ]),
    ("二、", "狠抓工作落实", ["落实是关键。"], []),
]


def test_speech_page_shows_metadata_toc_and_stable_anchors(client):
    speech = make_speech(sections=TREE, speaker_title="市长", city="南昌市", occasion="全市工作会议")
    html = client.get(speech.get_absolute_url()).content.decode()
    assert "2021年1月" in html  # month precision, no invented day
    assert 'href="/speakers/%E6%9D%8E**/"' in html or "/speakers/李**/" in html
    assert 'href="#s1-1"' in html and 'id="s1-1"' in html  # TOC links to the nested section
    assert 'id="s1-p2"' in html  # every paragraph has an anchor
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html


def test_speaker_city_and_year_pages_list_the_speech(client):
    speech = make_speech(sections=TREE, city="南昌市", speaker_title="市长")
    for url in (reverse("speaker", args=["李**"]), reverse("city", args=["南昌市"]), reverse("year", args=[2021])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert speech.title in response.content.decode()
    assert "市长" in client.get(reverse("speaker", args=["李**"])).content.decode()


def test_speech_lists_tell_same_titled_speeches_apart(client):
    original = make_speech("在市政府全体会议上的讲话", speaker=None, date=(None, None, None),
                           sections=[("一、", "把握势", ["XX赶超势头明显。"], [])])
    make_speech("在市政府全体会议上的讲话", sections=[("一、", "把握势", ["南昌赶超势头明显，再加一句。"], [])],
                canonical=original, date=(2020, None, None))
    html = client.get("/").content.decode()
    assert '<span class="muted facts"><span>9 字</span></span>' in html  # no speaker, no date: no dangling ·
    assert "<span>李**</span><span>2020年</span><span>14 字</span><span>转载版本</span>" in html


def test_unknown_city_year_and_speech_are_404_and_a_nul_is_400(client):
    assert client.get(reverse("city", args=["无此城"])).status_code == 404
    assert client.get(reverse("year", args=[1900])).status_code == 404
    assert client.get("/years/99999999999999999999/").status_code == 404  # past any integer column
    for url in ("/speakers/%00/", "/cities/a%00b/", "/speeches/%00/", "/speeches/x/diff/%00/"):
        assert client.get(url).status_code == 400, url  # PostgreSQL refuses NUL in text
    assert client.get("/search", {"q": "落\x00实"}).status_code == 200  # search: NUL separates words
    assert client.get(reverse("speech", args=["nope"])).status_code == 404


def test_variants_are_listed_and_diffed_side_by_side(client):
    original = make_speech("牢记嘱托再出发", sections=[("一、", "把握势", ["XX赶超势头明显。"], [])])
    reprint = make_speech("在市政府全体会议上的讲话", sections=[("一、", "把握势", ["南昌赶超势头明显。"], [])],
                          canonical=original)
    original.cleaned_text, reprint.cleaned_text = "XX赶超势头明显。", "南昌赶超势头明显。"
    original.save(), reprint.save()
    html = client.get(original.get_absolute_url()).content.decode()
    diff_url = reverse("speech_diff", args=[original.uid, reprint.uid])
    assert reprint.get_absolute_url() in html and diff_url in html
    assert '<a href="#variants">另有 1 个近似版本（转载），可对比差异</a>' in html and 'id="variants"' in html
    diff = client.get(diff_url).content.decode()
    assert "<del>XX</del>" in diff and "<ins>南昌</ins>" in diff


def test_english_switch_translates_the_interface_and_back(client):
    speech = make_speech(sections=TREE, date=(2021, 1, None))
    response = client.post(reverse("set_language"), {"language": "en", "next": speech.get_absolute_url()})
    assert response.status_code == 302
    html = client.get(speech.get_absolute_url()).content.decode()
    assert '<html lang="en">' in html and "Contents" in html and "January 2021" in html
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    html = client.get(speech.get_absolute_url()).content.decode()
    assert '<html lang="zh-Hans">' in html and "目录" in html and "2021年1月" in html


def test_an_english_browser_still_gets_chinese_until_the_switch_is_used(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="zh-Hans">' in html and "讲话稿检索库" in html
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9").content.decode()
    assert '<html lang="en">' in html and "Speech Archive" in html


@pytest.mark.parametrize("date,shown", [((2020, None, None), "2020年"), ((2021, 1, None), "2021年1月"),
                                        ((2026, 1, 25), "2026年1月25日")])
def test_date_is_shown_with_its_precision(date, shown):
    with translation.override("zh-hans"):  # a request earlier in this thread may have left English on
        assert make_speech(date=date).date_display() == shown


def test_helpful_404_offers_search_and_home(client):
    response = client.get("/speeches/does-not-exist/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "找不到这个页面" in html and 'name="q"' in html and 'href="/"' in html


@pytest.mark.urls("tests.error_urls")
def test_500_page_is_in_the_site_style_without_a_traceback(client):
    client.raise_request_exception = False
    response = client.get("/broken/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "服务器出错了" in html and "site.css" in html and "boom" not in html


def test_citation_names_speaker_office_title_date_and_an_occasion_the_title_lacks():
    speech = make_speech("牢记嘱托再出发", speaker_title="市长", occasion="市政府全体会议", date=(2021, 1, None))
    with translation.override("en"):  # the source line follows the quoted Chinese text
        assert speech.citation() == "李**（市长）《牢记嘱托再出发》，2021年1月，市政府全体会议"
    untold = make_speech("在全市工作会议上的讲话", speaker=None, occasion="全市工作会议", date=(None, None, None))
    assert untold.citation() == "《在全市工作会议上的讲话》"


def test_speaker_city_and_year_pages_offer_a_search_within_them(client):
    make_speech("甲", city="南昌市", date=(2019, None, None))
    make_speech("乙", city="南昌市", date=(2021, 3, 5))
    html = client.get(reverse("speaker", args=["李**"])).content.decode()
    assert "2 篇讲话 · 2019–2021" in html
    assert '<input type="hidden" name="speaker" value="李**">' in html and 'placeholder="在李**的讲话中检索"' in html
    assert '<a href="#y2021">2021</a>' in html and 'id="y2019"' in html
    assert "<span>李**</span>" not in html  # the page is about the speaker: not repeated per line
    for url, field, value in ((reverse("city", args=["南昌市"]), "city", "南昌市"),
                              (reverse("year", args=[2021]), "year", "2021")):
        html = client.get(url).content.decode()
        assert f'<input type="hidden" name="{field}" value="{value}">' in html, url
