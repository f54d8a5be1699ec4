"""What a reader does in a real browser: search, filter, open a hit, follow links, switch language."""
import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def test_search_facet_then_open_hit_lands_on_highlighted_paragraph(site, page):
    page.goto(f"{site}/search?q=落实")
    speaker = page.locator('[data-facet="speaker"] li a').first
    facet_count = speaker.locator(".count").inner_text()
    assert re.fullmatch(r"\d+ 节", facet_count)  # says what it counts: sections, like the heading
    speaker.click()
    page.wait_for_url(re.compile(r"speaker="))
    assert f"篇讲话中 {facet_count}" in page.locator("#summary").inner_text()
    assert page.locator(".chip").count() == 1
    page.locator(".to-paragraph").first.click()
    page.wait_for_url(re.compile(r"/speeches/.+\?q=.+#s"))
    anchor = page.evaluate("location.hash.slice(1)")
    target = page.locator(f'[id="{anchor}"]')
    assert target.locator("mark").first.inner_text() == "落实"
    assert target.evaluate("el => el.matches(':target')")
    box = target.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]  # scrolled into view


def test_step_through_every_match_in_a_speech_and_wrap_around(site, page, sample_archive):
    speech = sample_archive.get(title="在市政府2021年全体会议上的讲话")
    page.goto(f"{site}{speech.get_absolute_url()}?q=落实")
    nav = page.get_by_role("navigation", name="本篇中的命中")
    marks = page.locator(".speech-body mark")
    total = marks.count()
    assert total > 3 and nav.locator(".match-total").inner_text() == str(total)
    assert nav.locator(".match-current").inner_text() == "1"
    next_button = nav.get_by_role("button", name="下一处")
    for step in range(2, 5):
        next_button.click()
        assert nav.locator(".match-current").inner_text() == str(step)
    current = page.locator("mark.current")
    assert current.count() == 1 and current.evaluate("m => [...document.querySelectorAll('.speech-body mark')].indexOf(m)") == 3
    box = current.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]  # scrolled to it
    nav.get_by_role("button", name="上一处").click()
    nav.get_by_role("button", name="上一处").click()
    nav.get_by_role("button", name="上一处").click()
    nav.get_by_role("button", name="上一处").click()  # from the first back to the last
    assert nav.locator(".match-current").inner_text() == str(total)
    page.goto(site + speech.get_absolute_url())  # not from a search: no bar, no marks
    assert page.locator(".match-nav").count() == 0 and page.locator("mark").count() == 0


def test_toc_link_scrolls_to_section_and_copied_paragraph_link_opens_it(site, page, sample_archive):
    speech = sample_archive.get(title="市长在市政府全体成员会议上的总结讲话")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site + speech.get_absolute_url())
    toc_link = page.locator(".toc a").nth(3)
    anchor = toc_link.get_attribute("href").lstrip("#")
    toc_link.click()
    section_top = page.locator(f'[id="{anchor}"]').bounding_box()["y"]
    assert 0 <= section_top < 200
    paragraph = page.locator(f'[id="{anchor}"] p').first
    paragraph.hover()
    paragraph.locator("a[data-copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("#" + paragraph.get_attribute("id")) and copied.startswith(site)
    page.goto("about:blank")
    page.goto(copied)
    assert page.locator(f'[id="{paragraph.get_attribute("id")}"]').evaluate("el => el.matches(':target')")


def test_quote_control_copies_the_paragraph_with_its_source_and_link(site, page, sample_archive):
    speech = sample_archive.get(title="在市政府班子务虚会上的讲话（提纲）")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site}{speech.get_absolute_url()}?q=落实")  # marks inside must not change the text
    paragraph = page.locator(".speech-body p", has=page.locator("mark")).first
    paragraph.hover()
    paragraph.get_by_role("link", name="复制本段引文（含出处）").click()
    quote, source, link = page.evaluate("navigator.clipboard.readText()").split("\n")
    text = sample_archive_paragraph(speech, paragraph.get_attribute("id"))
    assert quote == f"“{text}”" and "¶" not in quote and "引”" not in quote
    assert source == "——李**（市委副书记、代市长）《在市政府班子务虚会上的讲话（提纲）》，2021年1月"
    assert link == f"{site}{speech.get_absolute_url()}#{paragraph.get_attribute('id')}"


def sample_archive_paragraph(speech, paragraph_id):
    """The stored text of a paragraph, by its anchor (s1-p2: section s1, second paragraph)."""
    anchor, number = paragraph_id.rsplit("-p", 1)
    return speech.sections.get(anchor=anchor).paragraphs[int(number) - 1]


def test_language_switch_to_english_and_back(site, page):
    page.goto(site + "/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_by_role("heading", name="Speech Archive").is_visible()
    page.get_by_role("button", name="中文").click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "zh-Hans"
    assert page.get_by_role("heading", name="讲话稿检索库").is_visible()


def test_keyboard_only_search_and_reach_first_result(site, page, sample_archive):
    page.goto(site + sample_archive.first().get_absolute_url())  # any page but home: no autofocus
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-q":
            break
    assert page.evaluate("document.activeElement.id") == "site-q"
    page.keyboard.type("落实")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    first_result = page.locator(".hit h2 a").first.get_attribute("href")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == first_result:
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == first_result
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/speeches/"))
    assert page.locator("article.speech h1").is_visible()


def test_screenshots_of_home_results_and_speech(site, page, sample_archive, tmp_path):
    # `make screenshots` points this at docs/screenshots; otherwise they only prove the pages render.
    out = Path(os.environ.get("ARCHIVE_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    speech = sample_archive.get(title="在市政府班子务虚会上的讲话（提纲）")
    shots = (("home", "/"), ("results", "/search?q=落实"), ("speech", speech.get_absolute_url() + "?q=落实"),
             ("kwic", '/search/kwic?q="抓"'))
    for name, url in shots:
        page.goto(site + url)
        page.screenshot(path=str(out / f"{name}.png"))
        assert (out / f"{name}.png").stat().st_size > 10_000
