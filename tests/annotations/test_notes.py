"""Notes through their services, pages and exports: CSRF, escaping, CSV safety, re-anchoring when
a speech's sections are recreated (the sections_replaced signal), and bad input."""
import csv
import io

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from annotations.models import Note
from annotations.services import NoteError, note_create, notes_reanchor
from speeches.models import Section
from speeches.signals import sections_replaced

from .conftest import PARAGRAPH_1, PARAGRAPH_2, words

XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">"\'&'


def csrf_client(user) -> tuple[Client, str]:
    """A client that enforces CSRF like a browser, and the token a page gave it."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("my_notes"))
    return client, client.cookies["csrftoken"].value


def test_every_state_changing_request_needs_the_csrf_token(users, notes, speech):
    client, token = csrf_client(users["a"])
    staff, staff_token = csrf_client(users["staff"])
    payload = {"speech": speech.uid, "section": "s2", "paragraph": 1, "start": 0, "end": 2, "exact": "三是", "body": "x"}
    requests = [
        (client, token, reverse("api_note_create"), payload),
        (client, token, reverse("note_edit", args=[notes["a_public"].pk]), {"body": "改过", "public": "on"}),
        (staff, staff_token, reverse("note_hide", args=[notes["a_public"].pk]), {"hidden": "1"}),
        (client, token, reverse("note_delete", args=[notes["a_private"].pk]), {}),
    ]
    for who, good, url, data in requests:
        assert who.post(url, data).status_code == 403, url  # no token
        assert who.post(url, data, HTTP_X_CSRFTOKEN="wrong" * 8).status_code == 403, url
    assert Note.objects.count() == 3 and not Note.objects.filter(body="改过").exists()
    assert not Note.objects.filter(hidden=True).exists()
    for who, good, url, data in requests:  # the same requests with the token go through
        assert who.post(url, data, HTTP_X_CSRFTOKEN=good).status_code in (201, 302), url
    assert Note.objects.filter(body="改过", hidden=True).exists() and not Note.objects.filter(pk=notes["a_private"].pk).exists()


def test_note_bodies_are_escaped_everywhere(users, speech):
    note = note_create(author=users["a"], body=XSS + "\n第二行", public=True, **words(speech, "s1", 2, "早开工"))
    client = Client()
    client.force_login(users["b"])
    for url in (speech.get_absolute_url(), ):
        html = client.get(url).content.decode()
        assert "<script>window.__xss" not in html and "<img src=x" not in html
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
        assert "第二行" in html and "<br>第二行" in html  # line breaks kept, as <br>
    client.force_login(users["a"])
    html = client.get(reverse("my_notes")).content.decode()
    assert "<script>window.__xss" not in html and "&lt;img src=x" in html
    assert client.get(reverse("note", args=[note.pk])).json()["body"]["value"] == XSS + "\n第二行"


def test_csv_export_neutralises_formulas_and_keeps_chinese(users, speech):
    note_create(author=users["a"], body="=HYPERLINK(\"http://evil\")", **words(speech, "s1", 1, "营商环境"))
    note_create(author=users["a"], body="+1+2\n两行", **words(speech, "s2", 1, "稳定就业"))
    client = Client()
    client.force_login(users["a"])
    response = client.get(reverse("notes_csv"))
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][0] == "创建时间" and rows[0][7] == "笔记内容" and len(rows) == 3
    bodies = {row[7] for row in rows[1:]}
    assert bodies == {"'=HYPERLINK(\"http://evil\")", "'+1+2\n两行"}
    assert text.splitlines()[1].startswith('"')  # every cell quoted: the shared rule of speeches.spreadsheet
    assert {row[2] for row in rows[1:]} == {"在全市经济工作会议上的讲话"}
    assert all(row[10].startswith("http://testserver/speeches/") for row in rows[1:])


def test_csv_export_headers_follow_the_page_language(users, speech):
    note_create(author=users["a"], body="-20飞机", **words(speech, "s1", 1, "营商环境"))
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["a"])
    client.cookies["django_language"] = "en"
    text = b"".join(client.get(reverse("notes_csv")).streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["Created", "Modified", "Speech", "Speaker", "Date", "Section", "Original text", "Note",
                       "Public", "Text has changed", "Link"]
    assert rows[1][7] == "'-20飞机" and rows[1][8] == "no"


def test_my_notes_filters_and_search(users, speech, notes):
    other = note_create(author=users["a"], body="别处的笔记", **words(
        __import__("tests.factories", fromlist=["make_speech"]).make_speech(
            "另一篇讲话", speaker="王**", sections=[("一、", "题", ["要抓好落实工作。"], [])]), "s1", 1, "抓好落实"))
    client = Client()
    client.force_login(users["a"])

    def listed(**params):
        html = client.get(reverse("my_notes"), params).content.decode()
        return {body for body in ("A 的私人笔记", "A 的公开笔记", "别处的笔记", "B 的私人笔记") if body in html}

    assert listed() == {"A 的私人笔记", "A 的公开笔记", "别处的笔记"}
    assert listed(q="公开") == {"A 的公开笔记"}
    assert listed(q="一网通办") == {"A 的私人笔记"}  # the quoted words are searched too
    assert listed(speaker="王**") == {"别处的笔记"}
    assert listed(speech=speech.uid) == {"A 的私人笔记", "A 的公开笔记"}
    section = Section.objects.get(speech=speech, anchor="s1")
    tag = section.tags.model.objects.create(name="营商环境")
    section.tags.add(tag)
    assert listed(tag="营商环境") == {"A 的私人笔记", "A 的公开笔记"}
    html = client.get(reverse("my_notes"), {"speaker": "王**"}).content.decode()
    assert f'href="{other.speech_url()}"' in html and "notes/export.csv?speaker=" in html


def test_my_notes_filter_by_my_private_tag_but_never_by_someone_elses(users, speech, notes):
    """A researcher codes sections privately, then reads their notes by code; B's private code on the
    same section is neither a filter choice for A nor a way for A to learn it exists."""
    from tagging.services import tag_add

    s1 = Section.objects.get(speech=speech, anchor="s1")
    tag_add(user=users["a"], section=s1, name="A的编码", private=True)
    tag_add(user=users["b"], section=s1, name="B的编码", private=True)
    client = Client()
    client.force_login(users["a"])
    html = client.get(reverse("my_notes"), {"tag": "A的编码"}).content.decode()
    assert "A 的私人笔记" in html and "A 的公开笔记" in html
    assert "B的编码" not in client.get(reverse("my_notes")).content.decode()
    html = client.get(reverse("my_notes"), {"tag": "B的编码"}).content.decode()
    assert "A 的私人笔记" not in html and "A 的公开笔记" not in html


@pytest.mark.parametrize("change, message", [
    (dict(exact="别的字"), "所选文字与原文不一致"),
    (dict(paragraph=9), "所选文字不在这一段里"),
    (dict(anchor="s9"), "找不到这一节"),
    (dict(body="  \n "), "笔记内容不能为空"),
])
def test_bad_notes_are_refused_with_a_message(users, speech, change, message):
    args = {**words(speech, "s1", 1, "营商环境"), "body": "笔记", **change}
    with pytest.raises(NoteError, match=message):
        note_create(author=users["a"], **args)
    assert not Note.objects.exists()


def test_bad_note_through_the_api_is_a_400_in_chinese(users, speech):
    client = Client()
    client.force_login(users["a"])
    response = client.post(reverse("api_note_create"), {"speech": speech.uid, "section": "s1", "paragraph": 1,
                                                        "start": 0, "end": 2, "exact": "不对", "body": "x"})
    assert response.status_code == 400 and "所选文字与原文不一致" in response.json()["error"]


def recreate_sections(speech, bodies: dict[str, str]) -> None:
    """What a re-parse does: delete the sections, create new ones, send the signal (one transaction)."""
    with transaction.atomic():
        speech.sections.all().delete()
        for order, (anchor, body) in enumerate(bodies.items()):
            Section.objects.create(speech=speech, order=order, anchor=anchor, body=body, heading=anchor)
        sections_replaced.send(sender=type(speech), speech=speech)


def test_sections_replaced_reanchors_moves_and_detaches(users, speech, notes):
    recreate_sections(speech, {
        "s1": "一是稳住经济大盘。",  # a new first section: every old anchor shifts by one
        "s2": PARAGRAPH_1.replace("要深化", "要坚定不移深化") + "\n" + "三是抓好重大项目建设的前期工作。",  # paragraph 2 gone
        "s3": "三是推进乡村振兴。要稳定就业，也要增收。",
    })
    private, public, b_note = (Note.objects.get(pk=notes[k].pk) for k in ("a_private", "a_public", "b_private"))
    assert (private.section_anchor, private.detached) == ("s2", False)
    assert private.section.body[private.start:private.end] == "推进政务服务“一网通办”"
    assert public.detached and public.section is None  # its context is gone: not moved to a look-alike
    assert public.exact == "抓好重大项目建设"  # the words it was written on are kept
    assert b_note.detached  # 稳定就业 is there, but in other surroundings
    page = Client().get(speech.get_absolute_url()).content.decode()
    assert "原文已变动" in page and "A 的公开笔记" in page


def test_a_stale_target_is_reanchored_when_the_page_is_drawn(users, speech, notes):
    """Sections rewritten without the signal (e.g. an older import path): the page still finds the words."""
    section = speech.sections.get(anchor="s1")
    Section.objects.filter(pk=section.pk).update(body="（新增一句。）" + PARAGRAPH_1 + "\n" + PARAGRAPH_2)
    client = Client()
    client.force_login(users["a"])
    html = client.get(speech.get_absolute_url()).content.decode()
    note = Note.objects.get(pk=notes["a_private"].pk)
    assert note.start == notes["a_private"].start + len("（新增一句。）") and not note.detached
    assert f'data-start="{note.start}"' in html  # drawn where the words now are (first paragraph)


def test_detached_notes_come_back_when_their_words_do(users, speech, notes):
    original = {s.anchor: s.body for s in speech.sections.all()}
    recreate_sections(speech, {"s1": "全部改写。", "s2": "也改写了。"})
    assert Note.objects.filter(detached=True).count() == 3
    recreate_sections(speech, original)
    assert Note.objects.filter(detached=False).count() == 3
    assert notes_reanchor(speech=speech)["changed"] == 0  # idempotent


def test_pages_in_english(users, speech, notes):
    from django.conf import settings

    client = Client()
    client.force_login(users["a"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("my_notes")).content.decode()
    assert "My notes" in html and "Search notes" in html and "我的笔记" not in html
    html = client.get(speech.get_absolute_url()).content.decode()
    assert "Select words inside a paragraph to write a note on them." in html and "My note · only me" in html
    response = client.post(reverse("api_note_create"), {"speech": speech.uid, "section": "s1", "paragraph": 1,
                                                        "start": 0, "end": 2, "exact": "不对", "body": "x"})
    assert response.json()["error"] == "The selected words differ from the text; reload the page and select again."


def test_a_real_reparse_reanchors_through_the_signal(users):
    """speeches.services.speech_replace (the admin's re-parse) recreates the sections and sends
    sections_replaced: the note follows its words into the new section rows."""
    from speeches.ingest import parse_bytes
    from speeches.services import file_import, speech_replace

    text = ("在全市经济工作会议上的讲话\n\n同志们：\n今天召开全市经济工作会议。\n一、持续优化营商环境\n"
            "要深化“放管服”改革，推进政务服务“一网通办”，让企业办事更便捷。\n二、扩大有效投资\n"
            "要抓好重大项目建设，确保项目早开工、早投产。\n")
    speech = file_import(data=text.encode(), name="讲话.txt").speeches[0]
    section = next(s for s in speech.sections.all() if "一网通办" in s.body)
    paragraph = next(i for i, p in enumerate(section.paragraphs, 1) if "一网通办" in p)
    start = section.paragraphs[paragraph - 1].index("推进政务服务")
    note = note_create(author=users["a"], speech=speech, anchor=section.anchor, paragraph=paragraph, start=start,
                       end=start + 12, exact="推进政务服务“一网通办”", body="好提法")
    edited = text.replace("要深化", "要坚定不移、持之以恒地深化")
    speech_replace(speech=speech, parsed=parse_bytes(edited.encode(), filename="讲话.txt")[0], position=0)
    note.refresh_from_db()
    assert not note.detached and note.section_id is not None
    assert note.section.body[note.start:note.end] == "推进政务服务“一网通办”"
    assert note.start > start  # it moved with the inserted words


@pytest.mark.parametrize("start, end, expected", [
    (0, 2, (1, 0, 2)), (3, 6, (2, 0, 3)), (4, 8, (2, 1, 3)), (7, 8, (3, 0, 1)),  # 4..8 runs over: cut at its paragraph
])
def test_a_note_is_drawn_in_the_paragraph_it_starts_in(start, end, expected):
    from types import SimpleNamespace

    from annotations.templatetags.notes import paragraph_starts, place

    note = SimpleNamespace(start=start, end=end)
    place(note, paragraph_starts("ab\ncde\nf"))
    assert (note.paragraph, note.paragraph_start, note.paragraph_end) == expected
