"""Notes in real Chromium: sign in, select words with the mouse, write a note, reload: the note is
there, beside its paragraph, with its words highlighted. Hostile note bodies run no script."""
import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def sign_in(page, site, user):
    """A signed-in session cookie for `user`, as the sign-in page would set it."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])


def register(page, site, username):
    """Register through the accounts pages; before the accounts app is installed (it is built in
    parallel), make the account directly and sign in with its session cookie."""
    from django.contrib.auth import get_user_model
    from django.urls import NoReverseMatch, reverse

    password = "pw-Register-123456"
    try:
        url = reverse("register")
    except NoReverseMatch:
        user = get_user_model().objects.create_user(username=username, password=password)
        sign_in(page, site, user)
        return user
    page.goto(site + url)
    page.fill("#id_username", username)
    if page.locator("#id_email").count():
        page.fill("#id_email", "reader@example.org")
    page.fill("#id_password1", password)
    page.fill("#id_password2", password)
    page.get_by_role("button", name="注册").click()
    page.wait_for_url(f"{site}/")
    return get_user_model().objects.get(username=username)


@pytest.fixture
def reader(transactional_db, django_user_model):
    return django_user_model.objects.create_user(username="读者甲", password="pw-123456-a")


def drag_select(page, paragraph_id, start, end):
    """Select characters [start, end) of a paragraph's first text node with a real mouse drag."""
    box = page.evaluate(
        """([id, start, end]) => {
          const node = document.getElementById(id).firstChild;
          const rect = (i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                                return r.getBoundingClientRect(); };
          const a = rect(start), b = rect(end - 1);
          return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2];
        }""", [paragraph_id, start, end])
    page.mouse.move(box[0], box[1])
    page.mouse.down()
    page.mouse.move(box[2], box[3], steps=5)
    page.mouse.up()


def test_register_select_words_write_a_note_reload_it_is_highlighted(site, page, sample_archive):
    speech = sample_archive.get(title="在市政府班子务虚会上的讲话（提纲）")
    section = next(s for s in speech.sections.all() if s.body and len(s.paragraphs[0]) > 20)
    paragraph_id = section.paragraph_anchor(0)
    expected = section.paragraphs[0][4:12]
    register(page, site, "写作者")
    page.goto(site + speech.get_absolute_url())
    drag_select(page, paragraph_id, 4, 12)
    assert page.evaluate("window.getSelection().toString()") == expected
    page.get_by_role("button", name="写笔记").click()
    form = page.locator("form.note-new")
    assert form.locator(".note-quote").inner_text() == expected
    form.get_by_label("笔记").fill("这句可以引用。\n第二行")
    form.get_by_role("button", name="保存").click()
    page.wait_for_selector(".note-margin .note-card")  # the page reloaded itself with the note
    assert re.search(r"#note-\d+$", page.url)
    page.reload()
    mark = page.locator(f'[id="{paragraph_id}"] .note-hl')
    assert mark.count() == 1 and mark.inner_text() == expected
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    card = page.locator(".note-margin .note-card")
    assert card.count() == 1 and "这句可以引用。\n第二行" in card.locator(".note-body").inner_text()
    assert "仅自己可见" in card.inner_text()
    text_box = page.locator(f'[id="{paragraph_id}"]').bounding_box()
    card_box = card.bounding_box()
    assert card_box["x"] >= text_box["x"] + text_box["width"]  # beside the words, in the margin (1280 px)
    assert abs(card_box["y"] - text_box["y"]) < 40
    mark.click()
    assert "active" in card.get_attribute("class")
    page.goto(site + "/notes/")
    assert page.locator(".note-entry").count() == 1 and expected in page.locator(".note-entry").inner_text()


def test_hostile_note_bodies_run_no_script(site, page, sample_archive, reader, django_user_model):
    from annotations.services import note_create

    speech = sample_archive.get(title="在市政府班子务虚会上的讲话（提纲）")
    section = next(s for s in speech.sections.all() if s.body)
    first = section.paragraphs[0]
    note_create(author=reader, speech=speech, anchor=section.anchor, paragraph=1, start=0, end=4,
                exact=first[:4], body=XSS, public=True)
    other = django_user_model.objects.create_user(username="reader_b", password="pw-123456-b")
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    for who, url in ((None, speech.get_absolute_url()), (other, speech.get_absolute_url()), (reader, "/notes/")):
        if who:
            sign_in(page, site, who)
        page.goto(site + url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None, url
        assert page.get_by_text(XSS, exact=True).count() >= 1, url  # shown as text, every character
        assert page.locator(".note-body img, .note-body script").count() == 0
    assert not errors


@pytest.mark.parametrize("width", [390, 1280])
def test_notes_screenshots(site, page, sample_archive, reader, tmp_path, width):
    """`make screenshots` keeps these (docs/screenshots); otherwise they prove the layout renders."""
    from annotations.services import note_create

    out = Path(os.environ.get("ARCHIVE_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    speech = sample_archive.get(title="在市政府班子务虚会上的讲话（提纲）")
    sections = [s for s in speech.sections.all() if s.body][:3]
    for n, section in enumerate(sections):
        text = section.paragraphs[0]
        note_create(author=reader, speech=speech, anchor=section.anchor, paragraph=1, start=2, end=min(12, len(text)),
                    exact=text[2:min(12, len(text))], body=f"第 {n + 1} 条笔记：这里的提法可以用在年度总结里。",
                    public=bool(n % 2))
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, site, reader)
    for language in ("zh-hans", "en"):
        page.context.add_cookies([{"name": "django_language", "value": language, "url": site}])
        page.goto(site + speech.get_absolute_url() + f"#{sections[0].anchor}")
        page.screenshot(path=str(out / f"notes-speech-{width}-{language}.png"))
        page.goto(site + "/notes/")
        page.screenshot(path=str(out / f"notes-mine-{width}-{language}.png"))
        assert page.locator(".note-entry").count() == 3
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (width, language)
    assert (out / f"notes-speech-{width}-en.png").stat().st_size > 10_000


def test_triple_click_takes_the_paragraph_and_a_selection_across_paragraphs_is_refused(site, page, sample_archive, reader):
    speech = sample_archive.get(title="在市政府班子务虚会上的讲话（提纲）")
    section = next(s for s in speech.sections.all() if len(s.paragraphs) > 1)
    sign_in(page, site, reader)
    page.goto(site + speech.get_absolute_url())
    page.locator(f'[id="{section.paragraph_anchor(0)}"]').click(click_count=3)
    page.get_by_role("button", name="写笔记").click()
    assert page.locator("form.note-new .note-quote").inner_text() == section.paragraphs[0]
    page.get_by_role("button", name="取消").click()
    first, second = (page.locator(f'[id="{section.paragraph_anchor(i)}"]').bounding_box() for i in (0, 1))
    page.mouse.move(first["x"] + 40, first["y"] + 5)
    page.mouse.down()
    page.mouse.move(second["x"] + 60, second["y"] + 5, steps=5)
    page.mouse.up()
    assert page.get_by_role("button", name="写笔记").is_hidden()
