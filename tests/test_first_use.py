"""What a first-time reader trips over outside the search pages: the 404 page in every mode, the
favicon, a copied quote's 书名号, counts that say what they count, English that reads as English."""
import pytest
from django.urls import reverse
from django.utils import translation

from speeches.models import Speech, book_title
from tests.factories import make_speech

pytestmark = pytest.mark.django_db


def english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


@pytest.mark.parametrize("url", ["/cities/北京市/", "/speeches/nope/", "/years/1900/", "/no/such/page/"])
def test_a_reader_gets_the_sites_404_page_even_with_debug_on(client, settings, url):
    settings.DEBUG = True  # what `make run` serves with: tracebacks, but not Django's debug 404
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 404
    assert "找不到这个页面" in html and 'name="q"' in html and "site.css" in html
    assert "URLconf" not in html and "DEBUG = True" not in html and "Page not found" not in html


def test_the_404_page_follows_the_chosen_language(client, settings):
    settings.DEBUG = True
    english(client)
    html = client.get("/cities/北京市/").content.decode()
    assert '<html lang="en">' in html and "找不到这个页面" not in html


def test_favicon_is_served_at_the_root_and_linked_from_every_page(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    icon = b"".join(response.streaming_content) if response.streaming else response.content
    assert icon[:4] == b"\x00\x00\x01\x00" and b"PNG" in icon[:40]  # an ICO holding a PNG
    assert '<link rel="icon" href="/favicon.ico">' in client.get("/").content.decode()


@pytest.mark.parametrize("title,cited", [
    ("《新闻联播》（20220220）", "《新闻联播》（20220220）"),  # already in 书名号: not wrapped again
    ("《政府工作报告》", "《政府工作报告》"),
    ("学习《决定》的体会", "《学习〈决定〉的体会》"),  # a title inside a title takes 〈〉
    ("在全市工作会议上的讲话", "《在全市工作会议上的讲话》"),
])
def test_a_title_is_put_in_shu_ming_hao_once(title, cited):
    assert book_title(title) == cited


def test_copied_quote_source_line_of_a_news_item_has_single_shu_ming_hao():
    speech = make_speech("《新闻联播》（20220220）", speaker=None, date=(2022, 2, 20))
    with translation.override("zh-hans"):
        assert speech.citation() == "《新闻联播》（20220220），2022年2月20日"
    assert "《《" not in speech.citation() and "》》" not in speech.citation()


def test_home_and_speaker_counts_say_they_count_speeches(client):
    make_speech("甲", city="南昌市", speaker_title="市长", date=(2019, None, None))
    make_speech("乙", city="南昌市", speaker_title="副市长", date=(2021, 3, 5))
    home = client.get("/").content.decode()
    assert '<a href="/speakers/%E6%9D%8E**/">李**</a> <span class="count">2 篇</span>' in home
    assert '<span class="count">1 篇</span>' in home  # each year
    speaker = client.get(reverse("speaker", args=["李**"])).content.decode()
    assert '南昌市</a> <span class="count">2 篇</span>' in speaker
    assert "<p>职务：市长；副市长</p>" in speaker or "<p>职务：副市长；市长</p>" in speaker


def test_english_pages_use_english_plurals_and_colons(client):
    make_speech("甲", city="南昌市", speaker_title="市长", date=(2019, None, None))
    english(client)
    home = client.get("/").content.decode()
    assert '<span class="count">1 speech</span>' in home and "篇" not in home
    speaker = client.get(reverse("speaker", args=["李**"])).content.decode()
    assert "1 speech" in speaker and "1 speeches" not in speaker
    assert "<p>Offices: 市长</p>" in speaker and "Offices：" not in speaker
    assert 'Cities: <a href="/cities/' in speaker
    assert '<span class="count">1 speech</span>' in speaker
    page = client.get(Speech.objects.get().get_absolute_url()).content.decode()
    assert '<span class="office"> (市长)</span>' in page  # not （市长） inside English


def test_chinese_pages_put_the_office_in_full_width_brackets(client):
    make_speech("甲", speaker_title="市长")
    page = client.get(Speech.objects.get().get_absolute_url()).content.decode()
    assert '<span class="office">（市长）</span>' in page


def site_header(html):
    import re

    return re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)


def test_signed_in_readers_find_my_notes_in_the_header(client, django_user_model):
    assert 'href="/notes/"' not in site_header(client.get("/").content.decode())
    client.force_login(django_user_model.objects.create_user(username="读者", password="pw-123456-a"))
    header = site_header(client.get("/").content.decode())
    assert '<a href="/notes/">我的笔记</a>' in header
    header = site_header(client.get("/notes/").content.decode())
    assert '<a href="/notes/" aria-current="page">我的笔记</a>' in header
    english(client)
    assert '<a href="/notes/">My notes</a>' in site_header(client.get("/").content.decode())


def test_the_contents_and_headings_read_as_written(client):
    speech = make_speech(sections=[("一、", "提高站位", ["第一段。"], []), ("第一", "高定标准", ["第二段。"], [])])
    html = client.get(speech.get_absolute_url()).content.decode()
    toc = html[html.index('class="toc"'):html.index("</nav>", html.index('class="toc"'))]
    assert ">一、提高站位</a>" in toc and ">第一 高定标准</a>" in toc  # no space after 、, one after 第一
    assert '<span class="label">一、</span>提高站位' in html and '<span class="label">第一</span> 高定标准' in html


def test_notes_pages_label_their_buttons_in_english(client, django_user_model):
    from annotations.services import note_create

    reader = django_user_model.objects.create_user(username="读者", password="pw-123456-a")
    speech = make_speech(sections=[("一、", "提高站位", ["抓好落实，务求实效。"], [])])
    note = note_create(author=reader, speech=speech, anchor="s1", paragraph=1, start=0, end=4, exact="抓好落实",
                       body="记一下")
    client.force_login(reader)
    english(client)
    assert '<button type="submit">Filter</button>' in client.get("/notes/").content.decode()  # not "Filters"
    html = client.get(reverse("note_edit", args=[note.pk])).content.decode()
    assert '<label for="id_body">Note</label>' in html
    assert '<button type="submit" class="danger">Delete this note</button>' in html  # a button, not a question
    assert '<label for="note-new-body">Note</label>' in client.get(speech.get_absolute_url()).content.decode()
