"""Permission matrix {anonymous, reader A, reader B, staff} × {create, edit, delete, hide, read a
private note, export}, every cell asserted through the pages and the JSON endpoints."""
import json

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Note

from .conftest import words

ACTORS = ["anonymous", "a", "b", "staff"]


def client_for(users, who) -> Client:
    client = Client()
    if who != "anonymous":
        client.force_login(users[who])
    return client


def create_payload(speech):
    data = words(speech, "s1", 1, "深化“放管服”改革")
    return {"speech": speech.uid, "section": data["anchor"], "paragraph": data["paragraph"],
            "start": data["start"], "end": data["end"], "exact": data["exact"], "body": "新笔记"}


@pytest.mark.parametrize("who, status", [("anonymous", 403), ("a", 201), ("b", 201), ("staff", 201)])
def test_create(users, speech, who, status):
    response = client_for(users, who).post(reverse("api_note_create"), create_payload(speech))
    assert response.status_code == status
    assert Note.objects.filter(body="新笔记").count() == (status == 201)
    if status == 201:
        assert Note.objects.get(body="新笔记").author == users[who] and not Note.objects.get(body="新笔记").public


def signed_in_redirect(response):
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# (note, actor) -> expected: "ok", "login" (sent to sign in), 403 (may see, may not change), 404 (may not see)
EDIT = {
    ("a_private", "anonymous"): "login", ("a_private", "a"): "ok", ("a_private", "b"): 404, ("a_private", "staff"): 404,
    ("a_public", "anonymous"): "login", ("a_public", "a"): "ok", ("a_public", "b"): 403, ("a_public", "staff"): 403,
}
HIDE = {
    ("a_private", "anonymous"): "login", ("a_private", "a"): 403, ("a_private", "b"): 404, ("a_private", "staff"): 404,
    ("a_public", "anonymous"): "login", ("a_public", "a"): 403, ("a_public", "b"): 403, ("a_public", "staff"): "ok",
}


def check(response, expected):
    if expected == "login":
        assert signed_in_redirect(response), response
    elif expected == "ok":
        assert response.status_code == 302 and not signed_in_redirect(response)
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("note, who", list(EDIT))
def test_edit(users, notes, note, who):
    target = notes[note]
    response = client_for(users, who).post(reverse("note_edit", args=[target.pk]), {"body": "改过", "public": "on"})
    check(response, EDIT[note, who])
    target.refresh_from_db()
    assert (target.body == "改过") == (EDIT[note, who] == "ok")


@pytest.mark.parametrize("note, who", list(EDIT))
def test_delete(users, notes, note, who):
    target = notes[note]
    response = client_for(users, who).post(reverse("note_delete", args=[target.pk]))
    check(response, EDIT[note, who])  # the same rule: only the author
    assert Note.objects.filter(pk=target.pk).exists() == (EDIT[note, who] != "ok")


@pytest.mark.parametrize("note, who", list(HIDE))
def test_hide(users, notes, note, who):
    target = notes[note]
    response = client_for(users, who).post(reverse("note_hide", args=[target.pk]), {"hidden": "1"})
    check(response, HIDE[note, who])
    target.refresh_from_db()
    assert target.hidden == (HIDE[note, who] == "ok")


@pytest.mark.parametrize("who, sees", [("anonymous", False), ("a", True), ("b", False), ("staff", False)])
def test_read_a_private_note(users, speech, notes, index_path, who, sees):
    client = client_for(users, who)
    note = notes["a_private"]
    assert client.get(reverse("note", args=[note.pk])).status_code == (200 if sees else 404)
    page = client.get(speech.get_absolute_url()).content.decode()
    assert ("A 的私人笔记" in page) == sees
    assert "A 的公开笔记" in page  # public notes are for everyone, with the author's name
    # The author sees "我的笔记" instead of their name (the header's account menu names them anyway).
    body = page.split('<main id="main">', 1)[1]
    assert ("reader_a" in body) == (who != "a")
    api = client.get(reverse("api_speech_notes", args=[speech.uid])).json()
    assert ("A 的私人笔记" in json.dumps(api, ensure_ascii=False)) == sees
    if who != "anonymous":
        assert ("A 的私人笔记" in client.get(reverse("my_notes")).content.decode()) == sees
    results = client.get("/search", {"q": "私人笔记"}).content.decode()
    assert "A 的私人笔记" not in results and "B 的私人笔记" not in results  # notes are not in search
    assert "B 的私人笔记" not in page or who == "b"


@pytest.mark.parametrize("who", ["anonymous", "a", "b", "staff"])
def test_hidden_public_note_shows_to_author_and_staff_only(users, speech, notes, who):
    from annotations.services import note_hide

    note_hide(note=notes["a_public"], user=users["staff"])
    page = client_for(users, who).get(speech.get_absolute_url()).content.decode()
    assert ("A 的公开笔记" in page) == (who in ("a", "staff"))
    response = client_for(users, who).get(reverse("note", args=[notes["a_public"].pk]))
    assert response.status_code == (200 if who in ("a", "staff") else 404)


@pytest.mark.parametrize("who, expected", [
    ("anonymous", None), ("a", {"A 的私人笔记", "A 的公开笔记"}), ("b", {"B 的私人笔记"}), ("staff", set()),
])
def test_export(users, notes, who, expected):
    client = client_for(users, who)
    for name in ("notes_csv", "notes_jsonld"):
        response = client.get(reverse(name))
        if expected is None:
            assert signed_in_redirect(response)
            continue
        text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
        found = {body for body in ("A 的私人笔记", "A 的公开笔记", "B 的私人笔记") if body in text}
        assert found == expected, (name, who)


def test_my_notes_requires_sign_in(client):
    assert signed_in_redirect(client.get(reverse("my_notes")))


@pytest.mark.parametrize("note, who", list(EDIT))
def test_edit_page(users, notes, note, who):
    response = client_for(users, who).get(reverse("note_edit", args=[notes[note].pk]), {"next": "/notes/"})
    expected = EDIT[note, who]
    if expected == "ok":
        assert response.status_code == 200 and notes[note].body in response.content.decode()
    elif expected == "login":
        assert signed_in_redirect(response)
    else:
        assert response.status_code == expected


def test_edit_page_ignores_a_foreign_next(users, notes):
    client = client_for(users, "a")
    html = client.get(reverse("note_edit", args=[notes["a_public"].pk]), {"next": "https://evil.example/"}).content.decode()
    assert 'value="https://evil.example/"' not in html and 'href="https://evil.example/"' not in html
    response = client.post(reverse("note_edit", args=[notes["a_public"].pk]),
                           {"body": "x", "next": "https://evil.example/"})
    assert response["Location"] == notes["a_public"].speech_url()
