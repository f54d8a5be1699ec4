"""What a signed-in reader and a member of staff see first, in real Chromium at a phone and a desktop
width: 我的笔记 in the header, and a speech without a title line read as 无题 with a way for staff
to give it one."""
import pytest

from tests.browser.test_notes import sign_in
from tests.factories import make_speech

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def untitled(index_path, transactional_db):
    return make_speech("", speaker="赵**", date=(2023, 4, None), source_name="gwr_2025.txt",
                       sections=[("一、", "琉璃瓦工程", ["推进琉璃瓦工程建设，抓好落实。"], [])])


def within_screen(page, locator):
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] >= 0


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_a_reader_reaches_my_notes_from_the_header(live_server, page, django_user_model, untitled, viewport):
    page.set_viewport_size(viewport)
    reader = django_user_model.objects.create_user(username="读者乙", password="pw-123456-a")
    page.goto(live_server.url + untitled.get_absolute_url())
    assert page.locator(".site-header").get_by_role("link", name="我的笔记").count() == 0
    sign_in(page, live_server.url, reader)
    page.goto(live_server.url + untitled.get_absolute_url())
    link = page.locator(".site-header").get_by_role("link", name="我的笔记")
    assert link.is_visible() and within_screen(page, link)
    link.click()
    page.wait_for_url(f"{live_server.url}/notes/")
    assert page.locator("h1").first.inner_text().startswith("我的笔记")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_an_untitled_speech_reads_untitled_and_staff_can_title_it(live_server, page, django_user_model,
                                                                   untitled, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + untitled.get_absolute_url())
    assert page.locator("h1").inner_text() == "无题" and page.title().startswith("无题 · ")
    assert page.locator(".staff-notice").count() == 0
    staff = django_user_model.objects.create_superuser(username="编辑甲", password="pw-123456-b")
    sign_in(page, live_server.url, staff)
    page.goto(live_server.url + untitled.get_absolute_url())
    notice = page.locator(".staff-notice")
    assert notice.is_visible() and within_screen(page, notice)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    notice.get_by_role("link", name="在管理后台添加标题").click()
    page.wait_for_url(f"**/admin/speeches/speech/{untitled.pk}/change/")
    page.fill("#id_title", "在琉璃瓦工程推进会上的讲话")
    page.locator('input[name="_save"]').click()
    page.wait_for_load_state()
    page.goto(live_server.url + untitled.get_absolute_url())
    assert page.locator("h1").inner_text() == "在琉璃瓦工程推进会上的讲话"
    assert page.locator(".staff-notice").count() == 0


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_a_long_speechs_parts_are_a_row_of_numbers(live_server, page, monkeypatch, untitled, viewport):
    from speeches import reading

    monkeypatch.setattr(reading, "PART_CHARS", 10)  # every section a part: the speech is "long"
    make_speech("第二篇", sections=[("", f"第{n}部分", ["推进工程建设。" * 3], []) for n in range(1, 4)])
    from speeches.models import Speech

    page.set_viewport_size(viewport)
    page.goto(live_server.url + Speech.objects.get(title="第二篇").get_absolute_url() + "?part=2")
    parts = page.locator("nav.parts").first
    items = parts.locator("li")
    assert items.count() == 3
    tops = {round(items.nth(i).bounding_box()["y"]) for i in range(3)}
    assert len(tops) == 1  # 1 2 3 side by side
    assert items.first.evaluate("li => getComputedStyle(li).listStyleType") == "none"  # no "1. 1", "2. 2"
    assert parts.locator('[aria-current="page"]').inner_text() == "2"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_note_edit_page_is_a_form_a_reader_can_use(live_server, page, django_user_model, untitled, viewport):
    from annotations.services import note_create

    reader = django_user_model.objects.create_user(username="读者丙", password="pw-123456-c")
    section = untitled.sections.first()
    note = note_create(author=reader, speech=untitled, anchor=section.anchor, paragraph=1, start=2, end=5,
                       exact=section.body[2:5], body="记一下")
    page.set_viewport_size(viewport)
    sign_in(page, live_server.url, reader)
    page.goto(f"{live_server.url}/notes/{note.pk}/edit")
    label, box = page.locator('label[for="id_body"]'), page.locator("#id_body")
    form = page.locator(".note-edit-page form").first
    assert label.bounding_box()["y"] + label.bounding_box()["height"] <= box.bounding_box()["y"] + 1  # label above
    assert box.bounding_box()["width"] >= 0.95 * form.bounding_box()["width"]  # the box fills the form
    save = page.get_by_role("button", name="保存")
    assert save.evaluate("b => getComputedStyle(b).backgroundColor") != "rgb(239, 239, 239)"  # not the bare default
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.fill("#id_body", "改过的笔记")
    save.click()
    page.wait_for_load_state()
    from annotations.models import Note

    assert Note.objects.get(pk=note.pk).body == "改过的笔记"
