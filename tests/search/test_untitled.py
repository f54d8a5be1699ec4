"""A speech whose file has no title line keeps an empty title: every page that names it says 无题
(English: Untitled), never a blank link or the file name, and staff are told to add a title."""
import csv
import io
import re
from html import unescape

import pytest
from django.urls import reverse

from annotations.services import note_create
from speeches.models import Tag
from tests.factories import make_speech

pytestmark = pytest.mark.django_db

FILE = "gwr_2025.txt"  # a name no page may show in a title's place


@pytest.fixture
def untitled(index):
    speech = make_speech("", speaker="赵**", city="杭州", date=(2023, 4, None), source_name=FILE,
                         sections=[("一、", "琉璃瓦工程", ["推进琉璃瓦工程建设，抓好落实。"], [])])
    other = make_speech("在琉璃瓦工程推进会上的讲话", speaker="赵**", city="杭州", date=(2023, 5, None),
                        sections=[("", "", ["琉璃瓦工程要抓紧。"], [])])
    speech.sections.first().tags.add(Tag.objects.create(name="工程建设"))
    index.reindex()
    speech.other = other
    return speech


def text(html):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def link_texts(html, url):
    """What the links to `url` (a speech, maybe with ?q=) say, tags stripped; not its sections' links."""
    pattern = rf'<a [^>]*href="{re.escape(url)}(?:\?q=[^"#]*)?"[^>]*>(.*?)</a>'
    return [text(m).strip() for m in re.findall(pattern, html, re.S)]


def english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


def test_every_list_of_speeches_calls_it_untitled(untitled, client, django_user_model):
    url = untitled.get_absolute_url()
    tag = Tag.objects.get(name="工程建设")
    pages = ["/", "/speakers/赵**/", "/cities/杭州/", "/years/2023/", tag.get_absolute_url(),
             "/search?q=琉璃瓦", "/search/kwic?q=琉璃瓦", f"/speeches/{untitled.other.uid}/diff/{untitled.uid}/"]
    for page in pages:
        html = client.get(page).content.decode()
        assert link_texts(html, url) and all(t == "无题" for t in link_texts(html, url)), (page, link_texts(html, url))
    english(client)
    for page in pages:
        html = client.get(page).content.decode()
        assert link_texts(html, url) and all(t == "Untitled" for t in link_texts(html, url)), page


def test_the_speech_page_its_citation_and_the_kwic_csv(untitled, client):
    html = client.get(untitled.get_absolute_url()).content.decode()
    assert re.search(r"<title>无题 · 讲话稿检索库</title>", html)
    assert re.search(r'<h1 class="untitled">无题</h1>', html)
    # a copied quote's source line: the cataloguer's brackets, not a title called 《无题》
    assert 'data-citation="赵**〔无题〕，2023年4月"' in html
    rows = list(csv.reader(io.StringIO(b"".join(client.get("/search/kwic.csv", {"q": "琉璃瓦"}).streaming_content)
                                       .decode("utf-8-sig"))))
    titles = {row[2] for row in rows[1:]}
    assert titles == {"无题", "在琉璃瓦工程推进会上的讲话"}
    english(client)
    html = client.get(untitled.get_absolute_url()).content.decode()
    assert "<title>Untitled · " in html and '<h1 class="untitled">Untitled</h1>' in html
    assert 'data-citation="赵**〔无题〕，2023年4月"' in html  # citations are Chinese in either language
    rows = list(csv.reader(io.StringIO(b"".join(client.get("/search/kwic.csv", {"q": "琉璃瓦"}).streaming_content)
                                       .decode("utf-8-sig"))))
    assert "Untitled" in {row[2] for row in rows[1:]}


def test_notes_pages_name_the_speech_untitled(untitled, client, django_user_model):
    reader = django_user_model.objects.create_user(username="读者", password="pw-123456-a")
    section = untitled.sections.first()
    note = note_create(author=reader, speech=untitled, anchor=section.anchor, paragraph=1, start=2, end=5,
                       exact=section.body[2:5], body="记一下")
    client.force_login(reader)
    html = client.get("/notes/").content.decode()
    assert link_texts(html, note.speech_url()) == ["无题"]
    assert re.search(rf'<option value="{untitled.uid}"[^>]*>无题</option>', html)  # the speech chooser
    html = client.get(reverse("note_edit", args=[note.pk])).content.decode()
    assert link_texts(html, note.speech_url()) == ["无题"]


def test_staff_are_asked_to_add_a_title_and_can_list_the_untitled(untitled, client, django_user_model):
    admin_url = reverse("admin:speeches_speech_change", args=[untitled.pk])
    reader = django_user_model.objects.create_user(username="读者", password="pw-123456-a")
    staff = django_user_model.objects.create_superuser(username="编辑", password="pw-123456-b")
    assert admin_url not in client.get(untitled.get_absolute_url()).content.decode()
    client.force_login(reader)
    assert admin_url not in client.get(untitled.get_absolute_url()).content.decode()
    client.force_login(staff)
    html = client.get(untitled.get_absolute_url()).content.decode()
    notice = re.search(r'<p class="staff-notice"[^>]*>(.*?)</p>', html, re.S)
    assert notice and "无题" in notice.group(1) and link_texts(notice.group(0), admin_url) == ["在管理后台添加标题"]
    assert "staff-notice" not in client.get(untitled.other.get_absolute_url()).content.decode()
    # the admin's list filters the speeches without a title, and its change page names it 无题
    listed = client.get(reverse("admin:speeches_speech_changelist"), {"title__isempty": "1"}).content.decode()
    assert admin_url in listed and reverse("admin:speeches_speech_change", args=[untitled.other.pk]) not in listed
    assert "无题" in text(client.get(admin_url).content.decode())
